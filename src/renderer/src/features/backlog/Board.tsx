import {
  closestCorners,
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { storiesIn, storyById, type BoardIndex } from '../../../../shared/backlog/boardIndex';
import { landing, listOf, moveToList } from '../../../../shared/board/dragLists';
import { newId } from '../../../../shared/model/ids';
import { rankAtIndex, rankBetween } from '../../../../shared/model/rank';
import type { Edit } from '../../../../shared/edits/editSchema';
import type { Epic, Product, Story } from '../../../../shared/model/schema';
import { storyWithDefaults } from '../../../../shared/import/storyDraft';
import { autoScrollWithin } from '../../components/dnd/boardAutoScroll';
import { useDragSession } from '../../components/dnd/dragSession';
import { SteadyCollisions } from '../../components/dnd/steadyCollisions';
import type { DocumentStore } from '../../state/documentStore';
import { BoardColumn, type ColumnActions } from './BoardColumn';
import { createStoriesOfIds, idsOf, type ColumnCards } from './columnCards';
import { StoryCardBody, type CardReadiness } from './StoryCard';
import { PromptKeyboardSensor } from './promptKeyboardSensor';
import { LIMITS } from '../../../../shared/model/limits';

export type ColumnItems = Readonly<Record<string, readonly string[]>>;

interface BoardProps {
  store: DocumentStore;
  product: Product;
  /** The stories indexed by rank, column and id. */
  index: BoardIndex;
  /** Visible stories per column, in rank order (an unchanged column keeps its array). */
  cards: ColumnCards;
  epics: ReadonlyMap<string, Epic>;
  readiness: (story: Story) => CardReadiness;
  openId: string | null;
  onOpen: (id: string) => void;
}

/** Keyboard: Space picks a card up, arrows move it (left/right across columns), Space drops, Escape cancels. */
const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space'] };

export function blankStory(id: string, title: string, status: string, rank: string): Story {
  return { ...storyWithDefaults({ id, title }), status, rank };
}

const NO_IDS: readonly string[] = [];
const NO_STORIES: readonly Story[] = [];
const NO_COLUMNS: ReadonlySet<string> = new Set();

/** A column's drop target is `column:<id>`; the drag's lists are keyed by column id. */
function listKey(id: UniqueIdentifier): string {
  const key = String(id);
  return key.startsWith('column:') ? key.slice('column:'.length) : key;
}

/** The board: columns of cards; moving a card within or across columns is one `story.move` edit. */
export function Board({ store, product, index, cards, epics, readiness, openId, onOpen }: BoardProps) {
  // The columns as the current drag shows them (state to render, a ref for the drag's own handlers).
  const [dragItems, setDragItems] = useState<ColumnItems | null>(null);
  const dragItemsRef = useRef<ColumnItems | null>(null);
  const [steady] = useState(() => new SteadyCollisions(closestCorners));
  const session = useDragSession();
  const [boardElement, setBoardElement] = useState<HTMLElement | null>(null);
  const autoScroll = useMemo(() => autoScrollWithin(boardElement), [boardElement]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [instantDrop, setInstantDrop] = useState(false);
  // The columns the current (or last) drag started in or went to: only their cards slide.
  const [animated, setAnimated] = useState<ReadonlySet<string>>(NO_COLUMNS);
  const startColumn = useRef<string | null>(null);
  const columns = product.board.columns;
  // Ids per column: the same array for a column whose cards did not change.
  const items = useMemo(() => {
    const byColumn: Record<string, readonly string[]> = {};
    for (const c of columns) byColumn[c.id] = idsOf(cards[c.id] ?? NO_STORIES);
    return byColumn;
  }, [columns, cards]);
  const shown = dragItems ?? items;
  const columnNames = useMemo(() => new Map(columns.map((c) => [c.id, c.name])), [columns]);
  const storyOf = (id: string) => storyById(index, id);
  // While a card is dragged to another column, the two columns show the ids of the drag.
  const [storiesOfIds] = useState(createStoriesOfIds);
  const cardsFor = (columnId: string, ids: readonly string[]): readonly Story[] => (ids === items[columnId] ? (cards[columnId] ?? NO_STORIES) : storiesOfIds(index, ids));

  // The column actions never change, so that a column whose cards did not change does not render again.
  const latest = useRef({ store, columns, index });
  useLayoutEffect(() => {
    latest.current = { store, columns, index };
  });
  const actions = useMemo<ColumnActions>(
    () => ({
      addStory: (columnId, title) => {
        const { store: s, index: idx } = latest.current;
        const inColumn = storiesIn(idx, columnId);
        const last = inColumn[inColumn.length - 1];
        s.dispatch({ type: 'story.add', story: blankStory(newId('st'), title, columnId, rankBetween(last?.rank ?? null, null)) }, 'Add story');
      },
      rename: (columnId, name) => latest.current.store.dispatch({ type: 'column.update', id: columnId, patch: { name } }, 'Rename column'),
      setWipLimit: (columnId, wipLimit) => latest.current.store.dispatch({ type: 'column.update', id: columnId, patch: { wipLimit } }, 'Set WIP limit'),
      move: (columnId, direction) => {
        const { store: s, columns: cols } = latest.current;
        s.dispatch({ type: 'column.move', id: columnId, index: cols.findIndex((c) => c.id === columnId) + direction }, 'Move column');
      },
      remove: (columnId, moveStoriesTo) => {
        const { store: s, columns: cols } = latest.current;
        const name = cols.find((c) => c.id === columnId)?.name ?? columnId;
        s.dispatch({ type: 'column.delete', id: columnId, moveStoriesTo }, `Remove column ${name}`);
      },
    }),
    [],
  );
  const addColumn = useCallback(
    (name: string) => latest.current.store.dispatch({ type: 'column.add', column: { id: newId('col'), name, category: 'todo', wipLimit: null } }, 'Add column'),
    [],
  );

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(PromptKeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );

  const containerOf = (id: UniqueIdentifier, within: ColumnItems): string | null => listOf(within, listKey(id));

  /** "column Ready, position 2 of 14" for where `overId` (a card or a column) is in `within`. */
  const describeTarget = (activeKey: string, overId: UniqueIdentifier, within: ColumnItems): string => {
    const col = containerOf(overId, within);
    if (!col) return 'no column';
    const list = within[col] ?? [];
    const total = list.includes(activeKey) ? list.length : list.length + 1;
    const overIndex = list.indexOf(String(overId));
    return `column ${columnNames.get(col) ?? col}, position ${overIndex >= 0 ? overIndex + 1 : total} of ${total}`;
  };
  const titleOf = (id: UniqueIdentifier) => storyOf(String(id))?.title ?? 'story';

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up story ${titleOf(active.id)}, in ${describeTarget(String(active.id), active.id, shown)}. Use the arrow keys to move, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `Story ${titleOf(active.id)} is now in ${describeTarget(String(active.id), over.id, shown)}.` : `Story ${titleOf(active.id)} is not over a column.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped story ${titleOf(active.id)} in ${describeTarget(String(active.id), over.id, shown)}.` : `Story ${titleOf(active.id)} was not moved.`),
    onDragCancel: ({ active }) => `Moving cancelled. Story ${titleOf(active.id)} went back to column ${columnNames.get(startColumn.current ?? '') ?? ''}.`,
  };

  const showDrag = (next: ColumnItems | null) => {
    dragItemsRef.current = next;
    setDragItems(next);
  };
  const stopDrag = () => {
    showDrag(null);
    setActiveId(null);
    steady.reset();
  };

  const onDragStart = ({ active, activatorEvent }: DragStartEvent) => {
    session.begin();
    steady.reset();
    // A keyboard drop lands at once (the card is already in its place); so does every drop for
    // someone who asked for reduced motion. A mouse drop glides the card into place.
    setInstantDrop(activatorEvent instanceof KeyboardEvent || window.matchMedia('(prefers-reduced-motion: reduce)').matches);
    setActiveId(String(active.id));
    const from = containerOf(active.id, items);
    startColumn.current = from;
    setAnimated(from ? new Set([from]) : NO_COLUMNS);
    showDrag(items);
  };

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const current = dragItemsRef.current;
    if (!over || !current) return;
    const next = moveToList(current, String(active.id), listKey(over.id));
    const to = next ? containerOf(active.id, next) : null;
    if (!next || !to) return;
    showDrag(next);
    steady.moved();
    setAnimated((cols) => (cols.has(to) ? cols : new Set([...cols, to])));
  };

  // The drop is worked out in full first, then dispatched as one edit; a drag that was cancelled,
  // or whose board is gone, commits nothing.
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const shown = dragItemsRef.current ?? items;
    stopDrag();
    if (!session.end() || !over) return;
    const move = storyMove(String(active.id), listKey(over.id), shown);
    if (move) store.dispatch(move.edit, move.label);
  };

  const onDragCancel = () => {
    session.end();
    stopDrag();
  };

  /** The `story.move` for dropping `id` over `overId` with the columns as shown; null when it stays. */
  const storyMove = (id: string, overId: string, shown: ColumnItems): { edit: Edit; label: string } | null => {
    const story = storyOf(id);
    const landed = landing(shown, id, overId);
    if (!story || !landed) return null;
    const col = landed.list;
    const at = landed.index;
    const neighbours = landed.ids.filter((x) => x !== id).map((x) => storyOf(x)).filter((s): s is Story => s !== undefined);
    const prev = neighbours[at - 1];
    const next = neighbours[at];
    const unchanged = col === story.status && (prev === undefined || prev.rank < story.rank) && (next === undefined || story.rank < next.rank);
    if (unchanged) return null;
    return {
      edit: { type: 'story.move', id, status: col, rank: rankAtIndex(neighbours, at) },
      label: col === story.status ? 'Reorder story' : `Move story to ${columnNames.get(col) ?? col}`,
    };
  };

  const active = activeId ? storyOf(activeId) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={steady.detection}
      autoScroll={autoScroll}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: 'To move a story, press Space to pick it up, use the arrow keys to move it within a column or to another column, then press Space to drop it or Escape to cancel. Press Enter to open it.' },
      }}
    >
      <section ref={setBoardElement} className="board" aria-label="Board">
        {columns.map((column) => {
          const ids = shown[column.id] ?? NO_IDS;
          return (
            <BoardColumn
              key={column.id}
              column={column}
              columns={columns}
              ids={ids}
              cards={cardsFor(column.id, ids)}
              total={storiesIn(index, column.id).length}
              epics={epics}
              readiness={readiness}
              openId={openId}
              onOpen={onOpen}
              actions={actions}
              animate={animated.has(column.id)}
            />
          );
        })}
        <AddColumn onAdd={addColumn} />
      </section>
      <DragOverlay {...(instantDrop ? { dropAnimation: null } : {})}>{active ? <div className="card story-card overlay"><StoryCardBody story={active} epic={active.epicId ? epics.get(active.epicId) : undefined} readiness={readiness(active)} /></div> : null}</DragOverlay>
    </DndContext>
  );
}

const AddColumn = memo(function AddColumn({ onAdd }: { onAdd: (name: string) => void }) {
  const [name, setName] = useState('');
  return (
    <form
      className="add-column"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onAdd(name.trim());
        setName('');
      }}
    >
      <label>
        <span className="visually-hidden">New column name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="+ Add column" maxLength={LIMITS.shortText} />
      </label>
    </form>
  );
});
