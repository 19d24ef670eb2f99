import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRanks, isValidRank, rankAtIndex, rankBetween, ranksBetween, sortByRank } from '../../../src/shared/model/rank';

const ranked = (...ranks: string[]) => ranks.map((rank, i) => ({ id: `x${i}`, rank }));

describe('rankBetween / ranksBetween', () => {
  it('gives a first rank, and ranks before and after it', () => {
    const first = rankBetween(null, null);
    expect(isValidRank(first)).toBe(true);
    expect(rankBetween(null, first) < first).toBe(true);
    expect(rankBetween(first, null) > first).toBe(true);
  });

  it('gives a rank strictly between two neighbours', () => {
    const mid = rankBetween('a0', 'a1');
    expect(mid > 'a0' && mid < 'a1').toBe(true);
    // The library swaps bounds given in the wrong order; equal bounds have nothing between them.
    const swapped = rankBetween('a1', 'a0');
    expect(swapped > 'a0' && swapped < 'a1').toBe(true);
    expect(() => rankBetween('a1', 'a1')).toThrow();
  });

  it('ranksBetween gives count ascending, distinct ranks inside the bounds', () => {
    expect(ranksBetween(null, null, 0)).toEqual([]);
    const ranks = ranksBetween('a0', 'a1', 25);
    expect(ranks).toHaveLength(25);
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(25);
    expect(ranks.every((r) => r > 'a0' && r < 'a1' && isValidRank(r))).toBe(true);
  });

  it('any sequence of insertions keeps the list ordered as inserted (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (positions) => {
        const list: { id: string; rank: string }[] = [];
        const expected: string[] = [];
        positions.forEach((p, n) => {
          const index = p % (list.length + 1);
          const sorted = sortByRank(list);
          const item = { id: `item-${n}`, rank: rankAtIndex(sorted, index) };
          expect(isValidRank(item.rank)).toBe(true);
          list.push(item);
          expected.splice(index, 0, item.id);
        });
        expect(sortByRank(list).map((i) => i.id)).toEqual(expected);
        expect(new Set(list.map((i) => i.rank)).size).toBe(list.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rankAtIndex', () => {
  const list = ranked('a0', 'a1', 'a2');

  it('places at the start, in the middle and at the end', () => {
    const start = rankAtIndex(list, 0);
    expect(start < 'a0').toBe(true);
    const middle = rankAtIndex(list, 2);
    expect(middle > 'a1' && middle < 'a2').toBe(true);
    const end = rankAtIndex(list, 3);
    expect(end > 'a2').toBe(true);
  });

  it('clamps indexes outside the list', () => {
    expect(rankAtIndex(list, -5) < 'a0').toBe(true);
    expect(rankAtIndex(list, 99) > 'a2').toBe(true);
    expect(rankAtIndex(list, Number.NaN) < 'a0').toBe(true);
  });

  it('starts an empty list', () => {
    expect(isValidRank(rankAtIndex([], 0))).toBe(true);
  });

  it('with duplicate ranks (a hand-edited file) never throws and never collides with an existing rank', () => {
    const dupes = ranked('a0', 'a1', 'a1', 'a1', 'a2');
    for (let index = 0; index <= dupes.length; index += 1) {
      const rank = rankAtIndex(dupes, index);
      expect(dupes.map((d) => d.rank), `index ${index}`).not.toContain(rank);
      expect(isValidRank(rank)).toBe(true);
    }
    // Between two equal ranks: right after them, still before the next greater rank.
    const between = rankAtIndex(dupes, 2);
    expect(between > 'a1' && between < 'a2').toBe(true);
    const allSame = ranked('a5', 'a5');
    expect(rankAtIndex(allSame, 1) > 'a5').toBe(true);
  });
});

describe('sortByRank', () => {
  it('sorts by rank by code point, not by locale', () => {
    const items = ranked('a1', 'Zz', 'a0V', 'a0');
    expect(sortByRank(items).map((i) => i.rank)).toEqual(['Zz', 'a0', 'a0V', 'a1']);
  });

  it('breaks ties by id, whatever the input order, and does not mutate the input', () => {
    const items = [
      { id: 'c', rank: 'a1' },
      { id: 'a', rank: 'a1' },
      { id: 'b', rank: 'a0' },
      { id: 'B', rank: 'a1' },
    ];
    const copy = structuredClone(items);
    expect(sortByRank(items).map((i) => i.id)).toEqual(['b', 'B', 'a', 'c']);
    expect(sortByRank([...items].reverse()).map((i) => i.id)).toEqual(['b', 'B', 'a', 'c']);
    expect(items).toEqual(copy);
  });

  it('keeps the input order of fully equal entries (stable)', () => {
    const first = { id: 'same', rank: 'a0', n: 1 };
    const second = { id: 'same', rank: 'a0', n: 2 };
    expect(sortByRank([first, second]).map((i) => i.n)).toEqual([1, 2]);
    expect(sortByRank([second, first]).map((i) => i.n)).toEqual([2, 1]);
  });

  it('compareRanks is a total order on code points', () => {
    expect(compareRanks('a', 'b')).toBe(-1);
    expect(compareRanks('b', 'a')).toBe(1);
    expect(compareRanks('a0', 'a0')).toBe(0);
    expect(compareRanks('Z', 'a')).toBe(-1);
  });
});

describe('isValidRank', () => {
  it.each(['a0', 'a1', 'aZ', 'az', 'b00', 'b01', 'Zz', 'a0V', 'a0G8', `z${'0'.repeat(26)}`, `z${'z'.repeat(26)}`])('accepts %j', (rank) => {
    expect(isValidRank(rank)).toBe(true);
    expect(() => rankBetween(rank, null)).not.toThrow();
  });

  it.each(['', '1', '0a', 'zzz', 'a', 'b0', 'a00', 'a0V0', 'a!', 'a 1', 'é0', `A${'0'.repeat(26)}`])('refuses %j', (rank) => {
    expect(isValidRank(rank)).toBe(false);
  });
});
