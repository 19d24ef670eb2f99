/**
 * The best set of items that fits a capacity (0/1 knapsack), for comparing a learner's plan with
 * the best achievable one. Weights are counted in small units (a twentieth of a person-month, or
 * coarser for a huge capacity) and rounded up, so the set found always truly fits.
 */

export interface KnapsackItem {
  id: string;
  value: number;
  weight: number;
}

export interface KnapsackResult {
  ids: string[];
  value: number;
  weight: number;
}

/** The most cells the table may have (items × capacity units). */
const MAX_CELLS = 4_000_000;

export function bestWithinCapacity(items: readonly KnapsackItem[], capacity: number): KnapsackResult {
  const usable = items.filter((i) => Number.isFinite(i.value) && i.value > 0 && Number.isFinite(i.weight) && i.weight >= 0 && i.weight <= capacity + 1e-9);
  if (usable.length === 0 || !(capacity > 0)) return { ids: [], value: 0, weight: 0 };
  let unit = 0.05;
  while ((Math.floor(capacity / unit) + 1) * usable.length > MAX_CELLS) unit *= 2;
  const slots = Math.floor(capacity / unit + 1e-9);
  const weights = usable.map((i) => Math.ceil(i.weight / unit - 1e-9));
  // best[w]: the highest value with total weight units ≤ w; taken[k][w]: item k is in that set.
  const best = new Float64Array(slots + 1);
  const taken: Uint8Array[] = [];
  usable.forEach((item, k) => {
    const w = weights[k] ?? 0;
    const row = new Uint8Array(slots + 1);
    for (let c = slots; c >= w; c -= 1) {
      const withItem = (best[c - w] ?? 0) + item.value;
      if (withItem > (best[c] ?? 0)) {
        best[c] = withItem;
        row[c] = 1;
      }
    }
    taken.push(row);
  });
  const ids: string[] = [];
  let c = slots;
  let weight = 0;
  for (let k = usable.length - 1; k >= 0; k -= 1) {
    if (taken[k]?.[c] === 1) {
      const item = usable[k];
      if (!item) continue;
      ids.unshift(item.id);
      weight += item.weight;
      c -= weights[k] ?? 0;
    }
  }
  return { ids, value: best[slots] ?? 0, weight };
}
