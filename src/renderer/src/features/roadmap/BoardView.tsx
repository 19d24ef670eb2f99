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
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import { listOf, moveToList, type Lists } from '../../../../shared/board/dragLists';
import { newId } from '../../../../shared/model/ids';
import { HORIZONS, type Horizon, type Product } from '../../../../shared/model/schema';
import { boardDropEdit, cellId, parseCellId } from '../../../../shared/roadmap/boardDrop';
import { groupItems, NO_GROUP_KEY, type ItemGroup, type SwimlaneMode } from '../../../../shared/roadmap/grouping';
import { newRoadmapItemEdit } from '../../../../shared/roadmap/moves';
import { rollupProgress } from '../../../../shared/roadmap/progress';
import { autoScrollWithin } from '../../components/dnd/boardAutoScroll';
import { useDragSession } from '../../components/dnd/dragSession';
import { SteadyCollisions } from '../../components/dnd/steadyCollisions';
import type { DocumentStore } from '../../state/documentStore';
import { HORIZON_HINTS, HORIZON_LABELS } from './labels';
import { BOARD_INSTRUCTIONS_ID, RoadmapCardBody, SortableRoadmapCard } from './RoadmapCard';
import type { RoadmapData } from './useRoadmapData';
import './BoardView.css';
import { LIMITS } from '../../../../shared/model/limits';

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space'] };
const INSTRUCTIONS =
  'To move a roadmap item, press Space to pick it up, then use the arrow keys: left and right move it between Now, Next and Later (and up and down between swimlanes), up and down reorder it. Press Space to drop it or Escape to cancel. Press Enter to edit it.';

const isCell = (id: UniqueIdentifier) => String(id).startsWith('cell|');

/**
 * With the mouse: the card under the pointer, else the cell under it, else the card stays where it
 * is shown (in the gaps between cells, or off the board) — never a "closest" cell elsewhere, which
 * would move the card somewhere the pointer is not. With the keyboard: the nearest corners, among
 * the cards and the empty cells (see `BoardCell`).
 */
const detectCollisions: CollisionDetection = (args) => {
  if (!args.pointerCoordinates) return closestCorners(args);
  const within = pointerWithin(args);
  const cards = within.filter((c) => !isCell(c.id));
  if (cards.length > 0) return cards;
  if (within.length > 0) return within;
  return [{ id: args.active.id }];
};

interface BoardViewProps {
  store: DocumentStore;
  product: Product;
  data: RoadmapData;
  mode: SwimlaneMode;
  selectedId: string | null;
  onOpen: (id: string) => void;
  focusRequest: { id: string; seq: number } | null;
  /** The scroll area around the board: the only one a drag scrolls. */
  scrollArea: HTMLElement | null;
}

/** Now / Next / Later: cards in three horizon columns, optionally split into swimlanes by lane or goal. */
export function BoardView({ store, product, data, mode, selectedId, onOpen, focusRequest, scrollArea }: BoardViewProps) {
  const groups = useMemo(() => groupItems(product, mode, { keepEmptyNone: mode !== 'none' }), [product, mode]);
  const baseCells = useMemo(() => {
    const cells: Record<string, string[]> = {};
    for (const group of groups) {
      for (const h of HORIZONS) cells[cellId(group.key, h)] = group.items.filter((i) => i.horizon === h).map((i) => i.id);
    }
    return cells;
  }, [groups]);
  // The cells as the current drag shows them (state to render, a ref for the drag's own handlers).
  const [dragCells, setDragCells] = useState<Lists | null>(null);
  const dragCellsRef = useRef<Lists | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [keyboardDrag, setKeyboardDrag] = useState(false);
  const cells = dragCells ?? baseCells;
  const [steady] = useState(() => new SteadyCollisions(detectCollisions));
  const session = useDragSession();
  const autoScroll = useMemo(() => autoScrollWithin(scrollArea), [scrollArea]);

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
  const cellOf = (id: UniqueIdentifier, within: Lists): string | null => listOf(within, String(id));
  const describeCell = (cell: string | null): string => {
    const parsed = cell ? parseCellId(cell) : null;
    if (!parsed) return 'nowhere';
    const lane = mode === 'none' ? '' : `, swimlane ${groupLabel.get(parsed.groupKey) ?? ''}`;
    return `${HORIZON_LABELS[parsed.horizon]}${lane}`;
  };
  /** Where the item is (or would land, over another card of its cell), in words. */
  const describePosition = (id: string, within: Lists, overId?: UniqueIdentifier): string => {
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

  const showDrag = (next: Lists | null) => {
    dragCellsRef.current = next;
    setDragCells(next);
  };
  const stopDrag = () => {
    showDrag(null);
    setActiveId(null);
    setKeyboardDrag(false);
    steady.reset();
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    session.begin();
    steady.reset();
    setActiveId(String(active.id));
    setKeyboardDrag(activatorEvent instanceof KeyboardEvent);
    showDrag(baseCells);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const current = dragCellsRef.current;
    if (!over || !current) return;
    const translated = active.rect.current.translated;
    const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const next = moveToList(current, String(active.id), String(over.id), below);
    if (!next) return;
    showDrag(next);
    steady.moved();
  };

  // The drop is worked out in full first (a pure function), then dispatched as one edit; a drag
  // that was cancelled, or whose board is gone, commits nothing.
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const shown = dragCellsRef.current ?? baseCells;
    stopDrag();
    if (!session.end() || !over) return;
    const id = String(active.id);
    const drop = boardDropEdit(product, shown, id, String(over.id), mode);
    if (drop) store.dispatch(drop.edit, `Move “${titleOf(id)}” to ${HORIZON_LABELS[drop.horizon]}`);
  };

  const onDragCancel = () => {
    session.end();
    stopDrag();
  };

  const addItem = (horizon: Horizon, title: string) => {
    store.dispatch(newRoadmapItemEdit(product, horizon, title, newId('rm')), 'Add roadmap item');
  };

  const active = activeId ? data.items.get(activeId) : undefined;
  const showLane = mode !== 'lane';

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={steady.detection}
      autoScroll={autoScroll}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
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
                keyboardDrag={keyboardDrag}
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
  ids: readonly string[];
  data: RoadmapData;
  selectedId: string | null;
  showLane: boolean;
  onOpen: (id: string) => void;
  onAdd: ((title: string) => void) | undefined;
  addLabel: string;
  /** The item being dragged is in this cell. */
  highlight: boolean;
  /** A keyboard drag is going on. */
  keyboardDrag: boolean;
}

function BoardCell({ id, label, ids, data, selectedId, showLane, onOpen, onAdd, addLabel, highlight, keyboardDrag }: BoardCellProps) {
  // For the keyboard, a cell is a drop target of its own only while empty: otherwise its cards are,
  // so that the arrow keys step from card to card (and into the next swimlane) instead of stopping
  // on the cell around the card being moved. For the mouse every cell always is, so that the
  // targets do not change while a card moves in and out of a cell under a still pointer.
  const { setNodeRef, isOver } = useDroppable({ id, data: { type: 'cell' }, disabled: keyboardDrag && ids.length > 0 });
  return (
    <div ref={setNodeRef} className={`rm-cell${isOver || highlight ? ' over' : ''}`}>
      <SortableContext items={ids as string[]} strategy={verticalListSortingStrategy}>
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
      maxLength={LIMITS.shortText}
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
