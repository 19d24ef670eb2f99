/**
 * Checking a typed score input before it becomes an edit: an empty cell clears the input (it becomes
 * missing), a number is kept — with a warning when it is allowed but unusual — and anything the
 * formula cannot use is refused with a message that says why.
 */
import { ICE_MAX, ICE_MIN, type IceFactor } from './ice';
import { EFFORT_STEP, impactLabel, MOONSHOT_CONFIDENCE, RICE_IMPACT_SCALE, type RiceFactor } from './rice';
import type { WsjfFactor } from './wsjf';

export type InputCheck =
  | { kind: 'clear' }
  | { kind: 'value'; value: number; warning: string | null }
  | { kind: 'error'; message: string };

/**
 * A number typed the way people type them: "25000", "25,000", "25 000", "1.5", "80%", "1e6".
 * Returns null for an empty text and NaN for text that is not a number.
 */
export function parseNumberText(raw: string): number | null {
  const text = raw.trim().replace(/%$/, '').trim();
  if (text === '') return null;
  const compact = /^[+-]?\d{1,3}([, _]\d{3})+(\.\d+)?$/.test(text) ? text.replace(/[, _]/g, '') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(compact)) return Number.NaN;
  return Number(compact);
}

function parsed(raw: string): InputCheck | number {
  const value = parseNumberText(raw);
  if (value === null) return { kind: 'clear' };
  if (Number.isNaN(value)) return { kind: 'error', message: `“${raw.trim()}” is not a number.` };
  if (!Number.isFinite(value)) return { kind: 'error', message: 'That number is too large.' };
  return value;
}

/** A warning for a RICE value that is allowed but unusual, or null. */
export function riceInputWarning(factor: RiceFactor, value: number): string | null {
  switch (factor) {
    case 'impact':
      return impactLabel(value) === null ? `${value} is off Intercom's impact scale (${RICE_IMPACT_SCALE.map((s) => s.value).join(', ')}).` : null;
    case 'confidence':
      if (value < MOONSHOT_CONFIDENCE) return `Below ${MOONSHOT_CONFIDENCE}% confidence is a moonshot: consider more evidence before betting on it.`;
      return null;
    case 'effort':
      return Math.abs(value / EFFORT_STEP - Math.round(value / EFFORT_STEP)) > 1e-9 ? `Effort is counted in half person-months; ${value} is kept as typed.` : null;
    case 'reach':
      return null;
  }
}

export function checkRiceInput(factor: RiceFactor, raw: string): InputCheck {
  const value = parsed(raw);
  if (typeof value !== 'number') return value;
  switch (factor) {
    case 'reach':
      if (value < 0) return { kind: 'error', message: 'Reach cannot be negative: it counts people or events.' };
      break;
    case 'impact':
      if (value < 0) return { kind: 'error', message: 'Impact cannot be negative.' };
      break;
    case 'confidence':
      if (value < 0 || value > 100) return { kind: 'error', message: 'Confidence is a percentage from 0 to 100.' };
      break;
    case 'effort':
      if (value <= 0) return { kind: 'error', message: 'Effort must be more than 0 person-months: the score divides by effort.' };
      if (value < EFFORT_STEP) return { kind: 'error', message: `The smallest effort is ${EFFORT_STEP} person-months (half a month).` };
      break;
  }
  return { kind: 'value', value, warning: riceInputWarning(factor, value) };
}

export function checkIceInput(_factor: IceFactor, raw: string): InputCheck {
  const value = parsed(raw);
  if (typeof value !== 'number') return value;
  if (value < ICE_MIN || value > ICE_MAX) return { kind: 'error', message: `ICE ratings run from ${ICE_MIN} to ${ICE_MAX}.` };
  return { kind: 'value', value, warning: null };
}

export function checkWsjfInput(factor: WsjfFactor, raw: string): InputCheck {
  const value = parsed(raw);
  if (typeof value !== 'number') return value;
  if (value < 0) return { kind: 'error', message: 'WSJF values cannot be negative.' };
  if (factor === 'jobSize' && value === 0) return { kind: 'error', message: 'Job size must be more than 0: WSJF divides by job size.' };
  return { kind: 'value', value, warning: null };
}

/** A short tag for a RICE warning (for a chip in a table cell) with the full message. */
export function riceInputFlag(factor: RiceFactor, value: number): { tag: string; message: string } | null {
  const message = riceInputWarning(factor, value);
  if (message === null) return null;
  const tags: Record<RiceFactor, string> = { reach: 'Check', impact: 'Off scale', confidence: 'Moonshot', effort: 'Not half-months' };
  return { tag: tags[factor], message };
}
