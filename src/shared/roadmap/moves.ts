/**
 * Moving an item on the Now / Next / Later board, as one edit: a new horizon and a rank between its
 * new neighbours in the target cell (a horizon column, or a horizon × swimlane cell). Moving into
 * another lane changes `laneId` in the same `roadmap.move`; moving into another goal's swimlane
 * also changes the goal (a batch, still one undo step).
 */
import type { Edit, EditOf } from '../edits/editSchema';
import { rankAtIndex } from '../model/rank';
import type { Horizon, Product, RoadmapItem } from '../model/schema';
import { groupKeyOf, itemsInHorizon, NO_GROUP_KEY, type SwimlaneMode } from './grouping';

export interface BoardTarget {
  horizon: Horizon;
  /** How the board is split into swimlanes, and which swimlane (group key) the item goes to. */
  mode: SwimlaneMode;
  groupKey: string;
  /** Position among the other items of the target cell (0 = first). */
  index: number;
}

/** The items of one cell (horizon × group), by rank. */
export function cellItems(items: readonly RoadmapItem[], horizon: Horizon, mode: SwimlaneMode, groupKey: string): RoadmapItem[] {
  return itemsInHorizon(items, horizon).filter((i) => groupKeyOf(i, mode) === groupKey);
}

/** The edit that moves `itemId` to `target`, or null when it would stay where it is. */
export function boardMoveEdit(product: Product, itemId: string, target: BoardTarget): Edit | null {
  const item = product.roadmap.items.find((i) => i.id === itemId);
  if (!item) return null;
  const cell = cellItems(product.roadmap.items, target.horizon, target.mode, target.groupKey);
  const others = cell.filter((i) => i.id !== itemId);
  const index = Math.max(0, Math.min(target.index, others.length));
  const sameCell = item.horizon === target.horizon && groupKeyOf(item, target.mode) === target.groupKey;
  if (sameCell && cell.findIndex((i) => i.id === itemId) === index) return null;

  // Rank among the whole horizon: between the cell neighbours (other swimlanes' items keep their order).
  const rank = rankAtIndex(others, index);
  const groupId = target.groupKey === NO_GROUP_KEY ? null : target.groupKey;
  const move: EditOf<'roadmap.move'> = { type: 'roadmap.move', id: itemId, horizon: target.horizon, rank };
  if (target.mode === 'lane' && !sameCell && item.laneId !== groupId) move.laneId = groupId;
  if (target.mode === 'goal' && item.goalId !== groupId) {
    return { type: 'batch', label: 'Move roadmap item', edits: [move, { type: 'roadmapItem.update', id: itemId, patch: { goalId: groupId } }] };
  }
  return move;
}

/** The edit that moves an item to the end of another horizon (the editor's horizon picker), or null. */
export function horizonChangeEdit(product: Product, itemId: string, horizon: Horizon): Edit | null {
  const item = product.roadmap.items.find((i) => i.id === itemId);
  if (!item || item.horizon === horizon) return null;
  const column = itemsInHorizon(product.roadmap.items, horizon);
  return { type: 'roadmap.move', id: itemId, horizon, rank: rankAtIndex(column, column.length) };
}

/** A new, empty roadmap item at the end of `horizon`, added with `roadmapItem.add`. */
export function newRoadmapItemEdit(product: Product, horizon: Horizon, title: string, id: string): EditOf<'roadmapItem.add'> {
  const column = itemsInHorizon(product.roadmap.items, horizon);
  const item: RoadmapItem = {
    id,
    title,
    description: '',
    laneId: null,
    goalId: null,
    horizon,
    rank: rankAtIndex(column, column.length),
    start: null,
    end: null,
    status: 'planned',
    confidence: 'medium',
    epicIds: [],
    storyIds: [],
    dependsOn: [],
  };
  return { type: 'roadmapItem.add', item };
}
