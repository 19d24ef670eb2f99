import { describe, expect, it } from 'vitest';
import { applyEdit, EditError } from '../../../src/shared/edits/applyEdit';
import { partsFromCriteria, splitStoryEdit } from '../../../src/shared/edits/splitStory';
import { sortByRank } from '../../../src/shared/model/rank';
import { ProductSchema } from '../../../src/shared/model/schema';
import { goodStory, productWith } from './storyFactory';

const big = goodStory({
  id: 'big',
  rank: 'a1',
  estimate: 20,
  acceptanceCriteria: [
    { id: 'big-ac1', text: 'Given approved shifts, when I export, then the file lists hours by pay code.' },
    { id: 'big-ac2', text: 'Given overtime, when I export, then overtime is a separate pay code.' },
    { id: 'big-ac3', text: 'Given a night shift, when I export, then the night premium is applied.' },
  ],
});
const after = goodStory({ id: 'after', rank: 'a2', title: 'Show overtime cost on the rota' });
const product = productWith([after, big]);

function seq(): () => number {
  let n = 0;
  return () => ((n += 7) % 36) / 36;
}

describe('splitStoryEdit', () => {
  it('creates linked parts after the original, marks it split, and is one undoable edit', () => {
    const edit = splitStoryEdit(product, 'big', 'acceptance-criteria', partsFromCriteria(big), seq());
    expect(edit.type).toBe('batch');
    const { product: split, inverse } = applyEdit(product, edit);
    expect(ProductSchema.safeParse(split).success).toBe(true);

    const original = split.stories.find((s) => s.id === 'big');
    const parts = split.stories.filter((s) => s.splitFrom === 'big');
    expect(parts).toHaveLength(3);
    expect(original?.splitInto).toEqual(parts.map((p) => p.id));
    expect(parts.map((p) => p.acceptanceCriteria.map((c) => c.text))).toEqual(big.acceptanceCriteria.map((c) => [c.text]));
    expect(parts.every((p) => p.estimate === null && p.status === big.status && p.epicId === big.epicId)).toBe(true);

    // Placed between the original and the next story, in order.
    expect(sortByRank(split.stories).map((s) => s.id)).toEqual(['big', ...parts.map((p) => p.id), 'after']);

    expect(applyEdit(split, inverse).product).toEqual(product);
  });

  it('splits by workflow step with criteria assigned per part', () => {
    const edit = splitStoryEdit(
      product,
      'big',
      'workflow-steps',
      [
        { title: 'Export regular hours', criterionIds: ['big-ac1'] },
        { title: 'Export overtime and night premiums', criterionIds: ['big-ac2', 'big-ac3'] },
        { title: '   ', criterionIds: [] },
      ],
      seq(),
    );
    const { product: split } = applyEdit(product, edit);
    const parts = sortByRank(split.stories.filter((s) => s.splitFrom === 'big'));
    expect(parts.map((p) => p.title)).toEqual(['Export regular hours', 'Export overtime and night premiums']);
    expect(parts[1]?.acceptanceCriteria).toHaveLength(2);
    expect(parts[0]?.description).toContain('by workflow step');
  });

  it('refuses fewer than two parts, unknown criteria and unknown stories', () => {
    expect(() => splitStoryEdit(product, 'big', 'data-variations', [{ title: 'Only one', criterionIds: [] }])).toThrow(EditError);
    expect(() => splitStoryEdit(product, 'big', 'data-variations', [{ title: 'A', criterionIds: ['nope'] }, { title: 'B', criterionIds: [] }])).toThrow(/not part of the story/);
    expect(() => splitStoryEdit(product, 'missing', 'data-variations', [])).toThrow(/no story/);
  });
});
