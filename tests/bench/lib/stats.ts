/** Small statistics for the bench: medians and percentiles of run timings. */

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The `p`-th percentile (0–100) with linear interpolation between closest ranks; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const position = (Math.min(100, Math.max(0, p)) / 100) * (finite.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = finite[lower] as number;
  const high = finite[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Run `fn` `warmup` times without recording, then `runs` times, returning each run's result. */
export async function repeat<T>(runs: number, warmup: number, fn: (run: number) => Promise<T> | T): Promise<T[]> {
  for (let i = 0; i < warmup; i += 1) await fn(-1 - i);
  const results: T[] = [];
  for (let i = 0; i < runs; i += 1) results.push(await fn(i));
  return results;
}
