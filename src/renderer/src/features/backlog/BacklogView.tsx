import { useCallback, useLayoutEffect, useMemo, useState } from 'react';
import { allLabels, EMPTY_FILTER, matchesFilter, type BacklogFilter } from '../../../../shared/backlog/filter';
import { sortByRank } from '../../../../shared/model/rank';
import type { Product, Story } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import { useHashParam } from '../../state/route';
import { BacklogTransfer } from '../import/BacklogTransfer';
import { BacklogList } from './BacklogList';
import { Board, type ColumnItems } from './Board';
import { CoachSummary } from './CoachSummary';
import { FilterBar } from './FilterBar';
import { createHealthTracker } from './healthTracker';
import { storySearchText } from './searchTextCache';
import { useDuplicateGroups } from './useDuplicateGroups';
import type { CardReadiness } from './StoryCard';
import { StoryEditor } from './StoryEditor';
import './backlog.css';

type Mode = 'board' | 'list';

const NO_DUPLICATES: ReadonlyMap<string, string[]> = new Map();

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The backlog: board or ordered list, search and filters, the refinement coach, and the story editor. */
export function BacklogView({ store, product }: { store: DocumentStore; product: Product }) {
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
  const health = useMemo(() => trackHealth(product, duplicates ?? NO_DUPLICATES), [trackHealth, product, duplicates]);
  const epics = useMemo(() => new Map(product.epics.map((e) => [e.id, e])), [product.epics]);
  const stories = useMemo(() => new Map(product.stories.map((s) => [s.id, s])), [product.stories]);
  const ordered = useMemo(() => sortByRank(product.stories), [product.stories]);
  const labels = useMemo(() => allLabels(product.stories), [product.stories]);
  const visible = useMemo(() => {
    const searching = filter.text.trim() !== '';
    return ordered.filter((s) => matchesFilter(s, filter, health.byStory.get(s.id), searching ? storySearchText(s) : ''));
  }, [ordered, filter, health]);
  const { items, totals } = useMemo(() => {
    const byColumn: ColumnItems = {};
    const counts = new Map<string, number>();
    for (const c of product.board.columns) byColumn[c.id] = [];
    for (const s of ordered) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
    for (const s of visible) byColumn[s.status]?.push(s.id);
    return { items: byColumn, totals: counts };
  }, [product.board.columns, ordered, visible]);
  const doneColumns = useMemo(() => new Set(product.board.columns.filter((c) => c.category === 'done').map((c) => c.id)), [product.board.columns]);
  const readiness = useCallback(
    (story: Story): CardReadiness => {
      if (doneColumns.has(story.status)) return null;
      const r = health.byStory.get(story.id);
      if (!r) return null;
      return r.ready ? 'ready' : r.lints.length;
    },
    [health, doneColumns],
  );

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

  const open = openId ? stories.get(openId) : undefined;

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
          <FilterBar product={product} labels={labels} filter={filter} onChange={setFilter} shown={visible.length} total={product.stories.length} />
        </div>
        <CoachSummary health={health} activeLint={filter.lint} onFilter={(lint) => setFilter({ ...filter, lint: filter.lint === lint ? null : lint })} />
        {mode === 'board' ? (
          <Board store={store} product={product} items={items} totals={totals} stories={stories} epics={epics} readiness={readiness} openId={openId} onOpen={setOpenId} />
        ) : (
          <BacklogList store={store} product={product} ordered={visible} epics={epics} readiness={readiness} openId={openId} onOpen={setOpenId} />
        )}
      </div>
      {open && <StoryEditor key={open.id} store={store} product={product} story={open} readiness={health.byStory.get(open.id)} onClose={() => setOpenId(null)} onOpenStory={setOpenId} />}
    </div>
  );
}
