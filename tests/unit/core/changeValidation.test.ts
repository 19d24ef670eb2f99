import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateChange } from '../../../src/main/core/changeValidation';
import { applyEdit, EditError } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { makeProduct } from './fixtures';

/** Applies an edit without the edit schema's checks, as a direct (unvalidated) caller could. */
function applyRaw(product: Product, edit: unknown): Product {
  return applyEdit(product, edit as Edit).product;
}

const base = makeProduct('alpha', { storyCount: 5 });

const cases: { name: string; edit: unknown }[] = [
  { name: 'valid title', edit: { type: 'story.update', id: 'st-2', patch: { title: 'A better title' } } },
  { name: 'title too long', edit: { type: 'story.update', id: 'st-2', patch: { title: 'x'.repeat(301) } } },
  { name: 'negative estimate', edit: { type: 'story.update', id: 'st-3', patch: { estimate: -1 } } },
  { name: 'estimate not a number', edit: { type: 'story.update', id: 'st-3', patch: { estimate: 'big' } } },
  { name: 'bad acceptance criterion id', edit: { type: 'story.update', id: 'st-1', patch: { acceptanceCriteria: [{ id: '!!', text: 'x' }] } } },
  { name: 'valid acceptance criteria', edit: { type: 'story.update', id: 'st-1', patch: { acceptanceCriteria: [{ id: 'a1', text: 'Given…' }] } } },
  { name: 'empty product name', edit: { type: 'product.update', patch: { name: '' } } },
  { name: 'valid name', edit: { type: 'product.update', patch: { name: 'New' } } },
  { name: 'bad confidence', edit: { type: 'score.set', target: 'story', id: 'st-1', patch: { rice: { confidence: 101 } } } },
  { name: 'good confidence', edit: { type: 'score.set', target: 'story', id: 'st-1', patch: { rice: { confidence: 80 } } } },
  { name: 'bad colour', edit: { type: 'epic.update', id: 'ep-1', patch: { color: 'red' } } },
  { name: 'wip limit zero', edit: { type: 'column.update', id: 'ready', patch: { wipLimit: 0 } } },
  { name: 'add story', edit: { type: 'story.add', story: { ...base.stories[0], id: 'st-new', rank: 'a9' } } },
  { name: 'add story with bad rank', edit: { type: 'story.add', story: { ...base.stories[0], id: 'st-new', rank: '' } } },
  { name: 'move column', edit: { type: 'column.move', id: 'done', index: 0 } },
  { name: 'delete story', edit: { type: 'story.delete', id: 'st-4' } },
  { name: 'bad spec document', edit: { type: 'spec.add', spec: { id: 'sp-1', title: 'Spec', template: 'prd', content: { type: '' }, linkedStoryIds: [] } } },
  { name: 'good spec document', edit: { type: 'spec.add', spec: { id: 'sp-1', title: 'Spec', template: 'prd', content: { type: 'doc', content: [] }, linkedStoryIds: [] } } },
  { name: 'bad milestone date', edit: { type: 'milestone.add', milestone: { id: 'm1', title: 'M', date: '2026-02-30', description: '' } } },
  { name: 'vision too long', edit: { type: 'vision.update', patch: { value: 'v'.repeat(20_001) } } },
  { name: 'dependency on a missing roadmap item', edit: { type: 'roadmapItem.add', item: { id: 'rm-1', title: 'R', description: '', laneId: null, goalId: null, horizon: 'now', rank: 'a0', start: null, end: null, status: 'planned', confidence: 'medium', epicIds: [], storyIds: ['ghost'], dependsOn: ['ghost'] } } },
  { name: 'roadmap item ending before it starts', edit: { type: 'roadmapItem.add', item: { id: 'rm-2', title: 'R', description: '', laneId: null, goalId: null, horizon: 'now', rank: 'a0', start: '2026-05-01', end: '2026-04-01', status: 'planned', confidence: 'medium', epicIds: [], storyIds: [], dependsOn: [] } } },
  { name: 'spec linking a missing story', edit: { type: 'spec.add', spec: { id: 'sp-2', title: 'Spec', template: 'prd', content: { type: 'doc' }, linkedStoryIds: ['ghost'] } } },
  { name: 'persona with a duplicate id', edit: { type: 'batch', label: 'b', edits: [{ type: 'persona.add', persona: { id: 'p1', name: 'A', role: '', description: '', goals: [], frustrations: [] } }, { type: 'persona.update', id: 'p1', patch: {} }] } },
  { name: 'bad DoR list', edit: { type: 'board.update', patch: { definitionOfReady: [{ id: 'd', text: 5, check: null }] } } },
];

