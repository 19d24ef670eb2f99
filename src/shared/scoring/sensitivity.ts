/**
 * Sensitivity of a RICE rank: for one item, how far each input would have to move to change its
 * place (thresholds), and where it lands at the usual alternative values (scenarios) — "at 50%
 * confidence it drops from #2 to #6". The score is linear in reach, impact and confidence and
 * inversely proportional to effort, so each threshold is exact: the value at which the item's score
 * meets the score of its neighbour above (to gain a place) or below (to lose one).
 */
import type { RiceInputs } from '../model/schema';
import { formatNumber, formatPercent } from './format';
import { positionWithScore, type RankedEntry, type Ranking } from './ranking';
import { EFFORT_STEP, impactLabel, RICE_CONFIDENCE_SCALE, RICE_IMPACT_SCALE, riceScore, type RiceFactor } from './rice';

/** The range each input can take when looking for thresholds. */
export const RICE_RANGES: Record<RiceFactor, { min: number; max: number }> = {
  reach: { min: 0, max: Number.POSITIVE_INFINITY },
  impact: { min: 0.25, max: 3 },
  confidence: { min: 0, max: 100 },
  effort: { min: EFFORT_STEP, max: Number.POSITIVE_INFINITY },
};

export interface Threshold {
  /** The input value where the place changes. */
  value: number;
  /** The place the item takes once the input passes `value`. */
  position: number;
  /** Whether a value past the threshold lies inside the input's range. */
  reachable: boolean;
}

export interface Scenario {
  value: number;
  /** E.g. "50% confidence", "impact 3 (Massive)", "double the reach (50,000)". */
  label: string;
  score: number;
  position: number;
}

export interface FactorSensitivity {
  factor: RiceFactor;
  current: number;
  /** To gain a place: above `value` (reach, impact, confidence) or below it (effort). */
  gain: Threshold | null;
  /** To lose a place: below `value` (reach, impact, confidence) or above it (effort). */
  lose: Threshold | null;
  scenarios: Scenario[];
}

export interface ItemSensitivity {
  id: string;
  position: number;
  of: number;
  score: number;
  factors: FactorSensitivity[];
  /** Relative score change (0–1) that loses a place, or null when last. */
  marginDown: number | null;
  /** Relative score change (≥ 0) that gains a place, or null when first. */
  marginUp: number | null;
}

/** Score = coefficient × factor (or coefficient ÷ effort): the coefficient for `factor`. */
function coefficient(inputs: Record<RiceFactor, number>, factor: RiceFactor): number {
  const { reach, impact, confidence, effort } = inputs;
  switch (factor) {
    case 'reach':
      return (impact * confidence) / 100 / effort;
    case 'impact':
      return (reach * confidence) / 100 / effort;
    case 'confidence':
      return (reach * impact) / 100 / effort;
    case 'effort':
      return (reach * impact * confidence) / 100;
  }
}

function scoreAt(inputs: Record<RiceFactor, number>, factor: RiceFactor, value: number): number {
  const k = coefficient(inputs, factor);
  return factor === 'effort' ? k / value : k * value;
}

/** The next representable-ish score just above / below `s`. */
const just = (s: number, direction: 1 | -1) => s + direction * Math.max(Math.abs(s) * 1e-9, 1e-12);

function thresholds(ranking: Ranking, self: RankedEntry, inputs: Record<RiceFactor, number>, factor: RiceFactor): { gain: Threshold | null; lose: Threshold | null } {
  const above = ranking.ordered[self.position - 2];
  const below = ranking.ordered[self.position];
  const k = coefficient(inputs, factor);
  const range = RICE_RANGES[factor];
  if (!(k > 0)) return { gain: null, lose: null };
  const inverse = factor === 'effort';
  let gain: Threshold | null = null;
  let lose: Threshold | null = null;
  if (above) {
    // Score must exceed the neighbour's (or equal it, when this item comes first in the backlog).
    const value = inverse ? k / above.score : above.score / k;
    const reachable = inverse ? value > range.min : value < range.max;
    gain = { value, position: positionWithScore(ranking, self.id, just(above.score, 1)), reachable };
  }
  // (A neighbour below with a score of 0 can only be passed by tying at 0: not a threshold worth showing.)
  if (below && below.score > 0) {
    const value = inverse ? k / below.score : below.score / k;
    const reachable = inverse ? value < range.max : value > range.min;
    lose = { value, position: positionWithScore(ranking, self.id, just(below.score, -1)), reachable };
  }
  return { gain, lose };
}

function scenarioValues(factor: RiceFactor, current: number, reachPeriod: string): { value: number; label: string }[] {
  switch (factor) {
    case 'reach':
      return [
        { value: current / 2, label: `half the reach (${formatNumber(current / 2)}${reachPeriod ? ` ${reachPeriod}` : ''})` },
        { value: current * 2, label: `double the reach (${formatNumber(current * 2)}${reachPeriod ? ` ${reachPeriod}` : ''})` },
      ];
    case 'impact':
      return RICE_IMPACT_SCALE.filter((s) => s.value !== current).map((s) => ({ value: s.value, label: `impact ${s.value} (${s.label})` }));
    case 'confidence':
      return RICE_CONFIDENCE_SCALE.filter((s) => s.value !== current).map((s) => ({ value: s.value, label: `${formatPercent(s.value)} confidence` }));
    case 'effort': {
      const out = [{ value: current * 2, label: `double the effort (${formatNumber(current * 2)} person-months)` }];
      const half = Math.max(EFFORT_STEP, Math.round((current / 2) / EFFORT_STEP) * EFFORT_STEP);
      if (half < current) out.unshift({ value: half, label: `${formatNumber(half)} person-months of effort` });
      return out;
    }
  }
}

