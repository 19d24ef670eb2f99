/**
 * Calendar math on ISO dates (`YYYY-MM-DD`), done in whole days on the UTC calendar so that no
 * time zone or daylight-saving change can shift a date. A date is a calendar day, never an instant.
 *
 * Units: weeks start on Monday (ISO 8601), months have their real lengths (leap years included),
 * quarters start on 1 January, 1 April, 1 July and 1 October.
 */

export type IsoDate = string;

/** The zoom levels of the timeline. */
export const ZOOM_LEVELS = ['weeks', 'months', 'quarters'] as const;
export type ZoomLevel = (typeof ZOOM_LEVELS)[number];

/** Calendar units: the zoom levels plus years (used for the timeline's upper header row). */
export type TimeUnit = ZoomLevel | 'years';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export class InvalidDateError extends Error {
  constructor(value: string) {
    super(`Not a calendar date (YYYY-MM-DD): "${value}"`);
    this.name = 'InvalidDateError';
  }
}

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

function parts(iso: IsoDate): Ymd {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new InvalidDateError(iso);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidDateError(iso);
  return { year, month, day };
}

function fromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (negative before). Pure integer arithmetic (no `Date`), valid for every year. */
export function toDayNumber(iso: IsoDate): number {
  const { year, month, day } = parts(iso);
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(Math.round(dayNumber));
  return fromParts(year, month, day);
}

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** `to − from` in days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO dates compare as strings; this names it. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Day of the week, ISO numbering: 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  const n = toDayNumber(iso);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week number and its week-year (the year its Thursday falls in). */
export function isoWeek(iso: IsoDate): { year: number; week: number } {
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const year = parts(thursday).year;
  const week = Math.floor(daysBetween(fromParts(year, 1, 1), thursday) / 7) + 1;
  return { year, week };
}

/** The same day `months` months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** The first day of the unit `iso` falls in. */
export function startOfUnit(iso: IsoDate, unit: TimeUnit): IsoDate {
  switch (unit) {
    case 'weeks':
      return addDays(iso, 1 - isoWeekday(iso));
    case 'months': {
      const { year, month } = parts(iso);
      return fromParts(year, month, 1);
    }
    case 'quarters': {
      const { year, month } = parts(iso);
      return fromParts(year, month - ((month - 1) % 3), 1);
    }
    case 'years':
      return fromParts(parts(iso).year, 1, 1);
  }
}

/** `iso` moved by `count` units (weeks are 7 days; months and quarters clamp the day, see `addMonths`). */
export function addUnits(iso: IsoDate, unit: TimeUnit, count: number): IsoDate {
  switch (unit) {
    case 'weeks':
      return addDays(iso, 7 * count);
    case 'months':
      return addMonths(iso, count);
    case 'quarters':
      return addMonths(iso, 3 * count);
    case 'years':
      return addMonths(iso, 12 * count);
  }
}

/** The first day of the unit after the one `iso` falls in. */
export function nextUnitStart(iso: IsoDate, unit: TimeUnit): IsoDate {
  return addUnits(startOfUnit(iso, unit), unit, 1);
}

/** The last day of the unit `iso` falls in. */
export function endOfUnit(iso: IsoDate, unit: TimeUnit): IsoDate {
  return addDays(nextUnitStart(iso, unit), -1);
}

/** The unit boundary (a unit's first day) nearest to `iso`; halfway rounds to the later one. */
export function snapToUnit(iso: IsoDate, unit: TimeUnit): IsoDate {
  const start = startOfUnit(iso, unit);
  const next = nextUnitStart(iso, unit);
  return daysBetween(start, iso) < daysBetween(iso, next) ? start : next;
}

/**
 * The unit end (a unit's last day) nearest to `iso`: an inclusive end date snaps so that the item
 * ends where a unit ends.
 */
export function snapEndToUnit(iso: IsoDate, unit: TimeUnit): IsoDate {
  return addDays(snapToUnit(addDays(iso, 1), unit), -1);
}

/** The unit boundaries from the unit containing `from` up to (excluding) `toExclusive`. */
export function unitStartsBetween(from: IsoDate, toExclusive: IsoDate, unit: TimeUnit): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = startOfUnit(from, unit); d < toExclusive; d = addUnits(d, unit, 1)) out.push(d);
  return out;
}

/** "12 Oct 2026". */
export function formatDate(iso: IsoDate): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTH_SHORT[month - 1] ?? ''} ${year}`;
}

/** "12 Oct" (no year). */
export function formatDayMonth(iso: IsoDate): string {
  const { month, day } = parts(iso);
  return `${day} ${MONTH_SHORT[month - 1] ?? ''}`;
}

/** "12 Oct 2026 – 18 Dec 2026", or one open end. Empty when neither is set. */
export function formatRange(start: IsoDate | null, end: IsoDate | null): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `from ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return '';
}

/** A unit's label on the timeline scale: "W46", "Nov", "Q4", "2026". */
export function unitLabel(iso: IsoDate, unit: TimeUnit): string {
  const { year, month } = parts(iso);
  switch (unit) {
    case 'weeks':
      return `W${isoWeek(iso).week}`;
    case 'months':
      return MONTH_SHORT[month - 1] ?? '';
    case 'quarters':
      return `Q${Math.floor((month - 1) / 3) + 1}`;
    case 'years':
      return String(year);
  }
}

/** A unit's label with its context: "W46 · 9 Nov 2026", "Nov 2026", "Q4 2026", "2026". */
export function unitLongLabel(iso: IsoDate, unit: TimeUnit): string {
  const { year } = parts(iso);
  switch (unit) {
    case 'weeks':
      return `${unitLabel(iso, unit)} · ${formatDate(startOfUnit(iso, 'weeks'))}`;
    case 'months':
    case 'quarters':
      return `${unitLabel(iso, unit)} ${year}`;
    case 'years':
      return String(year);
  }
}

/** One unit as words, for hints and announcements. */
export const UNIT_NOUN: Record<TimeUnit, string> = { weeks: 'week', months: 'month', quarters: 'quarter', years: 'year' };

/** Today's calendar date where the person is (the clock's local date), as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): IsoDate {
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
