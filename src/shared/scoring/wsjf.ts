/**
 * WSJF (SAFe): Weighted Shortest Job First = Cost of Delay ÷ Job size, where
 * Cost of Delay = User-business value + Time criticality + Risk reduction / opportunity enablement.
 * Inputs are relative, usually on the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20.
 */
import type { WsjfInputs } from '../model/schema';
import { finiteScore, missingKeys, type ScoreResult } from './score';

export type WsjfFactor = keyof WsjfInputs;
export const WSJF_FACTORS: readonly WsjfFactor[] = ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize'];
export const WSJF_FACTOR_LABELS: Record<WsjfFactor, string> = {
  businessValue: 'Business value',
  timeCriticality: 'Time criticality',
  riskReduction: 'Risk reduction / opportunity enablement',
  jobSize: 'Job size',
};
export const WSJF_FACTOR_SHORT_LABELS: Record<WsjfFactor, string> = {
  businessValue: 'BV',
  timeCriticality: 'TC',
  riskReduction: 'RR/OE',
  jobSize: 'Size',
};
export const WSJF_SCALE = [1, 2, 3, 5, 8, 13, 20] as const;

/** Cost of delay, or null while one of its three parts is missing. */
export function costOfDelay(inputs: WsjfInputs): number | null {
  const { businessValue, timeCriticality, riskReduction } = inputs;
  if (businessValue === null || timeCriticality === null || riskReduction === null) return null;
  return businessValue + timeCriticality + riskReduction;
}

export function wsjfScore(inputs: WsjfInputs): ScoreResult {
  const missing = missingKeys(inputs);
  if (missing.length > 0) return { status: 'missing', missing };
  const { jobSize } = inputs as { [K in WsjfFactor]: number };
  const cod = costOfDelay(inputs) ?? 0;
  if (!(jobSize > 0)) return { status: 'invalid', message: 'Job size must be more than 0: WSJF divides by job size.' };
  if (cod < 0) return { status: 'invalid', message: 'Cost-of-delay parts cannot be negative.' };
  return finiteScore(cod / jobSize);
}
