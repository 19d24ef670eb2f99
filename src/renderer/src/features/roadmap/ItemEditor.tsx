import { useId, useMemo, useState } from 'react';
import type { Edit } from '../../../../shared/edits/editSchema';
import { sortByRank } from '../../../../shared/model/rank';
import { HORIZONS, type Horizon, type Product, type RoadmapItem } from '../../../../shared/model/schema';
import { CHECKS } from '../../../../shared/roadmap/checks';
import { isIsoDate } from '../../../../shared/roadmap/dates';
import { wouldCreateCycle } from '../../../../shared/roadmap/dependencies';
import { itemsInRoadmapOrder } from '../../../../shared/roadmap/grouping';
import { horizonChangeEdit } from '../../../../shared/roadmap/moves';
import { CommitField } from '../../components/CommitField';
import type { DocumentStore } from '../../state/documentStore';
import { CONFIDENCE_LABELS, HORIZON_LABELS, STATUS_LABELS } from './labels';
import type { RoadmapData } from './useRoadmapData';
import './ItemEditor.css';
import { LIMITS } from '../../../../shared/model/limits';

const STATUSES: RoadmapItem['status'][] = ['planned', 'in-progress', 'at-risk', 'done'];
const CONFIDENCES: RoadmapItem['confidence'][] = ['high', 'medium', 'low'];
const MAX_STORIES_SHOWN = 60;

interface ItemEditorProps {
  store: DocumentStore;
  product: Product;
  data: RoadmapData;
  item: RoadmapItem;
  onClose: () => void;
  onFocusItem: (id: string) => void;
}

