import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { InputCheck } from '../../../../shared/scoring/inputs';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import { rankSortValue, sortRows, titleSortValue, type ScoreRow, type SortDirection, type SortValue } from '../../../../shared/scoring/scoreTable';
import './ScoreGrid.css';

interface ColumnBase {
  key: string;
  header: string;
  /** A short line under the header (a scale, a unit). */
  hint?: string;
  sortValue: (row: ScoreRow) => SortValue;
  /** Direction of the first click on the header. */
  firstDirection?: SortDirection;
}

export type GridColumn =
  | (ColumnBase & {
      kind: 'number';
      /** The accessible name of the cell's input, e.g. "Reach for Plan meals". */
      label: (item: PrioritizationItem) => string;
      value: (item: PrioritizationItem) => number | null;
      check: (raw: string) => InputCheck;
      /** A warning about an allowed but unusual value: a short tag shown in the cell, the message as its description. */
      warning?: (value: number) => { tag: string; message: string } | null;
      /** How the value reads when the cell is not being edited (e.g. "25,000"). */
      format?: (value: number) => string;
      /** Commit a value (null clears it); returns why it failed, or null. */
      commit: (item: PrioritizationItem, value: number | null) => string | null;
    })
  | (ColumnBase & {
      kind: 'select';
      label: (item: PrioritizationItem) => string;
      value: (item: PrioritizationItem) => string;
      options: (item: PrioritizationItem) => readonly { value: string; label: string }[];
      commit: (item: PrioritizationItem, value: string) => string | null;
    })
  | (ColumnBase & {
      kind: 'output';
      render: (row: ScoreRow) => ReactNode;
    });

interface Sort {
  key: string;
  direction: SortDirection;
}

/** Above this many rows only the visible rows are rendered. */
const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 41;

type Navigate = (rowId: string, col: string, step: 1 | -1) => void;

/**
 * A scoring table that edits like a spreadsheet: Enter (or ↓) commits and moves down, Shift+Enter
 * (or ↑) moves up, Tab moves right, Escape restores the saved value. Every column sorts either way
 * from its header; missing values sort last. Long tables render only the rows in view.
 */
