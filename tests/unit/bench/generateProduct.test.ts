import { describe, expect, it } from 'vitest';
import { generateProduct } from '../../bench/generate/generateProduct';
import { mulberry32, Random } from '../../bench/generate/prng';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { isValidRank } from '../../../src/shared/model/rank';
import { ProductSchema, type DocNode, type Product } from '../../../src/shared/model/schema';

/** The reference mulberry32 (Tommy Ettinger's, as widely published), to check ours against. */
function referenceMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether the `dependsOn` graph has a cycle (iterative three-colour depth-first search). */
function hasCycle(items: readonly { id: string; dependsOn: readonly string[] }[]): boolean {
  const edges = new Map(items.map((i) => [i.id, i.dependsOn]));
  const state = new Map<string, 'open' | 'done'>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const deps = edges.get(top.id) ?? [];
      if (top.next >= deps.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const dep = deps[top.next] ?? '';
      top.next += 1;
      const seen = state.get(dep);
      if (seen === 'open') return true;
      if (seen === undefined) {
        state.set(dep, 'open');
        stack.push({ id: dep, next: 0 });
      }
    }
  }
  return false;
}

function nodeTypes(doc: DocNode, into = new Map<string, number>()): Map<string, number> {
  into.set(doc.type, (into.get(doc.type) ?? 0) + 1);
  for (const child of doc.content ?? []) nodeTypes(child, into);
  return into;
}