describe('validateChange agrees with a full ProductSchema check', () => {
  it('the cases cover both outcomes (most reach validation)', () => {
    const outcomes = cases.map((c) => {
      try {
        return ProductSchema.safeParse(applyRaw(base, c.edit)).success ? 'valid' : 'invalid';
      } catch {
        return 'refused';
      }
    });
    expect(outcomes.filter((o) => o === 'invalid').length).toBeGreaterThanOrEqual(12);
    expect(outcomes.filter((o) => o === 'valid').length).toBeGreaterThanOrEqual(6);
  });

  for (const c of cases) {
    it(c.name, () => {
      let next: Product;
      try {
        next = applyRaw(base, c.edit);
      } catch (error) {
        // applyEdit refused it itself; there is nothing to validate.
        expect(error).toBeInstanceOf(EditError);
        return;
      }
      const full = ProductSchema.safeParse(next).success;
      const incremental = validateChange(ProductSchema, base, next).length === 0;
      expect(incremental).toBe(full);
    });
  }

  it('agrees on random story patches (property)', () => {
    const value = fc.oneof(fc.string({ maxLength: 400 }), fc.integer(), fc.double(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.boolean());
    const key = fc.constantFrom('title', 'asA', 'estimate', 'status', 'rank', 'epicId', 'labels', 'splitInto', 'notes');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), key, value, (n, k, v) => {
        let next: Product;
        try {
          next = applyRaw(base, { type: 'story.update', id: `st-${n}`, patch: { [k]: v } });
        } catch (error) {
          if (error instanceof EditError) return; // refused before validation (unknown column/epic)
          throw error;
        }
        const full = ProductSchema.safeParse(next).success;
        expect(validateChange(ProductSchema, base, next).length === 0).toBe(full);
      }),
      { numRuns: 300 },
    );
  });

  it('checks only what changed: a one-field edit at 10,000 stories is fast', () => {
    const big = makeProduct('big', { storyCount: 10_000 });
    const next = applyRaw(big, { type: 'story.update', id: 'st-5000', patch: { title: 'Changed' } });
    const time = (runs: number, fn: () => void): number => {
      const started = performance.now();
      for (let i = 0; i < runs; i += 1) fn();
      return (performance.now() - started) / runs;
    };
    expect(validateChange(ProductSchema, big, next)).toEqual([]);
    const incremental = time(20, () => validateChange(ProductSchema, big, next));
    const full = time(3, () => ProductSchema.safeParse(next));
    expect(incremental * 4).toBeLessThan(full);
    expect(incremental).toBeLessThan(50);
  });
});

describe('validateChange finds broken references that applyEdit let through', () => {
  it('reports a story link to a missing story in a roadmap item', () => {
    const withItem = ProductSchema.parse({
      ...base,
      roadmap: { lanes: [], items: [{ id: 'rm-1', title: 'R', horizon: 'now', rank: 'a0', storyIds: ['st-1'] }], milestones: [] },
    });
    // Bypass applyEdit's clean-up: drop the story but leave the link.
    const next: Product = { ...withItem, stories: withItem.stories.filter((st) => st.id !== 'st-1') };
    const issues = validateChange(ProductSchema, withItem, next);
    expect(issues.map((i) => i.path.join('.'))).toContain('roadmap.items.0.storyIds.0');
    expect(ProductSchema.safeParse(next).success).toBe(false);
  });
});
