import { describe, expect, it } from 'vitest';
import { dependencyCycles, dependsTransitively, wouldCreateCycle } from '../../../src/shared/roadmap/dependencies';

const node = (id: string, ...dependsOn: string[]) => ({ id, dependsOn });

describe('dependency cycles', () => {
  it('finds none in a chain or a diamond', () => {
    expect(dependencyCycles([node('a'), node('b', 'a'), node('c', 'b')])).toEqual([]);
    expect(dependencyCycles([node('a'), node('b', 'a'), node('c', 'a'), node('d', 'b', 'c')])).toEqual([]);
    expect(dependencyCycles([])).toEqual([]);
  });

  it('finds a two-item loop', () => {
    expect(dependencyCycles([node('a', 'b'), node('b', 'a'), node('c', 'a')])).toEqual([['a', 'b']]);
  });

  it('finds a longer loop but not the items that merely hang off it', () => {
    const items = [node('tail', 'x'), node('x', 'z'), node('y', 'x'), node('z', 'y'), node('free')];
    expect(dependencyCycles(items)).toEqual([['x', 'y', 'z']]);
  });

  it('finds separate loops separately, in item order, and a self-dependency', () => {
    const items = [node('p', 'q'), node('a', 'b'), node('b', 'a'), node('q', 'p'), node('s', 's')];
    expect(dependencyCycles(items)).toEqual([['p', 'q'], ['a', 'b'], ['s']]);
  });

  it('ignores dependencies on unknown ids', () => {
    expect(dependencyCycles([node('a', 'ghost'), node('b', 'a')])).toEqual([]);
  });

  it('handles a 20 000-item chain closed into a loop without overflowing the stack', () => {
    const n = 20_000;
    const items = Array.from({ length: n }, (_, i) => node(`i${i}`, `i${(i + 1) % n}`));
    const cycles = dependencyCycles(items);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
    items[n - 1] = node(`i${n - 1}`);
    expect(dependencyCycles(items)).toEqual([]);
  });
});

describe('reachability', () => {
  const items = [node('a'), node('b', 'a'), node('c', 'b'), node('d')];

  it('follows dependencies transitively', () => {
    expect(dependsTransitively(items, 'c', 'a')).toBe(true);
    expect(dependsTransitively(items, 'a', 'c')).toBe(false);
    expect(dependsTransitively(items, 'd', 'a')).toBe(false);
  });

  it('says when a new dependency would close a loop', () => {
    expect(wouldCreateCycle(items, 'a', 'c')).toBe(true); // c → b → a already
    expect(wouldCreateCycle(items, 'c', 'a')).toBe(false); // already implied, no loop
    expect(wouldCreateCycle(items, 'd', 'c')).toBe(false);
    expect(wouldCreateCycle(items, 'd', 'd')).toBe(true);
  });
});
