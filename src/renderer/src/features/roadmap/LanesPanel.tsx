import { useId, useState, type FormEvent } from 'react';
import type { Edit } from '../../../../shared/edits/editSchema';
import { newId } from '../../../../shared/model/ids';
import type { Lane, Milestone, Product } from '../../../../shared/model/schema';
import { formatDate, isIsoDate } from '../../../../shared/roadmap/dates';
import { CommitField } from '../../components/CommitField';
import type { DocumentStore } from '../../state/documentStore';
import type { RoadmapData } from './useRoadmapData';
import './LanesPanel.css';
import { LIMITS } from '../../../../shared/model/limits';

/** Colours offered for a new lane, readable in light and dark. */
const LANE_COLORS = ['#2f9e44', '#1c7ed6', '#e8590c', '#ae3ec9', '#0c8599', '#d6336c', '#5c7cfa', '#f08c00'];

interface LanesPanelProps {
  store: DocumentStore;
  product: Product;
  data: RoadmapData;
  onClose: () => void;
}

/** Lanes (themes) and milestones: add, rename, recolour, reorder, set capacity, delete. */
export function LanesPanel({ store, product, data, onClose }: LanesPanelProps) {
  const titleId = useId();
  const dispatch = (edit: Edit, label: string) => store.dispatch(edit, label);
  const lanes = product.roadmap.lanes;
  const milestones = [...product.roadmap.milestones].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return (
    <aside className="rm-panel" aria-labelledby={titleId}>
      <div className="rm-panel-header">
        <h2 id={titleId}>Lanes and milestones</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>

      <section aria-labelledby={`${titleId}-lanes`} className="rm-section">
        <h3 id={`${titleId}-lanes`}>Lanes (themes)</h3>
        <p className="field-hint">Capacity is how many unfinished items a lane can carry in Now, or at the same time. Deleting a lane keeps its items; they just lose the lane.</p>
        <ol className="rm-lane-list">
          {lanes.map((lane, index) => (
            <LaneRow
              key={lane.id}
              lane={lane}
              index={index}
              count={product.roadmap.items.filter((i) => i.laneId === lane.id).length}
              last={index === lanes.length - 1}
              dispatch={dispatch}
            />
          ))}
        </ol>
        <AddLane
          onAdd={(name) =>
            dispatch({ type: 'lane.add', lane: { id: newId('lane'), name, color: LANE_COLORS[lanes.length % LANE_COLORS.length] ?? '#6b7280', capacity: null } }, 'Add lane')
          }
        />
      </section>

      <section aria-labelledby={`${titleId}-ms`} className="rm-section">
        <h3 id={`${titleId}-ms`}>Milestones</h3>
        <p className="field-hint">Fixed dates the plan must respect: releases, launches, external deadlines. Shown as markers on the timeline.</p>
        <ul className="rm-lane-list">
          {milestones.map((m) => (
            <MilestoneRow key={m.id} milestone={m} dispatch={dispatch} />
          ))}
        </ul>
        <AddMilestone today={data.today} onAdd={(title, date) => dispatch({ type: 'milestone.add', milestone: { id: newId('ms'), title, date, description: '' } }, 'Add milestone')} />
      </section>
    </aside>
  );
}

