import { describe, expect, it } from 'vitest';
import { dependencyLines, GROUP_ROW_HEIGHT, ROW_HEIGHT, timelineLayout } from '../../../src/shared/roadmap/timelineRows';
import { productWith } from './builders';

const product = productWith({
  items: [
    { id: 'a', laneId: 'l1', start: '2026-10-01', end: '2026-11-30' },
    { id: 'b', laneId: 'l2', start: '2026-11-15', end: null, dependsOn: ['a'] },
    { id: 'c', laneId: 'l1', horizon: 'next', start: '2027-01-04', end: '2027-02-26', dependsOn: ['a', 'u'] },
    { id: 'u', laneId: 'l2', horizon: 'later' }, // no dates
    { id: 'd', laneId: null, horizon: 'later', end: '2027-06-30' },
  ],
});

describe('timeline rows', () => {
  it('has a row per scheduled item in roadmap order, and lists undated items apart', () => {
    const layout = timelineLayout(product, 'none', 'months');
    expect(layout.rows.map((r) => r.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(layout.unscheduled.map((i) => i.id)).toEqual(['u']);
    expect(layout.offsets).toEqual([0, ROW_HEIGHT, 2 * ROW_HEIGHT, 3 * ROW_HEIGHT]);
    expect(layout.totalHeight).toBe(4 * ROW_HEIGHT);
    expect(layout.dates).toContain('2026-12-14'); // b's drawn end: one month from its start
  });

  it('adds a header row per swimlane with scheduled items, skipping empty ones', () => {
    const layout = timelineLayout(product, 'lane', 'months');
    expect(layout.rows.map((r) => r.key)).toEqual(['group:l1', 'a', 'c', 'group:l2', 'b', 'group:none', 'd']);
    expect(layout.rows[0]).toMatchObject({ kind: 'group', label: 'Pantry', count: 2 });
    expect(layout.offsets[3]).toBe(GROUP_ROW_HEIGHT + 2 * ROW_HEIGHT);
    expect(layout.rowOfItem.get('b')).toBe(4);
    expect(timelineLayout(product, 'goal', 'months').rows.filter((r) => r.kind === 'group').map((r) => r.key)).toEqual(['group:g1']);
  });

  it('draws a dependency line between scheduled items only, from the end of the dependency', () => {
    const lines = dependencyLines(timelineLayout(product, 'lane', 'weeks'));
    expect(lines).toEqual([
      { key: 'a->c', fromId: 'a', toId: 'c', fromDate: '2026-11-30', toDate: '2027-01-04', fromRow: 1, toRow: 2 },
      { key: 'a->b', fromId: 'a', toId: 'b', fromDate: '2026-11-30', toDate: '2026-11-15', fromRow: 1, toRow: 4 },
    ]);
  });
});
