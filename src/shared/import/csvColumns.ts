/** Reading cells by column name from a parsed CSV table, with repeated column names kept together. */
import { cellAt, indexHeader, normaliseHeader, type CsvRow } from './csvRows';

export class ColumnReader {
  private readonly byName: Map<string, number[]>;
  /** Column indexes some field read from: the rest are reported as ignored. */
  readonly used = new Set<number>();

  constructor(readonly header: readonly string[]) {
    this.byName = indexHeader(header);
  }

  /** Lookups are repeated for every row: remembered per list of names. */
  private readonly cache = new Map<readonly string[], number[]>();

  /** Every column index named one of `names` (in header order). */
  indexes(names: readonly string[]): number[] {
    const cached = this.cache.get(names);
    if (cached) return cached;
    const out: number[] = [];
    for (const name of names) out.push(...(this.byName.get(normaliseHeader(name)) ?? []));
    out.sort((a, b) => a - b);
    this.cache.set(names, out);
    return out;
  }

  has(names: readonly string[]): boolean {
    return this.indexes(names).length > 0;
  }

  /** Columns whose header starts with `prefix` (e.g. Jira's "Outward issue link (Blocks)"). */
  indexesStartingWith(prefix: string): number[] {
    const p = normaliseHeader(prefix);
    const out: number[] = [];
    this.header.forEach((h, i) => {
      if (normaliseHeader(h).startsWith(p)) out.push(i);
    });
    return out;
  }

  /** The first non-blank value (trimmed) among the columns named `names`. */
  first(row: CsvRow, names: readonly string[]): string {
    for (const i of this.indexes(names)) {
      this.used.add(i);
      const value = cellAt(row, i).trim();
      if (value !== '') return value;
    }
    return '';
  }

  /** The first non-blank value, untrimmed (for multi-line text whose indentation matters). */
  firstRaw(row: CsvRow, names: readonly string[]): string {
    for (const i of this.indexes(names)) {
      this.used.add(i);
      const value = cellAt(row, i);
      if (value.trim() !== '') return value;
    }
    return '';
  }

  /** Every non-blank value (trimmed) among the columns named `names`, in column order. */
  all(row: CsvRow, names: readonly string[]): string[] {
    return this.allAt(row, this.indexes(names));
  }

  allAt(row: CsvRow, indexes: readonly number[]): string[] {
    const out: string[] = [];
    for (const i of indexes) {
      this.used.add(i);
      const value = cellAt(row, i).trim();
      if (value !== '') out.push(value);
    }
    return out;
  }

  markUsed(names: readonly string[]): void {
    for (const i of this.indexes(names)) this.used.add(i);
  }

  /** Names of the columns that hold a value in some row but that nothing read (each name once). */
  ignoredWithValues(rows: readonly CsvRow[]): string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    this.header.forEach((name, i) => {
      if (this.used.has(i)) return;
      const key = normaliseHeader(name);
      if (seen.has(key)) return;
      if (rows.some((r) => cellAt(r, i).trim() !== '')) {
        seen.add(key);
        names.push(name.trim() || `Column ${i + 1}`);
      }
    });
    return names;
  }
}

/** "Watchers, Attachment, Votes and 4 more" */
export function listNames(names: readonly string[], max = 8): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
