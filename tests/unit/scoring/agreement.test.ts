import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRanks, describeAgreement, kendallTau, kendallTauNaive, spearmanRho } from '../../../src/shared/scoring/agreement';

describe('Kendall tau-b', () => {
  it('is 1 for the same order and −1 for the opposite order', () => {
    expect(kendallTau([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toBe(1);
    expect(kendallTau([1, 2, 3, 4, 5], [5, 4, 3, 2, 1])).toBe(-1);
  });
  it('matches known values', () => {
    // One swapped pair in each half: (6 − 2 discordant ... ) = 1/3.
    expect(kendallTau([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(1 / 3, 12);
    // SciPy: kendalltau([1..8], [3,1,2,5,4,8,6,7]) = 0.6428571428571428 (= 18/28).
    expect(kendallTau([1, 2, 3, 4, 5, 6, 7, 8], [3, 1, 2, 5, 4, 8, 6, 7])).toBeCloseTo(0.6428571428571428, 12);
    // With ties (tau-b), SciPy's documented example: kendalltau([12,2,1,12,2], [1,4,7,1,0]) = −0.47140452079103173.
    expect(kendallTau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-0.47140452079103173, 12);
  });
  it('is undefined for fewer than two items or a constant side, and refuses different lengths', () => {
    expect(kendallTau([1], [1])).toBeNull();
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(() => kendallTau([1, 2], [1])).toThrow();
  });
});

describe('Spearman rho', () => {
  it('matches known values', () => {
    expect(spearmanRho([1, 2, 3, 4], [2, 1, 4, 3])).toBeCloseTo(0.6, 12); // 1 − 6·4 / (4·15)
    expect(spearmanRho([1, 2, 3, 4, 5, 6, 7, 8], [3, 1, 2, 5, 4, 8, 6, 7])).toBeCloseTo(0.8333333333333335, 12);
    // SciPy's documented example with a tie: spearmanr([1,2,3,4,5], [5,6,7,8,7]) = 0.8207826816681233.
    expect(spearmanRho([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 12);
    expect(spearmanRho([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it('uses average ranks for ties', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
  it('is undefined when it cannot be computed', () => {
    expect(spearmanRho([1], [2])).toBeNull();
    expect(spearmanRho([2, 2], [1, 2])).toBeNull();
  });
});

describe('describeAgreement', () => {
  it('reads a coefficient in words', () => {
    expect(describeAgreement(1)).toBe('very strong agreement');
    expect(describeAgreement(0.5)).toBe('moderate agreement');
    expect(describeAgreement(0)).toBe('little or no agreement');
    expect(describeAgreement(-0.9)).toMatch(/opposite/);
    expect(describeAgreement(null)).toBe('not defined');
  });
});

describe('Kendall tau-b in O(n log n)', () => {
  it('equals the pair-counting definition, ties included', () => {
    const pairs = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })), { minLength: 0, maxLength: 60 });
    fc.assert(
      fc.property(pairs, (list) => {
        const x = list.map((p) => p[0]);
        const y = list.map((p) => p[1]);
        const fast = kendallTau(x, y);
        const slow = kendallTauNaive(x, y);
        if (slow === null || list.length < 2) return fast === slow || (list.length < 2 && fast === null);
        return fast !== null && Math.abs(fast - slow) < 1e-12;
      }),
      { numRuns: 500 },
    );
  });
  it('handles 10,000 items quickly', () => {
    const n = 10_000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i * 7919) % n);
    const start = performance.now();
    const tau = kendallTau(x, y);
    expect(performance.now() - start).toBeLessThan(500);
    expect(tau).not.toBeNull();
  });
});
