/**
 * Ranking items by a score: highest first, ties kept in backlog order (so a ranking is stable — the
 * same inputs always give the same order, and equal scores never shuffle). Items whose score is
 * missing or invalid are not ranked; they are listed apart, in backlog order.
 *
 * Built for large backlogs: one pass to score, one typed-array sort of indices, one id index.
 */
import type { ScoreResult } from './score';

export interface RankedEntry {
  id: string;
  score: number;
  /** 1-based place in the ranking. */
  position: number;
  /** The item's index in backlog order (the tie-breaker). */
  order: number;
}

/** Read-only lookups by item id (a small subset of `ReadonlyMap`). */
export interface IdLookup<V> {
  get(id: string): V | undefined;
  has(id: string): boolean;
}

export interface Ranking {
  /** Scored items, best first. */
  ordered: readonly RankedEntry[];
  /** The ranked entry of an item (undefined when it is not ranked). */
  byId: IdLookup<RankedEntry>;
  /** Every item's score result (scored, missing or invalid). */
  results: IdLookup<ScoreResult>;
  /** Items without a usable score, in backlog order. */
  unscored: readonly string[];
}

/** Rank `items` (given in backlog order) by `scoreOf`. */
export function rankItems<T extends { id: string }>(items: readonly T[], scoreOf: (item: T) => ScoreResult): Ranking {
  const n = items.length;
  const resultAt: ScoreResult[] = new Array<ScoreResult>(n);
  const scores = new Float64Array(n);
  const indexOf = new Map<string, number>();
  const scoredIdx: number[] = [];
  const unscored: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const item = items[i] as T;
    const result = scoreOf(item);
    resultAt[i] = result;
    indexOf.set(item.id, i);
    if (result.status === 'scored') {
      scores[i] = result.score;
      scoredIdx.push(i);
    } else {
      unscored.push(item.id);
    }
  }
  const sorted = Uint32Array.from(scoredIdx).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const ordered: RankedEntry[] = new Array<RankedEntry>(sorted.length);
  const entryAt: (RankedEntry | undefined)[] = new Array<RankedEntry | undefined>(n);
  for (let p = 0; p < sorted.length; p += 1) {
    const i = sorted[p] as number;
    const entry = { id: (items[i] as T).id, score: scores[i] as number, position: p + 1, order: i };
    ordered[p] = entry;
    entryAt[i] = entry;
  }
  const byId: IdLookup<RankedEntry> = {
    get: (id) => {
      const i = indexOf.get(id);
      return i === undefined ? undefined : entryAt[i];
    },
    has: (id) => {
      const i = indexOf.get(id);
      return i !== undefined && entryAt[i] !== undefined;
    },
  };
  const results: IdLookup<ScoreResult> = {
    get: (id) => {
      const i = indexOf.get(id);
      return i === undefined ? undefined : resultAt[i];
    },
    has: (id) => indexOf.has(id),
  };
  return { ordered, byId, results, unscored };
}

/** Higher score first; equal scores in backlog order. */
export function compareEntries(a: { score: number; order: number }, b: { score: number; order: number }): number {
  return b.score - a.score || a.order - b.order;
}

/**
 * The position item `id` would take if its score were `score` and every other item kept its own.
 * For an item that is not ranked yet, `order` is its backlog index (it joins the ranking).
 */
export function positionWithScore(ranking: Ranking, id: string, score: number, order: number = ranking.byId.get(id)?.order ?? Number.MAX_SAFE_INTEGER): number {
  const probe = { score, order };
  const ordered = ranking.ordered;
  // The number of entries that come before the probe (the list is sorted by `compareEntries`).
  let lo = 0;
  let hi = ordered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(ordered[mid] as RankedEntry, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  const self = ranking.byId.get(id);
  const selfBefore = self !== undefined && compareEntries(self, probe) < 0 ? 1 : 0;
  return lo - selfBefore + 1;
}

/** The ranked ids, best first, followed by the unscored ids in backlog order. */
export function rankedIdsThenUnscored(ranking: Ranking): string[] {
  return [...ranking.ordered.map((e) => e.id), ...ranking.unscored];
}
