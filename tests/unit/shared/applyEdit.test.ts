import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits, EditError } from '../../../src/shared/edits/applyEdit';
import { EDIT_TYPES, EditSchema, type Edit, type EditType } from '../../../src/shared/edits/editSchema';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { deepFreeze, richProduct } from './productBuilders';
import { sampleEdits } from './sampleEdits';

const edits = sampleEdits();

/** Apply, check the result is a valid product and the inverse a valid edit, undo, redo. */
function roundTrip(product: Product, edit: Edit): Product {
  const frozen = deepFreeze(structuredClone(product));
  const { product: after, inverse } = applyEdit(frozen, edit);
  expect(ProductSchema.parse(after)).toEqual(after);
  const parsedInverse = EditSchema.safeParse(inverse);
  expect(parsedInverse.success ? 'ok' : parsedInverse.error.issues).toBe('ok');
  const undone = applyEdit(deepFreeze(after), inverse);
  expect(undone.product).toEqual(product);
  expect(applyEdit(undone.product, undone.inverse).product).toEqual(after);
  return after;
}

function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((e) => e.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('every sample edit applies to the rich product, validates and undoes exactly', () => {
  it.each([...EDIT_TYPES])('%s', (type) => {
    roundTrip(richProduct(), edits[type as EditType]);
  });
});

describe('simple edits', () => {
  it('product.update changes only the patched keys and its inverse holds the old values', () => {
    const p = richProduct();
    const r = applyEdit(p, edits['product.update']);
    expect(r.product).toEqual({ ...p, name: 'Tool Library', summary: 'Borrow, do not buy.' });
    expect(r.inverse).toEqual({ type: 'product.update', patch: { name: 'Neighbourhood Tool Library', summary: 'Lend and borrow tools between neighbours.' } });
  });

  it('vision, board, prioritization and practice updates patch their part', () => {
    const p = richProduct();
    expect(applyEdit(p, edits['vision.update']).product.vision).toEqual({ ...p.vision, value: 'Less waste, more neighbours.' });
    expect(applyEdit(p, edits['board.update']).product.board).toEqual({ ...p.board, splitThreshold: 13 });
    expect(applyEdit(p, edits['prioritization.update']).product.prioritization).toMatchObject({ framework: 'wsjf', learnerRanking: ['s2', 's1'], scope: 'stories' });
    expect(applyEdit(p, edits['practice.update']).product.practice.brief).toBe('Prioritise the reminders epic.');
  });

  it('persona.add inserts at the index (clamped), and its inverse deletes it', () => {
    const p = richProduct();
    const r = applyEdit(p, edits['persona.add']);
    expect(r.product.personas.map((x) => x.id)).toEqual(['p3', 'p1', 'p2']);
    expect(r.inverse).toEqual({ type: 'persona.delete', id: 'p3' });
    const far = applyEdit(p, { ...edits['persona.add'], index: 99 });
    expect(far.product.personas.map((x) => x.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('a delete is undone at the same position', () => {
    const p = richProduct();
    const r = applyEdit(p, { type: 'persona.delete', id: 'p1' });
    expect(r.inverse).toEqual({ type: 'persona.add', persona: p.personas[0], index: 0 });
    expect(applyEdit(r.product, r.inverse).product.personas).toEqual(p.personas);
  });

  it('story.move changes status and rank, and its inverse restores both', () => {
    const p = richProduct();
    const r = applyEdit(p, edits['story.move']);
    expect(byId(r.product.stories, 's4')).toMatchObject({ status: 'done', rank: 'a0V' });
    expect(r.inverse).toEqual({ type: 'story.move', id: 's4', status: 'backlog', rank: 'a3' });
  });

  it('column.move and lane.move reorder and move back', () => {
    const p = richProduct();
    const c = applyEdit(p, edits['column.move']);
    expect(c.product.board.columns.map((x) => x.id)).toEqual(['done', 'backlog', 'todo', 'doing']);
    expect(c.inverse).toEqual({ type: 'column.move', id: 'done', index: 3 });
    const l = applyEdit(p, edits['lane.move']);
    expect(l.product.roadmap.lanes.map((x) => x.id)).toEqual(['l2', 'l1']);
  });

  it('roadmap.move sets horizon and rank, and the lane only when given', () => {
    const p = richProduct();
    const withLane = applyEdit(p, edits['roadmap.move']);
    expect(byId(withLane.product.roadmap.items, 'i3')).toMatchObject({ horizon: 'now', rank: 'a0V', laneId: 'l1' });
    expect(withLane.inverse).toEqual({ type: 'roadmap.move', id: 'i3', horizon: 'later', rank: 'a2', laneId: 'l2' });
    const noLane = applyEdit(p, { type: 'roadmap.move', id: 'i3', horizon: 'next', rank: 'a2' });
    expect(byId(noLane.product.roadmap.items, 'i3').laneId).toBe('l2');
    expect(noLane.inverse).toEqual({ type: 'roadmap.move', id: 'i3', horizon: 'later', rank: 'a2' });
    roundTrip(p, { type: 'roadmap.move', id: 'i3', horizon: 'next', rank: 'a2', laneId: null });
  });

  it('roadmap.schedule sets and clears dates', () => {
    const p = richProduct();
    const r = applyEdit(p, edits['roadmap.schedule']);
    expect(byId(r.product.roadmap.items, 'i2')).toMatchObject({ start: '2026-03-02', end: '2026-04-24' });
    expect(r.inverse).toEqual({ type: 'roadmap.schedule', id: 'i2', start: null, end: null });
    const cleared = applyEdit(p, { type: 'roadmap.schedule', id: 'i1', start: null, end: null });
    expect(byId(cleared.product.roadmap.items, 'i1')).toMatchObject({ start: null, end: null });
    roundTrip(p, { type: 'roadmap.schedule', id: 'i1', start: '2026-02-01', end: '2026-02-01' });
  });
});

describe('score.set', () => {
  it('a partial RICE patch (one field) leaves the other fields', () => {
    const p = richProduct();
    const r = applyEdit(p, { type: 'score.set', target: 'story', id: 's3', patch: { rice: { effort: 2 } } });
    expect(byId(r.product.stories, 's3').scores.rice).toEqual({ reach: 400, impact: 2, confidence: 80, effort: 2 });
    expect(r.inverse).toEqual({ type: 'score.set', target: 'story', id: 's3', patch: { rice: { effort: 1 } } });
    expect(byId(r.product.stories, 's3').scores.ice).toEqual(byId(p.stories, 's3').scores.ice);
  });

  it('sets epic scores, other frameworks and MoSCoW, and undoes them', () => {
    const p = richProduct();
    const edit: Edit = { type: 'score.set', target: 'epic', id: 'e2', patch: { ice: { ease: 7 }, wsjf: { jobSize: 5, businessValue: 8 }, moscow: 'should' } };
    const after = roundTrip(p, edit);
    expect(byId(after.epics, 'e2').scores).toEqual({
      rice: { reach: null, impact: null, confidence: null, effort: null },
      ice: { impact: null, confidence: null, ease: 7 },
      wsjf: { businessValue: 8, timeCriticality: null, riskReduction: null, jobSize: 5 },
      moscow: 'should',
    });
    roundTrip(after, { type: 'score.set', target: 'epic', id: 'e2', patch: { moscow: null } });
  });

  it('refuses a missing target', () => {
    expect(() => applyEdit(richProduct(), { type: 'score.set', target: 'epic', id: 's1', patch: { moscow: 'must' } })).toThrow(EditError);
  });
});

describe('cascades', () => {
  it('deleting an epic clears stories’ epicId and items’ epicIds, and the inverse restores them exactly', () => {
    const p = richProduct();
    const after = roundTrip(p, { type: 'epic.delete', id: 'e1' });
    expect(after.epics.map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(byId(after.stories, 's1').epicId).toBeNull();
    expect(byId(after.stories, 's2').epicId).toBeNull();
    expect(byId(after.stories, 's3').epicId).toBe('e2');
    expect(byId(after.roadmap.items, 'i1').epicIds).toEqual(['e2']);
    expect(byId(after.roadmap.items, 'i2').epicIds).toEqual([]);
  });

  it('deleting a goal clears epics’ and items’ goalId', () => {
    const p = richProduct();
    const after = roundTrip(p, { type: 'goal.delete', id: 'g1' });
    expect(byId(after.epics, 'e1').goalId).toBeNull();
    expect(byId(after.epics, 'e2').goalId).toBe('g2');
    expect(byId(after.roadmap.items, 'i1').goalId).toBeNull();
  });

  it('deleting a story removes it from items’ storyIds and specs’ linkedStoryIds', () => {
    const p = richProduct();
    const after = roundTrip(p, { type: 'story.delete', id: 's1' });
    expect(after.stories.map((s) => s.id)).toEqual(['s2', 's3', 's4']);
    expect(byId(after.roadmap.items, 'i1').storyIds).toEqual(['s3']);
    expect(byId(after.roadmap.items, 'i3').storyIds).toEqual([]);
    expect(byId(after.specs, 'sp1').linkedStoryIds).toEqual(['s2']);
  });

  it('deleting a column moves its stories to the chosen column (keeping their ranks)', () => {
    const p = richProduct();
    const after = roundTrip(p, { type: 'column.delete', id: 'backlog', moveStoriesTo: 'done' });
    expect(after.board.columns.map((c) => c.id)).toEqual(['todo', 'doing', 'done']);
    expect(byId(after.stories, 's1')).toMatchObject({ status: 'done', rank: 'a0' });
    expect(byId(after.stories, 's4')).toMatchObject({ status: 'done', rank: 'a3' });
    expect(byId(after.stories, 's2').status).toBe('todo');
  });

  it('deleting a column that holds stories without a target, or into itself, is refused', () => {
    const p = richProduct();
    expect(() => applyEdit(p, { type: 'column.delete', id: 'backlog', moveStoriesTo: null })).toThrow(/2 stories/);
    expect(() => applyEdit(p, { type: 'column.delete', id: 'backlog', moveStoriesTo: 'backlog' })).toThrow(EditError);
    expect(() => applyEdit(p, { type: 'column.delete', id: 'backlog', moveStoriesTo: 'nowhere' })).toThrow(EditError);
  });

  it('deleting an empty column needs no target', () => {
    roundTrip(richProduct(), { type: 'column.delete', id: 'done', moveStoriesTo: null });
  });

  it('deleting the last column is refused', () => {
    let p = richProduct();
    p = applyEdits(p, [
      { type: 'column.delete', id: 'backlog', moveStoriesTo: 'todo' },
      { type: 'column.delete', id: 'doing', moveStoriesTo: 'todo' },
      { type: 'column.delete', id: 'done', moveStoriesTo: null },
    ]).product;
    expect(p.board.columns.map((c) => c.id)).toEqual(['todo']);
    expect(() => applyEdit(p, { type: 'column.delete', id: 'todo', moveStoriesTo: null })).toThrow(/at least one column/);
  });

  it('deleting a lane clears items’ laneId', () => {
    const p = richProduct();
    const after = roundTrip(p, { type: 'lane.delete', id: 'l1' });
    expect(byId(after.roadmap.items, 'i1').laneId).toBeNull();
    expect(byId(after.roadmap.items, 'i2').laneId).toBeNull();
    expect(byId(after.roadmap.items, 'i3').laneId).toBe('l2');
  });

  it('deleting a roadmap item removes it from others’ dependsOn', () => {
    const p = richProduct();
    const after = roundTrip(p, { type: 'roadmapItem.delete', id: 'i1' });
    expect(byId(after.roadmap.items, 'i2').dependsOn).toEqual([]);
    expect(byId(after.roadmap.items, 'i3').dependsOn).toEqual(['i2']);
  });

  it('the inverse of a cascading delete is one flat batch that re-adds first', () => {
    const r = applyEdit(richProduct(), { type: 'epic.delete', id: 'e1' });
    expect(r.inverse.type).toBe('batch');
    if (r.inverse.type !== 'batch') return;
    expect(r.inverse.edits[0]).toMatchObject({ type: 'epic.add', index: 0 });
    expect(r.inverse.edits.some((e) => e.type === 'batch')).toBe(false);
  });
});

describe('refused edits', () => {
  const p = richProduct();
  it.each<[string, Edit]>([
    ['story.move to a missing column', { type: 'story.move', id: 's1', status: 'nowhere', rank: 'a0' }],
    ['story.move of a missing story', { type: 'story.move', id: 'ghost', status: 'todo', rank: 'a0' }],
    ['roadmap.schedule ending before it starts', { type: 'roadmap.schedule', id: 'i1', start: '2026-05-02', end: '2026-05-01' }],
    ['roadmapItem.update moving the start after the end', { type: 'roadmapItem.update', id: 'i1', patch: { start: '2026-03-01' } }],
    ['a duplicate id on story.add', { ...edits['story.add'], story: { ...edits['story.add'].story, id: 's1' } }],
    ['a duplicate id on column.add', { type: 'column.add', column: { id: 'todo', name: 'Again', category: 'todo', wipLimit: null } }],
    ['a duplicate id on roadmapItem.add', { ...edits['roadmapItem.add'], item: { ...edits['roadmapItem.add'].item, id: 'i1' } }],
    ['story.add into a missing column', { ...edits['story.add'], story: { ...edits['story.add'].story, status: 'nowhere' } }],
    ['story.add in a missing epic', { ...edits['story.add'], story: { ...edits['story.add'].story, epicId: 'ghost' } }],
    ['story.update to a missing epic', { type: 'story.update', id: 's1', patch: { epicId: 'ghost' } }],
    ['epic.add for a missing goal', { ...edits['epic.add'], epic: { ...edits['epic.add'].epic, goalId: 'ghost' } }],
    ['epic.update to a missing goal', { type: 'epic.update', id: 'e1', patch: { goalId: 'ghost' } }],
    ['roadmapItem.add in a missing lane', { ...edits['roadmapItem.add'], item: { ...edits['roadmapItem.add'].item, laneId: 'ghost' } }],
    ['roadmapItem.add with a missing story', { ...edits['roadmapItem.add'], item: { ...edits['roadmapItem.add'].item, storyIds: ['ghost'] } }],
    ['roadmapItem.update with a missing epic', { type: 'roadmapItem.update', id: 'i1', patch: { epicIds: ['ghost'] } }],
    ['roadmapItem.update depending on a missing item', { type: 'roadmapItem.update', id: 'i1', patch: { dependsOn: ['ghost'] } }],
    ['roadmapItem.update depending on itself', { type: 'roadmapItem.update', id: 'i2', patch: { dependsOn: ['i1', 'i2'] } }],
    ['roadmap.move to a missing lane', { type: 'roadmap.move', id: 'i1', horizon: 'now', rank: 'a0', laneId: 'ghost' }],
    ['spec.add linking a missing story', { ...edits['spec.add'], spec: { ...edits['spec.add'].spec, linkedStoryIds: ['ghost'] } }],
    ['spec.update linking a missing story', { type: 'spec.update', id: 'sp1', patch: { linkedStoryIds: ['s1', 'ghost'] } }],
    ['board.update with two ready items of one id', { type: 'board.update', patch: { definitionOfReady: [{ id: 'd', text: 'a', check: null }, { id: 'd', text: 'b', check: null }] } }],
    ['an update of a missing entity', { type: 'milestone.update', id: 'ghost', patch: { title: 'x' } }],
    ['a delete of a missing entity', { type: 'spec.delete', id: 'ghost' }],
    ['a batch inside a batch', { type: 'batch', label: 'outer', edits: [{ type: 'batch', label: 'inner', edits: [] }] }],
  ])('%s → EditError', (_name, edit) => {
    expect(() => applyEdit(deepFreeze(structuredClone(p)), edit)).toThrow(EditError);
  });

  it('a batch that fails part-way changes nothing (the input is untouched)', () => {
    const frozen = deepFreeze(richProduct());
    const batch: Edit = { type: 'batch', label: 'half', edits: [edits['story.move'], { type: 'story.delete', id: 'ghost' }] };
    expect(() => applyEdit(frozen, batch)).toThrow(EditError);
    expect(frozen).toEqual(richProduct());
  });
});

describe('batches', () => {
  it('apply in order and undo in reverse order as one flat batch', () => {
    const p = richProduct();
    const batch: Edit = {
      type: 'batch',
      label: 'tidy',
      edits: [
        { type: 'epic.delete', id: 'e1' },
        { type: 'story.move', id: 's1', status: 'done', rank: 'a5' },
        { type: 'story.delete', id: 's1' },
        { type: 'goal.delete', id: 'g2' },
      ],
    };
    const after = roundTrip(p, batch);
    expect(after.stories.map((s) => s.id)).toEqual(['s2', 's3', 's4']);
    const { inverse } = applyEdit(p, batch);
    expect(inverse.type === 'batch' && inverse.label).toBe('tidy');
    expect(inverse.type === 'batch' && inverse.edits.every((e) => e.type !== 'batch')).toBe(true);
  });

  it('applyEdits returns the inverses last edit first', () => {
    const p = richProduct();
    const { product, inverses } = applyEdits(p, [edits['story.move'], edits['lane.move']]);
    expect(inverses.map((e) => e.type)).toEqual(['lane.move', 'story.move']);
    expect(applyEdits(product, inverses).product).toEqual(p);
  });
});

describe('purity', () => {
  it('applyEdit never mutates its input (every sample edit on a deep-frozen product)', () => {
    for (const edit of Object.values(edits)) {
      const frozen = deepFreeze(richProduct());
      expect(() => applyEdit(frozen, edit)).not.toThrow();
      expect(frozen).toEqual(richProduct());
    }
  });
});
