import { describe, expect, it } from 'vitest';
import { iceScore } from '../../../src/shared/scoring/ice';
import { moscowLabel, moscowScore } from '../../../src/shared/scoring/moscow';
import { confidenceLabel, impactLabel, RICE_CONFIDENCE_SCALE, RICE_IMPACT_SCALE, riceBreakdown, riceExplanation, riceScore } from '../../../src/shared/scoring/rice';
import { scoreValue } from '../../../src/shared/scoring/score';
import { costOfDelay, wsjfScore } from '../../../src/shared/scoring/wsjf';
import { rice } from './scoringFixtures';

describe('RICE', () => {
  it("uses Intercom's scales", () => {
    expect(RICE_IMPACT_SCALE.map((s) => [s.value, s.label])).toEqual([
      [3, 'Massive'],
      [2, 'High'],
      [1, 'Medium'],
      [0.5, 'Low'],
      [0.25, 'Minimal'],
    ]);
    expect(RICE_CONFIDENCE_SCALE.map((s) => [s.value, s.label])).toEqual([
      [100, 'High'],
      [80, 'Medium'],
      [50, 'Low'],
    ]);
    expect(impactLabel(0.25)).toBe('Minimal');
    expect(impactLabel(1.5)).toBeNull();
    expect(confidenceLabel(80)).toBe('Medium');
    expect(confidenceLabel(65)).toBeNull();
  });

  it('is reach × impact × confidence ÷ effort (hand-computed examples)', () => {
    // Intercom's own example shape: 500 customers/quarter × 2 (high) × 80% ÷ 2 person-months = 400.
    expect(riceScore(rice(500, 2, 80, 2))).toEqual({ status: 'scored', score: 400 });
    // 25,000 households × 1 (medium) × 100% ÷ 0.5 = 50,000.
    expect(riceScore(rice(25_000, 1, 100, 0.5))).toEqual({ status: 'scored', score: 50_000 });
    // 1,200 × 0.25 (minimal) × 50% ÷ 3 = 50.
    expect(riceScore(rice(1200, 0.25, 50, 3))).toEqual({ status: 'scored', score: 50 });
    // 70,000 × 3 (massive) × 80% ÷ 8 = 21,000.
    expect(scoreValue(riceScore(rice(70_000, 3, 80, 8)))).toBeCloseTo(21_000, 9);
    // Off-scale confidence is allowed: 100 × 2 × 30% ÷ 1 = 60.
    expect(scoreValue(riceScore(rice(100, 2, 30, 1)))).toBeCloseTo(60, 9);
  });

  it('a missing input leaves the score missing, never zero', () => {
    expect(riceScore(rice(null, 2, 80, 1))).toEqual({ status: 'missing', missing: ['reach'] });
    expect(riceScore(rice(100, null, null, 1))).toEqual({ status: 'missing', missing: ['impact', 'confidence'] });
    expect(riceScore(rice(null, null, null, null))).toEqual({ status: 'missing', missing: ['reach', 'impact', 'confidence', 'effort'] });
    expect(scoreValue(riceScore(rice(100, 2, 80, null)))).toBeNull();
  });

  it('a zero reach is a real score of 0 (not missing)', () => {
    expect(riceScore(rice(0, 2, 80, 1))).toEqual({ status: 'scored', score: 0 });
  });

  it('refuses an effort of 0 or less with a clear message', () => {
    const zero = riceScore(rice(100, 2, 80, 0));
    expect(zero.status).toBe('invalid');
    expect(zero.status === 'invalid' && zero.message).toMatch(/more than 0 person-months/);
    expect(riceScore(rice(100, 2, 80, -1)).status).toBe('invalid');
  });

  it('scores a huge reach, and refuses a result that overflows', () => {
    expect(riceScore(rice(8e9, 3, 100, 0.5))).toEqual({ status: 'scored', score: 4.8e10 });
    expect(scoreValue(riceScore(rice(1e300, 3, 100, 1)))).toBeCloseTo(3e300, -290);
    const overflow = riceScore(rice(1e308, 3, 100, 0.5));
    expect(overflow.status).toBe('invalid');
    expect(overflow.status === 'invalid' && overflow.message).toMatch(/too large/);
  });

  it('breaks a score down into labelled factors', () => {
    const b = riceBreakdown(rice(500, 2, 80, 2));
    expect(b).toMatchObject({ reach: 500, impact: 2, impactLabel: 'High', confidence: 80, confidenceLabel: 'Medium', effort: 2 });
    expect(b.result).toEqual({ status: 'scored', score: 400 });
  });
});

