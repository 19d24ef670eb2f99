import { describe, expect, it } from 'vitest';
import { rankBy } from '../../../src/shared/scoring/frameworks';
import { exerciseSample, scoreExercise, seededRandom, usableLearnerRanking } from '../../../src/shared/scoring/exercise';
import { rice, riceItems } from './scoringFixtures';

// RICE order: A (4000), B (2000), C (1000), D (500), E (250), F (100).
const items = riceItems([
  ['F', rice(100, 1, 100, 1)],
  ['A', rice(1000, 3, 100, 0.75)], // lifted by impact
  ['D', rice(1000, 1, 50, 1)], // held back by confidence
  ['B', rice(4000, 1, 100, 2)], // held back by effort
  ['E', rice(1000, 0.25, 100, 1)], // held back by impact
  ['C', rice(1000, 1, 100, 1)],
]);
const ranking = rankBy('rice', items);
const inputs = (id: string) => items.find((i) => i.id === id)?.scores.rice ?? rice(null, null, null, null);

describe('scoreExercise', () => {
  it('full agreement: tau = rho = 1 and no disagreements', () => {
    const r = scoreExercise(['A', 'B', 'C', 'D', 'E', 'F'], ranking, inputs);
    expect(r).toMatchObject({ n: 6, tau: 1, disagreements: [] });
    expect(r.rho).toBeCloseTo(1, 12);
    expect(r.riceOrder).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('the opposite order: tau = rho = −1', () => {
    const r = scoreExercise(['F', 'E', 'D', 'C', 'B', 'A'], ranking, inputs);
    expect(r.tau).toBe(-1);
    expect(r.rho).toBeCloseTo(-1, 12);
  });

  it('reports the three largest disagreements with the input that drives each', () => {
    // Learner: E, D, A, B, C, F. RICE: A, B, C, D, E, F.
    const r = scoreExercise(['E', 'D', 'A', 'B', 'C', 'F'], ranking, inputs, 'people');
    // Discordant pairs: E before A,B,C,D (4) + D before A,B,C (3) = 7 of 15 → tau = (8 − 7) / 15.
    expect(r.tau).toBeCloseTo(1 / 15, 12);
    // Shifts: E +4, then D +2, A −2, B −2, C −2: equal shifts go by RICE place (A, B before C, D).
    expect(r.disagreements.map((d) => [d.id, d.learnerPosition, d.ricePosition, d.shift])).toEqual([
      ['E', 1, 5, 4],
      ['A', 3, 1, -2],
      ['B', 4, 2, -2],
    ]);
    const [e, a, b] = r.disagreements;
    expect(e?.driver).toMatchObject({ factor: 'impact', value: 0.25, median: 1, effect: 'holds back' });
    expect(e?.explanation).toBe("You put it 4 places higher than RICE (#1 vs #5): its impact (0.25) is below the sample's median (1), which works against it in RICE.");
    expect(a?.driver).toMatchObject({ factor: 'impact', value: 3, effect: 'favours' });
    expect(a?.explanation).toMatch(/2 places lower than RICE \(#3 vs #1\): its impact \(3\) is above the sample's median \(1\), which works for it/);
    expect(b?.driver).toMatchObject({ factor: 'reach', value: 4000, median: 1000, effect: 'favours' });
    expect(b?.explanation).toMatch(/its reach \(4,000 people\) is above the sample's median \(1,000 people\)/);
  });

  it('finds low confidence behind a disagreement', () => {
    const r = scoreExercise(['D', 'A', 'B', 'C', 'E', 'F'], ranking, inputs);
    expect(r.disagreements[0]).toMatchObject({ id: 'D', shift: 3, driver: { factor: 'confidence', value: 50, median: 100, effect: 'holds back' } });
  });

  it('explains an effort that holds an item back', () => {
    const r = scoreExercise(['B', 'A', 'C', 'D', 'E', 'F'], ranking, inputs);
    const b = r.disagreements.find((d) => d.id === 'B');
    expect(b?.driver).toMatchObject({ factor: 'effort', value: 2, median: 1, effect: 'holds back' });
    expect(b?.explanation).toMatch(/its effort \(2 person-months\) is above the sample's median \(1 person-months\)/);
  });

  it('ignores ids that RICE does not rank', () => {
    expect(scoreExercise(['A', 'ghost', 'B'], ranking, inputs).n).toBe(2);
  });
});

describe('samples and saved rankings', () => {
  it('draws a deterministic sample spread over the ranking, not already in RICE order', () => {
    const a = exerciseSample(ranking, 4, 7);
    expect(a).toEqual(exerciseSample(ranking, 4, 7));
    expect(new Set(a).size).toBe(4);
    // One from each quarter of the ranking: positions 1–2, 2–3, 4–5, 5–6 (slices of 6 into 4).
    const positions = a.map((id) => ranking.byId.get(id)?.position ?? 0).sort((x, y) => x - y);
    expect(positions[0]).toBeLessThanOrEqual(2);
    expect(positions[3]).toBeGreaterThanOrEqual(5);
    for (let seed = 1; seed < 30; seed += 1) {
      const s = exerciseSample(ranking, 6, seed);
      const inOrder = s.every((id, i) => i === 0 || (ranking.byId.get(id)?.position ?? 0) > (ranking.byId.get(s[i - 1] ?? '')?.position ?? 0));
      expect(inOrder).toBe(false);
    }
    expect(exerciseSample(ranking, 20, 1)).toHaveLength(6);
  });

  it('keeps a saved ranking while at least three of its items are still ranked', () => {
    expect(usableLearnerRanking(null, ranking)).toBeNull();
    expect(usableLearnerRanking(['A', 'gone', 'B', 'A', 'C'], ranking)).toEqual(['A', 'B', 'C']);
    expect(usableLearnerRanking(['A', 'gone', 'B'], ranking)).toBeNull();
  });

  it('has a repeatable random source', () => {
    const r1 = seededRandom(42);
    const r2 = seededRandom(42);
    const xs = [r1(), r1(), r1()];
    expect([r2(), r2(), r2()]).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
