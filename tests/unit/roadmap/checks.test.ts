import { describe, expect, it } from 'vitest';
import {
  CHECK_CODES,
  CHECKS,
  checkDependencyCycles,
  checkDependencyOrder,
  checkFalsePrecision,
  checkLaneCapacity,
  checkLowPriorityNow,
  checkOutcomes,
  checkPastDates,
  checkRoadmap,
  findingsByCheck,
  findingsByItem,
  peakOverlap,
} from '../../../src/shared/roadmap/checks';
import { productWith, rice, sample } from './builders';

describe('scheduled before what it depends on', () => {
  it('flags an item that starts before its dependency ends', () => {
    const p = productWith({
      items: [
        { id: 'base', title: 'Barcode scanning', start: '2026-10-01', end: '2026-12-18' },
        { id: 'on-top', title: 'Receipt scanning', start: '2026-12-01', end: '2027-02-01', dependsOn: ['base'] },
      ],
    });
    const findings = checkDependencyOrder(p);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'dependency-order', itemIds: ['on-top'], relatedIds: ['base'] });
    expect(findings[0]?.message).toBe('“Receipt scanning” starts on 1 Dec 2026, but depends on “Barcode scanning”, which ends on 18 Dec 2026.');
  });

  it('flags starting on the very day the dependency ends (the end day is included)', () => {
    const p = productWith({
      items: [
        { id: 'a', start: '2026-10-01', end: '2026-12-18' },
        { id: 'b', start: '2026-12-18', end: '2027-01-10', dependsOn: ['a'] },
      ],
    });
    expect(checkDependencyOrder(p)).toHaveLength(1);
  });

  it('accepts an item that starts after its dependency ends', () => {
    const p = productWith({
      items: [
        { id: 'a', start: '2026-10-01', end: '2026-12-18' },
        { id: 'b', start: '2026-12-19', end: '2027-01-10', dependsOn: ['a'] },
      ],
    });
    expect(checkDependencyOrder(p)).toEqual([]);
  });

  it('without dates, flags an item in an earlier horizon than its dependency, not one in the same or a later one', () => {
    const p = productWith({
      items: [
        { id: 'later', horizon: 'later' },
        { id: 'now', horizon: 'now', dependsOn: ['later'] },
        { id: 'next', horizon: 'next' },
        { id: 'after', horizon: 'later', dependsOn: ['next'] },
        { id: 'same', horizon: 'next', dependsOn: ['next'] },
      ],
    });
    const findings = checkDependencyOrder(p);
    expect(findings.map((f) => f.itemIds[0])).toEqual(['now']);
    expect(findings[0]?.message).toContain('is in Now, but depends on');
  });
});

describe('dependency cycle', () => {
  it('flags items that depend on each other in a loop', () => {
    const p = productWith({
      items: [
        { id: 'a', title: 'A', dependsOn: ['c'] },
        { id: 'b', title: 'B', dependsOn: ['a'] },
        { id: 'c', title: 'C', dependsOn: ['b'] },
        { id: 'd', title: 'D', dependsOn: ['a'] },
      ],
    });
    const findings = checkDependencyCycles(p);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'dependency-cycle', itemIds: ['a', 'b', 'c'] });
    expect(findings[0]?.message).toBe('“A”, “B” and “C” depend on each other in a loop, so none of them can start.');
  });

  it('accepts a dependency tree', () => {
    const p = productWith({ items: [{ id: 'a' }, { id: 'b', dependsOn: ['a'] }, { id: 'c', dependsOn: ['a', 'b'] }] });
    expect(checkDependencyCycles(p)).toEqual([]);
  });
});

describe('output, not outcome', () => {
  it('flags an item with no goal and accepts one with a goal', () => {
    const p = productWith({ items: [{ id: 'widget', title: 'Home-screen widget', goalId: null }, { id: 'ok', goalId: 'g2' }] });
    const findings = checkOutcomes(p);
    expect(findings.map((f) => f.itemIds)).toEqual([['widget']]);
    expect(findings[0]?.message).toContain('“Home-screen widget” is not linked to a goal');
  });
});

