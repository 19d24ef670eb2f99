import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../../src/shared/roadmap/dates';
import {
  dateToX,
  dragEnd,
  dragMove,
  dragSpan,
  dragStart,
  itemSpan,
  placeAt,
  scheduleFor,
  spanToPixels,
  stepSpan,
  ticks,
  timelineRange,
  xToDate,
} from '../../../src/shared/roadmap/timeline';

const span = { start: '2026-10-12', end: '2026-12-18' }; // Monday 12 Oct – Friday 18 Dec

describe('dragging a bar snaps to the zoom unit', () => {
  it('moves by whole days, then snaps the start to the nearest unit start and keeps the length', () => {
    const length = daysBetween(span.start, span.end);
    const weeks = dragMove(span, 10, 'weeks'); // 22 Oct (Thu) → Mon 19 Oct
    expect(weeks).toEqual({ start: '2026-10-19', end: '2026-12-25' });
    const months = dragMove(span, 25, 'months'); // 6 Nov → 1 Nov
    expect(months.start).toBe('2026-11-01');
    expect(daysBetween(months.start, months.end)).toBe(length);
    expect(dragMove(span, 60, 'quarters').start).toBe('2027-01-01'); // 11 Dec → 1 Jan
    expect(dragMove(span, -20, 'months').start).toBe('2026-10-01'); // 22 Sep: 21 days in, 9 to go → 1 Oct
    expect(dragMove(span, -35, 'months').start).toBe('2026-09-01'); // 7 Sep → 1 Sep
  });

  it('resizes the end to the nearest unit end, never before the start', () => {
    expect(dragEnd(span, 0, 'months')).toEqual({ start: span.start, end: '2026-12-31' });
    expect(dragEnd(span, 20, 'weeks')).toEqual({ start: span.start, end: '2027-01-10' }); // Thu 7 Jan → Sun 10 Jan
    expect(dragEnd(span, -200, 'months')).toEqual({ start: span.start, end: '2026-10-31' });
    expect(dragEnd(span, 80, 'quarters')).toEqual({ start: span.start, end: '2027-03-31' });
  });

  it('resizes the start to the nearest unit start, never after the end', () => {
    expect(dragStart(span, -5, 'weeks')).toEqual({ start: '2026-10-05', end: span.end });
    expect(dragStart(span, -14, 'months')).toEqual({ start: '2026-10-01', end: span.end });
    expect(dragStart(span, 400, 'months')).toEqual({ start: '2026-12-01', end: span.end });
    expect(dragSpan(span, 'start', -14, 'months')).toEqual(dragStart(span, -14, 'months'));
    expect(dragSpan(span, 'end', 3, 'weeks')).toEqual(dragEnd(span, 3, 'weeks'));
  });
});

describe('keyboard steps move by one unit', () => {
  it('moves the whole bar by a week, a month or a quarter', () => {
    expect(stepSpan(span, 'move', 1, 'weeks')).toEqual({ start: '2026-10-19', end: '2026-12-25' });
    expect(stepSpan(span, 'move', -1, 'weeks')).toEqual({ start: '2026-10-05', end: '2026-12-11' });
    expect(stepSpan(span, 'move', 1, 'months')).toEqual({ start: '2026-11-12', end: '2027-01-18' });
    expect(stepSpan(span, 'move', 1, 'quarters')).toEqual({ start: '2027-01-12', end: '2027-03-20' });
  });

  it('resizes one end, and refuses to end before the start', () => {
    expect(stepSpan(span, 'end', 1, 'months')).toEqual({ start: span.start, end: '2027-01-18' });
    expect(stepSpan(span, 'start', -1, 'months')).toEqual({ start: '2026-09-12', end: span.end });
    expect(stepSpan({ start: '2026-11-02', end: '2026-11-06' }, 'end', -1, 'weeks')).toBeNull();
    expect(stepSpan({ start: '2026-11-02', end: '2026-11-06' }, 'start', 1, 'weeks')).toBeNull();
    expect(stepSpan({ start: '2027-01-31', end: '2027-03-15' }, 'start', 1, 'months')).toEqual({ start: '2027-02-28', end: '2027-03-15' });
  });
});

describe('item spans', () => {
  it('draws a dated item as it is, and gives an open end one unit', () => {
    expect(itemSpan({ start: '2026-10-12', end: '2026-12-18' }, 'months')).toEqual({ ...span, openStart: false, openEnd: false });
    expect(itemSpan({ start: '2027-02-01', end: null }, 'months')).toEqual({ start: '2027-02-01', end: '2027-02-28', openStart: false, openEnd: true });
    expect(itemSpan({ start: null, end: '2027-03-31' }, 'quarters')).toEqual({ start: '2027-01-01', end: '2027-03-31', openStart: true, openEnd: false });
    expect(itemSpan({ start: null, end: null }, 'weeks')).toBeNull();
  });

  it('writes back only the dates the item had, unless the change set one', () => {
    const open = { start: '2027-02-01', end: '2027-02-28', openStart: false, openEnd: true };
    expect(scheduleFor(open, { start: '2027-03-01', end: '2027-03-28' }, 'move')).toEqual({ start: '2027-03-01', end: null });
    expect(scheduleFor(open, { start: '2027-02-01', end: '2027-04-30' }, 'end')).toEqual({ start: '2027-02-01', end: '2027-04-30' });
  });

  it('places a dropped item from the nearest unit start, for the default length', () => {
    expect(placeAt('2026-11-25', 'months')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(placeAt('2026-11-25', 'weeks')).toEqual({ start: '2026-11-23', end: '2026-12-06' });
    expect(placeAt('2026-11-25', 'quarters')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
  });
});

describe('scale', () => {
  it('covers every date and today, padded and aligned to units', () => {
    const range = timelineRange(['2026-10-12', '2027-03-26'], '2026-11-25', 'months', 1);
    expect(range).toEqual({ start: '2026-09-01', end: '2027-05-01' });
    expect(timelineRange([], '2026-11-25', 'quarters', 0)).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(timelineRange(['2027-01-01'], '2026-11-25', 'weeks', 0)).toEqual({ start: '2026-11-23', end: '2027-01-04' });
  });

  it('turns dates into pixels and back', () => {
    expect(dateToX('2026-11-11', '2026-11-01', 10)).toBe(100);
    expect(xToDate(105, '2026-11-01', 10)).toBe('2026-11-11');
    expect(xToDate(-1, '2026-11-01', 10)).toBe('2026-10-31');
    expect(spanToPixels({ start: '2026-11-02', end: '2026-11-02' }, '2026-11-01', 4.5)).toEqual({ left: 4.5, width: 4.5 });
  });

  it('lists ticks whose widths add up to the range', () => {
    const t = ticks('2026-09-01', '2027-05-01', 'months', 2);
    expect(t.map((x) => x.label)).toEqual(['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr']);
    expect(t.reduce((sum, x) => sum + x.width, 0)).toBe(daysBetween('2026-09-01', '2027-05-01') * 2);
    expect(t[5]).toMatchObject({ date: '2027-02-01', width: 56, longLabel: 'Feb 2027' });
    // The upper row cuts units to the range.
    const years = ticks('2026-09-01', '2027-05-01', 'years', 1);
    expect(years.map((y) => [y.label, y.x, y.width])).toEqual([
      ['2026', 0, 122],
      ['2027', 122, 120],
    ]);
  });
});
