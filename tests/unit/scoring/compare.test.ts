import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/shared/model/schema';
import { compareFrameworks, DISAGREEMENT_SPREAD } from '../../../src/shared/scoring/compare';
import { FRAMEWORKS, frameworkScore, rankBy } from '../../../src/shared/scoring/frameworks';
import type { Ranking } from '../../../src/shared/scoring/ranking';
import { item, rice } from './scoringFixtures';

const items = [
  // RICE #1, ICE last, WSJF #1, Must.
  item('a', 0, { rice: rice(1000, 2, 100, 1), ice: { impact: 2, confidence: 2, ease: 2 }, wsjf: { businessValue: 13, timeCriticality: 13, riskReduction: 8, jobSize: 2 }, moscow: 'must' }),
  item('b', 1, { rice: rice(500, 2, 100, 1), ice: { impact: 9, confidence: 9, ease: 9 }, wsjf: { businessValue: 5, timeCriticality: 3, riskReduction: 2, jobSize: 5 }, moscow: 'must' }),
  item('c', 2, { rice: rice(100, 1, 80, 2), ice: { impact: 6, confidence: 6, ease: 6 }, moscow: 'could' }),
  item('d', 3, { rice: rice(50, 0.5, 50, 4), moscow: 'wont' }),
  item('e', 4, {}),
];
const rankings = Object.fromEntries(FRAMEWORKS.map((f) => [f, rankBy(f, items)])) as Record<Framework, Ranking>;

describe('compareFrameworks', () => {
  const { rows, agreements } = compareFrameworks(items, rankings, 'rice');

  it('gives each item its place under each framework, in the primary ranking order', () => {
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const a = rows[0];
    expect(a?.cells.rice).toEqual({ position: 1, of: 4, percentile: 0 });
    expect(a?.cells.ice).toEqual({ position: 3, of: 3, percentile: 1 });
    expect(a?.cells.wsjf).toEqual({ position: 1, of: 2, percentile: 0 });
    expect(rows[4]?.cells).toEqual({ rice: null, ice: null, wsjf: null, moscow: null });
  });

  it('lets items in one MoSCoW bucket share their average place', () => {
    // a and b are both Must: places 1 and 2 → both count as 1.5 of 4 (percentile 1/6).
    expect(rows[0]?.cells.moscow).toEqual({ position: 1, of: 4, percentile: 0.5 / 3 });
    expect(rows[1]?.cells.moscow).toEqual({ position: 2, of: 4, percentile: 0.5 / 3 });
  });

  it('flags large disagreements and names the frameworks at each end', () => {
    expect(DISAGREEMENT_SPREAD).toBe(0.4);
    expect(rows[0]).toMatchObject({ spread: 1, disagreement: true, highest: 'rice', lowest: 'ice' });
    // b: RICE 2/4 (1/3), ICE 1/3 (0), WSJF 2/2 (1), MoSCoW 1/6 → spread 1.
    expect(rows[1]).toMatchObject({ disagreement: true, highest: 'ice', lowest: 'wsjf' });
    // d: only RICE (1) and MoSCoW (1) → spread 0.
    expect(rows[3]).toMatchObject({ spread: 0, disagreement: false, highest: null, lowest: null });
    expect(rows[4]).toMatchObject({ spread: null, disagreement: false });
  });

  it('measures agreement between the primary framework and each other one', () => {
    expect(agreements.map((a) => [a.b, a.n])).toEqual([
      ['ice', 3],
      ['wsjf', 2],
      ['moscow', 4],
    ]);
    // RICE a > b > c; ICE b > c > a: pairs (a,b) −, (a,c) −, (b,c) + → tau = −1/3.
    expect(agreements[0]?.tau).toBeCloseTo(-1 / 3, 12);
    expect(agreements[1]?.tau).toBe(1);
  });

  it('scores each framework from the stored inputs', () => {
    expect(frameworkScore('ice', (items[1] ?? items[0] ?? item('x', 0)).scores)).toEqual({ status: 'scored', score: 729 });
  });
});
