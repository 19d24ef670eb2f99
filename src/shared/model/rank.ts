/**
 * Ordering by fractional-index rank strings: moving one item between two others gives it a new
 * rank between theirs, so a move changes one line of the file. Backed by `fractional-indexing`.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** A rank strictly between `before` and `after` (either may be null for "start"/"end"). */
export function rankBetween(before: string | null, after: string | null): string {
  return generateKeyBetween(before, after);
}

/** `count` ascending ranks between `before` and `after`. */
export function ranksBetween(before: string | null, after: string | null, count: number): string[] {
  return generateNKeysBetween(before, after, count);
}

/** Compare two ranks (ranks are ASCII strings ordered by code point, not by locale). */
export function compareRanks(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `items` sorted by rank, ties broken by id so the order is total and stable. */
export function sortByRank<T extends { rank: string; id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareRanks(a.rank, b.rank) || compareRanks(a.id, b.id));
}

/**
 * The rank for placing an item at `index` in `ordered` (a rank-sorted list that does not contain
 * the moved item).
 */
export function rankAtIndex(ordered: readonly { rank: string }[], index: number): string {
  const clamped = Math.max(0, Math.min(index, ordered.length));
  const before = clamped > 0 ? (ordered[clamped - 1]?.rank ?? null) : null;
  const after = clamped < ordered.length ? (ordered[clamped]?.rank ?? null) : null;
  if (before !== null && after !== null && before >= after) {
    // Two items share a rank (a hand-edited file): place after `before`, which is always valid.
    return rankBetween(before, null);
  }
  return rankBetween(before, after);
}
