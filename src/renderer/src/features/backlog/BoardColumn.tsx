import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { createContext, memo, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { Column, Epic, Story } from '../../../../shared/model/schema';
import { ColumnMenu } from './ColumnMenu';
import { StoryCard, type CardReadiness } from './StoryCard';
import { LIMITS } from '../../../../shared/model/limits';

/** Columns longer than this render only the cards in view. */
export const VIRTUALIZE_AFTER = 60;

/**
 * Cards rendered beyond the visible ones. Every mounted card renders again twice on each drag step
 * (dnd-kit's context changes, then the measurements it takes in layout effects), so each one costs
 * on a pick-up, an arrow and a drop; 4 rows (about 400 px) still cover a wheel step or an arrow
 * move past the edge of the view.
 */
const OVERSCAN = 4;

/** What a column's header, menu and new-story row do; one object for the whole board (it never changes). */
export interface ColumnActions {
  addStory(columnId: string, title: string): void;
  rename(columnId: string, name: string): void;
  setWipLimit(columnId: string, limit: number | null): void;
  move(columnId: string, direction: -1 | 1): void;
  remove(columnId: string, moveStoriesTo: string | null): void;
}

export interface BoardColumnProps {
  column: Column;
  columns: readonly Column[];
  /** Story ids shown in this column, in order (filtered): the items of its sortable list. */
  ids: readonly string[];
  /** The stories of `ids`, in the same order. */
  cards: readonly Story[];
  /** How many stories the column holds without the filter (the WIP count). */
  total: number;
  epics: ReadonlyMap<string, Epic>;
  readiness: (story: Story) => CardReadiness;
  openId: string | null;
  onOpen: (id: string) => void;
  actions: ColumnActions;
  /** Whether the cards slide as cards around them move (see StoryCard). */
  animate: boolean;
}

export function columnDroppableId(columnId: string): string {
  return `column:${columnId}`;
}

/**
 * A board column. Memoised: after a card move only the columns whose cards changed render again
 * (the props of the others are the same objects).
 */
export const BoardColumn = memo(function BoardColumn(props: BoardColumnProps) {
  const { column, ids, cards, total, epics, readiness, openId, onOpen, actions, animate } = props;
  const over = column.wipLimit !== null && total > column.wipLimit;
  const countLabel = column.wipLimit !== null ? `${total} of ${column.wipLimit} stories, WIP limit${over ? ' exceeded' : ''}` : `${total} stories`;
  const headingId = `col-${column.id}`;
  const columnId = column.id;
  const onRename = useCallback((name: string) => actions.rename(columnId, name), [actions, columnId]);
  const onSetWipLimit = useCallback((limit: number | null) => actions.setWipLimit(columnId, limit), [actions, columnId]);
  const onMove = useCallback((direction: -1 | 1) => actions.move(columnId, direction), [actions, columnId]);
  const onDelete = useCallback((moveStoriesTo: string | null) => actions.remove(columnId, moveStoriesTo), [actions, columnId]);
  const onAddStory = useCallback((title: string) => actions.addStory(columnId, title), [actions, columnId]);
  const label = `${column.name} stories`;

  return (
    <DroppableColumn column={column} className={`column ${over ? 'over-limit' : ''}`} headingId={headingId}>
      <header className="column-header">
        <h2 id={headingId}>{column.name}</h2>
        <span className="count" role="note" aria-label={countLabel} title={countLabel}>
          {column.wipLimit !== null ? `${total} / ${column.wipLimit}` : total}
        </span>
        <ColumnMenu column={column} columns={props.columns} onRename={onRename} onSetWipLimit={onSetWipLimit} onMove={onMove} onDelete={onDelete} />
      </header>
      <SortableContext items={ids as string[]} strategy={verticalListSortingStrategy} id={column.id}>
        {cards.length > VIRTUALIZE_AFTER ? (
          <VirtualCards cards={cards} epics={epics} readiness={readiness} openId={openId} onOpen={onOpen} label={label} animate={animate} />
        ) : (
          <PlainCards cards={cards} epics={epics} readiness={readiness} openId={openId} onOpen={onOpen} label={label} animate={animate} />
        )}
      </SortableContext>
      <NewStoryRow column={column} onAdd={onAddStory} />
    </DroppableColumn>
  );
});

/** The column's drop target (its list of cards), handed down without rendering the column again. */
const DropRef = createContext<(el: HTMLElement | null) => void>(() => undefined);

/**
 * The column's section and its drop target. Only this part follows the drag (dnd-kit's context
 * changes on every drag step); its children are the elements the memoised column made, so React
 * skips them, and the list takes the (stable) drop ref from context.
 */
function DroppableColumn({ column, className, headingId, children }: { column: Column; className: string; headingId: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDroppableId(column.id), data: { type: 'column', columnId: column.id } });
  return (
    <section className={`${className} ${isOver ? 'drop-target' : ''}`} aria-labelledby={headingId} data-column-id={column.id}>
      <DropRef.Provider value={setNodeRef}>{children}</DropRef.Provider>
    </section>
  );
}

interface CardsProps {
  cards: readonly Story[];
  epics: ReadonlyMap<string, Epic>;
  readiness: (story: Story) => CardReadiness;
  openId: string | null;
  onOpen: (id: string) => void;
  label: string;
  animate: boolean;
}

function PlainCards({ cards, epics, readiness, openId, onOpen, label, animate }: CardsProps) {
  const setDropRef = useContext(DropRef);
  return (
    <ul className="cards" aria-label={label} ref={setDropRef}>
      {cards.map((story) => (
        <li key={story.id}>
          <StoryCard story={story} epic={story.epicId ? epics.get(story.epicId) : undefined} readiness={readiness(story)} selected={story.id === openId} onOpen={onOpen} animate={animate} />
        </li>
      ))}
    </ul>
  );
}

function VirtualCards({ cards, epics, readiness, openId, onOpen, label, animate }: CardsProps) {
  const setDropRef = useContext(DropRef);
  const scrollRef = useRef<HTMLUListElement | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({ count: cards.length, getScrollElement: () => scrollRef.current, estimateSize: () => 86, overscan: OVERSCAN });
  return (
    <ul
      className="cards virtual"
      aria-label={label}
      ref={(el) => {
        scrollRef.current = el;
        setDropRef(el);
      }}
    >
      <li aria-hidden="true" style={{ height: virtualizer.getTotalSize(), position: 'relative', listStyle: 'none' }} className="virtual-spacer" />
      {virtualizer.getVirtualItems().map((row) => {
        const story = cards[row.index];
        if (!story) return null;
        return (
          <li key={story.id} data-index={row.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${row.start}px)` }}>
            <StoryCard story={story} epic={story.epicId ? epics.get(story.epicId) : undefined} readiness={readiness(story)} selected={story.id === openId} onOpen={onOpen} animate={animate} />
          </li>
        );
      })}
    </ul>
  );
}

function NewStoryRow({ column, onAdd }: { column: Column; onAdd: (title: string) => void }) {
  const [title, setTitle] = useState('');
  return (
    <form
      className="new-story"
      onSubmit={(e) => {
        e.preventDefault();
        if (!title.trim()) return;
        onAdd(title.trim());
        setTitle('');
      }}
    >
      <label>
        <span className="visually-hidden">New story in {column.name}</span>
        <input id={`new-story-${column.id}`} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="+ New story" maxLength={LIMITS.shortText} />
      </label>
    </form>
  );
}
