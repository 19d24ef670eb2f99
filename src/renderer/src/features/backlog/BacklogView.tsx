import { memo, useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { storyById } from '../../../../shared/backlog/boardIndex';
import { EMPTY_FILTER, isFilterActive, type BacklogFilter } from '../../../../shared/backlog/filter';
import type { LintCode } from '../../../../shared/coach/lints';
import type { Product, Story } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import { useHashParam } from '../../state/route';
import { BacklogTransfer } from '../import/BacklogTransfer';
import { BacklogList } from './BacklogList';
import { Board } from './Board';
import { createBoardIndexer } from './boardIndexer';
import { createColumnCards, passesFilter } from './columnCards';
import { CoachSummary } from './CoachSummary';
import { FilterBar } from './FilterBar';
import { createHealthTracker } from './healthTracker';
import { useDuplicateGroups } from './useDuplicateGroups';
import type { CardReadiness } from './StoryCard';
import { StoryEditor } from './StoryEditor';
import './backlog.css';

type Mode = 'board' | 'list';

const NO_DUPLICATES: ReadonlyMap<string, string[]> = new Map();

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The backlog: board or ordered list, search and filters, the refinement coach, and the story editor.
 * Memoised: the save indicator's updates (saving, saved) do not render the board again.
 */
export const BacklogView = memo(function BacklogView({ store, product }: { store: DocumentStore; product: Product }) {
  const [mode, setMode] = useState<Mode>('board');
  const [filter, setFilter] = useState<BacklogFilter>(EMPTY_FILTER);
  const [openId, setOpenId] = useState<string | null>(null);
  // A link such as a spec's story chip (`…/backlog?story=<id>`) opens that story.
  const linkedStory = useHashParam('story');
  const [shownLink, setShownLink] = useState<string | null>(null);
  if (linkedStory !== shownLink) {
    setShownLink(linkedStory);
    if (linkedStory && product.stories.some((s) => s.id === linkedStory)) setOpenId(linkedStory);
  }

  // Same as backlogHealth(product), but a card move does not lint every story again, and large
  // backlogs are searched for duplicates off the main thread (see healthTracker, useDuplicateGroups).
  const duplicates = useDuplicateGroups(product.stories);
  const [trackHealth] = useState(createHealthTracker);
  const { summary: health, readinessOf } = useMemo(() => trackHealth(product, duplicates ?? NO_DUPLICATES), [trackHealth, product, duplicates]);
  // Sorted and grouped by column one edit at a time: a card move re-sorts one story, not 5,000.
  const [indexStories] = useState(createBoardIndexer);
  const index = useMemo(() => indexStories(product.stories), [indexStories, product.stories]);
  const epics = useMemo(() => new Map(product.epics.map((e) => [e.id, e])), [product.epics]);
  const filtering = isFilterActive(filter);
  const visible = useMemo(() => (filtering ? index.ordered.filter((s) => passesFilter(s, filter, readinessOf)) : index.ordered), [filtering, index.ordered, filter, readinessOf]);
  const [cardsOf] = useState(createColumnCards);
  const cards = useMemo(() => cardsOf(index, product.board.columns, filter, readinessOf), [cardsOf, index, product.board.columns, filter, readinessOf]);
  const doneColumns = useMemo(() => new Set(product.board.columns.filter((c) => c.category === 'done').map((c) => c.id)), [product.board.columns]);
  const readiness = useCallback(
    (story: Story): CardReadiness => {
      if (doneColumns.has(story.status)) return null;
      const r = readinessOf(story);
      return r.ready ? 'ready' : r.lints.length;
    },
    [readinessOf, doneColumns],
  );
  const onFilterLint = useCallback((lint: LintCode | 'not-ready') => setFilter((f) => ({ ...f, lint: f.lint === lint ? null : lint })), []);

  const firstColumn = product.board.columns[0]?.id;
  const startNewStory = useCallback(() => {
    setMode('board');
    requestAnimationFrame(() => document.getElementById(`new-story-${firstColumn ?? ''}`)?.focus());
  }, [firstColumn]);

  // A layout effect, so the shortcut works as soon as the board is on screen.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      startNewStory();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startNewStory]);

  const open = openId ? storyById(index, openId) : undefined;

  return (
    <div className={`backlog ${open ? 'with-panel' : ''}`}>
      <div className="backlog-main">
        <div className="backlog-toolbar">
          <div className="segmented" role="group" aria-label="Backlog layout">
            <button type="button" aria-pressed={mode === 'board'} onClick={() => setMode('board')}>
              Board
            </button>
            <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
              List
            </button>
          </div>
          <button type="button" className="primary" onClick={startNewStory} aria-keyshortcuts="N" title="New story (N)">
            New story
          </button>
          <BacklogTransfer store={store} product={product} />
          <FilterBar epics={product.epics} columns={product.board.columns} labels={index.labels} filter={filter} onChange={setFilter} shown={visible.length} total={product.stories.length} />
        </div>
        <CoachSummary health={health} activeLint={filter.lint} onFilter={onFilterLint} />
        {mode === 'board' ? (
          <Board store={store} product={product} index={index} cards={cards} epics={epics} readiness={readiness} openId={openId} onOpen={setOpenId} />
        ) : (
          <BacklogList store={store} product={product} ordered={visible} epics={epics} readiness={readiness} openId={openId} onOpen={setOpenId} />
        )}
      </div>
      {open && <StoryEditor key={open.id} store={store} product={product} story={open} readiness={readinessOf(open)} onClose={() => setOpenId(null)} onOpenStory={setOpenId} />}
    </div>
  );
});
