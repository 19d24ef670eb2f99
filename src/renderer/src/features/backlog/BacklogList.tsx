import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useMemo, useState } from 'react';
import { parseLabels } from './labels';
import { rankAtIndex } from '../../../../shared/model/rank';
import type { Edit } from '../../../../shared/edits/editSchema';
import type { Epic, Product, Story } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import { EpicChip, ReadinessBadge, type CardReadiness } from './StoryCard';
import { PromptKeyboardSensor } from './promptKeyboardSensor';
import { useDragSession } from '../../components/dnd/dragSession';
import { LIMITS } from '../../../../shared/model/limits';

type Grouping = 'none' | 'epic' | 'status';

interface BacklogListProps {
  store: DocumentStore;
  product: Product;
  /** Visible stories in rank order. */
  ordered: readonly Story[];
  epics: ReadonlyMap<string, Epic>;
  readiness: (story: Story) => CardReadiness;
  openId: string | null;
  onOpen: (id: string) => void;
}

interface Group {
  key: string;
  title: string;
  stories: Story[];
}

/** The whole ordered backlog as a list: group, multi-select with bulk actions, drag to reorder. */
export function BacklogList({ store, product, ordered, epics, readiness, openId, onOpen }: BacklogListProps) {
  const [grouping, setGrouping] = useState<Grouping>('none');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const columnNames = useMemo(() => new Map(product.board.columns.map((c) => [c.id, c.name])), [product.board.columns]);
  const session = useDragSession();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(PromptKeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );

  const groups: Group[] = useMemo(() => {
    if (grouping === 'none') return [{ key: 'all', title: 'Backlog', stories: [...ordered] }];
    const map = new Map<string, Group>();
    const keyOf = (s: Story) => (grouping === 'epic' ? (s.epicId ?? 'none') : s.status);
    const titleOf = (key: string) => (grouping === 'epic' ? (key === 'none' ? 'No epic' : (epics.get(key)?.title ?? key)) : (columnNames.get(key) ?? key));
    const order = grouping === 'epic' ? [...product.epics.map((e) => e.id), 'none'] : product.board.columns.map((c) => c.id);
    for (const key of order) map.set(key, { key, title: titleOf(key), stories: [] });
    for (const s of ordered) {
      const key = keyOf(s);
      const group = map.get(key) ?? { key, title: titleOf(key), stories: [] };
      group.stories.push(s);
      map.set(key, group);
    }
    return [...map.values()].filter((g) => g.stories.length > 0);
  }, [grouping, ordered, epics, columnNames, product.epics, product.board.columns]);

  const visibleIds = useMemo(() => new Set(ordered.map((s) => s.id)), [ordered]);
  const chosen = [...selected].filter((id) => visibleIds.has(id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const bulk = (label: string, edits: Edit[]) => {
    if (edits.length === 0) return;
    store.dispatch({ type: 'batch', label, edits }, label);
  };

  const titleOf = (id: string | number) => ordered.find((s) => s.id === String(id))?.title ?? 'story';
  const positionOf = (id: string | number) => {
    const group = groups.find((g) => g.stories.some((s) => s.id === String(id)));
    if (!group) return '';
    return `position ${group.stories.findIndex((s) => s.id === String(id)) + 1} of ${group.stories.length}`;
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, ${positionOf(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is over ${titleOf(over.id)}.` : `${titleOf(active.id)} is not over the list.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} at the place of ${titleOf(over.id)}.` : `${titleOf(active.id)} was not moved.`),
    onDragCancel: ({ active }) => `Reordering cancelled; ${titleOf(active.id)} stays where it was.`,
  };

  // A drop is committed only by the list that is still on screen (see DragSession).
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!session.end() || !over || active.id === over.id) return;
    const group = groups.find((g) => g.stories.some((s) => s.id === String(active.id)));
    if (!group || !group.stories.some((s) => s.id === String(over.id))) return;
    const from = group.stories.findIndex((s) => s.id === String(active.id));
    const to = group.stories.findIndex((s) => s.id === String(over.id));
    const moved = arrayMove(group.stories, from, to);
    const story = moved[to];
    if (!story) return;
    const rank = rankAtIndex(moved.filter((s) => s.id !== story.id), to);
    store.dispatch({ type: 'story.move', id: story.id, status: story.status, rank }, 'Reorder backlog');
  };

  return (
    <div className="backlog-list">
      <div className="list-toolbar">
        <label>
          Group by{' '}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
            <option value="none">Nothing (rank order)</option>
            <option value="epic">Epic</option>
            <option value="status">Status</option>
          </select>
        </label>
        {chosen.length > 0 && <BulkActions product={product} ids={chosen} onBulk={bulk} onClear={() => setSelected(new Set())} />}
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragStart={() => session.begin()}
        onDragEnd={onDragEnd}
        onDragCancel={() => session.end()}
        accessibility={{ announcements, screenReaderInstructions: { draggable: 'Press Space to pick up a story, the up and down arrows to move it, Space to drop, Escape to cancel.' } }}
      >
        {groups.map((group) => (
          <section key={group.key} className="list-group" aria-label={grouping === 'none' ? 'Ordered backlog' : group.title}>
            {grouping !== 'none' && (
              <h3 className="group-title">
                {group.title} <span className="muted">{group.stories.length}</span>
              </h3>
            )}
            <SortableContext items={group.stories.map((s) => s.id)} strategy={verticalListSortingStrategy}>
              <ol className="story-rows">
                {group.stories.map((story) => (
                  <StoryRow
                    key={story.id}
                    story={story}
                    rankNumber={ordered.indexOf(story) + 1}
                    epic={story.epicId ? epics.get(story.epicId) : undefined}
                    status={columnNames.get(story.status) ?? story.status}
                    readiness={readiness(story)}
                    checked={selected.has(story.id)}
                    open={story.id === openId}
                    onToggle={toggle}
                    onOpen={onOpen}
                  />
                ))}
              </ol>
            </SortableContext>
          </section>
        ))}
      </DndContext>
    </div>
  );
}

const StoryRow = memo(function StoryRow(props: {
  story: Story;
  rankNumber: number;
  epic: Epic | undefined;
  status: string;
  readiness: CardReadiness;
  checked: boolean;
  open: boolean;
  onToggle: (id: string, on: boolean) => void;
  onOpen: (id: string) => void;
}) {
  const { story, epic, readiness } = props;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: story.id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={`story-row ${props.open ? 'selected' : ''} ${isDragging ? 'dragging' : ''}`} data-story-id={story.id}>
      <button type="button" className="drag-handle" {...attributes} {...listeners} aria-roledescription="sortable story" aria-label={`Reorder ${story.title}`}>
        ⠿
      </button>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onToggle(story.id, e.target.checked)} aria-label={`Select ${story.title}`} />
      <span className="row-rank">{props.rankNumber}</span>
      <button type="button" className="row-title" onClick={() => props.onOpen(story.id)}>
        {story.title}
      </button>
      <span className="row-status">{props.status}</span>
      <span className="row-epic">{epic && <EpicChip epic={epic} />}</span>
      <span className="row-readiness">
        <ReadinessBadge readiness={readiness} />
      </span>
      <span className="estimate">{story.estimate ?? '?'}</span>
    </li>
  );
});

function BulkActions({ product, ids, onBulk, onClear }: { product: Product; ids: string[]; onBulk: (label: string, edits: Edit[]) => void; onClear: () => void }) {
  const [label, setLabel] = useState('');
  const stories = product.stories.filter((s) => ids.includes(s.id));
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <strong>{ids.length} selected</strong>
      <label>
        <span className="visually-hidden">Move selected to status</span>
        <select
          value=""
          onChange={(e) => {
            const status = e.target.value;
            if (status) onBulk(`Move ${ids.length} stories`, stories.filter((s) => s.status !== status).map((s): Edit => ({ type: 'story.move', id: s.id, status, rank: s.rank })));
          }}
        >
          <option value="">Move to…</option>
          {product.board.columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Set epic of selected</span>
        <select
          value=""
          onChange={(e) => {
            const value = e.target.value;
            if (!value) return;
            const epicId = value === 'none' ? null : value;
            onBulk(`Set epic of ${ids.length} stories`, stories.filter((s) => s.epicId !== epicId).map((s): Edit => ({ type: 'story.update', id: s.id, patch: { epicId } })));
          }}
        >
          <option value="">Set epic…</option>
          <option value="none">No epic</option>
          {product.epics.map((ep) => (
            <option key={ep.id} value={ep.id}>
              {ep.title}
            </option>
          ))}
        </select>
      </label>
      <form
        className="bulk-label"
        onSubmit={(e) => {
          e.preventDefault();
          const add = parseLabels(label);
          if (add.length === 0) return;
          onBulk(
            `Label ${ids.length} stories`,
            stories.filter((s) => add.some((l) => !s.labels.includes(l))).map((s): Edit => ({ type: 'story.update', id: s.id, patch: { labels: [...new Set([...s.labels, ...add])] } })),
          );
          setLabel('');
        }}
      >
        <label>
          <span className="visually-hidden">Label to add to selected</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Add label" maxLength={LIMITS.shortText} />
        </label>
        <button type="submit">Add label</button>
      </form>
      <button
        type="button"
        className="danger"
        onClick={() => {
          onBulk(`Delete ${ids.length} stories`, ids.map((id): Edit => ({ type: 'story.delete', id })));
          onClear();
        }}
      >
        Delete selected
      </button>
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
