import { describe, expect, it } from 'vitest';
import { rankBy } from '../../../src/shared/scoring/frameworks';
import { rankMargins, riceSensitivity, scenarioSentences, thresholdSentences, whatIf, type FactorSensitivity, type ItemSensitivity } from '../../../src/shared/scoring/sensitivity';
import { rice, riceItems } from './scoringFixtures';

// Scores: A 2000, B 1600, C 800, D 400.
const items = riceItems([
  ['A', rice(1000, 2, 100, 1)],
  ['B', rice(1000, 1, 80, 0.5)],
  ['C', rice(500, 2, 80, 1)],
  ['D', rice(400, 1, 100, 1)],
]);
const ranking = rankBy('rice', items);
const B = items[1]?.scores.rice ?? rice(null, null, null, null);

function factor(s: ItemSensitivity | null, name: FactorSensitivity['factor']): FactorSensitivity {
  const f = s?.factors.find((x) => x.factor === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
}

describe('riceSensitivity thresholds', () => {
  const s = riceSensitivity(ranking, 'B', B, 'people per quarter');

  it('knows the item, its place and its margins', () => {
    expect(s).toMatchObject({ id: 'B', position: 2, of: 4, score: 1600 });
    expect(s?.marginDown).toBeCloseTo(0.5, 12); // 800 / 1600
    expect(s?.marginUp).toBeCloseTo(0.25, 12); // 2000 / 1600
  });

  it('reach: rises above 1,250, drops below 500', () => {
    const f = factor(s, 'reach');
    expect(f.gain).toMatchObject({ position: 1, reachable: true });
    expect(f.gain?.value).toBeCloseTo(1250, 9);
    expect(f.lose).toMatchObject({ position: 3, reachable: true });
    expect(f.lose?.value).toBeCloseTo(500, 9);
  });

  it('confidence: drops below 40%; no confidence up to 100% lifts it (A wins the tie at 100%)', () => {
    const f = factor(s, 'confidence');
    expect(f.lose?.value).toBeCloseTo(40, 9);
    expect(f.lose?.position).toBe(3);
    expect(f.gain?.value).toBeCloseTo(100, 9);
    expect(f.gain?.reachable).toBe(false);
  });

  it('effort works the other way: more effort drops it, and less than 0.5 would be needed to rise', () => {
    const f = factor(s, 'effort');
    expect(f.lose?.value).toBeCloseTo(1, 9); // 800 person-score ÷ 800
    expect(f.lose?.position).toBe(3);
    expect(f.gain?.value).toBeCloseTo(0.4, 9);
    expect(f.gain?.reachable).toBe(false);
  });

  it('impact: rises above 1.25, drops below 0.5 (within the scale)', () => {
    const f = factor(s, 'impact');
    expect(f.gain?.value).toBeCloseTo(1.25, 9);
    expect(f.gain?.reachable).toBe(true);
    expect(f.lose?.value).toBeCloseTo(0.5, 9);
    expect(f.lose?.reachable).toBe(true);
  });

  it('the thresholds are where the place really changes', () => {
    const just = (r: ReturnType<typeof rice>) => whatIf(ranking, 'B', 1, r);
    expect(just(rice(1250 * 1.001, 1, 80, 0.5))).toMatchObject({ position: 1 });
    expect(just(rice(1250 * 0.999, 1, 80, 0.5))).toMatchObject({ position: 2 });
    expect(just(rice(1000, 1, 40.1, 0.5))).toMatchObject({ position: 2 });
    expect(just(rice(1000, 1, 39.9, 0.5))).toMatchObject({ position: 3 });
    expect(just(rice(1000, 1, 80, 1))).toMatchObject({ position: 2 }); // ties C at 800, B is earlier in the backlog
    expect(just(rice(1000, 1, 80, 1.01))).toMatchObject({ position: 3 });
  });

  it('the top item cannot gain and the last cannot lose', () => {
    const top = riceSensitivity(ranking, 'A', items[0]?.scores.rice ?? B);
    expect(top?.factors.every((f) => f.gain === null)).toBe(true);
    expect(top?.marginUp).toBeNull();
    const last = riceSensitivity(ranking, 'D', items[3]?.scores.rice ?? B);
    expect(last?.factors.every((f) => f.lose === null)).toBe(true);
    expect(last?.marginDown).toBeNull();
  });

  it('is null for an item without a RICE score', () => {
    const withMissing = riceItems([
      ['A', rice(1, 1, 100, 1)],
      ['X', rice(null, 1, 100, 1)],
    ]);
    expect(riceSensitivity(rankBy('rice', withMissing), 'X', rice(null, 1, 100, 1))).toBeNull();
  });
});

describe('scenarios', () => {
  it('reports "at 50% confidence it drops from #2 to #6"', () => {
    // X is #2 at 100% confidence (score 900); at 50% its score is 450, below four others.
    const list = riceItems([
      ['T', rice(1000, 1, 100, 1)], // 1000
      ['X', rice(900, 1, 100, 1)], // 900
      ['P', rice(800, 1, 100, 1)], // 800
      ['Q', rice(700, 1, 100, 1)], // 700
      ['R', rice(600, 1, 100, 1)], // 600
      ['S', rice(500, 1, 100, 1)], // 500
      ['U', rice(100, 1, 100, 1)], // 100
    ]);
    const r = rankBy('rice', list);
    const s = riceSensitivity(r, 'X', rice(900, 1, 100, 1));
    const fifty = factor(s, 'confidence').scenarios.find((sc) => sc.value === 50);
    expect(fifty).toMatchObject({ position: 6, score: 450 });
    const sentences = s ? scenarioSentences(s) : [];
    expect(sentences).toContain('With 50% confidence it drops from #2 to #6.');
    expect(sentences).toContain('With impact 2 (High) it rises from #2 to #1.');
    expect(sentences).toContain('With 80% confidence it drops from #2 to #3.'); // 720: below P (800), above Q (700)
    expect(factor(s, 'confidence').scenarios.find((sc) => sc.value === 80)?.position).toBe(3);
  });

  it('lists effort and reach scenarios (half and double) and threshold sentences', () => {
    const s = riceSensitivity(ranking, 'B', B, 'people per quarter');
    const effort = factor(s, 'effort');
    expect(effort.scenarios.map((x) => x.value)).toEqual([1]); // 0.5 cannot be halved below the minimum
    expect(factor(s, 'reach').scenarios.map((x) => x.value)).toEqual([500, 2000]);
    const text = s ? thresholdSentences(s, 'people per quarter') : [];
    expect(text).toContain('It rises to #1 if reach rises above 1,250 people per quarter.');
    expect(text).toContain('It drops to #3 if confidence falls below 40%.');
    expect(text).toContain('No confidence within its range lifts it above #2.');
    expect(text).toContain('It drops to #3 if effort rises above 1 person-months.');
  });
});

describe('whatIf', () => {
  it('scores hypothetical inputs without changing the ranking', () => {
    expect(whatIf(ranking, 'D', 3, rice(400, 3, 100, 0.5))).toEqual({ score: 2400, position: 1 });
    expect(ranking.byId.get('D')?.position).toBe(4);
    expect(whatIf(ranking, 'D', 3, rice(400, null, 100, 0.5))).toEqual({ score: null, message: 'Missing impact' });
    expect(whatIf(ranking, 'D', 3, rice(400, 1, 100, 0))).toMatchObject({ score: null, message: expect.stringMatching(/more than 0/) });
  });
});

describe('rankMargins', () => {
  it('gives each place its distance to the neighbours', () => {
    const m = rankMargins(ranking);
    expect(m.map((x) => x.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(m[0]).toMatchObject({ position: 1, marginUp: null });
    expect(m[0]?.marginDown).toBeCloseTo(0.2, 12); // 1 − 1600 / 2000
    expect(m[1]?.marginDown).toBeCloseTo(0.5, 12);
    expect(m[1]?.marginUp).toBeCloseTo(0.25, 12);
    expect(m[3]).toMatchObject({ marginDown: null, marginUp: 1 });
  });
});
