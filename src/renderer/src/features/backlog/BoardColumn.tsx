import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { Column, Epic, Story } from '../../../../shared/model/schema';
import { ColumnMenu } from './ColumnMenu';
import { StoryCard, type CardReadiness } from './StoryCard';

/** Columns longer than this render only the cards in view. */
export const VIRTUALIZE_AFTER = 60;

export interface BoardColumnProps {
  column: Column;
  columns: readonly Column[];
  /** Story ids shown in this column, in order (filtered). */
  ids: readonly string[];
  /** How many stories the column holds without the filter (the WIP count). */
  total: number;
  stories: ReadonlyMap<string, Story>;
  epics: ReadonlyMap<string, Epic>;
  readiness: (story: Story) => CardReadiness;
  openId: string | null;
  onOpen: (id: string) => void;
  onAddStory: (title: string) => void;
  onRename: (name: string) => void;
  onSetWipLimit: (limit: number | null) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: (moveStoriesTo: string | null) => void;
}

export function columnDroppableId(columnId: string): string {
  return `column:${columnId}`;
}

export function BoardColumn(props: BoardColumnProps) {
  const { column, ids, total, stories, epics, readiness, openId, onOpen } = props;
  const { setNodeRef, isOver } = useDroppable({ id: columnDroppableId(column.id), data: { type: 'column', columnId: column.id } });
  const over = column.wipLimit !== null && total > column.wipLimit;
  const countLabel = column.wipLimit !== null ? `${total} of ${column.wipLimit} stories, WIP limit${over ? ' exceeded' : ''}` : `${total} stories`;
  const headingId = `col-${column.id}`;

  return (
    <section className={`column ${over ? 'over-limit' : ''} ${isOver ? 'drop-target' : ''}`} aria-labelledby={headingId} data-column-id={column.id}>
      <header className="column-header">
        <h2 id={headingId}>{column.name}</h2>
        <span className="count" role="note" aria-label={countLabel} title={countLabel}>
          {column.wipLimit !== null ? `${total} / ${column.wipLimit}` : total}
        </span>
        <ColumnMenu column={column} columns={props.columns} onRename={props.onRename} onSetWipLimit={props.onSetWipLimit} onMove={props.onMove} onDelete={props.onDelete} />
      </header>
      <SortableContext items={ids as string[]} strategy={verticalListSortingStrategy} id={column.id}>
        {ids.length > VIRTUALIZE_AFTER ? (
          <VirtualCards ids={ids} stories={stories} epics={epics} readiness={readiness} openId={openId} onOpen={onOpen} label={`${column.name} stories`} setDropRef={setNodeRef} />
        ) : (
          <ul className="cards" aria-label={`${column.name} stories`} ref={setNodeRef}>
            {ids.map((id) => {
              const story = stories.get(id);
              if (!story) return null;
              return (
                <li key={id}>
                  <StoryCard story={story} epic={story.epicId ? epics.get(story.epicId) : undefined} readiness={readiness(story)} selected={id === openId} onOpen={onOpen} />
                </li>
              );
            })}
          </ul>
        )}
      </SortableContext>
      <NewStoryRow column={column} onAdd={props.onAddStory} />
    </section>
  );
}

function VirtualCards(props: {
  ids: readonly string[];
  stories: ReadonlyMap<string, Story>;
  epics: ReadonlyMap<string, Epic>;
  readiness: (story: Story) => CardReadiness;
  openId: string | null;
  onOpen: (id: string) => void;
  label: string;
  setDropRef: (el: HTMLElement | null) => void;
}) {
  const { ids, stories, epics, readiness, openId, onOpen } = props;
  const scrollRef = useRef<HTMLUListElement | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => scrollRef.current, estimateSize: () => 86, overscan: 8 });
  return (
    <ul
      className="cards virtual"
      aria-label={props.label}
      ref={(el) => {
        scrollRef.current = el;
        props.setDropRef(el);
      }}
    >
      <li aria-hidden="true" style={{ height: virtualizer.getTotalSize(), position: 'relative', listStyle: 'none' }} className="virtual-spacer" />
      {virtualizer.getVirtualItems().map((row) => {
        const id = ids[row.index];
        const story = id ? stories.get(id) : undefined;
        if (!id || !story) return null;
        return (
          <li key={id} data-index={row.index} ref={virtualizer.measureElement} className="virtual-row" style={{ transform: `translateY(${row.start}px)` }}>
            <StoryCard story={story} epic={story.epicId ? epics.get(story.epicId) : undefined} readiness={readiness(story)} selected={id === openId} onOpen={onOpen} />
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
        <input id={`new-story-${column.id}`} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="+ New story" maxLength={300} />
      </label>
    </form>
  );
}
