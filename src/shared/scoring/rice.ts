/**
 * RICE (Intercom): score = Reach × Impact × Confidence ÷ Effort. A missing input makes the score
 * missing — never zero — so unscored work is not mistaken for worthless work.
 */
import type { RiceInputs } from '../model/schema';

/** Intercom's impact scale. */
export const RICE_IMPACT_SCALE = [
  { value: 3, label: 'Massive' },
  { value: 2, label: 'High' },
  { value: 1, label: 'Medium' },
  { value: 0.5, label: 'Low' },
  { value: 0.25, label: 'Minimal' },
] as const;

/** Intercom's confidence scale, in percent. */
export const RICE_CONFIDENCE_SCALE = [
  { value: 100, label: 'High' },
  { value: 80, label: 'Medium' },
  { value: 50, label: 'Low' },
] as const;

export type RiceResult =
  | { ok: true; score: number }
  | { ok: false; missing: (keyof RiceInputs)[]; invalid: string | null };

export function riceScore(inputs: RiceInputs): RiceResult {
  const missing = (Object.keys(inputs) as (keyof RiceInputs)[]).filter((k) => inputs[k] === null);
  if (missing.length > 0) return { ok: false, missing, invalid: null };
  const { reach, impact, confidence, effort } = inputs as { [K in keyof RiceInputs]: number };
  if (effort <= 0) return { ok: false, missing: [], invalid: 'Effort must be more than 0 person-months.' };
  return { ok: true, score: (reach * impact * (confidence / 100)) / effort };
}