describe('ICE', () => {
  it('is impact × confidence × ease', () => {
    expect(iceScore({ impact: 8, confidence: 7, ease: 5 })).toEqual({ status: 'scored', score: 280 });
    expect(iceScore({ impact: 10, confidence: 10, ease: 10 })).toEqual({ status: 'scored', score: 1000 });
    expect(iceScore({ impact: 1, confidence: 1, ease: 1 })).toEqual({ status: 'scored', score: 1 });
  });
  it('is missing while an input is missing', () => {
    expect(iceScore({ impact: 8, confidence: null, ease: 5 })).toEqual({ status: 'missing', missing: ['confidence'] });
  });
});

describe('WSJF', () => {
  it('is (business value + time criticality + risk reduction/opportunity enablement) ÷ job size', () => {
    expect(costOfDelay({ businessValue: 8, timeCriticality: 13, riskReduction: 13, jobSize: 5 })).toBe(34);
    expect(wsjfScore({ businessValue: 8, timeCriticality: 13, riskReduction: 13, jobSize: 5 })).toEqual({ status: 'scored', score: 6.8 });
    expect(wsjfScore({ businessValue: 20, timeCriticality: 1, riskReduction: 3, jobSize: 8 })).toEqual({ status: 'scored', score: 3 });
  });
  it('is missing while an input is missing, and refuses a job size of 0', () => {
    expect(wsjfScore({ businessValue: 8, timeCriticality: null, riskReduction: 13, jobSize: 5 })).toEqual({ status: 'missing', missing: ['timeCriticality'] });
    expect(costOfDelay({ businessValue: 8, timeCriticality: null, riskReduction: 13, jobSize: 5 })).toBeNull();
    const zero = wsjfScore({ businessValue: 8, timeCriticality: 13, riskReduction: 13, jobSize: 0 });
    expect(zero.status).toBe('invalid');
    expect(zero.status === 'invalid' && zero.message).toMatch(/Job size must be more than 0/);
  });
});

describe('MoSCoW', () => {
  it('orders Must > Should > Could > Won’t, and a missing bucket is missing', () => {
    const values = (['must', 'should', 'could', 'wont'] as const).map((b) => scoreValue(moscowScore(b)) ?? 0);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(new Set(values).size).toBe(4);
    expect(moscowScore(null).status).toBe('missing');
    expect(moscowLabel('wont')).toBe("Won't have");
  });
});

describe('riceExplanation', () => {
  it('writes the score out with its factors', () => {
    expect(riceExplanation(rice(25_000, 1, 100, 0.5), 'households per quarter')).toBe('25,000 households per quarter × 1 (Medium) × 100% ÷ 0.5 person-months = 50,000');
    expect(riceExplanation(rice(500, 2, 80, 2), '')).toBe('500 × 2 (High) × 80% ÷ 2 person-months = 400');
    expect(riceExplanation(rice(null, 2, 80, null), 'people')).toBe('? reach × 2 (High) × 80% ÷ ? effort = missing (reach, effort)');
    expect(riceExplanation(rice(10, 1.5, 80, 0), '')).toMatch(/^10 × 1\.5 × 80% ÷ 0 person-months = invalid: Effort must be more than 0/);
  });
});
