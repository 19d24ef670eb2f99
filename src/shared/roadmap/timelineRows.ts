/**
 * The rows of the timeline: scheduled items (one row each, in roadmap order so rows do not jump
 * while dates change), optionally under a header row per swimlane; and the items with no dates,
 * listed beside the timeline. Row positions are fixed heights, so the view can virtualise them
 * and draw dependency lines between rows that are not rendered.
 */
import type { Product, RoadmapItem } from '../model/schema';
import type { IsoDate, ZoomLevel } from './dates';
import { groupItems, itemsInRoadmapOrder, type SwimlaneMode } from './grouping';
import { itemSpan, type ItemSpan } from './timeline';

export type TimelineRow =
  | { kind: 'group'; key: string; groupId: string | null; label: string; color: string | null; count: number }
  | { kind: 'item'; key: string; item: RoadmapItem; span: ItemSpan };

export const ROW_HEIGHT = 40;
export const GROUP_ROW_HEIGHT = 32;

export function rowHeight(row: TimelineRow | undefined): number {
  return row?.kind === 'group' ? GROUP_ROW_HEIGHT : ROW_HEIGHT;
}

export interface TimelineLayout {
  rows: TimelineRow[];
  /** Top of each row, from the top of the first row. */
  offsets: number[];
  totalHeight: number;
  /** Row index of each scheduled item. */
  rowOfItem: Map<string, number>;
  unscheduled: RoadmapItem[];
  /** Every date on the timeline (item ends and starts), for the visible range. */
  dates: IsoDate[];
}

export function timelineLayout(product: Product, mode: SwimlaneMode, zoom: ZoomLevel): TimelineLayout {
  const rows: TimelineRow[] = [];
  const dates: IsoDate[] = [];
  const pushItems = (items: readonly RoadmapItem[]) => {
    for (const item of items) {
      const span = itemSpan(item, zoom);
      if (!span) continue;
      rows.push({ kind: 'item', key: item.id, item, span });
      dates.push(span.start, span.end);
    }
  };
  if (mode === 'none') {
    pushItems(itemsInRoadmapOrder(product.roadmap.items));
  } else {
    for (const group of groupItems(product, mode)) {
      const scheduled = group.items.filter((i) => i.start !== null || i.end !== null);
      if (scheduled.length === 0) continue;
      rows.push({ kind: 'group', key: `group:${group.key}`, groupId: group.id, label: group.label, color: group.color, count: scheduled.length });
      pushItems(scheduled);
    }
  }
  const offsets: number[] = [];
  const rowOfItem = new Map<string, number>();
  let y = 0;
  rows.forEach((row, index) => {
    offsets.push(y);
    y += rowHeight(row);
    if (row.kind === 'item') rowOfItem.set(row.item.id, index);
  });
  const unscheduled = itemsInRoadmapOrder(product.roadmap.items).filter((i) => i.start === null && i.end === null);
  return { rows, offsets, totalHeight: y, rowOfItem, unscheduled, dates };
}

export interface DependencyLine {
  key: string;
  fromId: string;
  toId: string;
  /** From the end of the dependency's bar to the start of the dependent item's bar, in days and rows. */
  fromDate: IsoDate;
  toDate: IsoDate;
  fromRow: number;
  toRow: number;
}

/** A line for every dependency between two scheduled items: from the day after the dependency ends to the day the item starts. */
export function dependencyLines(layout: TimelineLayout): DependencyLine[] {
  const lines: DependencyLine[] = [];
  for (const row of layout.rows) {
    if (row.kind !== 'item') continue;
    const toRow = layout.rowOfItem.get(row.item.id);
    if (toRow === undefined) continue;
    for (const depId of row.item.dependsOn) {
      const fromRow = layout.rowOfItem.get(depId);
      const from = fromRow === undefined ? undefined : layout.rows[fromRow];
      if (fromRow === undefined || !from || from.kind !== 'item') continue;
      lines.push({ key: `${depId}->${row.item.id}`, fromId: depId, toId: row.item.id, fromDate: from.span.end, toDate: row.span.start, fromRow, toRow });
    }
  }
  return lines;
}