describe('lane over capacity', () => {
  it('flags more unfinished Now items in a lane than its capacity', () => {
    const p = productWith({
      items: [
        { id: 'a', laneId: 'l1' },
        { id: 'b', laneId: 'l1' },
        { id: 'c', laneId: 'l1' },
        { id: 'd', laneId: 'l2' },
        { id: 'e', laneId: 'l2' },
        { id: 'f', laneId: 'l2' },
      ],
    });
    const findings = checkLaneCapacity(p);
    expect(findings).toHaveLength(1); // l2 has no capacity set
    expect(findings[0]).toMatchObject({ key: 'lane-capacity:l1:now', laneId: 'l1', itemIds: ['a', 'b', 'c'] });
    expect(findings[0]?.message).toBe('The lane “Pantry” has 3 unfinished items in Now; you set its capacity to 2.');
  });

  it('does not count done items or items in Next, and accepts a lane at capacity', () => {
    const p = productWith({
      items: [
        { id: 'a', laneId: 'l1' },
        { id: 'b', laneId: 'l1' },
        { id: 'c', laneId: 'l1', status: 'done' },
        { id: 'd', laneId: 'l1', horizon: 'next' },
      ],
    });
    expect(checkLaneCapacity(p)).toEqual([]);
  });

  it('flags more items overlapping in time than the capacity, wherever they sit', () => {
    const p = productWith({
      items: [
        { id: 'a', laneId: 'l1', horizon: 'next', start: '2027-01-01', end: '2027-02-28' },
        { id: 'b', laneId: 'l1', horizon: 'next', start: '2027-02-01', end: '2027-03-31' },
        { id: 'c', laneId: 'l1', horizon: 'later', start: '2027-02-15', end: '2027-04-30' },
      ],
    });
    const findings = checkLaneCapacity(p);
    expect(findings.map((f) => f.key)).toEqual(['lane-capacity:l1:overlap']);
    expect(findings[0]?.itemIds).toEqual(['a', 'b', 'c']);
    expect(findings[0]?.message).toContain('3 items running at the same time from 15 Feb 2027');
  });

  it('accepts items that follow one another (ending the day before the next starts)', () => {
    const p = productWith({
      items: [
        { id: 'a', laneId: 'l1', horizon: 'next', start: '2027-01-01', end: '2027-01-31' },
        { id: 'b', laneId: 'l1', horizon: 'next', start: '2027-01-15', end: '2027-02-14' },
        { id: 'c', laneId: 'l1', horizon: 'next', start: '2027-02-01', end: '2027-02-28' },
      ],
    });
    expect(peakOverlap(p.roadmap.items)).toMatchObject({ count: 2, date: '2027-01-15' });
    expect(checkLaneCapacity(p)).toEqual([]);
  });
});

describe('Now, but low-priority work', () => {
  // Nine scored stories with RICE scores 10, 20, …, 90 (reach × 1 × 100% ÷ 1), one done story.
  const stories = [
    ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((reach, i) => ({ id: `s${i + 1}`, scores: rice(reach) })),
    { id: 'done', status: 'done', scores: rice(1) },
    { id: 'unscored', epicId: 'e2' },
  ];

  it('flags a Now item whose linked stories score in the bottom third', () => {
    const p = productWith({ stories, items: [{ id: 'low', title: 'Low', storyIds: ['s1', 's2', 'done'] }] });
    const findings = checkLowPriorityNow(p);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toBe('“Low” is in Now, but its 2 scored stories have a median RICE score of 15: the bottom third of the 9 scored stories in the backlog.');
  });

  it('accepts a Now item whose linked work scores above the bottom third, and ignores Next items and unscored work', () => {
    const p = productWith({
      stories,
      items: [
        { id: 'mid', storyIds: ['s3', 's4'] }, // median 35: three of nine score lower
        { id: 'edge', storyIds: ['s4'] }, // 40: three of nine lower — not the bottom third
        { id: 'next-low', horizon: 'next', storyIds: ['s1'] },
        { id: 'unscored', epicIds: ['e2'] },
      ],
    });
    expect(checkLowPriorityNow(p)).toEqual([]);
    const p2 = productWith({ stories, items: [{ id: 'edge', storyIds: ['s4'] }, { id: 'third', storyIds: ['s3'] }] });
    expect(checkLowPriorityNow(p2).map((f) => f.itemIds[0])).toEqual(['third']);
  });

  it('says nothing when fewer than three stories are scored', () => {
    const p = productWith({ stories: [{ id: 's1', scores: rice(1) }, { id: 's2', scores: rice(100) }], items: [{ id: 'a', storyIds: ['s1'] }] });
    expect(checkLowPriorityNow(p)).toEqual([]);
  });
});

