import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useState } from 'react';
import { newId } from '../../../../shared/model/ids';
import { HORIZONS, type Horizon, type Product } from '../../../../shared/model/schema';
import { groupItems, NO_GROUP_KEY, type ItemGroup, type SwimlaneMode } from '../../../../shared/roadmap/grouping';
import { boardMoveEdit, newRoadmapItemEdit } from '../../../../shared/roadmap/moves';
import { rollupProgress } from '../../../../shared/roadmap/progress';
import type { DocumentStore } from '../../state/documentStore';
import { HORIZON_HINTS, HORIZON_LABELS } from './labels';
import { BOARD_INSTRUCTIONS_ID, RoadmapCardBody, SortableRoadmapCard } from './RoadmapCard';
import type { RoadmapData } from './useRoadmapData';

type Cells = Record<string, string[]>;

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space'] };
const INSTRUCTIONS =
  'To move a roadmap item, press Space to pick it up, then use the arrow keys: left and right move it between Now, Next and Later (and up and down between swimlanes), up and down reorder it. Press Space to drop it or Escape to cancel. Press Enter to edit it.';

export function cellId(groupKey: string, horizon: Horizon): string {
  return `cell|${groupKey}|${horizon}`;
}

function parseCellId(id: string): { groupKey: string; horizon: Horizon } | null {
  const [kind, groupKey, horizon] = id.split('|');
  const h = HORIZONS.find((x) => x === horizon);
  return kind === 'cell' && groupKey !== undefined && h ? { groupKey, horizon: h } : null;
}

/** Prefer the card or cell under the pointer; fall back to the nearest corners (keyboard, gaps). */
const collisionDetection: CollisionDetection = (args) => {
  const within = pointerWithin(args);
  if (within.length > 0) {
    const cards = within.filter((c) => !String(c.id).startsWith('cell|'));
    return cards.length > 0 ? cards : within;
  }
  return closestCorners(args);
};

interface BoardViewProps {
  store: DocumentStore;
  product: Product;
  data: RoadmapData;
  mode: SwimlaneMode;
  selectedId: string | null;
  onOpen: (id: string) => void;
  focusRequest: { id: string; seq: number } | null;
}

