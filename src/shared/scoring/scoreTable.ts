/**
 * The rows of a scoring table (RICE, ICE, WSJF, MoSCoW) and their sorting. Any column sorts either
 * way; a row with a missing value in the sorted column always goes last (missing is not zero), and
 * equal values keep backlog order.
 */
import type { PrioritizationItem } from './items';
import type { Ranking } from './ranking';
import type { ScoreResult } from './score';

export type SortDirection = 'asc' | 'desc';
export type SortValue = number | string | null;

export interface ScoreRow {
  item: PrioritizationItem;
  result: ScoreResult;
  /** 1-based rank under the table's framework, or null when the score is missing or invalid. */
  position: number | null;
  /** Backlog order (the tie-breaker). */
  order: number;
}

export function scoreRows(items: readonly PrioritizationItem[], ranking: Ranking): ScoreRow[] {
  return items.map((item, order) => ({
    item,
    result: ranking.results.get(item.id) ?? { status: 'missing', missing: [] },
    position: ranking.byId.get(item.id)?.position ?? null,
    order,
  }));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A copy of `rows` sorted by `valueOf`: missing values last either way, ties in backlog order. */
export function sortRows<R extends { order: number }>(rows: readonly R[], valueOf: (row: R) => SortValue, direction: SortDirection): R[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: valueOf(row) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.row.order - b.row.order;
      return a.value === null ? 1 : -1;
    }
    const c = typeof a.value === 'string' || typeof b.value === 'string' ? collator.compare(String(a.value), String(b.value)) : a.value - b.value;
    return sign * c || a.row.order - b.row.order;
  });
  return keyed.map((k) => k.row);
}

/** Sort values shared by every scoring table. */
export const rankSortValue = (row: ScoreRow): SortValue => row.position;
export const titleSortValue = (row: ScoreRow): SortValue => row.item.title;
export const scoreSortValue = (row: ScoreRow): SortValue => (row.result.status === 'scored' ? row.result.score : null);
