/** ICE (Sean Ellis): score = Impact × Confidence × Ease, each rated 1–10. */
import type { IceInputs } from '../model/schema';
import { finiteScore, missingKeys, type ScoreResult } from './score';

export type IceFactor = keyof IceInputs;
export const ICE_FACTORS: readonly IceFactor[] = ['impact', 'confidence', 'ease'];
export const ICE_FACTOR_LABELS: Record<IceFactor, string> = { impact: 'Impact', confidence: 'Confidence', ease: 'Ease' };
export const ICE_MIN = 1;
export const ICE_MAX = 10;

export function iceScore(inputs: IceInputs): ScoreResult {
  const missing = missingKeys(inputs);
  if (missing.length > 0) return { status: 'missing', missing };
  const { impact, confidence, ease } = inputs as { [K in IceFactor]: number };
  if (impact < 0 || confidence < 0 || ease < 0) return { status: 'invalid', message: 'ICE ratings cannot be negative.' };
  return finiteScore(impact * confidence * ease);
}