export function ScoreGrid({ caption, rows, columns, rankHeader = '#' }: { caption: string; rows: readonly ScoreRow[]; columns: readonly GridColumn[]; rankHeader?: string }) {
  const [sort, setSort] = useState<Sort>({ key: 'rank', direction: 'asc' });
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();

  const sorted = useMemo(() => {
    const valueOf = sort.key === 'rank' ? rankSortValue : sort.key === 'title' ? titleSortValue : (columns.find((c) => c.key === sort.key)?.sortValue ?? rankSortValue);
    return sortRows(rows, valueOf, sort.direction);
  }, [rows, columns, sort]);
  const sortedRef = useRef(sorted);
  useLayoutEffect(() => {
    sortedRef.current = sorted;
  }, [sorted]);

  const virtual = sorted.length > VIRTUALIZE_FROM;
  // (The virtualizer's functions are read fresh each render; nothing here memoises them.)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: sorted.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, enabled: virtual });

  const focusCell = useCallback(
    (rowId: string, col: string) => {
      const find = () => tableRef.current?.querySelector<HTMLElement>(`[data-grid-row="${CSS.escape(rowId)}"][data-grid-col="${CSS.escape(col)}"]`) ?? null;
      requestAnimationFrame(() => {
        const element = find();
        if (element) return element.focus();
        const index = sortedRef.current.findIndex((r) => r.item.id === rowId);
        if (index < 0) return;
        virtualizer.scrollToIndex(index, { align: 'auto' });
        requestAnimationFrame(() => find()?.focus());
      });
    },
    [virtualizer],
  );

  // Moves are worked out before the commit re-sorts the rows: "down" is the row that was below.
  const navigate: Navigate = useCallback(
    (rowId, col, step) => {
      const list = sortedRef.current;
      const index = list.findIndex((r) => r.item.id === rowId);
      const target = list[index + step];
      if (target) focusCell(target.item.id, col);
      else focusCell(rowId, col);
    },
    [focusCell],
  );

  const onSort = (key: string, first: SortDirection) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: first }));

  const headers: { key: string; header: string; hint?: string; first: SortDirection }[] = [
    { key: 'rank', header: rankHeader, first: 'asc' },
    { key: 'title', header: 'Item', first: 'asc' },
    ...columns.map((c) => ({ key: c.key, header: c.header, hint: c.hint, first: c.firstDirection ?? 'desc' })),
  ];

  const items = virtual ? virtualizer.getVirtualItems() : null;
  const visible = items ? items.map((v) => ({ row: sorted[v.index], index: v.index })) : sorted.map((row, index) => ({ row, index }));
  const padTop = items && items.length > 0 ? (items[0]?.start ?? 0) : 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div ref={scrollRef} className="pz-grid-wrap is-scroll">
      <table ref={tableRef} className="pz-grid" aria-describedby={captionId} aria-rowcount={sorted.length + 1}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr aria-rowindex={1}>
            {headers.map((h) => (
              <th key={h.key} scope="col" aria-sort={sort.key === h.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined} className={`pz-col-${h.key}`}>
                <button type="button" className="pz-sort" onClick={() => onSort(h.key, h.first)}>
                  <span>{h.header}</span>
                  <span className="pz-sort-icon" aria-hidden="true">
                    {sort.key === h.key ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
                {h.hint && <span className="pz-col-hint">{h.hint}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className="pz-spacer">
              <td colSpan={headers.length} style={{ height: padTop }} />
            </tr>
          )}
          {visible.map(({ row, index }) => (row ? <GridRow key={row.item.id} row={row} columns={columns} rowIndex={index + 2} navigate={navigate} /> : null))}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="pz-spacer">
              <td colSpan={headers.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

const GridRow = memo(function GridRow({ row, columns, rowIndex, navigate }: { row: ScoreRow; columns: readonly GridColumn[]; rowIndex: number; navigate: Navigate }) {
  return (
    <tr aria-rowindex={rowIndex} className={row.position === null ? 'is-unranked' : undefined}>
      <td className="pz-rank">{row.position === null ? <span className="muted" title="Not ranked: an input is missing or invalid">—</span> : `#${row.position}`}</td>
      <th scope="row" className="pz-title">
        {row.item.title}
      </th>
      {columns.map((column) => (
        <td key={column.key} className={`pz-col-${column.key}`}>
          {column.kind === 'number' ? (
            <NumberCell column={column} item={row.item} navigate={navigate} />
          ) : column.kind === 'select' ? (
            <SelectCell column={column} item={row.item} navigate={navigate} />
          ) : (
            column.render(row)
          )}
        </td>
      ))}
    </tr>
  );
});

function NumberCell({ column, item, navigate }: { column: Extract<GridColumn, { kind: 'number' }>; item: PrioritizationItem; navigate: Navigate }) {
  const value = column.value(item);
  // The saved value as it reads in the cell ("25,000"); editing starts from this text, so focusing
  // a cell never changes what is in it.
  const display = value === null ? '' : (column.format?.(value) ?? String(value));
  const [draft, setDraft] = useState(display);
  const [error, setError] = useState<string | null>(null);
  const [lastDisplay, setLastDisplay] = useState(display);
  const messageId = useId();
  if (display !== lastDisplay) {
    // The stored value changed (an edit, undo, another view): show it.
    setLastDisplay(display);
    setDraft(display);
    setError(null);
  }
  const flag = value !== null && column.warning ? column.warning(value) : null;

  const commit = (): boolean => {
    if (draft === display) {
      setError(null);
      return true;
    }
    const check = column.check(draft);
    if (check.kind === 'error') {
      setError(check.message);
      return false;
    }
    const next = check.kind === 'clear' ? null : check.value;
    if (next === value) {
      // The same number typed differently ("25000" for "25,000"): nothing to save.
      setDraft(display);
      setError(null);
      return true;
    }
    const problem = column.commit(item, next);
    setError(problem);
    return problem === null;
  };

  const description = error ?? flag?.message ?? null;
  return (
    <div className="pz-cell">
      <span className="pz-cell-line">
        {flag && !error && (
          <span className="pz-flag-chip" title={flag.message} aria-hidden="true">
            {flag.tag}
          </span>
        )}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className={`pz-input ${flag && !error ? 'is-flagged' : ''}`}
          aria-label={column.label(item)}
          aria-invalid={error ? true : undefined}
          aria-describedby={description ? messageId : undefined}
          placeholder="missing"
          value={draft}
          data-grid-row={item.id}
          data-grid-col={column.key}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => commit()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setDraft(display);
              setError(null);
            } else if (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey) ? -1 : 1;
              if (commit()) navigate(item.id, column.key, step);
            }
          }}
        />
      </span>
      {error ? (
        <span id={messageId} className="pz-cell-error" role="alert">
          {error}
        </span>
      ) : (
        flag && (
          <span id={messageId} className="visually-hidden">
            {flag.message}
          </span>
        )
      )}
    </div>
  );
}

function SelectCell({ column, item, navigate }: { column: Extract<GridColumn, { kind: 'select' }>; item: PrioritizationItem; navigate: Navigate }) {
  const [error, setError] = useState<string | null>(null);
  const messageId = useId();
  return (
    <div className="pz-cell">
      <select
        className="pz-select"
        aria-label={column.label(item)}
        aria-describedby={error ? messageId : undefined}
        value={column.value(item)}
        data-grid-row={item.id}
        data-grid-col={column.key}
        onChange={(e) => setError(column.commit(item, e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            navigate(item.id, column.key, e.shiftKey ? -1 : 1);
          }
        }}
      >
        {column.options(item).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <span id={messageId} className="pz-cell-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
