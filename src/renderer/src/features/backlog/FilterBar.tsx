import { LINT_CODES, LINT_INFO } from '../../../../shared/coach/lints';
import { EMPTY_FILTER, isFilterActive, type BacklogFilter } from '../../../../shared/backlog/filter';
import { memo } from 'react';
import type { Column, Epic } from '../../../../shared/model/schema';

interface FilterBarProps {
  epics: readonly Epic[];
  columns: readonly Column[];
  labels: readonly string[];
  filter: BacklogFilter;
  onChange: (filter: BacklogFilter) => void;
  shown: number;
  total: number;
}

/** Search and filters; the active filter is always visible and clearable. Memoised: a card move does not change it. */
export const FilterBar = memo(function FilterBar({ epics, columns, labels, filter, onChange, shown, total }: FilterBarProps) {
  const set = (patch: Partial<BacklogFilter>) => onChange({ ...filter, ...patch });
  const active = isFilterActive(filter);
  return (
    <div className="filter-bar" role="search" aria-label="Search and filter stories">
      <label className="search-field">
        <span className="visually-hidden">Search stories</span>
        <input type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} placeholder="Search titles, descriptions, criteria…" />
      </label>
      <label>
        <span className="visually-hidden">Filter by epic</span>
        <select value={filter.epicId ?? ''} onChange={(e) => set({ epicId: e.target.value || null })}>
          <option value="">All epics</option>
          <option value="none">No epic</option>
          {epics.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Filter by label</span>
        <select value={filter.label ?? ''} onChange={(e) => set({ label: e.target.value || null })}>
          <option value="">All labels</option>
          {labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Filter by status</span>
        <select value={filter.status ?? ''} onChange={(e) => set({ status: e.target.value || null })}>
          <option value="">All statuses</option>
          {columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Filter by readiness or problem</span>
        <select value={filter.lint ?? ''} onChange={(e) => set({ lint: (e.target.value || null) as BacklogFilter['lint'] })}>
          <option value="">Any readiness</option>
          <option value="ready">Ready</option>
          <option value="not-ready">Not ready</option>
          {LINT_CODES.map((code) => (
            <option key={code} value={code}>
              {LINT_INFO[code].title}
            </option>
          ))}
        </select>
      </label>
      <span className="filter-count" aria-live="polite">
        {active ? `${shown} of ${total} stories` : `${total} stories`}
      </span>
      {active && (
        <button type="button" onClick={() => onChange(EMPTY_FILTER)}>
          Clear filters
        </button>
      )}
    </div>
  );
});
