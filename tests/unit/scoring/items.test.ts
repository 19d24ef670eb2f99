import { describe, expect, it } from 'vitest';
import { ProductSchema } from '../../../src/shared/model/schema';
import { prioritizationItems } from '../../../src/shared/scoring/items';

const product = ProductSchema.parse({
  schemaVersion: 2,
  id: 'p',
  name: 'P',
  board: { columns: [{ id: 'todo', name: 'To do' }, { id: 'shipped', name: 'Shipped', category: 'done' }] },
  epics: [
    { id: 'e2', title: 'Second', rank: 'a1', description: 'Two' },
    { id: 'e1', title: 'First', rank: 'a0' },
    { id: 'e3', title: 'Finished', rank: 'a2', status: 'done' },
  ],
  stories: [
    { id: 's2', title: 'B', status: 'todo', rank: 'a1', iWant: 'to plan meals' },
    { id: 's1', title: 'A', status: 'todo', rank: 'a0', description: 'Plain description' },
    { id: 's3', title: 'C', status: 'shipped', rank: 'a2' },
  ],
});

describe('prioritizationItems', () => {
  it('lists stories in backlog order, leaving out finished work unless asked', () => {
    expect(prioritizationItems(product, 'stories', false).map((i) => i.id)).toEqual(['s1', 's2']);
    const all = prioritizationItems(product, 'stories', true);
    expect(all.map((i) => [i.id, i.done])).toEqual([
      ['s1', false],
      ['s2', false],
      ['s3', true],
    ]);
    expect(all[1]).toMatchObject({ kind: 'story', summary: 'I want to plan meals', status: 'todo' });
    expect(all[0]?.summary).toBe('Plain description');
  });

  it('lists epics the same way', () => {
    expect(prioritizationItems(product, 'epics', false).map((i) => i.id)).toEqual(['e1', 'e2']);
    expect(prioritizationItems(product, 'epics', true).map((i) => i.id)).toEqual(['e1', 'e2', 'e3']);
    expect(prioritizationItems(product, 'epics', false)[1]).toMatchObject({ kind: 'epic', summary: 'Two', status: null });
  });
});
