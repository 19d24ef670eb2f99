import { describe, expect, it } from 'vitest';
import { formatCount, formatMarkdownTable, formatTable, formatValue, measured, skipped, summary, verdictOf } from '../../bench/lib/results';
import { median, percentile, repeat } from '../../bench/lib/stats';

describe('bench statistics', () => {
  it('takes medians and percentiles, ignoring non-finite values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(median([2, Number.NaN, 4, Number.POSITIVE_INFINITY])).toBe(3);
    expect(percentile([1, 2, 3, 4, 5], 90)).toBeCloseTo(4.6);
    expect(percentile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5], 100)).toBe(5);
  });

  it('runs warm-ups without recording them', async () => {
    const seen: number[] = [];
    const results = await repeat(3, 2, (run) => {
      seen.push(run);
      return run * 10;
    });
    expect(seen).toEqual([-1, -2, 0, 1, 2]);
    expect(results).toEqual([0, 10, 20]);
  });
});

describe('bench results', () => {
  const fast = measured({ id: 'a', label: 'Fast thing', unit: 'ms', value: 12.34, runs: [12.34], budget: { max: 16 } });
  const slow = measured({ id: 'b', label: 'Slow thing', unit: 'ms', value: 1234, runs: [1234], budget: { max: 500 }, detail: 'seconds | of work' });
  const free = measured({ id: 'c', label: 'Heap', unit: 'MB', value: 31.44, runs: [31.44] });
  const missing = skipped({ id: 'd', label: 'Spec typing', unit: 'ms', budget: { max: 16 } }, 'no editor yet');

  it('judges figures against their budgets, at the limit included', () => {
    expect(verdictOf(fast)).toBe('pass');
    expect(verdictOf(slow)).toBe('falls short');
    expect(verdictOf(free)).toBe('no budget');
    expect(verdictOf(missing)).toBe('skipped');
    expect(verdictOf(measured({ id: 'e', label: 'Edge', unit: 'writes', value: 3, runs: [3], budget: { max: 3 } }))).toBe('pass');
    expect(verdictOf(measured({ id: 'f', label: 'NaN', unit: 'ms', value: Number.NaN, runs: [], budget: { max: 3 } }))).toBe('skipped');
  });

  it('formats values by unit and counts with thousands separators', () => {
    expect(formatValue(12.34, 'ms')).toBe('12.3 ms');
    expect(formatValue(1234.4, 'ms')).toBe('1234 ms');
    expect(formatValue(2.456, '×')).toBe('2.46×');
    expect(formatValue(2.4, 'writes')).toBe('2');
    expect(formatValue(19.44, '%')).toBe('19.4 %');
    expect(formatCount(10000)).toBe('10,000');
    expect(formatCount(300)).toBe('300');
  });

  it('prints an aligned table with budgets, verdicts and skip reasons', () => {
    const table = formatTable([fast, slow, free, missing]).split('\n');
    expect(table[0]).toMatch(/^Measurement\s+Median\s+Budget\s+Result\s+Detail$/);
    expect(table[2]).toMatch(/^Fast thing\s+12\.3 ms\s+≤ 16\.0 ms\s+pass$/);
    expect(table[3]).toContain('falls short');
    expect(table[4]).toMatch(/^Heap\s+31\.4 MB\s+—/);
    expect(table[5]).toContain('skipped: no editor yet');
    // Columns line up: every row's budget starts where the header's does.
    const at = table[0]?.indexOf('Budget');
    for (const row of table.slice(2)) expect(row.slice(at).startsWith('≤') || row.slice(at).startsWith('—')).toBe(true);
    expect(summary([fast, slow, free, missing])).toBe('1 pass, 1 falls short, 1 skipped, 1 without a budget');
  });

  it('escapes pipes in the Markdown table', () => {
    const md = formatMarkdownTable([slow]).split('\n');
    expect(md[0]).toBe('| Measurement | Median | Budget | Result | Detail |');
    expect(md[2]).toBe('| Slow thing | 1234 ms | ≤ 500 ms | falls short | seconds \\| of work |');
  });
});
