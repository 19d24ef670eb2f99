/**
 * What the bench reports: one `Figure` per measurement (median of runs, the raw runs, a budget),
 * the verdict against the budget, and the printed table / JSON file. Budgets are reported as
 * "pass" or "falls short", never turned into a failing test.
 */

export type Unit = 'ms' | 'MB' | 'writes' | '×' | '%';

/** A budget is always an upper bound: the figure passes when it is at most `max`. */
export interface Budget {
  max: number;
}

export interface Figure {
  /** Stable key for the JSON file, e.g. `open-10000`. */
  id: string;
  /** What was measured, as printed in the table. */
  label: string;
  unit: Unit;
  /** The median of the runs (or the single figure), null when skipped. */
  value: number | null;
  /** Every recorded run, in order. */
  runs: number[];
  /** A short note printed next to the figure: the spread, the floor, how it was measured. */
  detail: string;
  budget: Budget | null;
  /** Why there is no figure (the view is not there yet, the measurement failed). */
  skipped: string | null;
}

export type Verdict = 'pass' | 'falls short' | 'no budget' | 'skipped';

export function verdictOf(figure: Figure): Verdict {
  if (figure.skipped !== null || figure.value === null || !Number.isFinite(figure.value)) return 'skipped';
  if (figure.budget === null) return 'no budget';
  return figure.value <= figure.budget.max ? 'pass' : 'falls short';
}

/** A figure with a value. */
export function measured(fields: Omit<Figure, 'skipped' | 'budget' | 'detail'> & { budget?: Budget | null; detail?: string }): Figure {
  return { budget: null, detail: '', ...fields, skipped: null };
}

/** A figure that could not be taken, with the reason printed in its place. */
export function skipped(fields: Pick<Figure, 'id' | 'label' | 'unit'> & { budget?: Budget | null }, reason: string): Figure {
  return { budget: null, ...fields, value: null, runs: [], detail: '', skipped: reason };
}

export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'writes':
      return `${Math.round(value)}`;
    case '×':
      return `${value.toFixed(2)}×`;
    case '%':
      return `${value.toFixed(1)} %`;
  }
}

export function formatBudget(budget: Budget | null, unit: Unit): string {
  return budget === null ? '—' : `≤ ${formatValue(budget.max, unit)}`;
}

const HEADERS = ['Measurement', 'Median', 'Budget', 'Result', 'Detail'] as const;

/** The rows of the table as cells (also used for the README's Markdown table). */
export function tableRows(figures: readonly Figure[]): string[][] {
  return figures.map((f) => {
    const verdict = verdictOf(f);
    return [
      f.label,
      f.value === null || f.skipped !== null ? '—' : formatValue(f.value, f.unit),
      formatBudget(f.budget, f.unit),
      verdict === 'no budget' ? '' : verdict,
      f.skipped !== null ? `skipped: ${f.skipped}` : f.detail,
    ];
  });
}

/** A plain-text table with aligned columns (the Detail column is not padded). */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [[...HEADERS], ...tableRows(figures)];
  const widths = HEADERS.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, col) => (col === cells.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w, col) => '-'.repeat(col === widths.length - 1 ? Math.min(w, 40) : w)).join('  ');
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The same table in Markdown, for the README. */
export function formatMarkdownTable(figures: readonly Figure[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const rows = tableRows(figures);
  return [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(escape).join(' | ')} |`)].join('\n');
}

/** "3 pass, 1 falls short, 2 skipped". */
export function summary(figures: readonly Figure[]): string {
  const counts = new Map<Verdict, number>();
  for (const f of figures) counts.set(verdictOf(f), (counts.get(verdictOf(f)) ?? 0) + 1);
  const order: Verdict[] = ['pass', 'falls short', 'skipped', 'no budget'];
  return order
    .filter((v) => (counts.get(v) ?? 0) > 0)
    .map((v) => `${counts.get(v) ?? 0} ${v === 'no budget' ? 'without a budget' : v}`)
    .join(', ');
}

/** "10,000": fixed formatting for labels, whatever the machine's locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