function LaneRow({ lane, index, count, last, dispatch }: { lane: Lane; index: number; count: number; last: boolean; dispatch: (edit: Edit, label: string) => void }) {
  const id = useId();
  const [capacity, setCapacity] = useState(lane.capacity === null ? '' : String(lane.capacity));
  const [synced, setSynced] = useState(lane.capacity);
  if (synced !== lane.capacity) {
    setSynced(lane.capacity);
    setCapacity(lane.capacity === null ? '' : String(lane.capacity));
  }
  const commitCapacity = () => {
    const trimmed = capacity.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isInteger(value) || value < 1)) {
      setCapacity(lane.capacity === null ? '' : String(lane.capacity));
      return;
    }
    if (value !== lane.capacity) dispatch({ type: 'lane.update', id: lane.id, patch: { capacity: value } }, 'Set lane capacity');
  };
  return (
    <li className="rm-lane-row" style={{ borderLeftColor: lane.color }}>
      <CommitField
        label="Lane name"
        value={lane.name}
        maxLength={LIMITS.shortText}
        validate={(v) => (v.trim() ? null : 'A lane needs a name.')}
        onCommit={(name) => dispatch({ type: 'lane.update', id: lane.id, patch: { name: name.trim() } }, 'Rename lane')}
      />
      <div className="rm-lane-controls">
        <div className="field rm-color-field">
          <label htmlFor={`${id}-color`}>Colour</label>
          <input
            id={`${id}-color`}
            type="color"
            value={lane.color}
            onChange={(e) => {
              if (/^#[0-9a-fA-F]{6}$/.test(e.target.value)) dispatch({ type: 'lane.update', id: lane.id, patch: { color: e.target.value } }, 'Recolour lane');
            }}
          />
        </div>
        <div className="field rm-capacity-field">
          <label htmlFor={`${id}-cap`}>Capacity</label>
          <input
            id={`${id}-cap`}
            type="number"
            min={1}
            step={1}
            placeholder="none"
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            onBlur={commitCapacity}
            onKeyDown={(e) => e.key === 'Enter' && commitCapacity()}
          />
        </div>
        <div className="actions">
          <button type="button" aria-label={`Move ${lane.name} up`} disabled={index === 0} onClick={() => dispatch({ type: 'lane.move', id: lane.id, index: index - 1 }, 'Reorder lanes')}>
            ↑
          </button>
          <button type="button" aria-label={`Move ${lane.name} down`} disabled={last} onClick={() => dispatch({ type: 'lane.move', id: lane.id, index: index + 1 }, 'Reorder lanes')}>
            ↓
          </button>
          <button type="button" className="danger" aria-label={`Delete lane ${lane.name}`} onClick={() => dispatch({ type: 'lane.delete', id: lane.id }, `Delete lane ${lane.name}`)}>
            Delete
          </button>
        </div>
      </div>
      <span className="field-hint">
        {count} {count === 1 ? 'item' : 'items'}
      </span>
    </li>
  );
}

function AddLane({ onAdd }: { onAdd: (name: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    onAdd(name.trim());
    setName('');
  };
  return (
    <form className="rm-add-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>New lane</label>
        <input id={id} value={name} maxLength={LIMITS.shortText} placeholder="e.g. Activation" onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="submit" disabled={!name.trim()}>
        Add lane
      </button>
    </form>
  );
}

function MilestoneRow({ milestone, dispatch }: { milestone: Milestone; dispatch: (edit: Edit, label: string) => void }) {
  const id = useId();
  const [date, setDate] = useState(milestone.date);
  const [synced, setSynced] = useState(milestone.date);
  if (synced !== milestone.date) {
    setSynced(milestone.date);
    setDate(milestone.date);
  }
  const commitDate = () => {
    if (date === milestone.date) return;
    if (!isIsoDate(date)) return setDate(milestone.date);
    dispatch({ type: 'milestone.update', id: milestone.id, patch: { date } }, 'Move milestone');
  };
  return (
    <li className="rm-lane-row milestone">
      <CommitField
        label="Milestone"
        value={milestone.title}
        maxLength={LIMITS.shortText}
        validate={(v) => (v.trim() ? null : 'A milestone needs a title.')}
        onCommit={(title) => dispatch({ type: 'milestone.update', id: milestone.id, patch: { title: title.trim() } }, 'Rename milestone')}
      />
      <div className="rm-lane-controls">
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} onBlur={commitDate} onKeyDown={(e) => e.key === 'Enter' && commitDate()} />
        </div>
        <div className="actions">
          <button type="button" className="danger" aria-label={`Delete milestone ${milestone.title}`} onClick={() => dispatch({ type: 'milestone.delete', id: milestone.id }, 'Delete milestone')}>
            Delete
          </button>
        </div>
      </div>
      <CommitField
        label="Notes"
        value={milestone.description}
        multiline
        onCommit={(description) => dispatch({ type: 'milestone.update', id: milestone.id, patch: { description } }, 'Edit milestone notes')}
      />
      <span className="visually-hidden">{formatDate(milestone.date)}</span>
    </li>
  );
}

function AddMilestone({ today, onAdd }: { today: string; onAdd: (title: string, date: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !isIsoDate(date)) return;
    onAdd(title.trim(), date);
    setTitle('');
  };
  return (
    <form className="rm-add-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-t`}>New milestone</label>
        <input id={`${id}-t`} value={title} maxLength={LIMITS.shortText} placeholder="e.g. Public beta" onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-d`}>On</label>
        <input id={`${id}-d`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <button type="submit" disabled={!title.trim() || !isIsoDate(date)}>
        Add milestone
      </button>
    </form>
  );
}
