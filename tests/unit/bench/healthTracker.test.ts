/**
 * The incremental coach used by the backlog board (an optimisation found with `npm run bench`) must
 * give exactly what `backlogHealth` gives, after every kind of edit, while reusing what an edit
 * cannot have changed.
 */
import { describe, expect, it } from 'vitest';
import { createHealthTracker, type TrackedHealth } from '../../../src/renderer/src/features/backlog/healthTracker';
import { generateProduct } from '../../bench/generate/generateProduct';
import { findDuplicateGroups } from '../../../src/shared/coach/duplicates';
import { backlogHealth, type BacklogHealth } from '../../../src/shared/coach/readiness';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { rankBetween } from '../../../src/shared/model/rank';
import type { Product, Story } from '../../../src/shared/model/schema';

/** Duplicate groups as `useDuplicateGroups` gives them: the same Map until a title or "I want" changes. */
function duplicateSource(): (product: Product) => ReadonlyMap<string, string[]> {
  let key = '';
  let groups: ReadonlyMap<string, string[]> = new Map();
  return (product) => {
    const next = product.stories.map((s) => `${s.id}\u0000${s.title}\u0000${s.iWant}`).join('\u0001');
    if (next !== key) {
      key = next;
      groups = findDuplicateGroups(product.stories);
    }
    return groups;
  };
}

/** The tracked health in the shape of `backlogHealth` (its per-story map from `readinessOf`). */
function asHealth(product: Product, tracked: TrackedHealth): BacklogHealth {
  return { ...tracked.summary, byStory: new Map(product.stories.map((s) => [s.id, tracked.readinessOf(s)])) };
}

function story(product: Product, index: number): Story {
  const s = product.stories[index];
  if (!s) throw new Error(`no story ${index}`);
  return s;
}

describe('createHealthTracker', () => {
  it('equals backlogHealth after every kind of edit', () => {
    let product = generateProduct({ stories: 300, seed: 9, roadmapItems: 10, specs: 1 });
    const tracker = createHealthTracker();
    const duplicates = duplicateSource();
    const track = (p: Product) => asHealth(p, tracker(p, duplicates(p)));
    const first = story(product, 0);
    const copy: Story = { ...story(product, 1), id: 'st-copy', title: story(product, 2).title, rank: rankBetween(null, story(product, 0).rank) };
    const edits: Edit[] = [
      { type: 'story.move', id: first.id, status: 'done', rank: rankBetween(null, null) },
      { type: 'story.update', id: story(product, 3).id, patch: { estimate: 40 } },
      { type: 'story.update', id: story(product, 4).id, patch: { title: story(product, 5).title, iWant: story(product, 5).iWant } },
      { type: 'story.update', id: story(product, 6).id, patch: { soThat: '', asA: '' } },
      { type: 'story.add', story: copy },
      { type: 'story.delete', id: story(product, 7).id },
      { type: 'board.update', patch: { splitThreshold: 3 } },
      { type: 'board.update', patch: { definitionOfReady: [{ id: 'dor-x', text: 'Has an epic', check: 'no-epic' }] } },
      { type: 'column.update', id: 'review', patch: { category: 'done' } },
      ...product.epics.map((e): Edit => ({ type: 'epic.delete', id: e.id })),
    ];
    expect(track(product)).toEqual(backlogHealth(product));
    for (const edit of edits) {
      product = applyEdit(product, edit).product;
      expect(track(product), edit.type).toEqual(backlogHealth(product));
    }
  });

  it('lints without duplicates until they are known, then with them', () => {
    const product = generateProduct({ stories: 200, seed: 5, roadmapItems: 0, specs: 0 });
    const tracker = createHealthTracker();
    const withoutDuplicates = asHealth(product, tracker(product, new Map()));
    const withDuplicates = asHealth(product, tracker(product, findDuplicateGroups(product.stories)));
    const flagged = (h: typeof withDuplicates) => [...h.byStory.values()].filter((r) => r.lints.some((l) => l.code === 'possible-duplicate')).length;
    expect(flagged(withoutDuplicates)).toBe(0);
    expect(flagged(withDuplicates)).toBeGreaterThan(0);
    expect(withDuplicates).toEqual(backlogHealth(product));
  });

  it('re-lints only the moved story, and everything when a title changes', () => {
    let product = generateProduct({ stories: 200, seed: 4, roadmapItems: 0, specs: 0 });
    const tracker = createHealthTracker();
    const duplicates = duplicateSource();
    const track = (p: Product) => asHealth(p, tracker(p, duplicates(p)));
    const before = track(product);
    const moved = story(product, 10);
    const other = story(product, 20);
    product = applyEdit(product, { type: 'story.move', id: moved.id, status: 'ready', rank: rankBetween(null, null) }).product;
    const afterMove = track(product);
    expect(afterMove.byStory.get(other.id)).toBe(before.byStory.get(other.id));
    expect(afterMove).toEqual(backlogHealth(product));

    product = applyEdit(product, { type: 'story.update', id: moved.id, patch: { title: other.title } }).product;
    const afterRename = track(product);
    expect(afterRename.byStory.get(other.id)).not.toBe(afterMove.byStory.get(other.id));
    expect(afterRename).toEqual(backlogHealth(product));
  });

  it('counts moves in and out of done columns and edits one story at a time, as backlogHealth does', () => {
    let product = generateProduct({ stories: 250, seed: 12, roadmapItems: 0, specs: 0 });
    const tracker = createHealthTracker();
    const duplicates = duplicateSource();
    let previous = tracker(product, duplicates(product));
    const statuses = product.board.columns.map((c) => c.id);
    for (let i = 0; i < 40; i += 1) {
      const s = story(product, (i * 37) % product.stories.length);
      const edit: Edit =
        i % 3 === 2
          ? { type: 'story.update', id: s.id, patch: { estimate: i % 2 === 0 ? null : 21, soThat: i % 4 === 0 ? '' : 'it helps' } }
          : { type: 'story.move', id: s.id, status: statuses[i % statuses.length] ?? 'done', rank: rankBetween(null, null) };
      product = applyEdit(product, edit).product;
      const tracked = tracker(product, duplicates(product));
      expect(asHealth(product, tracked), `${i}: ${edit.type}`).toEqual(backlogHealth(product));
      // The readiness function is kept: the cards memoised on it need not render again.
      expect(tracked.readinessOf).toBe(previous.readinessOf);
      previous = tracked;
    }
  });
});