describe('mulberry32', () => {
  it('matches the reference implementation', () => {
    for (const seed of [0, 1, 42, 0xdeadbeef, 2 ** 31]) {
      const ours = mulberry32(seed);
      const reference = referenceMulberry32(seed);
      for (let i = 0; i < 1000; i += 1) expect(ours()).toBe(reference());
    }
  });

  it('spreads values over [0, 1)', () => {
    const random = new Random(7);
    const buckets = new Array<number>(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const x = random.float();
      min = Math.min(min, x);
      max = Math.max(max, x);
      buckets[Math.floor(x * 10)] = (buckets[Math.floor(x * 10)] ?? 0) + 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('samples distinct elements and integers within bounds', () => {
    const random = new Random(3);
    const list = Array.from({ length: 50 }, (_, i) => i);
    for (let round = 0; round < 100; round += 1) {
      const picked = random.sample(list, 10);
      expect(new Set(picked).size).toBe(10);
      const n = random.int(2, 5);
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(random.sample([1, 2], 5)).toHaveLength(2);
  });
});

describe('generateProduct', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    const a = serializeProduct(generateProduct({ stories: 1000, seed: 11 }));
    const b = serializeProduct(generateProduct({ stories: 1000, seed: 11 }));
    const c = serializeProduct(generateProduct({ stories: 1000, seed: 12 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it.each([1000, 5000])('makes a valid product of %i stories with the sizes asked for', (stories) => {
    const product = generateProduct({ stories, seed: 1 });
    const result = ProductSchema.safeParse(product);
    expect(result.success, result.success ? '' : JSON.stringify(result.error.issues.slice(0, 3))).toBe(true);
    expect(product.id).toBe(`bench-${stories}`);
    expect(product.stories).toHaveLength(stories);
    expect(product.roadmap.items).toHaveLength(300);
    expect(product.specs).toHaveLength(20);
    expect(product.epics.length).toBeGreaterThanOrEqual(6);
    // The file round-trips through the app's own reader.
    const parsed = parseProductText(serializeProduct(product));
    expect(parsed.ok).toBe(true);
  });

  it('makes a valid product of 10,000 stories', () => {
    const product = generateProduct({ stories: 10_000, seed: 1 });
    expect(product.stories).toHaveLength(10_000);
    expect(ProductSchema.safeParse(product).success).toBe(true);
  });

  it('honours custom counts and ids, including an empty product', () => {
    const small = generateProduct({ stories: 0, seed: 5, roadmapItems: 0, specs: 0, id: 'tiny', name: 'Tiny' });
    expect(ProductSchema.safeParse(small).success).toBe(true);
    expect(small).toMatchObject({ id: 'tiny', name: 'Tiny', stories: [], specs: [], roadmap: { items: [] } });
    const other = generateProduct({ stories: 40, seed: 5, roadmapItems: 25, specs: 3 });
    expect(ProductSchema.safeParse(other).success).toBe(true);
    expect([other.stories.length, other.roadmap.items.length, other.specs.length]).toEqual([40, 25, 3]);
  });

  describe('content of a 1,000-story product', () => {
    const product: Product = generateProduct({ stories: 1000, seed: 2 });

    it('has unique, valid ranks in an order that differs from the file order', () => {
      const ranks = product.stories.map((s) => s.rank);
      expect(new Set(ranks).size).toBe(ranks.length);
      expect(ranks.every(isValidRank)).toBe(true);
      const sorted = [...ranks].sort();
      expect(ranks).not.toEqual(sorted);
    });

    it('fills stories like a real backlog: criteria, epics, labels, estimates, RICE inputs, every column', () => {
      const share = (pred: (s: Product['stories'][number]) => boolean) => product.stories.filter(pred).length / product.stories.length;
      expect(share((s) => s.acceptanceCriteria.length > 0)).toBeGreaterThan(0.8);
      expect(share((s) => s.acceptanceCriteria.length === 0)).toBeGreaterThan(0.02);
      expect(share((s) => s.epicId !== null)).toBeGreaterThan(0.8);
      expect(share((s) => s.labels.length > 0)).toBeGreaterThan(0.5);
      expect(share((s) => s.estimate !== null)).toBeGreaterThan(0.75);
      const rice = (s: Product['stories'][number]) => Object.values(s.scores.rice).every((v) => v !== null);
      expect(share(rice)).toBeGreaterThan(0.85);
      expect(share((s) => !rice(s))).toBeGreaterThan(0.01);
      for (const column of product.board.columns) expect(share((s) => s.status === column.id)).toBeGreaterThan(0);
      expect(share((s) => s.splitInto.length > 0)).toBeGreaterThan(0);
      const titles = new Set(product.stories.map((s) => s.title));
      expect(titles.size).toBeGreaterThan(900);
      for (const s of product.stories) {
        expect(s.title.length).toBeGreaterThan(8);
        expect(s.title.length).toBeLessThanOrEqual(300);
      }
    });

    it('has an acyclic dependency graph with plenty of dependencies', () => {
      const items = product.roadmap.items;
      expect(hasCycle(items)).toBe(false);
      expect(items.filter((i) => i.dependsOn.length > 0).length).toBeGreaterThan(60);
      expect(items.every((i) => new Set(i.dependsOn).size === i.dependsOn.length)).toBe(true);
      expect(items.filter((i) => i.start !== null).length).toBeGreaterThan(150);
      expect(new Set(items.map((i) => i.horizon))).toEqual(new Set(['now', 'next', 'later']));
    });

    it('writes specs of realistic length with headings, paragraphs, lists and a table', () => {
      for (const spec of product.specs) {
        const types = nodeTypes(spec.content);
        for (const type of ['heading', 'paragraph', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell', 'text']) {
          expect(types.get(type), `${spec.id} has ${type}`).toBeGreaterThan(0);
        }
        expect(types.get('heading')).toBeGreaterThanOrEqual(8);
        const size = JSON.stringify(spec.content).length;
        expect(size).toBeGreaterThan(5_000);
        expect(size).toBeLessThan(40_000);
        expect(spec.linkedStoryIds.length).toBeGreaterThanOrEqual(3);
      }
    });

    it('detects a cycle when there is one (the checker above is real)', () => {
      expect(hasCycle([{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['c'] }, { id: 'c', dependsOn: ['a'] }])).toBe(true);
      expect(hasCycle([{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: [] }])).toBe(false);
    });
  });
});
