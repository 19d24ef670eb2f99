/**
 * Swimlanes: roadmap items grouped by theme (lane) or by goal, in a stable order — the lanes' own
 * order (or the goals'), then a group for items with none. Items inside a group keep horizon, then
 * rank order.
 */
import { type Horizon, type Product, type RoadmapItem } from '../model/schema';
import { sortByRank } from '../model/rank';

export const SWIMLANE_MODES = ['none', 'lane', 'goal'] as const;
export type SwimlaneMode = (typeof SWIMLANE_MODES)[number];

export interface ItemGroup {
  /** A key unique among the groups: the lane/goal id, "none" for the unassigned group, "all" without swimlanes. */
  key: string;
  /** The lane or goal id; null for "no lane/goal" and for the single group without swimlanes. */
  id: string | null;
  label: string;
  color: string | null;
  items: RoadmapItem[];
}

export const NO_GROUP_KEY = 'none';
export const ALL_GROUP_KEY = 'all';

const HORIZON_ORDER: Record<Horizon, number> = { now: 0, next: 1, later: 2 };

/** Items in roadmap order: Now, Next, Later, each by rank. */
export function itemsInRoadmapOrder(items: readonly RoadmapItem[]): RoadmapItem[] {
  return sortByRank(items).sort((a, b) => HORIZON_ORDER[a.horizon] - HORIZON_ORDER[b.horizon]);
}

/** The items of one horizon, by rank. */
export function itemsInHorizon(items: readonly RoadmapItem[], horizon: Horizon): RoadmapItem[] {
  return sortByRank(items.filter((i) => i.horizon === horizon));
}

/** Which group key an item belongs to in `mode`. */
export function groupKeyOf(item: Pick<RoadmapItem, 'laneId' | 'goalId'>, mode: SwimlaneMode): string {
  if (mode === 'none') return ALL_GROUP_KEY;
  const id = mode === 'lane' ? item.laneId : item.goalId;
  return id ?? NO_GROUP_KEY;
}

/**
 * The swimlanes of `mode`. Every lane (or goal) gets a group even when empty, so an item can be
 * moved into it; the "no lane/goal" group is listed only when it has items (or `keepEmptyNone`).
 */
export function groupItems(product: Product, mode: SwimlaneMode, options: { keepEmptyNone?: boolean } = {}): ItemGroup[] {
  const ordered = itemsInRoadmapOrder(product.roadmap.items);
  if (mode === 'none') return [{ key: ALL_GROUP_KEY, id: null, label: 'All items', color: null, items: ordered }];
  const heads: { id: string; label: string; color: string | null }[] =
    mode === 'lane'
      ? product.roadmap.lanes.map((l) => ({ id: l.id, label: l.name, color: l.color }))
      : product.goals.map((g) => ({ id: g.id, label: g.title, color: null }));
  const groups = new Map<string, ItemGroup>();
  for (const head of heads) groups.set(head.id, { key: head.id, id: head.id, label: head.label, color: head.color, items: [] });
  const none: ItemGroup = { key: NO_GROUP_KEY, id: null, label: mode === 'lane' ? 'No lane' : 'No goal', color: null, items: [] };
  for (const item of ordered) (groups.get(groupKeyOf(item, mode)) ?? none).items.push(item);
  const out = [...groups.values()];
  if (none.items.length > 0 || options.keepEmptyNone) out.push(none);
  return out;
}
