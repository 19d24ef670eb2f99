/**
 * The timeline's geometry and its edits as date math: the visible date range, pixels per day at
 * each zoom level, the scale's ticks, an item's span, and what dragging or a key press does to a
 * span (snapped to the zoom unit). Pure: the view only turns pixels into day deltas.
 */
import type { RoadmapItem } from '../model/schema';
import {
  addDays,
  addUnits,
  daysBetween,
  endOfUnit,
  maxDate,
  minDate,
  nextUnitStart,
  snapEndToUnit,
  snapToUnit,
  startOfUnit,
  unitLabel,
  unitLongLabel,
  unitStartsBetween,
  type IsoDate,
  type TimeUnit,
  type ZoomLevel,
} from './dates';

/** Horizontal scale of each zoom level. */
export const PX_PER_DAY: Record<ZoomLevel, number> = { weeks: 18, months: 4.5, quarters: 1.6 };

/** The coarser unit shown above each zoom level's ticks. */
export const UPPER_UNIT: Record<ZoomLevel, TimeUnit> = { weeks: 'months', months: 'years', quarters: 'years' };

/** How many zoom units an item gets when it is first placed on the timeline. */
export const DEFAULT_SPAN_UNITS: Record<ZoomLevel, number> = { weeks: 2, months: 1, quarters: 1 };

/** An inclusive date span. */
export interface Span {
  start: IsoDate;
  end: IsoDate;
}

/** How an item sits on the timeline: its drawn span and which of its ends are really set. */
export interface ItemSpan extends Span {
  /** The item has no start date: the drawn start is made up. */
  openStart: boolean;
  /** The item has no end date: the drawn end is made up. */
  openEnd: boolean;
}

/** The span to draw for an item, or null when it has no dates at all. */
export function itemSpan(item: Pick<RoadmapItem, 'start' | 'end'>, zoom: ZoomLevel): ItemSpan | null {
  if (item.start && item.end) return { start: item.start, end: item.end, openStart: false, openEnd: false };
  if (item.start) return { start: item.start, end: addDays(addUnits(item.start, zoom, 1), -1), openStart: false, openEnd: true };
  if (item.end) return { start: addDays(addUnits(item.end, zoom, -1), 1), end: item.end, openStart: true, openEnd: false };
  return null;
}

/** The dates to write back for a changed span: a date the item did not have stays unset, unless the change set it. */
export function scheduleFor(span: ItemSpan, next: Span, changed: 'move' | 'start' | 'end'): { start: IsoDate | null; end: IsoDate | null } {
  return {
    start: span.openStart && changed !== 'start' ? null : next.start,
    end: span.openEnd && changed !== 'end' ? null : next.end,
  };
}

/**
 * The date range the timeline shows: every date in `dates` and today, padded by `padUnits` whole
 * units on each side and aligned to unit boundaries. `end` is exclusive.
 */
export function timelineRange(dates: readonly IsoDate[], today: IsoDate, zoom: ZoomLevel, padUnits = 2): { start: IsoDate; end: IsoDate } {
  let lo = today;
  let hi = today;
  for (const d of dates) {
    lo = minDate(lo, d);
    hi = maxDate(hi, d);
  }
  // Whole upper units (e.g. whole years at month zoom) would waste space; pad by zoom units.
  const start = addUnits(startOfUnit(lo, zoom), zoom, -padUnits);
  const end = addUnits(nextUnitStart(hi, zoom), zoom, padUnits);
  return { start, end };
}

export function dateToX(date: IsoDate, rangeStart: IsoDate, pxPerDay: number): number {
  return daysBetween(rangeStart, date) * pxPerDay;
}

/** The day under horizontal position `x` (0 = the start of `rangeStart`). */
export function xToDate(x: number, rangeStart: IsoDate, pxPerDay: number): IsoDate {
  return addDays(rangeStart, Math.floor(x / pxPerDay));
}

/** Left edge and width of a span, in pixels (the end day is included). */
export function spanToPixels(span: Span, rangeStart: IsoDate, pxPerDay: number): { left: number; width: number } {
  const left = dateToX(span.start, rangeStart, pxPerDay);
  return { left, width: (daysBetween(span.start, span.end) + 1) * pxPerDay };
}

export interface Tick {
  date: IsoDate;
  /** Where the unit starts, in pixels from the range start. */
  x: number;
  /** Width of the unit in pixels. */
  width: number;
  label: string;
  longLabel: string;
}

/** The units of `unit` that overlap [rangeStart, rangeEnd), each cut to the range. */
export function ticks(rangeStart: IsoDate, rangeEnd: IsoDate, unit: TimeUnit, pxPerDay: number): Tick[] {
  return unitStartsBetween(rangeStart, rangeEnd, unit).map((d) => {
    const from = maxDate(d, rangeStart);
    const to = minDate(addUnits(d, unit, 1), rangeEnd);
    return {
      date: d,
      x: dateToX(from, rangeStart, pxPerDay),
      width: daysBetween(from, to) * pxPerDay,
      label: unitLabel(d, unit),
      longLabel: unitLongLabel(d, unit),
    };
  });
}

/** The span moved by `deltaDays`, its start snapped to the nearest unit boundary, its length kept. */
export function dragMove(span: Span, deltaDays: number, unit: TimeUnit): Span {
  const start = snapToUnit(addDays(span.start, deltaDays), unit);
  return { start, end: addDays(start, daysBetween(span.start, span.end)) };
}

/** The span with its end dragged by `deltaDays` and snapped to a unit's last day; it never ends before it starts. */
export function dragEnd(span: Span, deltaDays: number, unit: TimeUnit): Span {
  const end = snapEndToUnit(addDays(span.end, deltaDays), unit);
  return { start: span.start, end: end < span.start ? endOfUnit(span.start, unit) : end };
}

/** The span with its start dragged by `deltaDays` and snapped to a unit boundary; it never starts after it ends. */
export function dragStart(span: Span, deltaDays: number, unit: TimeUnit): Span {
  const start = snapToUnit(addDays(span.start, deltaDays), unit);
  return { start: start > span.end ? startOfUnit(span.end, unit) : start, end: span.end };
}

export type SpanChange = 'move' | 'start' | 'end';

/** What a drag of `deltaDays` does, by the part of the bar that was grabbed. */
export function dragSpan(span: Span, change: SpanChange, deltaDays: number, unit: TimeUnit): Span {
  if (change === 'move') return dragMove(span, deltaDays, unit);
  if (change === 'end') return dragEnd(span, deltaDays, unit);
  return dragStart(span, deltaDays, unit);
}

/**
 * The keyboard alternative: move the span, or one of its ends, by one unit (`direction` −1 or +1).
 * Returns null when the step would make the item end before it starts.
 */
export function stepSpan(span: Span, change: SpanChange, direction: -1 | 1, unit: TimeUnit): Span | null {
  if (change === 'move') {
    const start = addUnits(span.start, unit, direction);
    return { start, end: addDays(start, daysBetween(span.start, span.end)) };
  }
  if (change === 'end') {
    const end = addUnits(span.end, unit, direction);
    return end < span.start ? null : { start: span.start, end };
  }
  const start = addUnits(span.start, unit, direction);
  return start > span.end ? null : { start, end: span.end };
}

/** Where an item dropped onto the timeline at `date` goes: from the nearest unit boundary, for the default length. */
export function placeAt(date: IsoDate, zoom: ZoomLevel): Span {
  const start = snapToUnit(date, zoom);
  return { start, end: addDays(addUnits(start, zoom, DEFAULT_SPAN_UNITS[zoom]), -1) };
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}
