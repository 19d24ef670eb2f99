/**
 * The board's per-column cards and the duplicate search's texts are kept as the same arrays while
 * they do not change (the columns and the search are memoised on them), and are otherwise exactly
 * the plain computation.
 */
import { describe, expect, it } from 'vitest';
import { createColumnCards, createStoriesOfIds, idsOf } from '../../../src/renderer/src/features/backlog/columnCards';
import { createTextTracker } from '../../../src/renderer/src/features/backlog/storyTexts';
import { indexBoard, updateBoardIndex } from '../../../src/shared/backlog/boardIndex';
import { EMPTY_FILTER, matchesFilter, searchableText, type BacklogFilter } from '../../../src/shared/backlog/filter';
import { generateProduct } from '../../bench/generate/generateProduct';
import { DEFAULT_READY_CHECKS, storyReadiness } from '../../../src/shared/coach/readiness';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { rankAtIndex, sortByRank } from '../../../src/shared/model/rank';
import type { Product, Story } from '../../../src/shared/model/schema';

const product = generateProduct({ stories: 300, seed: 21, roadmapItems: 0, specs: 0 });
const columns = product.board.columns;
const ctx = { splitThreshold: 8, hasEpics: true, duplicates: new Map<string, string[]>() };
const cache = new WeakMap<Story, ReturnType<typeof storyReadiness>>();
const readinessOf = (s: Story) => {
  let r = cache.get(s);
  if (!r) {
    r = storyReadiness(s, ctx, DEFAULT_READY_CHECKS);
    cache.set(s, r);
  }
  return r;
};

/** Each column's cards the plain way: the stories of that status by rank that pass the filter. */
function plainCards(p: Product, filter: BacklogFilter): Record<string, Story[]> {
  const out: Record<string, Story[]> = {};
  for (const c of p.board.columns) out[c.id] = sortByRank(p.stories.filter((s) => s.status === c.id && matchesFilter(s, filter, readinessOf(s), searchableText(s))));
  return out;
}

function moveFirst(p: Product, from: string, to: string): Product {
  const story = sortByRank(p.stories.filter((s) => s.status === from))[0];
  if (!story) throw new Error(`no story in ${from}`);
  return applyEdit(p, { type: 'story.move', id: story.id, status: to, rank: rankAtIndex(sortByRank(p.stories.filter((s) => s.status === to)), 0) }).product;
}

describe('createColumnCards', () => {
  it('gives the filtered stories of each column, and the same arrays for the columns a move did not touch', () => {
    for (const filter of [EMPTY_FILTER, { ...EMPTY_FILTER, text: 'job' }, { ...EMPTY_FILTER, lint: 'not-ready' as const }]) {
      const cardsOf = createColumnCards();
      const index = indexBoard(product.stories);
      const before = cardsOf(index, columns, filter, readinessOf);
      expect(before).toEqual(plainCards(product, filter));
      const moved = moveFirst(product, 'backlog', 'review');
      const after = cardsOf(updateBoardIndex(index, moved.stories), columns, filter, readinessOf);
      expect(after).toEqual(plainCards(moved, filter));
      for (const id of ['ready', 'in-progress', 'done']) expect(after[id]).toBe(before[id]);
    }
  });

  it('filters again when the filter or the readiness changes', () => {
    const cardsOf = createColumnCards();
    const index = indexBoard(product.stories);
    const all = cardsOf(index, columns, EMPTY_FILTER, readinessOf);
    const ready = cardsOf(index, columns, { ...EMPTY_FILTER, lint: 'ready' }, readinessOf);
    expect(ready).toEqual(plainCards(product, { ...EMPTY_FILTER, lint: 'ready' }));
    const noneReady = cardsOf(index, columns, { ...EMPTY_FILTER, lint: 'ready' }, (s) => ({ ...readinessOf(s), ready: false }));
    for (const c of columns) expect(noneReady[c.id]).toEqual([]);
    expect(cardsOf(index, columns, EMPTY_FILTER, readinessOf)).toEqual(all);
  });
});

describe('idsOf and createStoriesOfIds', () => {
  it('give the same arrays for the same input', () => {
    const index = indexBoard(product.stories);
    const list = index.ordered.slice(0, 10);
    expect(idsOf(list)).toEqual(list.map((s) => s.id));
    expect(idsOf(list)).toBe(idsOf(list));
    const storiesOf = createStoriesOfIds();
    const ids = [...idsOf(list)].reverse().concat('no-such-story');
    expect(storiesOf(index, ids)).toEqual([...list].reverse());
    expect(storiesOf(index, ids)).toBe(storiesOf(index, ids));
  });
});

describe('createTextTracker', () => {
  it('keeps the texts across moves and edits that do not touch a title or an "I want"', () => {
    const track = createTextTracker();
    const texts = track(product.stories);
    expect(texts).toEqual(product.stories.map((s) => ({ id: s.id, title: s.title, iWant: s.iWant })));
    const moved = moveFirst(product, 'backlog', 'done');
    expect(track(moved.stories)).toBe(texts);
    const first = moved.stories[0];
    if (!first) throw new Error('no story');
    const estimated = applyEdit(moved, { type: 'story.update', id: first.id, patch: { estimate: 13 } }).product;
    expect(track(estimated.stories)).toBe(texts);
    const renamed = applyEdit(estimated, { type: 'story.update', id: first.id, patch: { title: 'A new title' } }).product;
    const renamedTexts = track(renamed.stories);
    expect(renamedTexts).not.toBe(texts);
    expect(renamedTexts[0]).toEqual({ id: first.id, title: 'A new title', iWant: first.iWant });
    const removed = applyEdit(renamed, { type: 'story.delete', id: first.id }).product;
    expect(track(removed.stories)).toEqual(removed.stories.map((s) => ({ id: s.id, title: s.title, iWant: s.iWant })));
  });
});
