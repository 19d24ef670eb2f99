import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addUnits,
  daysBetween,
  daysInMonth,
  endOfUnit,
  formatDate,
  formatRange,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isoWeek,
  isoWeekday,
  nextUnitStart,
  snapEndToUnit,
  snapToUnit,
  startOfUnit,
  toDayNumber,
  todayIso,
  unitLabel,
  unitLongLabel,
  unitStartsBetween,
} from '../../../src/shared/roadmap/dates';

describe('day numbers', () => {
  it('counts days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(11_017)).toBe('2000-03-01');
  });

  it('agrees with the UTC calendar for every day of 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(n)).toBe(iso);
        expect(toDayNumber(iso)).toBe(n);
      }),
    );
  });

  it('works for years before 100, which Date.UTC would misread', () => {
    expect(fromDayNumber(toDayNumber('0050-02-28') + 1)).toBe('0050-03-01');
    expect(daysBetween('0004-02-28', '0004-03-01')).toBe(2); // year 4 is a leap year
  });

  it('refuses what is not a calendar date', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '', '2026-01-01T00:00']) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(/calendar date/);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('is not moved by time zones or daylight saving (the March and October changes)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});

describe('leap years and month lengths', () => {
  it('knows the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
  });

  it('gives every month its length', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('adds months by clamping to the last day of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2027-01-15', -2)).toBe('2026-11-15');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
  });
});

describe('weeks (ISO: Monday first)', () => {
  it('starts a week on Monday', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // Monday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
    expect(startOfUnit('2026-11-25', 'weeks')).toBe('2026-11-23');
    expect(startOfUnit('2026-11-23', 'weeks')).toBe('2026-11-23');
    expect(startOfUnit('2026-11-29', 'weeks')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(startOfUnit('2027-01-01', 'weeks')).toBe('2026-12-28'); // across a year
    expect(startOfUnit('2026-03-01', 'weeks')).toBe('2026-02-23'); // across a month
    expect(endOfUnit('2026-11-25', 'weeks')).toBe('2026-11-29');
    expect(nextUnitStart('2026-11-29', 'weeks')).toBe('2026-11-30');
  });

  it('numbers weeks the ISO way, including week 53 and week 1 in the previous year', () => {
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 }); // a Thursday
    expect(isoWeek('2026-11-25')).toEqual({ year: 2026, week: 48 });
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 }); // Sunday
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
    expect(unitLabel('2026-11-25', 'weeks')).toBe('W48');
    expect(unitLongLabel('2026-11-25', 'weeks')).toBe('W48 · 23 Nov 2026');
  });
});

describe('months and quarters', () => {
  it('finds month boundaries', () => {
    expect(startOfUnit('2026-02-17', 'months')).toBe('2026-02-01');
    expect(endOfUnit('2026-02-17', 'months')).toBe('2026-02-28');
    expect(endOfUnit('2028-02-01', 'months')).toBe('2028-02-29');
    expect(endOfUnit('2026-12-05', 'months')).toBe('2026-12-31');
    expect(nextUnitStart('2026-12-05', 'months')).toBe('2027-01-01');
  });

  it('finds quarter boundaries on 1 Jan, 1 Apr, 1 Jul and 1 Oct', () => {
    expect(startOfUnit('2026-01-01', 'quarters')).toBe('2026-01-01');
    expect(startOfUnit('2026-03-31', 'quarters')).toBe('2026-01-01');
    expect(startOfUnit('2026-04-01', 'quarters')).toBe('2026-04-01');
    expect(startOfUnit('2026-08-15', 'quarters')).toBe('2026-07-01');
    expect(startOfUnit('2026-12-31', 'quarters')).toBe('2026-10-01');
    expect(endOfUnit('2026-11-25', 'quarters')).toBe('2026-12-31');
    expect(endOfUnit('2028-02-10', 'quarters')).toBe('2028-03-31');
    expect(endOfUnit('2026-05-10', 'quarters')).toBe('2026-06-30');
    expect(nextUnitStart('2026-11-25', 'quarters')).toBe('2027-01-01');
    expect(addUnits('2026-10-01', 'quarters', -1)).toBe('2026-07-01');
    expect(unitLabel('2026-11-25', 'quarters')).toBe('Q4');
    expect(unitLongLabel('2027-02-01', 'quarters')).toBe('Q1 2027');
    expect(unitLongLabel('2027-02-01', 'months')).toBe('Feb 2027');
  });

  it('lists the unit starts of a range', () => {
    expect(unitStartsBetween('2026-11-15', '2027-02-01', 'months')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
    expect(unitStartsBetween('2026-11-25', '2026-12-08', 'weeks')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(unitStartsBetween('2026-05-01', '2027-01-01', 'quarters')).toEqual(['2026-04-01', '2026-07-01', '2026-10-01']);
  });

  it('every unit start is the day after the previous unit end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.constantFrom('weeks' as const, 'months' as const, 'quarters' as const), (n, unit) => {
        const day = fromDayNumber(n);
        const start = startOfUnit(day, unit);
        const end = endOfUnit(day, unit);
        expect(start <= day && day <= end).toBe(true);
        expect(addDays(end, 1)).toBe(nextUnitStart(day, unit));
        expect(startOfUnit(addDays(start, -1), unit)).toBe(addUnits(start, unit, -1));
      }),
    );
  });
});

