/**
 * Nesting depth of JSON-like values, computed without recursion so that a hostile, deeply nested
 * value cannot overflow the stack while it is being measured.
 */

/** The deepest nesting of arrays/objects in a JSON value (a scalar is 0, `{}` and `[]` are 1). */
export function jsonDepth(value: unknown): number {
  let max = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || typeof top.value !== 'object' || top.value === null) continue;
    const depth = top.depth + 1;
    if (depth > max) max = depth;
    for (const child of Object.values(top.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
    }
  }
  return max;
}

/**
 * Whether `value` nests deeper than `max` levels. Stops as soon as it finds out, so it is cheap on
 * hostile input. Safe on values that did not come from JSON (structured clone keeps shared and
 * cyclic references): a cycle is infinitely deep, and a shared object is explored again only when
 * it is reached at a greater depth than before, so the work stays within `max` visits per object.
 */
export function exceedsJsonDepth(value: unknown, max: number): boolean {
  const deepestVisit = new Map<object, number>();
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || typeof top.value !== 'object' || top.value === null) continue;
    const depth = top.depth + 1;
    if (depth > max) return true;
    const seenAt = deepestVisit.get(top.value);
    if (seenAt !== undefined && seenAt >= depth) continue;
    deepestVisit.set(top.value, depth);
    for (const child of Object.values(top.value)) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth });
    }
  }
  return false;
}

/**
 * `exceedsJsonDepth` for a value fresh from `JSON.parse`, which is a tree (no shared or cyclic
 * references): a plain recursive walk that stops at `max` levels, so the stack stays shallow on
 * hostile input. Faster than the general walk on a large product, which matters when opening one.
 */
export function parsedJsonExceedsDepth(value: unknown, max: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (max <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null && parsedJsonExceedsDepth(item, max - 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (typeof item === 'object' && item !== null && parsedJsonExceedsDepth(item, max - 1)) return true;
  }
  return false;
}
