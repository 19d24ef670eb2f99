/**
 * The Now / Next / Later board's cells (a horizon, or a horizon × swimlane) as drag-and-drop lists,
 * and the one edit a drop makes. The board shows a drag with `moveToList` and asks `boardDropEdit`
 * on release: everything is worked out before anything is dispatched.
 */
import { landing, type Lists } from '../board/dragLists';
import type { Edit } from '../edits/editSchema';
import { HORIZONS, type Horizon, type Product } from '../model/schema';
import type { SwimlaneMode } from './grouping';
import { boardMoveEdit } from './moves';

export function cellId(groupKey: string, horizon: Horizon): string {
  return `cell|${groupKey}|${horizon}`;
}

export function parseCellId(id: string): { groupKey: string; horizon: Horizon } | null {
  const [kind, groupKey, horizon, extra] = id.split('|');
  const h = HORIZONS.find((x) => x === horizon);
  return kind === 'cell' && groupKey !== undefined && groupKey !== '' && h && extra === undefined ? { groupKey, horizon: h } : null;
}

export interface BoardDrop {
  edit: Edit;
  horizon: Horizon;
  groupKey: string;
}

/**
 * The edit for dropping `itemId` over `overId` (a card or a cell) with the cells as the drag shows
 * them; null when the item would stay where it is, or the drop is not on a cell of this board.
 */
export function boardDropEdit(product: Product, cells: Lists, itemId: string, overId: string, mode: SwimlaneMode): BoardDrop | null {
  const landed = landing(cells, itemId, overId);
  const cell = landed ? parseCellId(landed.list) : null;
  if (!landed || !cell) return null;
  const edit = boardMoveEdit(product, itemId, { horizon: cell.horizon, mode, groupKey: cell.groupKey, index: landed.index });
  return edit ? { edit, ...cell } : null;
}
