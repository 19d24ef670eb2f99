/**
 * The stories of a product as CSV, with every story field, so that importing the file again (the
 * generic CSV import guesses this header exactly) gives back the same stories. Lists are spread
 * over repeated columns the way Jira does it ("Acceptance criterion", "Label"), so each cell is one
 * value a spreadsheet can show; the criteria's ids ride along in one column. Written with Papa
 * Parse's `unparse` (RFC 4180 quoting, CRLF), a UTF-8 byte-order mark so Excel reads the accents,
 * and a guard against spreadsheet formulas: a cell that starts with = + - @ or a tab gets a `'`
 * in front (and a cell that already starts with `'` before one of those gets another, so the
 * import's unguarding is exact).
 */
import Papa from 'papaparse';
import { CSV_FIELD_INFO, type CsvField } from '../import/csvFields';
import { sortByRank } from '../model/rank';
import type { Product, Story } from '../model/schema';

/** Keeps a spreadsheet from running a cell as a formula; `unguardCell` in the import undoes it. */
export function guardCell(value: string): string {
  return /^'*[=+\-@\t]/.test(value) ? `'${value}` : value;
}

const num = (n: number | null): string => (n === null ? '' : String(n));

/** Single-value columns after the lists, in order. */
const TAIL: readonly { field: CsvField; value: (s: Story, p: Product) => string }[] = [
  { field: 'estimate', value: (s) => num(s.estimate) },
  { field: 'status', value: (s, p) => p.board.columns.find((c) => c.id === s.status)?.name ?? s.status },
  { field: 'rank', value: (s) => s.rank },
  { field: 'epic', value: (s, p) => (s.epicId === null ? '' : (p.epics.find((e) => e.id === s.epicId)?.title ?? '')) },
  { field: 'epicId', value: (s) => s.epicId ?? '' },
];

const SCORES: readonly { field: CsvField; value: (s: Story) => string }[] = [
  { field: 'rice.reach', value: (s) => num(s.scores.rice.reach) },
  { field: 'rice.impact', value: (s) => num(s.scores.rice.impact) },
  { field: 'rice.confidence', value: (s) => num(s.scores.rice.confidence) },
  { field: 'rice.effort', value: (s) => num(s.scores.rice.effort) },
  { field: 'ice.impact', value: (s) => num(s.scores.ice.impact) },
  { field: 'ice.confidence', value: (s) => num(s.scores.ice.confidence) },
  { field: 'ice.ease', value: (s) => num(s.scores.ice.ease) },
  { field: 'wsjf.businessValue', value: (s) => num(s.scores.wsjf.businessValue) },
  { field: 'wsjf.timeCriticality', value: (s) => num(s.scores.wsjf.timeCriticality) },
  { field: 'wsjf.riskReduction', value: (s) => num(s.scores.wsjf.riskReduction) },
  { field: 'wsjf.jobSize', value: (s) => num(s.scores.wsjf.jobSize) },
  { field: 'moscow', value: (s) => s.scores.moscow ?? '' },
  { field: 'splitFrom', value: (s) => s.splitFrom ?? '' },
  { field: 'splitInto', value: (s) => s.splitInto.join(' ') },
  { field: 'notes', value: (s) => s.notes },
];

const header = (field: CsvField) => CSV_FIELD_INFO[field].header;

/** The product's stories in backlog (rank) order as CSV text. */
export function backlogCsv(product: Product): string {
  const stories = sortByRank(product.stories);
  const criteriaColumns = Math.max(1, ...stories.map((s) => s.acceptanceCriteria.length));
  const labelColumns = Math.max(1, ...stories.map((s) => s.labels.filter((l) => l.trim() !== '').length));
  const head = [
    header('id'),
    header('title'),
    header('asA'),
    header('iWant'),
    header('soThat'),
    header('description'),
    ...Array.from({ length: criteriaColumns }, () => header('criterion')),
    header('criterionIds'),
    ...TAIL.map((t) => header(t.field)),
    ...Array.from({ length: labelColumns }, () => header('label')),
    ...SCORES.map((t) => header(t.field)),
  ];
  const rows = stories.map((s) => {
    const labels = s.labels.filter((l) => l.trim() !== '');
    return [
      s.id,
      s.title,
      s.asA,
      s.iWant,
      s.soThat,
      s.description,
      ...Array.from({ length: criteriaColumns }, (_, i) => s.acceptanceCriteria[i]?.text ?? ''),
      s.acceptanceCriteria.map((c) => c.id).join(' '),
      ...TAIL.map((t) => t.value(s, product)),
      ...Array.from({ length: labelColumns }, (_, i) => labels[i] ?? ''),
      ...SCORES.map((t) => t.value(s)),
    ].map(guardCell);
  });
  return `\uFEFF${Papa.unparse([head, ...rows], { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}

/** `larder-stories.csv` */
export function backlogFileName(product: Pick<Product, 'id'>, extension: 'csv' | 'md' | 'product.json'): string {
  return extension === 'product.json' ? `${product.id}.product.json` : `${product.id}-${extension === 'csv' ? 'stories' : 'backlog'}.${extension}`;
}
