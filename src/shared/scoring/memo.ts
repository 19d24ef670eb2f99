/**
 * Memoise a pure function on the identity of its arguments (one entry: the last call). Products are
 * immutable and edits keep unchanged lists and objects, so "same list" means "same data": views
 * that ask for the same ranking again (switching sub-tabs, re-rendering) get it without recomputing.
 */
export function memoizeLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R | undefined;
  return (...args: A): R => {
    if (lastArgs !== null && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) {
      return lastResult as R;
    }
    const result = fn(...args);
    lastArgs = args;
    lastResult = result;
    return result;
  };
}
