/**
 * Whether two JSON values are the same. With `orderedKeys` (the default), key order counts too:
 * exactly when `JSON.stringify` gives both the same text — used to tell that a parsed file already
 * is its own canonical form, so its text can stand for the validated product. Without it, keys
 * match in any order and a key whose value is `undefined` counts as absent (as `JSON.stringify`
 * drops it) — used to compare a file another program wrote with the app's version.
 * Recursive: call it only on values whose depth has been checked (a product file's is bounded).
 */
export function sameJson(a: unknown, b: unknown, orderedKeys = true): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], b[i], orderedKeys)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  if (orderedKeys) {
    const keys = Object.keys(left);
    const otherKeys = Object.keys(right);
    if (keys.length !== otherKeys.length) return false;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i];
      if (key === undefined || key !== otherKeys[i] || !sameJson(left[key], right[key], orderedKeys)) return false;
    }
    return true;
  }
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(right, key) || !sameJson(left[key], right[key], orderedKeys)) return false;
  }
  return true;
}