const FACTORS: readonly RiceFactor[] = ['reach', 'impact', 'confidence', 'effort'];

/** How item `id`'s RICE rank responds to each input; null when the item has no RICE score. */
export function riceSensitivity(ranking: Ranking, id: string, rice: RiceInputs, reachPeriod = ''): ItemSensitivity | null {
  const self = ranking.byId.get(id);
  if (!self) return null;
  const result = riceScore(rice);
  if (result.status !== 'scored') return null;
  const inputs = rice as Record<RiceFactor, number>;
  const factors = FACTORS.map((factor): FactorSensitivity => {
    const current = inputs[factor];
    const { gain, lose } = thresholds(ranking, self, inputs, factor);
    const scenarios = scenarioValues(factor, current, reachPeriod).map(({ value, label }): Scenario => {
      const score = scoreAt(inputs, factor, value);
      return { value, label, score, position: positionWithScore(ranking, id, score) };
    });
    return { factor, current, gain, lose, scenarios };
  });
  const above = ranking.ordered[self.position - 2];
  const below = ranking.ordered[self.position];
  return {
    id,
    position: self.position,
    of: ranking.ordered.length,
    score: self.score,
    factors,
    marginDown: below && self.score > 0 ? 1 - below.score / self.score : null,
    marginUp: above && self.score > 0 ? above.score / self.score - 1 : null,
  };
}

function valueText(factor: RiceFactor, value: number, reachPeriod: string): string {
  switch (factor) {
    case 'reach':
      return `${formatNumber(value)}${reachPeriod ? ` ${reachPeriod}` : ''}`;
    case 'impact': {
      const label = impactLabel(value);
      return `${formatNumber(value)}${label ? ` (${label})` : ''}`;
    }
    case 'confidence':
      return formatPercent(value);
    case 'effort':
      return `${formatNumber(value)} person-months`;
  }
}

/** Sentences for the scenarios that change the item's place: "At 50% confidence it drops from #2 to #6." */
export function scenarioSentences(s: ItemSensitivity): string[] {
  const out: string[] = [];
  for (const f of s.factors) {
    for (const sc of f.scenarios) {
      if (sc.position === s.position) continue;
      const verb = sc.position > s.position ? 'drops' : 'rises';
      out.push(`With ${sc.label} it ${verb} from #${s.position} to #${sc.position}.`);
    }
  }
  return out;
}

const FACTOR_NOUN: Record<RiceFactor, string> = { reach: 'reach', impact: 'impact', confidence: 'confidence', effort: 'effort' };

/** Sentences for the thresholds: "It drops to #3 if confidence falls below 64%." */
export function thresholdSentences(s: ItemSensitivity, reachPeriod = ''): string[] {
  const out: string[] = [];
  for (const f of s.factors) {
    const inverse = f.factor === 'effort';
    const noun = FACTOR_NOUN[f.factor];
    if (f.lose) {
      out.push(
        f.lose.reachable
          ? `It drops to #${f.lose.position} if ${noun} ${inverse ? 'rises above' : 'falls below'} ${valueText(f.factor, f.lose.value, reachPeriod)}.`
          : `No ${noun} within its range drops it below #${s.position}.`,
      );
    }
    if (f.gain) {
      out.push(
        f.gain.reachable
          ? `It rises to #${f.gain.position} if ${noun} ${inverse ? 'falls below' : 'rises above'} ${valueText(f.factor, f.gain.value, reachPeriod)}.`
          : `No ${noun} within its range lifts it above #${s.position}.`,
      );
    }
  }
  return out;
}

/** A what-if: the score and place of item `id` with `inputs` in place of its own, nothing else changed. */
export function whatIf(ranking: Ranking, id: string, order: number, inputs: RiceInputs): { score: number; position: number } | { score: null; message: string } {
  const result = riceScore(inputs);
  if (result.status === 'scored') return { score: result.score, position: positionWithScore(ranking, id, result.score, order) };
  if (result.status === 'missing') return { score: null, message: `Missing ${result.missing.join(', ')}` };
  return { score: null, message: result.message };
}

export interface RankMargin {
  id: string;
  position: number;
  score: number;
  /** How far (0–1) the score may fall before the item loses a place; null when it is last or scores 0. */
  marginDown: number | null;
  /** How far (≥ 0) the score must rise to gain a place; null when it is first or scores 0. */
  marginUp: number | null;
}

/** Every ranked item's margins to its neighbours: how fragile each place is. O(n). */
export function rankMargins(ranking: Ranking): RankMargin[] {
  const ordered = ranking.ordered;
  return ordered.map((e, i) => {
    const above = ordered[i - 1];
    const below = ordered[i + 1];
    return {
      id: e.id,
      position: e.position,
      score: e.score,
      marginDown: below && e.score > 0 ? 1 - below.score / e.score : null,
      marginUp: above && e.score > 0 ? above.score / e.score - 1 : null,
    };
  });
}
