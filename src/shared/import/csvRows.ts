/**
 * CSV text to rows with Papa Parse (`header: false`, so repeated column names such as Jira's
 * several "Labels" or "Sprint" columns stay apart). Line endings are normalised first, so a file
 * that mixes CRLF and bare LF (Jira's rows end in one, the multi-line cells inside contain the
 * other) reads the same either way. Quoted cells may hold commas, quotes and line breaks.
 */
import Papa from 'papaparse';
import { stripBom } from './decode';

export interface CsvRow {
  cells: string[];
  /** The row's number as a spreadsheet shows it: the header is row 1. */
  row: number;
}

export interface CsvTable {
  header: string[];
  /** The data rows, blank rows left out. */
  rows: CsvRow[];
  /** Rows with no content (empty, or only delimiters and spaces). */
  blankRows: number;
  delimiter: string;
  /** Problems the parser reported (an unclosed quote, say), readable by a person. */
  problems: string[];
}

export type ProgressCallback = (fraction: number) => void;

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter the header line uses most (outside quotes): Excel in some locales writes ";". */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = counts.get(d) ?? 0;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Normalise line breaks: CRLF and lone CR become LF (inside quoted cells too). */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Parse CSV text into a header and data rows. The first non-blank row is the header. Never
 * throws for malformed input: what the parser could not make sense of is listed in `problems`.
 */
export function parseCsvTable(input: string, onProgress?: ProgressCallback): CsvTable {
  const text = normaliseNewlines(stripBom(input));
  const delimiter = detectDelimiter(text);
  let header: string[] | null = null;
  const rows: CsvRow[] = [];
  const problems: string[] = [];
  let blankRows = 0;
  let record = 0;
  let lastReported = 0;
  let lastCells: string[] = [];
  const total = Math.max(1, text.length);

  Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
    step: (results) => {
      record += 1;
      const cells = results.data;
      lastCells = cells;
      for (const error of results.errors) {
        const what = error.code === 'MissingQuotes' ? 'a quoted cell is never closed, so the rest of the file was read into it (is the file cut short?)' : error.message;
        problems.push(`Row ${record}: ${what}`);
      }
      if (header === null) {
        if (isBlankRow(cells)) return;
        header = cells.map((h) => h.trim());
        return;
      }
      if (isBlankRow(cells)) {
        blankRows += 1;
      } else {
        rows.push({ cells, row: record });
      }
      if (onProgress) {
        const fraction = results.meta.cursor / total;
        if (fraction - lastReported >= 0.02) {
          lastReported = fraction;
          onProgress(Math.min(1, fraction));
        }
      }
    },
  });
  // A file that ends with a line break yields one empty "row" after it: not a blank row of the file.
  if (text.endsWith('\n') && lastCells.length === 1 && lastCells[0] === '' && blankRows > 0) blankRows -= 1;
  onProgress?.(1);
  return { header: header ?? [], rows, blankRows, delimiter, problems };
}

/** The cell at `index`, or '' when the row is shorter than the header. */
export function cellAt(row: CsvRow, index: number): string {
  return row.cells[index] ?? '';
}

/** Header name → every column index with that name (case and surrounding spaces ignored). */
export function indexHeader(header: readonly string[]): Map<string, number[]> {
  const byName = new Map<string, number[]>();
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    const list = byName.get(key);
    if (list) list.push(index);
    else byName.set(key, [index]);
  });
  return byName;
}

/** `"Custom field (Story Points)"` → `"custom field (story points)"`. */
export function normaliseHeader(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
