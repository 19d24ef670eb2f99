/**
 * Rank agreement statistics: Kendall's tau-b and Spearman's rho. Both run from −1 (opposite orders)
 * through 0 (unrelated) to 1 (the same order); both handle ties (tau-b's tie correction; rho as the
 * Pearson correlation of average ranks). Null when undefined (fewer than two items, or one side
 * constant). Both run in O(n log n), so comparing frameworks over a large backlog stays quick.
 */

function checkLengths(x: readonly number[], y: readonly number[]): void {
  if (x.length !== y.length) throw new Error(`Rankings of different lengths (${x.length} and ${y.length})`);
}

/** Kendall's tau-b by direct pair counting, O(n²): the definition, kept as the reference for tests. */
export function kendallTauNaive(x: readonly number[], y: readonly number[]): number | null {
  checkLengths(x, y);
  const n = x.length;
  let concordant = 0;
  let discordant = 0;
  let tiesX = 0;
  let tiesY = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const dx = Math.sign((x[i] as number) - (x[j] as number));
      const dy = Math.sign((y[i] as number) - (y[j] as number));
      if (dx === 0 && dy === 0) continue;
      if (dx === 0) tiesX += 1;
      else if (dy === 0) tiesY += 1;
      else if (dx === dy) concordant += 1;
      else discordant += 1;
    }
  }
  const denominator = Math.sqrt((concordant + discordant + tiesX) * (concordant + discordant + tiesY));
  if (denominator === 0) return null;
  return (concordant - discordant) / denominator;
}

/** Σ t(t−1)/2 over the runs of equal values in an already sorted list (by `same`). */
function tiedPairs(n: number, same: (i: number) => boolean): number {
  let total = 0;
  let run = 1;
  for (let i = 1; i < n; i += 1) {
    if (same(i)) run += 1;
    else {
      total += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return total + (run * (run - 1)) / 2;
}

/**
 * Kendall's tau-b of two paired lists of values (positions or scores), in O(n log n) (Knight's
 * algorithm): sort by x then y, count the swaps a merge sort by y needs (the discordant pairs), and
 * correct for ties.
 */
export function kendallTau(x: readonly number[], y: readonly number[]): number | null {
  checkLengths(x, y);
  const n = x.length;
  if (n < 2) return null;
  let order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (x[a] as number) - (x[b] as number) || (y[a] as number) - (y[b] as number));
  const total = (n * (n - 1)) / 2;
  const xTies = tiedPairs(n, (i) => x[order[i] as number] === x[order[i - 1] as number]);
  const jointTies = tiedPairs(n, (i) => x[order[i] as number] === x[order[i - 1] as number] && y[order[i] as number] === y[order[i - 1] as number]);

  // Bottom-up merge sort of `order` by y, counting swaps.
  let swaps = 0;
  let buffer = new Array<number>(n);
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if ((y[order[j] as number] as number) < (y[order[i] as number] as number)) {
          buffer[k++] = order[j++] as number;
          swaps += mid - i;
        } else {
          buffer[k++] = order[i++] as number;
        }
      }
      while (i < mid) buffer[k++] = order[i++] as number;
      while (j < hi) buffer[k++] = order[j++] as number;
    }
    [order, buffer] = [buffer, order];
  }
  const yTies = tiedPairs(n, (i) => y[order[i] as number] === y[order[i - 1] as number]);
  const denominator = Math.sqrt((total - xTies) * (total - yTies));
  if (denominator === 0) return null;
  return (total - xTies - yTies + jointTies - 2 * swaps) / denominator;
}

/** Average ranks (1-based) of `values`: ties share the mean of the places they cover. */
export function averageRanks(values: readonly number[]): number[] {
  const indices = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < indices.length) {
    let j = i;
    while (j + 1 < indices.length && values[indices[j + 1] as number] === values[indices[i] as number]) j += 1;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) ranks[indices[k] as number] = average;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rho of two paired lists of values. */
export function spearmanRho(x: readonly number[], y: readonly number[]): number | null {
  checkLengths(x, y);
  const n = x.length;
  if (n < 2) return null;
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const a = (rx[i] as number) - mean;
    const b = (ry[i] as number) - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** A plain-words reading of an agreement coefficient. */
export function describeAgreement(value: number | null): string {
  if (value === null) return 'not defined';
  if (value >= 0.8) return 'very strong agreement';
  if (value >= 0.6) return 'strong agreement';
  if (value >= 0.4) return 'moderate agreement';
  if (value >= 0.2) return 'weak agreement';
  if (value > -0.2) return 'little or no agreement';
  return 'disagreement (mostly opposite orders)';
}
