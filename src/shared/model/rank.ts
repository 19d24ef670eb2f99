/**
 * Ordering by fractional-index rank strings: moving one item between two others gives it a new
 * rank between theirs, so a move changes one line of the file. Backed by `fractional-indexing`.
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

const DIGITS = /^[0-9A-Za-z]+$/;

/**
 * Whether `rank` is a key the fractional-index functions can work with: base-62 digits, a head
 * letter that says how long the integer part is (`a`–`z`: 2–27 characters, `Z`–`A`: 2–27 for
 * negative integers), and a fractional part that does not end in "0". Anything else (say "1" or
 * "zzz" typed into a file by hand) would make every later move next to it throw.
 */
export function isValidRank(rank: string): boolean {
  if (!DIGITS.test(rank)) return false;
  const head = rank.charCodeAt(0);
  let intLength: number;
  if (head >= 97 && head <= 122) intLength = head - 97 + 2;
  else if (head >= 65 && head <= 90) intLength = 90 - head + 2;
  else return false;
  if (rank.length < intLength) return false;
  // "A000…0" (26 zeros) is the smallest integer; nothing can be placed before it.
  if (rank === `A${'0'.repeat(26)}`) return false;
  return !rank.slice(intLength).endsWith('0');
}

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
 * the moved item). If the neighbours share a rank (a hand-edited file), no rank fits between them:
 * the result goes right after `before` and before the next greater rank, so it never collides with
 * an existing rank and the item lands as close to `index` as the ranks allow.
 */
export function rankAtIndex(ordered: readonly { rank: string }[], index: number): string {
  const clamped = Math.max(0, Math.min(Math.trunc(index) || 0, ordered.length));
  const before = clamped > 0 ? (ordered[clamped - 1]?.rank ?? null) : null;
  let after: string | null = null;
  for (let i = clamped; i < ordered.length; i += 1) {
    const rank = ordered[i]?.rank ?? null;
    if (rank !== null && (before === null || rank > before)) {
      after = rank;
      break;
    }
  }
  return rankBetween(before, after);
}
