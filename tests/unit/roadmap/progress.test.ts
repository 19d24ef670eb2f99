import { describe, expect, it } from 'vitest';
import { itemProgress, progressByItem, rollupProgress } from '../../../src/shared/roadmap/progress';
import { productWith } from './builders';

const product = productWith({
  stories: [
    { id: 's1', epicId: 'e1', status: 'done' },
    { id: 's2', epicId: 'e1', status: 'doing' },
    { id: 's3', epicId: 'e1', status: 'backlog' },
    { id: 's4', epicId: 'e2', status: 'done' },
    { id: 's5', status: 'ready' },
    { id: 's6', status: 'done' },
  ],
  items: [
    { id: 'epic-only', epicIds: ['e1'] },
    { id: 'mixed', epicIds: ['e1'], storyIds: ['s1', 's6'] }, // s1 is also in e1: counted once
    { id: 'stories-only', storyIds: ['s4', 's5'] },
    { id: 'nothing' },
  ],
});

const item = (id: string) => {
  const found = product.roadmap.items.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('progress roll-up from linked stories', () => {
  it("counts an epic's stories by their column's category", () => {
    expect(itemProgress(product, item('epic-only'))).toEqual({ done: 1, inProgress: 1, total: 3, ratio: 1 / 3 });
  });

  it('counts a story linked directly and through an epic once', () => {
    expect(itemProgress(product, item('mixed'))).toEqual({ done: 2, inProgress: 1, total: 4, ratio: 0.5 });
  });

  it('counts directly linked stories', () => {
    expect(itemProgress(product, item('stories-only'))).toEqual({ done: 1, inProgress: 0, total: 2, ratio: 0.5 });
  });

  it('has no ratio when nothing is linked', () => {
    expect(itemProgress(product, item('nothing'))).toEqual({ done: 0, inProgress: 0, total: 0, ratio: null });
  });

  it('gives every item its progress in one pass', () => {
    const all = progressByItem(product);
    expect(all.get('mixed')).toEqual(itemProgress(product, item('mixed')));
    expect([...all.keys()]).toEqual(['epic-only', 'mixed', 'stories-only', 'nothing']);
  });

  it('rolls several items up without counting shared stories twice', () => {
    expect(rollupProgress(product, [item('epic-only'), item('mixed'), item('stories-only')])).toEqual({ done: 3, inProgress: 1, total: 6, ratio: 0.5 });
    expect(rollupProgress(product, [])).toEqual({ done: 0, inProgress: 0, total: 0, ratio: null });
  });
});
