import { describe, expect, it } from 'vitest';
import { lintContext } from '../../../src/shared/coach/lints';
import { storyReadiness, DEFAULT_READY_CHECKS } from '../../../src/shared/coach/readiness';
import { allLabels, EMPTY_FILTER, isFilterActive, matchesFilter } from '../../../src/shared/backlog/filter';
import { goodStory, productWith } from './storyFactory';

const a = goodStory({ id: 'a', labels: ['payroll', 'sales-request'] });
const b = goodStory({ id: 'b', title: 'Warn managers about rest-period breaks', iWant: 'a warning', epicId: null, status: 'backlog', labels: ['compliance'], acceptanceCriteria: [] });
const ctx = lintContext(productWith([a, b]));
const ready = (s: typeof a) => storyReadiness(s, ctx, DEFAULT_READY_CHECKS);

describe('matchesFilter', () => {
  it('matches everything with the empty filter', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(matchesFilter(a, EMPTY_FILTER, ready(a))).toBe(true);
  });
  it('searches titles, descriptions and criteria, every word', () => {
    expect(matchesFilter(a, { ...EMPTY_FILTER, text: 'PAY CODE' }, ready(a))).toBe(true); // in a criterion
    expect(matchesFilter(a, { ...EMPTY_FILTER, text: 'payroll unicorn' }, ready(a))).toBe(false);
    expect(isFilterActive({ ...EMPTY_FILTER, text: ' x ' })).toBe(true);
  });
  it('filters by epic, no epic, label and status', () => {
    expect(matchesFilter(a, { ...EMPTY_FILTER, epicId: 'ep-1' }, ready(a))).toBe(true);
    expect(matchesFilter(b, { ...EMPTY_FILTER, epicId: 'ep-1' }, ready(b))).toBe(false);
    expect(matchesFilter(b, { ...EMPTY_FILTER, epicId: 'none' }, ready(b))).toBe(true);
    expect(matchesFilter(a, { ...EMPTY_FILTER, epicId: 'none' }, ready(a))).toBe(false);
    expect(matchesFilter(a, { ...EMPTY_FILTER, label: 'payroll' }, ready(a))).toBe(true);
    expect(matchesFilter(b, { ...EMPTY_FILTER, label: 'payroll' }, ready(b))).toBe(false);
    expect(matchesFilter(b, { ...EMPTY_FILTER, status: 'backlog' }, ready(b))).toBe(true);
    expect(matchesFilter(a, { ...EMPTY_FILTER, status: 'backlog' }, ready(a))).toBe(false);
  });
  it('filters by readiness and by coach problem', () => {
    expect(matchesFilter(a, { ...EMPTY_FILTER, lint: 'ready' }, ready(a))).toBe(true);
    expect(matchesFilter(b, { ...EMPTY_FILTER, lint: 'ready' }, ready(b))).toBe(false);
    expect(matchesFilter(b, { ...EMPTY_FILTER, lint: 'not-ready' }, ready(b))).toBe(true);
    expect(matchesFilter(b, { ...EMPTY_FILTER, lint: 'no-acceptance-criteria' }, ready(b))).toBe(true);
    expect(matchesFilter(a, { ...EMPTY_FILTER, lint: 'no-acceptance-criteria' }, ready(a))).toBe(false);
  });
  it('lists labels once, sorted', () => {
    expect(allLabels([a, b, a])).toEqual(['compliance', 'payroll', 'sales-request']);
  });
});
