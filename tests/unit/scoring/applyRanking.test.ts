import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { EditSchema } from '../../../src/shared/edits/editSchema';
import { sortByRank } from '../../../src/shared/model/rank';
import { parseProductText } from '../../../src/shared/model/productFile';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { planApplyRanking } from '../../../src/shared/scoring/applyRanking';
import { rankBy } from '../../../src/shared/scoring/frameworks';
import { prioritizationItems } from '../../../src/shared/scoring/items';

function product(): Product {
  return ProductSchema.parse({
    schemaVersion: 2,
    id: 'p',
    name: 'P',
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog' },
        { id: 'ready', name: 'Ready', category: 'todo' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
    },
    epics: [
      { id: 'e1', title: 'Small', rank: 'a0', scores: { rice: { reach: 10, impact: 1, confidence: 100, effort: 1 } } },
      { id: 'e2', title: 'Big', rank: 'a1', scores: { rice: { reach: 1000, impact: 1, confidence: 100, effort: 1 } } },
      { id: 'e3', title: 'Done', rank: 'a2', status: 'done', scores: { rice: { reach: 99999, impact: 1, confidence: 100, effort: 1 } } },
    ],
    stories: [
      { id: 's1', title: 'One', status: 'backlog', rank: 'a0', scores: { rice: { reach: 10, impact: 1, confidence: 100, effort: 1 } } },
      { id: 's2', title: 'Two', status: 'ready', rank: 'a1' },
      { id: 's3', title: 'Three', status: 'backlog', rank: 'a2', scores: { rice: { reach: 500, impact: 1, confidence: 100, effort: 1 } } },
      { id: 'sd', title: 'Shipped', status: 'done', rank: 'a3', scores: { rice: { reach: 99999, impact: 3, confidence: 100, effort: 1 } } },
      { id: 's4', title: 'Four', status: 'ready', rank: 'a4', scores: { rice: { reach: 100, impact: 1, confidence: 100, effort: 1 } } },
    ],
  });
}

const order = (p: Product, ids: string[]) => sortByRank(p.stories.filter((s) => ids.includes(s.id))).map((s) => s.id);

describe('planApplyRanking', () => {
  it('reorders stories by the ranking in one batch, keeping columns, and undoes in one step', () => {
    const p = product();
    const items = prioritizationItems(p, 'stories', false);
    expect(items.map((i) => i.id)).toEqual(['s1', 's2', 's3', 's4']); // the done story is left out
    const plan = planApplyRanking(items, rankBy('rice', items), 'Apply RICE ranking to backlog');
    expect(plan.ranked).toBe(3);
    expect(plan.unscored).toBe(1);
    // New order: s3 (500), s4 (100), s1 (10), then unscored s2.
    expect(plan.moves).toEqual([
      { id: 's3', title: 'Three', from: 3, to: 1 },
      { id: 's4', title: 'Four', from: 4, to: 2 },
      { id: 's1', title: 'One', from: 1, to: 3 },
      { id: 's2', title: 'Two', from: 2, to: 4 },
    ]);
    const edit = plan.edit;
    if (!edit) throw new Error('expected an edit');
    expect(edit.type).toBe('batch');
    expect(EditSchema.safeParse(edit).success).toBe(true);
    expect(edit.edits.every((e) => e.type === 'story.move')).toBe(true);

    const applied = applyEdit(p, edit);
    expect(order(applied.product, ['s1', 's2', 's3', 's4'])).toEqual(['s3', 's4', 's1', 's2']);
    // Columns are kept, the done story is untouched, ranks stay unique.
    expect(applied.product.stories.map((s) => [s.id, s.status])).toEqual(p.stories.map((s) => [s.id, s.status]));
    expect(applied.product.stories.find((s) => s.id === 'sd')).toEqual(p.stories.find((s) => s.id === 'sd'));
    expect(new Set(applied.product.stories.map((s) => s.rank)).size).toBe(5);
    // Per column: Backlog s3 before s1; Ready s4 before s2.
    expect(order(applied.product, ['s1', 's3'])).toEqual(['s3', 's1']);
    expect(order(applied.product, ['s2', 's4'])).toEqual(['s4', 's2']);

    const undone = applyEdit(applied.product, applied.inverse);
    expect(undone.product).toEqual(p);

    // Applying again changes nothing.
    const again = prioritizationItems(applied.product, 'stories', false);
    const second = planApplyRanking(again, rankBy('rice', again), 'x');
    expect(second.edit).toBeNull();
    expect(second.moves).toEqual([]);
  });

  it('reorders epics with epic.update rank patches', () => {
    const p = product();
    const items = prioritizationItems(p, 'epics', false);
    const plan = planApplyRanking(items, rankBy('rice', items), 'Apply');
    expect(plan.edit?.edits).toEqual([
      { type: 'epic.update', id: 'e2', patch: { rank: 'a0' } },
      { type: 'epic.update', id: 'e1', patch: { rank: 'a1' } },
    ]);
    const applied = applyEdit(p, plan.edit ?? { type: 'batch', label: '', edits: [] });
    expect(sortByRank(applied.product.epics).map((e) => e.id)).toEqual(['e2', 'e1', 'e3']);
  });

  it('gives fresh ranks when a hand-edited file repeats a rank', () => {
    const p = product();
    const dup = { ...p, stories: p.stories.map((s) => (s.id === 's3' ? { ...s, rank: 'a0' } : s)) };
    const items = prioritizationItems(dup, 'stories', false);
    const plan = planApplyRanking(items, rankBy('rice', items), 'Apply');
    const applied = applyEdit(dup, plan.edit ?? { type: 'batch', label: '', edits: [] });
    expect(order(applied.product, ['s1', 's2', 's3', 's4'])).toEqual(['s3', 's4', 's1', 's2']);
  });

  it('works on a real sample: the RICE order becomes the backlog order', () => {
    const text = readFileSync(join(__dirname, '../../../resources/samples/larder.product.json'), 'utf8');
    const parsed = parseProductText(text);
    if (!parsed.ok) throw new Error('sample does not parse');
    const p = parsed.product;
    const items = prioritizationItems(p, 'stories', false);
    const ranking = rankBy('rice', items);
    const plan = planApplyRanking(items, ranking, 'Apply');
    const applied = applyEdit(p, plan.edit ?? { type: 'batch', label: '', edits: [] }).product;
    const after = prioritizationItems(applied, 'stories', false).map((i) => i.id);
    expect(after.slice(0, ranking.ordered.length)).toEqual(ranking.ordered.map((e) => e.id));
  });
});
