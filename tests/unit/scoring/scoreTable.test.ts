import { describe, expect, it } from 'vitest';
import { rankBy } from '../../../src/shared/scoring/frameworks';
import { rankSortValue, scoreRows, scoreSortValue, sortRows, titleSortValue, type ScoreRow, type SortValue } from '../../../src/shared/scoring/scoreTable';
import { item, rice } from './scoringFixtures';

const items = [
  item('a', 0, { rice: rice(100, 1, 100, 1) }, { title: 'banana' }), // 100
  item('b', 1, { rice: rice(null, 2, 80, 1) }, { title: 'Apple' }), // missing reach
  item('c', 2, { rice: rice(300, 0.5, 50, 2) }, { title: 'cherry' }), // 37.5
  item('d', 3, { rice: rice(50, 3, 100, 0) }, { title: 'date 10' }), // invalid (effort 0)
  item('e', 4, { rice: rice(100, 1, 100, 1) }, { title: 'date 9' }), // 100, ties a
];
const rows = scoreRows(items, rankBy('rice', items));
const by = (valueOf: (r: ScoreRow) => SortValue, direction: 'asc' | 'desc') => sortRows(rows, valueOf, direction).map((r) => r.item.id);
const input = (key: 'reach' | 'impact' | 'confidence' | 'effort') => (r: ScoreRow) => r.item.scores.rice[key];

describe('score table rows', () => {
  it('carries the rank, with ties in backlog order and unscored rows unranked', () => {
    expect(rows.map((r) => [r.item.id, r.position])).toEqual([
      ['a', 1],
      ['b', null],
      ['c', 3],
      ['d', null],
      ['e', 2],
    ]);
    expect(rows[3]?.result.status).toBe('invalid');
  });

  it('sorts any column either way, missing values always last', () => {
    expect(by(rankSortValue, 'asc')).toEqual(['a', 'e', 'c', 'b', 'd']);
    expect(by(rankSortValue, 'desc')).toEqual(['c', 'e', 'a', 'b', 'd']);
    expect(by(scoreSortValue, 'desc')).toEqual(['a', 'e', 'c', 'b', 'd']);
    expect(by(scoreSortValue, 'asc')).toEqual(['c', 'a', 'e', 'b', 'd']);
    expect(by(input('reach'), 'desc')).toEqual(['c', 'a', 'e', 'd', 'b']);
    expect(by(input('reach'), 'asc')).toEqual(['d', 'a', 'e', 'c', 'b']);
    expect(by(input('effort'), 'asc')).toEqual(['d', 'a', 'b', 'e', 'c']);
    expect(by(input('impact'), 'desc')).toEqual(['d', 'b', 'a', 'e', 'c']);
  });

  it('sorts titles naturally and case-insensitively', () => {
    expect(by(titleSortValue, 'asc')).toEqual(['b', 'a', 'c', 'e', 'd']);
    expect(by(titleSortValue, 'desc')).toEqual(['d', 'e', 'c', 'a', 'b']);
  });
});
