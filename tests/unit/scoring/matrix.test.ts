import { describe, expect, it } from 'vitest';
import { layoutMatrix, matrixScales, MATRIX_THRESHOLDS, nudge, quadrantOf, rectsOverlap, snapEffort, snapImpact, truncateLabel, valuesAt, type MatrixInput } from '../../../src/shared/scoring/matrix';
import { seededRandom } from '../../../src/shared/scoring/exercise';

describe('quadrants', () => {
  it('puts impact ≥ 1 as high and effort ≤ 2 person-months as low', () => {
    expect(MATRIX_THRESHOLDS).toEqual({ highImpactFrom: 1, lowEffortUpTo: 2 });
    expect(quadrantOf(1, 2)).toBe('quick-win');
    expect(quadrantOf(3, 0.5)).toBe('quick-win');
    expect(quadrantOf(2, 2.5)).toBe('big-bet');
    expect(quadrantOf(0.5, 2)).toBe('fill-in');
    expect(quadrantOf(0.25, 8)).toBe('time-sink');
  });
});

describe('snapping and keyboard steps', () => {
  it('snaps impact to the nearest scale value on a log scale, effort to half-months', () => {
    expect(snapImpact(2.6)).toBe(3);
    expect(snapImpact(2.4)).toBe(2);
    expect(snapImpact(0.7)).toBe(0.5);
    expect(snapImpact(0.72)).toBe(1);
    expect(snapImpact(0.01)).toBe(0.25);
    expect(snapEffort(1.3)).toBe(1.5);
    expect(snapEffort(0.1)).toBe(0.5);
  });
  it('moves one scale step or half a month per key', () => {
    expect(nudge(1, 2, 'up')).toEqual({ impact: 2, effort: 2 });
    expect(nudge(3, 2, 'up')).toEqual({ impact: 3, effort: 2 });
    expect(nudge(0.5, 2, 'down')).toEqual({ impact: 0.25, effort: 2 });
    expect(nudge(1.5, 2, 'down')).toEqual({ impact: 1, effort: 2 });
    expect(nudge(1, 2, 'right')).toEqual({ impact: 1, effort: 2.5 });
    expect(nudge(1, 0.5, 'left')).toEqual({ impact: 1, effort: 0.5 });
  });
});

describe('scales', () => {
  it('map scale values to pixels and back', () => {
    const s = matrixScales(800, 500, [0.5, 3, 20]);
    expect(s.effortMax).toBe(20);
    for (const impact of [0.25, 0.5, 1, 2, 3]) for (const effort of [0.5, 1, 2.5, 8, 20]) {
      expect(valuesAt(s, s.x(effort), s.y(impact))).toEqual({ impact, effort });
    }
    expect(s.x(1)).toBeLessThan(s.x(2));
    expect(s.y(3)).toBeLessThan(s.y(1)); // high impact at the top
  });
});

function randomItems(n: number, seed: number): MatrixInput[] {
  const random = seededRandom(seed);
  const impacts = [0.25, 0.5, 1, 2, 3];
  const words = ['Plan', 'weekly', 'meals', 'from', 'pantry', 'scan', 'receipts', 'share', 'lists', 'with', 'household', 'members'];
  return Array.from({ length: n }, (_, i) => ({
    id: `i${i}`,
    title: Array.from({ length: 2 + Math.floor(random() * 6) }, () => words[Math.floor(random() * words.length)]).join(' '),
    impact: impacts[Math.floor(random() * impacts.length)] ?? 1,
    effort: 0.5 * (1 + Math.floor(random() * 24)),
  }));
}

describe('layoutMatrix', () => {
  const width = 900;
  const height = 560;
  for (const seed of [1, 2, 3]) {
    it(`places 100 items without overlapping visible labels (seed ${seed})`, () => {
      const inputs = randomItems(100, seed);
      const layout = layoutMatrix(inputs, width, height);
      expect(layout.points).toHaveLength(100);
      const visible = layout.labels.filter((l) => l.visible);
      for (let i = 0; i < visible.length; i += 1) {
        const a = visible[i];
        if (!a) continue;
        expect(a.x).toBeGreaterThanOrEqual(0);
        expect(a.y).toBeGreaterThanOrEqual(0);
        expect(a.x + a.width).toBeLessThanOrEqual(width);
        expect(a.y + a.height).toBeLessThanOrEqual(height);
        for (let j = i + 1; j < visible.length; j += 1) {
          const b = visible[j];
          if (b) expect(rectsOverlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
        }
        for (const p of layout.points) expect(rectsOverlap(a, { x: p.x - 6, y: p.y - 6, width: 12, height: 12 }), `${a.id} covers point ${p.id}`).toBe(false);
        for (const c of layout.quadrantCaptions) expect(rectsOverlap(a, c)).toBe(false);
      }
      // Most labels still find a place; the rest show on hover/focus.
      expect(visible.length).toBeGreaterThan(30);
    });
  }

  it('keeps every point inside the plot, on its quadrant’s side of the dividers', () => {
    const layout = layoutMatrix(randomItems(100, 9), width, height);
    for (const p of layout.points) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(width);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(height);
      const left = p.quadrant === 'quick-win' || p.quadrant === 'fill-in';
      const top = p.quadrant === 'quick-win' || p.quadrant === 'big-bet';
      expect(p.x < layout.dividerX).toBe(left);
      expect(p.y < layout.dividerY).toBe(top);
    }
  });

  it('spreads points with identical inputs apart', () => {
    const same = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, title: `Same ${i}`, impact: 2, effort: 1 }));
    const layout = layoutMatrix(same, width, height);
    const ys = new Set(layout.points.map((p) => Math.round(p.y)));
    expect(ys.size).toBe(6);
  });

  it('labels the most important items first and cuts long titles', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, title: `A rather long story title number ${i}`, impact: 1, effort: 1 }));
    const layout = layoutMatrix(crowd, 400, 300);
    expect(layout.labels[0]?.visible).toBe(true);
    expect(layout.labels[0]?.text).toBe(truncateLabel('A rather long story title number 0', 24));
    expect(layout.labels[0]?.text.endsWith('…')).toBe(true);
    expect(layout.labels.some((l) => !l.visible)).toBe(true);
  });

  it('leaves out items it cannot place (effort 0)', () => {
    const layout = layoutMatrix([{ id: 'z', title: 'Zero', impact: 1, effort: 0 }], width, height);
    expect(layout.points).toEqual([]);
  });
});

describe('layoutMatrix at scale', () => {
  it('lays out 10,000 items quickly, still without overlapping labels', () => {
    const inputs = randomItems(10_000, 5);
    const start = performance.now();
    const layout = layoutMatrix(inputs, 1200, 560);
    const elapsed = performance.now() - start;
    expect(layout.points).toHaveLength(10_000);
    expect(elapsed).toBeLessThan(2000);
    const visible = layout.labels.filter((l) => l.visible);
    expect(visible.length).toBeLessThanOrEqual(400);
    for (let i = 0; i < visible.length; i += 1) for (let j = i + 1; j < visible.length; j += 1) {
      const a = visible[i];
      const b = visible[j];
      if (a && b) expect(rectsOverlap(a, b)).toBe(false);
    }
  });
});
