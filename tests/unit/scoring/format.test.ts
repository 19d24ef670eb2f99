import { describe, expect, it } from 'vitest';
import { formatInput, formatNumber, formatPercent, formatScore, plainNumber } from '../../../src/shared/scoring/format';
import { parseNumberText } from '../../../src/shared/scoring/inputs';

describe('number formatting', () => {
  it('formats scores, inputs and percentages for people', () => {
    expect(formatScore(101333.333)).toBe('101,333');
    expect(formatScore(37.5)).toBe('37.5');
    expect(formatScore(0.0123456)).toBe('0.0123');
    expect(formatScore(4.8e16)).toBe('4.80e+16');
    expect(formatNumber(25000)).toBe('25,000');
    expect(formatNumber(1.333333)).toBe('1.33');
    expect(formatPercent(80)).toBe('80%');
    expect(plainNumber(400.00000001)).toBe('400');
    expect(plainNumber(6.8)).toBe('6.8');
  });
  it('shows inputs with all their decimals, and reads them back to the same number', () => {
    for (const v of [0, 0.25, 1.234, 25000, 10_000_000, 1234567.125, 8e9]) {
      expect(parseNumberText(formatInput(v))).toBe(v);
    }
    expect(formatInput(1.234)).toBe('1.234');
    expect(formatInput(25000)).toBe('25,000');
  });
});
