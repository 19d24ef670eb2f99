import { describe, expect, it } from 'vitest';
import { checkIceInput, checkRiceInput, checkWsjfInput, parseNumberText, riceInputFlag } from '../../../src/shared/scoring/inputs';

describe('parseNumberText', () => {
  it('reads numbers the way people type them', () => {
    expect(parseNumberText('25000')).toBe(25000);
    expect(parseNumberText(' 25,000 ')).toBe(25000);
    expect(parseNumberText('1 250 000')).toBe(1250000);
    expect(parseNumberText('1.5')).toBe(1.5);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('80%')).toBe(80);
    expect(parseNumberText('1e6')).toBe(1e6);
    expect(parseNumberText('-2')).toBe(-2);
    expect(parseNumberText('')).toBeNull();
    expect(parseNumberText('   ')).toBeNull();
    expect(parseNumberText('ten')).toBeNaN();
    expect(parseNumberText('1,5')).toBeNaN();
    expect(parseNumberText('12abc')).toBeNaN();
  });
});

describe('checkRiceInput', () => {
  it('clears an input when the cell is emptied (the input becomes missing)', () => {
    expect(checkRiceInput('reach', '')).toEqual({ kind: 'clear' });
  });
  it('refuses an effort of 0 or a negative effort with a clear message', () => {
    expect(checkRiceInput('effort', '0')).toEqual({ kind: 'error', message: 'Effort must be more than 0 person-months: the score divides by effort.' });
    expect(checkRiceInput('effort', '-3')).toMatchObject({ kind: 'error', message: expect.stringMatching(/more than 0/) });
    expect(checkRiceInput('effort', '0.25')).toMatchObject({ kind: 'error', message: expect.stringMatching(/smallest effort is 0.5/) });
  });
  it('keeps efforts in half-months and warns about other values', () => {
    expect(checkRiceInput('effort', '0.5')).toEqual({ kind: 'value', value: 0.5, warning: null });
    expect(checkRiceInput('effort', '2.5')).toEqual({ kind: 'value', value: 2.5, warning: null });
    expect(checkRiceInput('effort', '0.75')).toMatchObject({ kind: 'value', value: 0.75, warning: expect.stringMatching(/half person-months/) });
  });
  it('allows other confidences, warning below 50% that it is a moonshot', () => {
    expect(checkRiceInput('confidence', '80%')).toEqual({ kind: 'value', value: 80, warning: null });
    expect(checkRiceInput('confidence', '65')).toEqual({ kind: 'value', value: 65, warning: null });
    expect(checkRiceInput('confidence', '30')).toMatchObject({ kind: 'value', value: 30, warning: expect.stringMatching(/moonshot/) });
    expect(checkRiceInput('confidence', '120')).toMatchObject({ kind: 'error' });
    expect(checkRiceInput('confidence', '-1')).toMatchObject({ kind: 'error' });
  });
  it('warns about an impact off the scale and refuses a negative reach or text', () => {
    expect(checkRiceInput('impact', '2')).toEqual({ kind: 'value', value: 2, warning: null });
    expect(checkRiceInput('impact', '1.5')).toMatchObject({ kind: 'value', warning: expect.stringMatching(/off Intercom's impact scale/) });
    expect(checkRiceInput('reach', '-10')).toMatchObject({ kind: 'error', message: expect.stringMatching(/negative/) });
    expect(checkRiceInput('reach', 'lots')).toEqual({ kind: 'error', message: '“lots” is not a number.' });
    expect(checkRiceInput('reach', '1e400')).toMatchObject({ kind: 'error', message: expect.stringMatching(/too large/) });
    expect(checkRiceInput('reach', '8,000,000,000')).toEqual({ kind: 'value', value: 8e9, warning: null });
  });
});

describe('ICE and WSJF inputs', () => {
  it('keeps ICE ratings within 1–10', () => {
    expect(checkIceInput('ease', '7')).toEqual({ kind: 'value', value: 7, warning: null });
    expect(checkIceInput('ease', '0')).toMatchObject({ kind: 'error' });
    expect(checkIceInput('impact', '11')).toMatchObject({ kind: 'error' });
  });
  it('refuses a WSJF job size of 0 and negative values', () => {
    expect(checkWsjfInput('jobSize', '0')).toMatchObject({ kind: 'error', message: expect.stringMatching(/Job size must be more than 0/) });
    expect(checkWsjfInput('businessValue', '0')).toEqual({ kind: 'value', value: 0, warning: null });
    expect(checkWsjfInput('timeCriticality', '-1')).toMatchObject({ kind: 'error' });
  });
});

describe('riceInputFlag', () => {
  it('tags warnings for a table cell', () => {
    expect(riceInputFlag('confidence', 30)).toEqual({ tag: 'Moonshot', message: expect.stringMatching(/moonshot/) });
    expect(riceInputFlag('impact', 1.5)?.tag).toBe('Off scale');
    expect(riceInputFlag('effort', 0.75)?.tag).toBe('Not half-months');
    expect(riceInputFlag('confidence', 80)).toBeNull();
  });
});
