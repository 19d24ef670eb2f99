/**
 * Whether two JSON values are the same, key order included: exactly when `JSON.stringify` gives
 * both the same text. Used to tell that a parsed file already is its own canonical form, so its
 * text (re-spaced) can stand for the validated product without stringifying the product again.
 * Recursive: call it only on values whose depth has been checked (a product file's is bounded).
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  const otherKeys = Object.keys(right);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    if (key === undefined || key !== otherKeys[i] || !sameJson(left[key], right[key])) return false;
  }
  return true;
}
