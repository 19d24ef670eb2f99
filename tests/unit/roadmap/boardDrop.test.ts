import { describe, expect, it } from 'vitest';
import { moveToList } from '../../../src/shared/board/dragLists';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { HORIZONS } from '../../../src/shared/model/schema';
import { boardDropEdit, cellId, parseCellId } from '../../../src/shared/roadmap/boardDrop';
import { groupItems, type SwimlaneMode } from '../../../src/shared/roadmap/grouping';
import type { Product } from '../../../src/shared/model/schema';
import { productWith } from './builders';

const product = productWith({
  items: [
    { id: 'n1', horizon: 'now', rank: 'a0', laneId: 'l1', goalId: 'g1' },
    { id: 'n2', horizon: 'now', rank: 'a1', laneId: 'l2', goalId: 'g1' },
    { id: 'x1', horizon: 'next', rank: 'a0', laneId: 'l1', goalId: 'g2' },
  ],
});

/** The board's cells as BoardView builds them. */
function cellsOf(p: Product, mode: SwimlaneMode): Record<string, string[]> {
  const cells: Record<string, string[]> = {};
  for (const group of groupItems(p, mode, { keepEmptyNone: mode !== 'none' })) {
    for (const h of HORIZONS) cells[cellId(group.key, h)] = group.items.filter((i) => i.horizon === h).map((i) => i.id);
  }
  return cells;
}

describe('dropping a card on the Now / Next / Later board', () => {
  it('names cells by swimlane and horizon, and reads only its own names back', () => {
    expect(parseCellId(cellId('g2', 'later'))).toEqual({ groupKey: 'g2', horizon: 'later' });
    expect(parseCellId('n1')).toBeNull();
    expect(parseCellId('cell|g1|soon')).toBeNull();
    expect(parseCellId('cell||now')).toBeNull();
  });

  it('a drop into an empty cell of another goal moves the item and changes its goal, as one edit', () => {
    const cells = cellsOf(product, 'goal');
    const target = cellId('g2', 'later');
    expect(cells[target]).toEqual([]);
    const shown = moveToList(cells, 'n2', target);
    if (!shown) throw new Error('expected a move');
    const drop = boardDropEdit(product, shown, 'n2', 'n2', 'goal');
    expect(drop).toMatchObject({ horizon: 'later', groupKey: 'g2', edit: { type: 'batch' } });
    if (!drop) throw new Error('expected a drop');
    const after = applyEdit(product, drop.edit).product.roadmap.items.find((i) => i.id === 'n2');
    expect(after).toMatchObject({ horizon: 'later', goalId: 'g2' });
  });

  it('a drop where the item already is, or on nothing of the board, makes no edit', () => {
    const cells = cellsOf(product, 'none');
    expect(boardDropEdit(product, cells, 'n1', 'n1', 'none')).toBeNull();
    expect(boardDropEdit(product, cells, 'n1', cellId('all', 'now'), 'none')).toBeNull();
    expect(boardDropEdit(product, { elsewhere: ['n1'] }, 'n1', 'n1', 'none')).toBeNull();
    expect(boardDropEdit(product, cells, 'gone', 'n1', 'none')).toBeNull();
  });

  it('a reorder inside a cell lands at the place of the card it was dropped on', () => {
    const cells = cellsOf(product, 'none');
    const drop = boardDropEdit(product, cells, 'n1', 'n2', 'none');
    if (!drop) throw new Error('expected a drop');
    const now = applyEdit(product, drop.edit)
      .product.roadmap.items.filter((i) => i.horizon === 'now')
      .sort((a, b) => (a.rank < b.rank ? -1 : 1))
      .map((i) => i.id);
    expect(now).toEqual(['n2', 'n1']);
  });
});