/** Now / Next / Later: cards in three horizon columns, optionally split into swimlanes by lane or goal. */
export function BoardView({ store, product, data, mode, selectedId, onOpen, focusRequest }: BoardViewProps) {
  const groups = useMemo(() => groupItems(product, mode, { keepEmptyNone: mode !== 'none' }), [product, mode]);
  const baseCells = useMemo(() => {
    const cells: Cells = {};
    for (const group of groups) {
      for (const h of HORIZONS) cells[cellId(group.key, h)] = group.items.filter((i) => i.horizon === h).map((i) => i.id);
    }
    return cells;
  }, [groups]);
  const [dragCells, setDragCells] = useState<Cells | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const cells = dragCells ?? baseCells;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );

  useEffect(() => {
    if (!focusRequest) return;
    const el = document.querySelector<HTMLElement>(`.rm-board [data-item-id="${CSS.escape(focusRequest.id)}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    el?.focus();
  }, [focusRequest]);

  const groupLabel = useMemo(() => new Map(groups.map((g) => [g.key, g.label])), [groups]);
  const cellOf = (id: UniqueIdentifier, within: Cells): string | null => {
    const key = String(id);
    if (key.startsWith('cell|')) return key;
    for (const [cell, ids] of Object.entries(within)) if (ids.includes(key)) return cell;
    return null;
  };
  const describeCell = (cell: string | null): string => {
    const parsed = cell ? parseCellId(cell) : null;
    if (!parsed) return 'nowhere';
    const lane = mode === 'none' ? '' : `, swimlane ${groupLabel.get(parsed.groupKey) ?? ''}`;
    return `${HORIZON_LABELS[parsed.horizon]}${lane}`;
  };
  /** Where the item is (or would land, over another card of its cell), in words. */
  const describePosition = (id: string, within: Cells, overId?: UniqueIdentifier): string => {
    const cell = cellOf(id, within);
    const list = cell ? (within[cell] ?? []) : [];
    const overIndex = overId === undefined ? -1 : list.indexOf(String(overId));
    const index = overIndex >= 0 ? overIndex : list.indexOf(id);
    return `${describeCell(cell)}, position ${index + 1} of ${list.length}`;
  };
  const titleOf = (id: UniqueIdentifier) => data.items.get(String(id))?.title ?? 'item';

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, in ${describePosition(String(active.id), cells)}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is now in ${describePosition(String(active.id), cells, over.id)}.` : `${titleOf(active.id)} is not over a horizon.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} in ${describePosition(String(active.id), cells, over.id)}.` : `${titleOf(active.id)} was not moved.`),
    onDragCancel: ({ active }) => `Moving cancelled. ${titleOf(active.id)} is back where it was.`,
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    setDragCells(baseCells);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over || !dragCells) return;
    const from = cellOf(active.id, dragCells);
    const to = cellOf(over.id, dragCells);
    if (!from || !to || from === to) return;
    const fromList = (dragCells[from] ?? []).filter((id) => id !== active.id);
    const toList = [...(dragCells[to] ?? [])];
    const overIndex = toList.indexOf(String(over.id));
    let index = overIndex >= 0 ? overIndex : toList.length;
    const translated = active.rect.current.translated;
    if (overIndex >= 0 && translated && translated.top > over.rect.top + over.rect.height / 2) index += 1;
    toList.splice(index, 0, String(active.id));
    setDragCells({ ...dragCells, [from]: fromList, [to]: toList });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const current = dragCells ?? baseCells;
    setDragCells(null);
    setActiveId(null);
    const id = String(active.id);
    if (!over) return;
    const cell = cellOf(active.id, current);
    const parsed = cell ? parseCellId(cell) : null;
    if (!cell || !parsed) return;
    let list = current[cell] ?? [];
    const overIndex = list.indexOf(String(over.id));
    const fromIndex = list.indexOf(id);
    if (overIndex >= 0 && fromIndex >= 0 && overIndex !== fromIndex) list = arrayMove(list, fromIndex, overIndex);
    const edit = boardMoveEdit(product, id, { horizon: parsed.horizon, mode, groupKey: parsed.groupKey, index: list.indexOf(id) });
    if (edit) store.dispatch(edit, `Move “${titleOf(id)}” to ${HORIZON_LABELS[parsed.horizon]}`);
  };

  const addItem = (horizon: Horizon, title: string) => {
    store.dispatch(newRoadmapItemEdit(product, horizon, title, newId('rm')), 'Add roadmap item');
  };

  const active = activeId ? data.items.get(activeId) : undefined;
  const showLane = mode !== 'lane';

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setDragCells(null);
        setActiveId(null);
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
    >
      <p id={BOARD_INSTRUCTIONS_ID} className="visually-hidden">
        {INSTRUCTIONS}
      </p>
      <div className={`rm-board${mode === 'none' ? '' : ' with-lanes'}`} role="region" aria-label="Now, Next, Later board">
        <div className="rm-board-head">
          {mode !== 'none' && <div className="rm-lane-corner" />}
          {HORIZONS.map((h) => (
            <HorizonHeader key={h} horizon={h} product={product} />
          ))}
        </div>
        {groups.map((group) => (
          <div key={group.key} className="rm-board-row" role="group" aria-label={mode === 'none' ? undefined : `Swimlane ${group.label}`}>
            {mode !== 'none' && <SwimlaneHeader group={group} mode={mode} data={data} />}
            {HORIZONS.map((h) => (
              <BoardCell
                key={h}
                id={cellId(group.key, h)}
                label={mode === 'none' ? `${HORIZON_LABELS[h]} items` : `${HORIZON_LABELS[h]} items in ${group.label}`}
                ids={cells[cellId(group.key, h)] ?? []}
                data={data}
                selectedId={selectedId}
                showLane={showLane}
                onOpen={onOpen}
                onAdd={mode === 'none' ? (title) => addItem(h, title) : undefined}
                addLabel={`New item in ${HORIZON_LABELS[h]}`}
                highlight={activeId !== null && (cells[cellId(group.key, h)] ?? []).includes(activeId)}
              />
            ))}
          </div>
        ))}
      </div>
      <DragOverlay>
        {active ? (
          <div className="card rm-card overlay">
            <RoadmapCardBody item={active} data={data} progress={data.progress.get(active.id)} findings={data.findingsByItem.get(active.id)} showLane={showLane} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

function HorizonHeader({ horizon, product }: { horizon: Horizon; product: Product }) {
  const items = useMemo(() => product.roadmap.items.filter((i) => i.horizon === horizon), [product.roadmap.items, horizon]);
  const progress = useMemo(() => rollupProgress(product, items), [product, items]);
  return (
    <div className={`rm-horizon-head rm-h-${horizon}`}>
      <h2>
        {HORIZON_LABELS[horizon]} <span className="count">{items.length}</span>
      </h2>
      <span className="rm-horizon-hint">
        {HORIZON_HINTS[horizon]}
        {progress.total > 0 && ` · ${Math.round((progress.ratio ?? 0) * 100)}% of linked stories done`}
      </span>
    </div>
  );
}

function SwimlaneHeader({ group, mode, data }: { group: ItemGroup; mode: SwimlaneMode; data: RoadmapData }) {
  const lane = mode === 'lane' && group.id ? data.lanes.get(group.id) : undefined;
  const goal = mode === 'goal' && group.id ? data.goals.get(group.id) : undefined;
  const inNow = group.items.filter((i) => i.horizon === 'now' && i.status !== 'done').length;
  const over = lane?.capacity != null && inNow > lane.capacity;
  return (
    <div className={`rm-lane-head${group.key === NO_GROUP_KEY ? ' none' : ''}`} style={group.color ? { borderLeftColor: group.color } : undefined}>
      <h3>{group.label}</h3>
      {lane && (
        <span className={`rm-capacity${over ? ' over' : ''}`}>
          {lane.capacity == null ? `${inNow} in Now · no capacity set` : `${inNow} of ${lane.capacity} in Now`}
        </span>
      )}
      {goal?.metric && <span className="rm-lane-metric">{goal.metric}</span>}
    </div>
  );
}

interface BoardCellProps {
  id: string;
  label: string;
  ids: string[];
  data: RoadmapData;
  selectedId: string | null;
  showLane: boolean;
  onOpen: (id: string) => void;
  onAdd: ((title: string) => void) | undefined;
  addLabel: string;
  /** The item being dragged is in this cell. */
  highlight: boolean;
}

function BoardCell({ id, label, ids, data, selectedId, showLane, onOpen, onAdd, addLabel, highlight }: BoardCellProps) {
  // A cell is a drop target of its own only while empty: otherwise its cards are, so that the
  // keyboard's arrow keys step from card to card (and into the next swimlane) instead of stopping
  // on the cell around the card being moved.
  const { setNodeRef, isOver } = useDroppable({ id, data: { type: 'cell' }, disabled: ids.length > 0 });
  return (
    <div ref={setNodeRef} className={`rm-cell${isOver || highlight ? ' over' : ''}`}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className="rm-cards" aria-label={label}>
          {ids.map((itemId) => {
            const item = data.items.get(itemId);
            return item ? <SortableRoadmapCard key={itemId} item={item} data={data} selected={itemId === selectedId} showLane={showLane} onOpen={onOpen} /> : null;
          })}
        </ul>
      </SortableContext>
      {ids.length === 0 && <p className="rm-cell-empty">Drop items here</p>}
      {onAdd && <NewItemField label={addLabel} onAdd={onAdd} />}
    </div>
  );
}

function NewItemField({ label, onAdd }: { label: string; onAdd: (title: string) => void }) {
  const [title, setTitle] = useState('');
  return (
    <input
      className="rm-new-item"
      aria-label={label}
      placeholder="+ New item"
      value={title}
      maxLength={300}
      onChange={(e) => setTitle(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && title.trim()) {
          onAdd(title.trim());
          setTitle('');
        }
        if (e.key === 'Escape') setTitle('');
      }}
    />
  );
}