describe('false precision in Later', () => {
  it('flags a Later item with dates and accepts an undated one or a dated Next item', () => {
    const p = productWith({
      items: [
        { id: 'dated', horizon: 'later', start: '2027-05-03', end: '2027-06-18' },
        { id: 'half', horizon: 'later', start: '2027-05-03' },
        { id: 'loose', horizon: 'later' },
        { id: 'next', horizon: 'next', start: '2027-01-01', end: '2027-02-01' },
      ],
    });
    const findings = checkFalsePrecision(p);
    expect(findings.map((f) => f.itemIds[0])).toEqual(['dated', 'half']);
    expect(findings[0]?.message).toContain('(3 May 2027 – 18 Jun 2027)');
  });
});

describe('dates in the past', () => {
  const today = '2026-11-25';

  it('flags an unfinished item whose end has passed, and a planned one whose start has passed', () => {
    const p = productWith({
      items: [
        { id: 'overdue', title: 'Overdue', status: 'in-progress', start: '2026-09-01', end: '2026-11-24' },
        { id: 'not-started', title: 'Late start', status: 'planned', start: '2026-11-01', end: '2027-01-31' },
      ],
    });
    const findings = checkPastDates(p, today);
    expect(findings.map((f) => f.message)).toEqual([
      '“Overdue” was due to end on 24 Nov 2026 but is not done.',
      '“Late start” was due to start on 1 Nov 2026 but is still only planned.',
    ]);
  });

  it('accepts done items, items ending today, and started items still within their dates', () => {
    const p = productWith({
      items: [
        { id: 'done', status: 'done', start: '2026-09-01', end: '2026-10-01' },
        { id: 'today', status: 'in-progress', start: '2026-11-01', end: today },
        { id: 'running', status: 'at-risk', start: '2026-11-01', end: '2027-01-31' },
        { id: 'future', status: 'planned', start: '2026-12-01' },
      ],
    });
    expect(checkPastDates(p, today)).toEqual([]);
    // The same product a year later: all but the done one are late.
    expect(checkPastDates(p, '2027-12-01').map((f) => f.itemIds[0])).toEqual(['today', 'running', 'future']);
  });
});

describe('all checks together', () => {
  it('finds the deliberate flaws in the Larder sample', () => {
    const findings = checkRoadmap(sample('larder'), { today: '2026-11-25' });
    expect(findings.map((f) => f.key)).toEqual([
      'dependency-order:rm-split-costs:rm-live-list',
      'no-goal:rm-widget',
      'lane-capacity:lane-household:overlap',
      'false-precision:rm-smart-dates',
    ]);
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
  });

  it('indexes findings by item and by check, listing every check', () => {
    const p = productWith({ items: [{ id: 'a', goalId: null, horizon: 'later', start: '2027-06-01' }, { id: 'b' }] });
    const findings = checkRoadmap(p, { today: '2026-11-25' });
    expect(findingsByItem(findings).get('a')?.map((f) => f.code)).toEqual(['no-goal', 'false-precision']);
    expect(findingsByItem(findings).has('b')).toBe(false);
    const byCheck = findingsByCheck(findings);
    expect(byCheck.map((c) => c.check.code)).toEqual([...CHECK_CODES]);
    expect(byCheck.filter((c) => c.findings.length > 0).map((c) => c.check.code)).toEqual(['no-goal', 'false-precision']);
  });

  it('explains every check', () => {
    for (const code of CHECK_CODES) {
      expect(CHECKS[code].title.length).toBeGreaterThan(5);
      expect(CHECKS[code].explanation.length).toBeGreaterThan(80);
    }
  });
});
