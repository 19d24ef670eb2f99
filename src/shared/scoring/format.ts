/** Number formatting for scores and inputs (pure: Intl only, fixed English locale for exports). */

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });

/** 25000 → "25,000"; 0.25 → "0.25"; 1.333… → "1.33". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e15) return value.toExponential(2);
  return grouped.format(value);
}

/** A score: whole numbers for big scores, up to two decimals for small ones, 3 significant digits under 1. */
export function formatScore(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e15) return value.toExponential(2);
  if (Math.abs(value) >= 100) return grouped.format(Math.round(value));
  if (Math.abs(value) < 1 && value !== 0) return compact.format(value);
  return grouped.format(Math.round(value * 100) / 100);
}

/** A percentage value stored as 0–100: 80 → "80%". */
export function formatPercent(value: number): string {
  return `${grouped.format(value)}%`;
}

/** A plain number for CSV: no grouping, full precision for inputs, up to 4 decimals for scores. */
export function plainNumber(value: number, decimals = 4): string {
  if (!Number.isFinite(value)) return '';
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Number.isFinite(rounded) ? String(rounded) : String(value);
}

const input = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/** An input value as it reads in a table cell: grouped, with its decimals (25000 → "25,000", 1.234 → "1.234"). */
export function formatInput(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15 || (value !== 0 && Math.abs(value) < 1e-6)) return String(value);
  return input.format(value);
}