/** The side panel for one roadmap item: every field, its links, its dependencies and its checks. */
export function ItemEditor({ store, product, data, item, onClose, onFocusItem }: ItemEditorProps) {
  const titleId = useId();
  const dispatch = (edit: Edit, label: string) => store.dispatch(edit, label);
  const update = (patch: Partial<Omit<RoadmapItem, 'id'>>, label: string) => dispatch({ type: 'roadmapItem.update', id: item.id, patch }, label);
  const goal = item.goalId ? data.goals.get(item.goalId) : undefined;
  const findings = data.findingsByItem.get(item.id) ?? [];
  const progress = data.progress.get(item.id);

  return (
    <aside className="rm-panel" aria-labelledby={titleId}>
      <div className="rm-panel-header">
        <h2 id={titleId}>Roadmap item</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>

      <CommitField
        key={`title-${item.id}`}
        label="Title"
        value={item.title}
        maxLength={LIMITS.shortText}
        validate={(v) => (v.trim() ? null : 'An item needs a title.')}
        onCommit={(title) => update({ title: title.trim() }, 'Rename roadmap item')}
      />
      <CommitField
        key={`desc-${item.id}`}
        label="Description"
        value={item.description}
        multiline
        hint="Why this matters, and what done looks like."
        onCommit={(description) => update({ description }, 'Edit roadmap item description')}
      />

      {findings.length > 0 && (
        <div className="rm-item-findings" role="group" aria-label="Checks on this item">
          {findings.map((f) => (
            <p key={f.key} className="rm-item-finding">
              <strong>{CHECKS[f.code].title}.</strong> {f.message}
            </p>
          ))}
        </div>
      )}

      <div className="field">
        <label htmlFor={`${titleId}-goal`}>Goal / outcome</label>
        <select id={`${titleId}-goal`} value={item.goalId ?? ''} onChange={(e) => update({ goalId: e.target.value || null }, 'Set roadmap item goal')}>
          <option value="">No goal (output, not outcome)</option>
          {product.goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
        {goal ? (
          <div className="rm-goal-card">
            <span className="rm-goal-metric-label">Success metric</span>
            <span>{goal.metric || 'No metric written for this goal yet.'}</span>
            {(goal.baseline || goal.target) && (
              <span className="muted">
                {goal.baseline || '?'} → {goal.target || '?'}
                {goal.timeframe ? ` · ${goal.timeframe}` : ''}
              </span>
            )}
          </div>
        ) : (
          <p className="field-hint">Which outcome should this item move? Pick the goal it serves.</p>
        )}
      </div>

      <div className="field-row rm-two">
        <div className="field">
          <label htmlFor={`${titleId}-horizon`}>Horizon</label>
          <select
            id={`${titleId}-horizon`}
            value={item.horizon}
            onChange={(e) => {
              const horizon = HORIZONS.find((h) => h === e.target.value);
              const edit = horizon ? horizonChangeEdit(product, item.id, horizon) : null;
              if (edit && horizon) dispatch(edit, `Move to ${HORIZON_LABELS[horizon]}`);
            }}
          >
            {HORIZONS.map((h: Horizon) => (
              <option key={h} value={h}>
                {HORIZON_LABELS[h]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${titleId}-lane`}>Theme (lane)</label>
          <select id={`${titleId}-lane`} value={item.laneId ?? ''} onChange={(e) => update({ laneId: e.target.value || null }, 'Set roadmap item lane')}>
            <option value="">No lane</option>
            {product.roadmap.lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${titleId}-status`}>Status</label>
          <select
            id={`${titleId}-status`}
            value={item.status}
            onChange={(e) => {
              const status = STATUSES.find((s) => s === e.target.value);
              if (status) update({ status }, 'Set roadmap item status');
            }}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${titleId}-confidence`}>Confidence</label>
          <select
            id={`${titleId}-confidence`}
            value={item.confidence}
            onChange={(e) => {
              const confidence = CONFIDENCES.find((c) => c === e.target.value);
              if (confidence) update({ confidence }, 'Set roadmap item confidence');
            }}
          >
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {CONFIDENCE_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <DatesField key={`dates-${item.id}`} item={item} onSchedule={(start, end) => dispatch({ type: 'roadmap.schedule', id: item.id, start, end }, 'Reschedule roadmap item')} />

      <fieldset className="rm-links">
        <legend>Epics that deliver it</legend>
        {product.epics.length === 0 && <p className="field-hint">The product has no epics yet.</p>}
        {sortByRank(product.epics).map((epic) => (
          <label key={epic.id} className="rm-check">
            <input
              type="checkbox"
              checked={item.epicIds.includes(epic.id)}
              onChange={(e) =>
                update({ epicIds: e.target.checked ? [...item.epicIds, epic.id] : item.epicIds.filter((x) => x !== epic.id) }, e.target.checked ? 'Link epic' : 'Unlink epic')
              }
            />
            <span className="rm-dot" style={{ background: epic.color }} aria-hidden="true" />
            {epic.title}
          </label>
        ))}
      </fieldset>

      <StoryPicker product={product} item={item} onChange={(storyIds, linked) => update({ storyIds }, linked ? 'Link story' : 'Unlink story')} />
      {progress && progress.total > 0 && (
        <p className="field-hint">
          Progress: {progress.done} of {progress.total} linked stories done{progress.inProgress > 0 ? `, ${progress.inProgress} in progress` : ''} (stories linked directly and through the epics).
        </p>
      )}

      <DependencyPicker product={product} item={item} onChange={(dependsOn, added) => update({ dependsOn }, added ? 'Add dependency' : 'Remove dependency')} onFocusItem={onFocusItem} />

      <div className="actions rm-danger-zone">
        <button
          type="button"
          className="danger"
          onClick={() => {
            dispatch({ type: 'roadmapItem.delete', id: item.id }, `Delete “${item.title}”`);
            onClose();
          }}
        >
          Delete item
        </button>
        <span className="field-hint">Undo brings it back with its links.</span>
      </div>
    </aside>
  );
}

function DatesField({ item, onSchedule }: { item: RoadmapItem; onSchedule: (start: string | null, end: string | null) => void }) {
  const id = useId();
  const [start, setStart] = useState(item.start ?? '');
  const [end, setEnd] = useState(item.end ?? '');
  const [error, setError] = useState<string | null>(null);
  // When the dates change elsewhere (a drag, undo), show them: adjust the drafts during render.
  const [synced, setSynced] = useState({ start: item.start, end: item.end });
  if (synced.start !== item.start || synced.end !== item.end) {
    setSynced({ start: item.start, end: item.end });
    setStart(item.start ?? '');
    setEnd(item.end ?? '');
  }

  const commit = (nextStart: string, nextEnd: string) => {
    const s = nextStart || null;
    const e = nextEnd || null;
    if ((s && !isIsoDate(s)) || (e && !isIsoDate(e))) return setError('Write dates as YYYY-MM-DD.');
    if (s && e && e < s) return setError('The end cannot be before the start.');
    setError(null);
    if (s !== item.start || e !== item.end) onSchedule(s, e);
  };

  return (
    <fieldset className="rm-dates">
      <legend>Dates</legend>
      <div className="field-row rm-two">
        <div className="field">
          <label htmlFor={`${id}-start`}>Start</label>
          <input
            id={`${id}-start`}
            type="date"
            value={start}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setStart(e.target.value)}
            onBlur={() => commit(start, end)}
            onKeyDown={(e) => e.key === 'Enter' && commit(start, end)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>End</label>
          <input
            id={`${id}-end`}
            type="date"
            value={end}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setEnd(e.target.value)}
            onBlur={() => commit(start, end)}
            onKeyDown={(e) => e.key === 'Enter' && commit(start, end)}
          />
        </div>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : (
        <p className="field-hint">{item.horizon === 'later' ? 'Later items are usually better without dates.' : 'Optional. Both ends are included.'}</p>
      )}
      {(item.start || item.end) && (
        <button
          type="button"
          className="link-button rm-clear-dates"
          onClick={() => {
            setStart('');
            setEnd('');
            setError(null);
            onSchedule(null, null);
          }}
        >
          Clear dates
        </button>
      )}
    </fieldset>
  );
}

function StoryPicker({ product, item, onChange }: { product: Product; item: RoadmapItem; onChange: (ids: string[], linked: boolean) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const columns = useMemo(() => new Map(product.board.columns.map((c) => [c.id, c.name])), [product.board.columns]);
  const ordered = useMemo(() => sortByRank(product.stories), [product.stories]);
  const q = query.trim().toLowerCase();
  const linked = new Set(item.storyIds);
  const matches = ordered.filter((s) => !linked.has(s.id) && (!q || s.title.toLowerCase().includes(q) || s.id.toLowerCase().includes(q)));
  const linkedStories = ordered.filter((s) => linked.has(s.id));
  const toggle = (storyId: string, on: boolean) => onChange(on ? [...item.storyIds, storyId] : item.storyIds.filter((x) => x !== storyId), on);
  const row = (s: (typeof ordered)[number], checked: boolean) => (
    <label key={s.id} className="rm-check rm-story-check">
      <input type="checkbox" checked={checked} onChange={(e) => toggle(s.id, e.target.checked)} />
      <span className="rm-story-title">{s.title}</span>
      <span className="rm-story-meta">
        {s.id} · {columns.get(s.status) ?? s.status}
      </span>
    </label>
  );
  return (
    <fieldset className="rm-links">
      <legend>Stories that deliver it</legend>
      {linkedStories.length > 0 ? <div className="rm-linked">{linkedStories.map((s) => row(s, true))}</div> : <p className="field-hint">No stories linked directly.</p>}
      <label htmlFor={`${id}-q`} className="rm-sub-label">
        Pick from the backlog
      </label>
      <input id={`${id}-q`} type="search" value={query} placeholder="Filter stories by title or id" onChange={(e) => setQuery(e.target.value)} />
      <div className="rm-story-list" role="group" aria-label="Backlog stories to link">
        {matches.slice(0, MAX_STORIES_SHOWN).map((s) => row(s, false))}
        {matches.length > MAX_STORIES_SHOWN && <p className="field-hint">{matches.length - MAX_STORIES_SHOWN} more: type to narrow the list.</p>}
        {matches.length === 0 && <p className="field-hint">No stories match.</p>}
      </div>
    </fieldset>
  );
}

function DependencyPicker({
  product,
  item,
  onChange,
  onFocusItem,
}: {
  product: Product;
  item: RoadmapItem;
  onChange: (ids: string[], added: boolean) => void;
  onFocusItem: (id: string) => void;
}) {
  const others = useMemo(() => itemsInRoadmapOrder(product.roadmap.items).filter((i) => i.id !== item.id), [product.roadmap.items, item.id]);
  const dependents = others.filter((o) => o.dependsOn.includes(item.id));
  return (
    <fieldset className="rm-links">
      <legend>Depends on</legend>
      <p className="field-hint">Items that must be finished before this one can start.</p>
      <div className="rm-story-list">
        {others.map((other) => {
          const checked = item.dependsOn.includes(other.id);
          const loop = !checked && wouldCreateCycle(product.roadmap.items, item.id, other.id);
          return (
            <label key={other.id} className="rm-check">
              <input
                type="checkbox"
                checked={checked}
                onChange={(e) => onChange(e.target.checked ? [...item.dependsOn, other.id] : item.dependsOn.filter((x) => x !== other.id), e.target.checked)}
              />
              <span className="rm-story-title">{other.title}</span>
              <span className="rm-story-meta">
                {HORIZON_LABELS[other.horizon]}
                {loop ? ' · would close a loop' : ''}
              </span>
            </label>
          );
        })}
        {others.length === 0 && <p className="field-hint">No other items yet.</p>}
      </div>
      {dependents.length > 0 && (
        <p className="field-hint">
          Needed by:{' '}
          {dependents.map((d, i) => (
            <span key={d.id}>
              {i > 0 && ', '}
              <button type="button" className="link-button" onClick={() => onFocusItem(d.id)}>
                {d.title}
              </button>
            </span>
          ))}
        </p>
      )}
    </fieldset>
  );
}
