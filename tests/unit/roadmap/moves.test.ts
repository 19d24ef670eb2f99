import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import type { Product } from '../../../src/shared/model/schema';
import { groupItems, itemsInHorizon } from '../../../src/shared/roadmap/grouping';
import { boardMoveEdit, cellItems, horizonChangeEdit, newRoadmapItemEdit } from '../../../src/shared/roadmap/moves';
import { sortByRank } from '../../../src/shared/model/rank';
import { parseProductText } from '../../../src/shared/model/productFile';
import { productWith } from './builders';

const product = productWith({
  items: [
    { id: 'n1', horizon: 'now', rank: 'a0', laneId: 'l1' },
    { id: 'n2', horizon: 'now', rank: 'a1', laneId: 'l2' },
    { id: 'n3', horizon: 'now', rank: 'a2', laneId: 'l1' },
    { id: 'x1', horizon: 'next', rank: 'a0', laneId: 'l1', goalId: 'g2' },
    { id: 'x2', horizon: 'next', rank: 'a1', laneId: null, goalId: null },
    { id: 'l', horizon: 'later', rank: 'a0', laneId: 'l2' },
  ],
});

function apply(p: Product, edit: Edit | null): Product {
  if (edit === null) throw new Error('expected an edit');
  return applyEdit(p, edit).product;
}

const ids = (p: Product, horizon: 'now' | 'next' | 'later') => itemsInHorizon(p.roadmap.items, horizon).map((i) => i.id);

describe('moving on the Now / Next / Later board', () => {
  it('moves an item from Next to a position in Now with one roadmap.move', () => {
    const edit = boardMoveEdit(product, 'x1', { horizon: 'now', mode: 'none', groupKey: 'all', index: 1 });
    expect(edit).toMatchObject({ type: 'roadmap.move', id: 'x1', horizon: 'now' });
    expect(edit && 'laneId' in edit).toBe(false);
    const after = apply(product, edit);
    expect(ids(after, 'now')).toEqual(['n1', 'x1', 'n2', 'n3']);
    expect(ids(after, 'next')).toEqual(['x2']);
  });

  it('reorders inside a column, to the top and to the end', () => {
    expect(ids(apply(product, boardMoveEdit(product, 'n3', { horizon: 'now', mode: 'none', groupKey: 'all', index: 0 })), 'now')).toEqual(['n3', 'n1', 'n2']);
    expect(ids(apply(product, boardMoveEdit(product, 'n1', { horizon: 'now', mode: 'none', groupKey: 'all', index: 2 })), 'now')).toEqual(['n2', 'n3', 'n1']);
  });

  it('is no edit when the item stays where it is', () => {
    expect(boardMoveEdit(product, 'n2', { horizon: 'now', mode: 'none', groupKey: 'all', index: 1 })).toBeNull();
    expect(boardMoveEdit(product, 'ghost', { horizon: 'now', mode: 'none', groupKey: 'all', index: 0 })).toBeNull();
  });

  it('moves into another lane swimlane with the same edit, and undoes in one step', () => {
    const edit = boardMoveEdit(product, 'n2', { horizon: 'now', mode: 'lane', groupKey: 'l1', index: 1 });
    expect(edit).toMatchObject({ type: 'roadmap.move', laneId: 'l1' });
    const result = applyEdit(product, edit as Edit);
    expect(cellItems(result.product.roadmap.items, 'now', 'lane', 'l1').map((i) => i.id)).toEqual(['n1', 'n2', 'n3']);
    expect(applyEdit(result.product, result.inverse).product).toEqual(product);
  });

  it('moves into the "no lane" swimlane by clearing the lane', () => {
    const edit = boardMoveEdit(product, 'n1', { horizon: 'next', mode: 'lane', groupKey: 'none', index: 0 });
    const after = apply(product, edit);
    expect(after.roadmap.items.find((i) => i.id === 'n1')).toMatchObject({ horizon: 'next', laneId: null });
    expect(cellItems(after.roadmap.items, 'next', 'lane', 'none').map((i) => i.id)).toEqual(['n1', 'x2']);
  });

  it('moves into another goal swimlane as one batch that also changes the goal', () => {
    const edit = boardMoveEdit(product, 'n1', { horizon: 'next', mode: 'goal', groupKey: 'g2', index: 0 });
    expect(edit?.type).toBe('batch');
    const result = applyEdit(product, edit as Edit);
    expect(result.product.roadmap.items.find((i) => i.id === 'n1')).toMatchObject({ horizon: 'next', goalId: 'g2' });
    expect(applyEdit(result.product, result.inverse).product).toEqual(product);
  });

  it('puts an item at the end of another horizon from the editor', () => {
    const after = apply(product, horizonChangeEdit(product, 'l', 'now'));
    expect(ids(after, 'now')).toEqual(['n1', 'n2', 'n3', 'l']);
    expect(horizonChangeEdit(product, 'l', 'later')).toBeNull();
  });
});

describe('swimlanes', () => {
  it('groups by lane in lane order, with every lane present and "No lane" last', () => {
    const groups = groupItems(product, 'lane');
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id)])).toEqual([
      ['l1', ['n1', 'n3', 'x1']],
      ['l2', ['n2', 'l']],
      ['none', ['x2']],
    ]);
  });

  it('groups by goal', () => {
    expect(groupItems(product, 'goal').map((g) => [g.label, g.items.length])).toEqual([
      ['More households plan weekly', 4],
      ['Less food binned', 1],
      ['No goal', 1],
    ]);
  });

  it('has a single group without swimlanes, in Now-Next-Later order', () => {
    expect(groupItems(product, 'none').map((g) => g.items.map((i) => i.id))).toEqual([['n1', 'n2', 'n3', 'x1', 'x2', 'l']]);
  });
});

describe('newRoadmapItemEdit', () => {
  it('adds an empty, undated item at the end of the horizon', () => {
    const parsed = parseProductText(readFileSync('resources/samples/larder.product.json', 'utf8'));
    if (!parsed.ok) throw new Error(parsed.reason);
    const edit = newRoadmapItemEdit(parsed.product, 'next', 'Try a family plan', 'rm-new');
    const { product } = applyEdit(parsed.product, edit);
    const next = sortByRank(product.roadmap.items.filter((i) => i.horizon === 'next'));
    expect(next[next.length - 1]).toMatchObject({ id: 'rm-new', title: 'Try a family plan', start: null, end: null, goalId: null, status: 'planned' });
  });
});