describe('snapping', () => {
  it('snaps a date to the nearest week start (Monday)', () => {
    expect(snapToUnit('2026-11-24', 'weeks')).toBe('2026-11-23'); // Tue → this Monday
    expect(snapToUnit('2026-11-26', 'weeks')).toBe('2026-11-23'); // Thu: 3 days back, 4 forward
    expect(snapToUnit('2026-11-27', 'weeks')).toBe('2026-11-30'); // Fri: 4 back, 3 forward
    expect(snapToUnit('2026-11-29', 'weeks')).toBe('2026-11-30'); // Sun → next Monday
  });

  it('snaps a date to the nearest month start', () => {
    expect(snapToUnit('2026-11-10', 'months')).toBe('2026-11-01');
    expect(snapToUnit('2026-11-20', 'months')).toBe('2026-12-01');
    expect(snapToUnit('2026-02-15', 'months')).toBe('2026-03-01'); // 14 days back, 14 forward: the later
    expect(snapToUnit('2026-02-14', 'months')).toBe('2026-02-01');
  });

  it('snaps a date to the nearest quarter start', () => {
    expect(snapToUnit('2026-11-25', 'quarters')).toBe('2027-01-01');
    expect(snapToUnit('2026-11-10', 'quarters')).toBe('2026-10-01');
    expect(snapToUnit('2028-02-14', 'quarters')).toBe('2028-01-01'); // 44 back, 47 forward in a leap year
  });

  it('snaps an end date to the nearest unit end', () => {
    expect(snapEndToUnit('2026-12-18', 'months')).toBe('2026-12-31');
    expect(snapEndToUnit('2026-12-10', 'months')).toBe('2026-11-30');
    expect(snapEndToUnit('2027-02-20', 'months')).toBe('2027-02-28');
    expect(snapEndToUnit('2026-11-27', 'weeks')).toBe('2026-11-29'); // Friday → Sunday
    expect(snapEndToUnit('2026-11-24', 'weeks')).toBe('2026-11-22'); // Tuesday → the Sunday before
    expect(snapEndToUnit('2027-03-01', 'quarters')).toBe('2027-03-31');
  });

  it('a snapped date is a unit start and at most half a unit away', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.constantFrom('weeks' as const, 'months' as const, 'quarters' as const), (n, unit) => {
        const day = fromDayNumber(n);
        const snapped = snapToUnit(day, unit);
        expect(startOfUnit(snapped, unit)).toBe(snapped);
        const unitLength = daysBetween(startOfUnit(day, unit), nextUnitStart(day, unit));
        expect(Math.abs(daysBetween(day, snapped))).toBeLessThanOrEqual(Math.ceil(unitLength / 2));
      }),
    );
  });
});

describe('labels', () => {
  it('formats dates and ranges without a locale or a time zone', () => {
    expect(formatDate('2026-10-12')).toBe('12 Oct 2026');
    expect(formatRange('2026-10-12', '2026-12-18')).toBe('12 Oct 2026 – 18 Dec 2026');
    expect(formatRange('2027-02-01', null)).toBe('from 1 Feb 2027');
    expect(formatRange(null, '2027-02-01')).toBe('until 1 Feb 2027');
    expect(formatRange(null, null)).toBe('');
  });

  it("takes today's local calendar date", () => {
    expect(todayIso(new Date(2026, 10, 25, 23, 59))).toBe('2026-11-25');
    expect(todayIso(new Date(2024, 1, 29, 0, 0))).toBe('2024-02-29');
  });
});
