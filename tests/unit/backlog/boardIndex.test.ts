/**
 * The board's incremental index (sorted stories, stories per column, labels, ids) must equal the
 * index built from scratch after any sequence of edits, and keep what an edit did not touch (the
 * arrays of untouched columns, the labels) as the very same objects: the board's columns are
 * memoised on them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexBoard, storiesIn, storyById, storyChanges, updateBoardIndex, type BoardIndex } from '../../../src/shared/backlog/boardIndex';
import { allLabels } from '../../../src/shared/backlog/filter';
import { generateProduct } from '../../bench/generate/generateProduct';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { rankAtIndex, sortByRank } from '../../../src/shared/model/rank';
import type { Product, Story } from '../../../src/shared/model/schema';

const STATUSES = ['backlog', 'ready', 'in-progress', 'review', 'done'];

function at<T>(list: readonly T[], i: number): T {
  const x = list[i % list.length];
  if (x === undefined) throw new Error('empty list');
  return x;
}

/** What the index must hold, computed the plain way. */
function expectIndexOf(index: BoardIndex, stories: readonly Story[]): void {
  const ordered = sortByRank(stories);
  expect(index.stories).toBe(stories);
  expect(index.ordered).toEqual(ordered);
  const statuses = new Set(stories.map((s) => s.status));
  expect(new Set(index.byStatus.keys())).toEqual(statuses);
  for (const status of [...statuses, 'no-such-column']) expect(storiesIn(index, status)).toEqual(ordered.filter((s) => s.status === status));
  expect(index.labels).toEqual(allLabels(stories));
  for (const s of stories) expect(storyById(index, s.id)).toBe(s);
  expect(storyById(index, 'no-such-story')).toBeUndefined();
}

/** A move of story `i` to `status`, at position `p` among that column's other stories. */
function moveEdit(product: Product, i: number, status: string, p: number): Edit {
  const story = at(product.stories, i);
  const others = sortByRank(product.stories.filter((s) => s.status === status && s.id !== story.id));
  return { type: 'story.move', id: story.id, status, rank: rankAtIndex(others, p % (others.length + 1)) };
}

describe('storyChanges', () => {
  const product = generateProduct({ stories: 20, seed: 1, roadmapItems: 0, specs: 0 });
  const stories = product.stories;
  it('tells the same list, replaced stories, and a reshaped list apart', () => {
    expect(storyChanges(stories, stories)).toEqual({ kind: 'same' });
    expect(storyChanges(stories, [...stories])).toEqual({ kind: 'same' });
    const moved = applyEdit(product, moveEdit(product, 3, 'done', 0)).product.stories;
    expect(storyChanges(stories, moved)).toEqual({ kind: 'replaced', pairs: [{ before: stories[3], after: moved[3] }] });
    expect(storyChanges(stories, stories.slice(1))).toEqual({ kind: 'reshaped' });
    expect(storyChanges(stories, [...stories].reverse())).toEqual({ kind: 'reshaped' });
    const edited = stories.map((s) => ({ ...s }));
    expect(storyChanges(stories, edited, 5)).toEqual({ kind: 'reshaped' });
    expect(storyChanges(stories, edited, 20)).toMatchObject({ kind: 'replaced' });
  });
});

describe('updateBoardIndex', () => {
  it('equals the index built from scratch after every kind of story edit', () => {
    let product = generateProduct({ stories: 400, seed: 11, roadmapItems: 0, specs: 0 });
    let index = updateBoardIndex(null, product.stories);
    expectIndexOf(index, product.stories);
    const edits = (p: Product, round: number): Edit[] => [
      moveEdit(p, 5, 'done', 3),
      moveEdit(p, 6, at(p.stories, 6).status, 0),
      { type: 'story.update', id: at(p.stories, 7).id, patch: { labels: ['a-new-label'] } },
      { type: 'story.update', id: at(p.stories, 8).id, patch: { title: 'Renamed', rank: at(p.stories, 9).rank } },
      { type: 'story.add', story: { ...at(p.stories, 10), id: `st-added-${round}`, rank: at(p.stories, 10).rank, status: 'review' } },
      { type: 'story.delete', id: at(p.stories, 11).id },
      { type: 'story.update', id: at(p.stories, 12).id, patch: { labels: [] } },
    ];
    for (let round = 0; round < 3; round += 1) {
      for (const edit of edits(product, round)) {
        product = applyEdit(product, edit).product;
        index = updateBoardIndex(index, product.stories);
        expectIndexOf(index, product.stories);
      }
    }
    // A column removed: its stories move to another (each one replaced).
    product = applyEdit(product, { type: 'column.delete', id: 'review', moveStoriesTo: 'ready' }).product;
    index = updateBoardIndex(index, product.stories);
    expectIndexOf(index, product.stories);
    expect(index.byStatus.has('review')).toBe(false);
  });

  it('keeps the arrays of the columns a move did not touch, and the labels', () => {
    const product = generateProduct({ stories: 500, seed: 3, roadmapItems: 0, specs: 0 });
    const before = indexBoard(product.stories);
    const story = product.stories.find((s) => s.status === 'backlog');
    if (!story) throw new Error('no backlog story');
    const moved = applyEdit(product, { type: 'story.move', id: story.id, status: 'review', rank: rankAtIndex(storiesIn(before, 'review'), 0) }).product;
    const after = updateBoardIndex(before, moved.stories);
    for (const status of ['ready', 'in-progress', 'done']) expect(storiesIn(after, status)).toBe(storiesIn(before, status));
    expect(storiesIn(after, 'backlog')).not.toBe(storiesIn(before, 'backlog'));
    expect(storiesIn(after, 'review')[0]?.id).toBe(story.id);
    expect(after.labels).toBe(before.labels);
    expect(after.positions).toBe(before.positions);
    // Rebuilding from scratch (say after an added story) also keeps the arrays that are unchanged.
    const added = applyEdit(moved, { type: 'story.add', story: { ...story, id: 'st-extra', status: 'done', rank: 'a0' } }).product;
    const rebuilt = updateBoardIndex(after, added.stories);
    expect(storiesIn(rebuilt, 'review')).toBe(storiesIn(after, 'review'));
    expect(storiesIn(rebuilt, 'done')).not.toBe(storiesIn(after, 'done'));
    // Nothing changed: the same index.
    expect(updateBoardIndex(rebuilt, added.stories)).toBe(rebuilt);
  });

  it('any sequence of moves and edits gives the index built from scratch (property)', () => {
    const start = generateProduct({ stories: 60, seed: 8, roadmapItems: 0, specs: 0 });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('move' as const), i: fc.nat(), status: fc.constantFrom(...STATUSES), p: fc.nat() }),
      fc.record({ kind: fc.constant('tie' as const), i: fc.nat(), j: fc.nat() }),
      fc.record({ kind: fc.constant('label' as const), i: fc.nat(), label: fc.constantFrom('x', 'y', 'payments') }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let product = start;
        let index = indexBoard(product.stories);
        for (const s of steps) {
          const edit: Edit =
            s.kind === 'move'
              ? moveEdit(product, s.i, s.status, s.p)
              : s.kind === 'tie'
                ? // Two stories sharing a rank (as in a hand-edited file): ties go by id.
                  { type: 'story.update', id: at(product.stories, s.i).id, patch: { rank: at(product.stories, s.j).rank } }
                : { type: 'story.update', id: at(product.stories, s.i).id, patch: { labels: [s.label] } };
          product = applyEdit(product, edit).product;
          index = updateBoardIndex(index, product.stories);
        }
        expectIndexOf(index, product.stories);
      }),
      { numRuns: 60 },
    );
  });
});
