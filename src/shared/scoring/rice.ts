/**
 * RICE (Intercom): score = Reach × Impact × Confidence ÷ Effort.
 *
 * - Reach: people or events per period (the period is `prioritization.reachPeriod`).
 * - Impact: Intercom's scale — 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.
 * - Confidence: a percentage — 100 high, 80 medium, 50 low; below 50% is a moonshot.
 * - Effort: person-months, at least half a month, counted in half-months.
 */
import type { RiceInputs } from '../model/schema';
import { formatNumber, formatPercent, formatScore } from './format';
import { finiteScore, missingKeys, type ScoreResult } from './score';

export type RiceFactor = keyof RiceInputs;
export const RICE_FACTORS: readonly RiceFactor[] = ['reach', 'impact', 'confidence', 'effort'];

export const RICE_FACTOR_LABELS: Record<RiceFactor, string> = {
  reach: 'Reach',
  impact: 'Impact',
  confidence: 'Confidence',
  effort: 'Effort',
};

/** Intercom's impact scale, highest first. */
export const RICE_IMPACT_SCALE = [
  { value: 3, label: 'Massive' },
  { value: 2, label: 'High' },
  { value: 1, label: 'Medium' },
  { value: 0.5, label: 'Low' },
  { value: 0.25, label: 'Minimal' },
] as const;

/** Intercom's confidence scale, in percent, highest first. */
export const RICE_CONFIDENCE_SCALE = [
  { value: 100, label: 'High' },
  { value: 80, label: 'Medium' },
  { value: 50, label: 'Low' },
] as const;

/** Below this confidence an idea is a moonshot (Intercom). */
export const MOONSHOT_CONFIDENCE = 50;
/** The smallest effort Intercom counts, and the step effort is counted in (person-months). */
export const EFFORT_STEP = 0.5;

/** "Massive", "High", … for a value on the impact scale, or null for a value off the scale. */
export function impactLabel(impact: number): string | null {
  return RICE_IMPACT_SCALE.find((s) => s.value === impact)?.label ?? null;
}

/** "High", "Medium", "Low" for a value on the confidence scale, or null for another value. */
export function confidenceLabel(confidence: number): string | null {
  return RICE_CONFIDENCE_SCALE.find((s) => s.value === confidence)?.label ?? null;
}

/** Why an effort cannot be used, or null when it can. */
export function effortProblem(effort: number): string | null {
  if (!Number.isFinite(effort)) return 'Effort must be a number of person-months.';
  if (effort <= 0) return 'Effort must be more than 0 person-months: the score divides by effort.';
  return null;
}

export function riceScore(inputs: RiceInputs): ScoreResult {
  const { reach, impact, confidence, effort } = inputs;
  // (Checked field by field rather than with `missingKeys`: this runs for every item on every edit.)
  if (reach === null || impact === null || confidence === null || effort === null) return { status: 'missing', missing: missingKeys(inputs) };
  const problem = effortProblem(effort);
  if (problem) return { status: 'invalid', message: problem };
  if (reach < 0 || impact < 0 || confidence < 0) return { status: 'invalid', message: 'Reach, impact and confidence cannot be negative.' };
  return finiteScore((reach * impact * (confidence / 100)) / effort);
}

/** Each factor's part in the score, for the breakdown shown on hover/focus. */
export interface RiceBreakdown {
  reach: number | null;
  impact: number | null;
  impactLabel: string | null;
  confidence: number | null;
  confidenceLabel: string | null;
  effort: number | null;
  result: ScoreResult;
}

export function riceBreakdown(inputs: RiceInputs): RiceBreakdown {
  return {
    reach: inputs.reach,
    impact: inputs.impact,
    impactLabel: inputs.impact === null ? null : impactLabel(inputs.impact),
    confidence: inputs.confidence,
    confidenceLabel: inputs.confidence === null ? null : confidenceLabel(inputs.confidence),
    effort: inputs.effort,
    result: riceScore(inputs),
  };
}

/**
 * The score written out with its factors, for the breakdown on hover/focus:
 * "25,000 households per quarter × 1 (Medium) × 100% ÷ 0.5 person-months = 50,000".
 * A missing factor shows as "? reach"; the result says missing or why it is invalid.
 */
export function riceExplanation(inputs: RiceInputs, reachPeriod: string): string {
  const { reach, impact, confidence, effort } = inputs;
  const reachText = reach === null ? '? reach' : `${formatNumber(reach)}${reachPeriod ? ` ${reachPeriod}` : ''}`;
  const impactText = impact === null ? '? impact' : `${formatNumber(impact)}${impactLabel(impact) ? ` (${impactLabel(impact)})` : ''}`;
  const confidenceText = confidence === null ? '? confidence' : formatPercent(confidence);
  const effortText = effort === null ? '? effort' : `${formatNumber(effort)} person-months`;
  const result = riceScore(inputs);
  const outcome = result.status === 'scored' ? formatScore(result.score) : result.status === 'missing' ? `missing (${result.missing.join(', ')})` : `invalid: ${result.message}`;
  return `${reachText} × ${impactText} × ${confidenceText} ÷ ${effortText} = ${outcome}`;
}
