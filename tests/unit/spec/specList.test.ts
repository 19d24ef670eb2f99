import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { EditSchema } from '../../../src/shared/edits/editSchema';
import { ProductSchema } from '../../../src/shared/model/schema';
import { riceRanking } from '../../../src/shared/spec/ranking';
import { createSpec, defaultSpecTitle, duplicateSpec, uniqueSpecTitle } from '../../../src/shared/spec/specList';
import { templateDoc } from '../../../src/shared/spec/templates';
import { specProduct } from './specFixtures';

describe('spec list', () => {
  it('creates a spec from a template as a valid, undoable spec.add edit', () => {
    const product = specProduct();
    const spec = createSpec(product, 'prd', defaultSpecTitle('prd', product.name));
    expect(spec.title).toBe('PRD: Tool Library');
    expect(spec.content).toEqual(templateDoc('prd'));
    const edit = EditSchema.parse({ type: 'spec.add', spec });
    const { product: after, inverse } = applyEdit(product, edit);
    expect(ProductSchema.safeParse(after).success).toBe(true);
    expect(after.specs.map((s) => s.title)).toEqual(['PRD: Tool Library']);
    expect(applyEdit(after, inverse).product.specs).toEqual([]);
  });

  it('duplicates with a new id and a "(copy)" title, deep-copying the document', () => {
    const product = specProduct();
    const original = createSpec(product, 'one-pager', 'Brief');
    const withOriginal = applyEdit(product, { type: 'spec.add', spec: original }).product;
    const copy = duplicateSpec(withOriginal, original);
    expect(copy.id).not.toBe(original.id);
    expect(copy.title).toBe('Brief (copy)');
    expect(copy.content).toEqual(original.content);
    expect(copy.content).not.toBe(original.content);
    const twice = applyEdit(withOriginal, { type: 'spec.add', spec: copy }).product;
    expect(duplicateSpec(twice, original).title).toBe('Brief (copy) (2)');
  });

  it('keeps titles unique (case-insensitively) and never empty', () => {
    expect(uniqueSpecTitle('PRD', [{ title: 'prd' }, { title: 'PRD (2)' }])).toBe('PRD (3)');
    expect(uniqueSpecTitle('   ', [])).toBe('Untitled spec');
  });
});

describe('riceRanking', () => {
  it('ranks unfinished scored stories by RICE, ties in backlog order, and counts the unscored', () => {
    const ranking = riceRanking(specProduct());
    expect(ranking.rows.map((r) => [r.position, r.id, r.score])).toEqual([
      [1, 's2', 320],
      [2, 's1', 100],
      [3, 's3', 100],
    ]);
    expect(ranking.unscored).toBe(1); // s4; s5 is done
    expect(riceRanking(specProduct(), 1).rows).toHaveLength(1);
    expect(riceRanking(specProduct(), 1).total).toBe(3);
  });

  it('ranks epics when the prioritizer is scoped to epics', () => {
    const product = specProduct({
      prioritization: { scope: 'epics' },
      epics: [
        { id: 'e1', title: 'Borrowing', rank: 'a0', scores: { rice: { reach: 10, impact: 1, confidence: 100, effort: 1 } } },
        { id: 'e2', title: 'Reminders', rank: 'a1', scores: { rice: { reach: 50, impact: 1, confidence: 100, effort: 1 } } },
        { id: 'e3', title: 'Done epic', rank: 'a2', status: 'done', scores: { rice: { reach: 90, impact: 1, confidence: 100, effort: 1 } } },
      ],
    });
    expect(riceRanking(product).rows.map((r) => r.id)).toEqual(['e2', 'e1']);
  });
});
