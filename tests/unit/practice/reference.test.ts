/** The reference answer replayed on the starting state, and "what it did differently" in the rubric's terms. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits } from '../../../src/shared/edits/applyEdit';
import { splitStoryEdit } from '../../../src/shared/edits/splitStory';
import { parseProductText } from '../../../src/shared/model/productFile';
import type { Product } from '../../../src/shared/model/schema';
import { referenceDifferences } from '../../../src/shared/practice/compare';
import { referenceEdits, referenceProduct } from '../../../src/shared/practice/reference';
import { snapshotOf, startExerciseEdit } from '../../../src/shared/practice/snapshot';
import { exercise, product } from './fixtures';

function sample(id: string): Product {
  const parsed = parseProductText(readFileSync(join(__dirname, '../../../resources/samples', `${id}.product.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product;
}

function exerciseOf(p: Product, id: string) {
  const e = p.practice.exercises.find((x) => x.id === id);
  if (!e) throw new Error(id);
  return e;
}

function linesFor(learner: Product, id: string, criterionId: string): string[] {
  const e = exerciseOf(learner, id);
  const ref = referenceProduct(learner, e, snapshotOf(learner.practice, id));
  if (!ref.ok) throw new Error(ref.reason);
  return referenceDifferences(learner, ref.value, e).find((d) => d.criterionId === criterionId)?.lines ?? [];
}

describe('replaying the reference', () => {
  it('says which stored edit is not a valid edit', () => {
    const e = exercise({
      id: 'ex',
      title: 'T',
      skill: 'refinement',
      brief: 'B',
      view: 'backlog',
      scope: { storyIds: ['st-1'] },
      rubric: [{ id: 'r', label: 'R', rule: { check: 'stories-ready' } }],
      reference: { summary: 'S', edits: [{ type: 'story.update', id: 'st-1', patch: { soThat: 'x' } }, { type: 'story.teleport', id: 'st-1' }] },
    });
    const edits = e.reference ? referenceEdits(e.reference) : null;
    expect(edits?.ok ? 'ok' : edits?.reason).toMatch(/^Reference edit 2 \(story\.teleport\) is not a valid edit: type: Invalid discriminator value/);
    const notApplicable = exercise({ ...e, reference: { summary: 'S', edits: [{ type: 'story.update', id: 'st-404', patch: { soThat: 'x' } }] } });
    const replay = referenceProduct(product(), notApplicable, null);
    expect(replay.ok ? 'ok' : replay.reason).toBe('The reference answer could not be replayed on this product (edit 1): There is no story with id "st-404".');
  });

  it('replays on the starting state, even after the learner changed the scope (here: split the same story)', () => {
    const p = sample('larder');
    const e = exerciseOf(p, 'larder-split-receipt');
    const start = startExerciseEdit(p, e, '2026-11-25T09:00:00.000Z');
    if (!start) throw new Error('started');
    const started = applyEdit(p, start).product;
    const worked = applyEdit(
      started,
      splitStoryEdit(started, 'st-124', 'acceptance-criteria', [
        { title: 'Match food lines on the receipt', criterionIds: ['st-124-ac1'] },
        { title: 'Review the items before adding them', criterionIds: ['st-124-ac2'] },
        { title: 'Leave out non-food lines', criterionIds: ['st-124-ac3'] },
        { title: 'Estimate use-by dates', criterionIds: ['st-124-ac4', 'st-124-ac5'] },
      ]),
    ).product;
    const ref = referenceProduct(worked, e, snapshotOf(worked.practice, e.id));
    expect(ref.ok).toBe(true);
    if (!ref.ok) return;
    // The reference state holds only the reference's parts, not the learner's.
    expect(ref.value.stories.filter((s) => s.splitFrom === 'st-124').map((s) => s.id)).toEqual(['st-124-read', 'st-124-review', 'st-124-dates']);
    expect(linesFor(worked, 'larder-split-receipt', 'split')).toEqual([
      'The reference split “Scan a supermarket receipt to add everything I bought” by workflow step into 3 stories (5, 3, 3 points: “Photograph a receipt and match its food lines to products”, “Review the items read from a receipt before they are added” and “Estimate a use-by date for each item added from a receipt”); you split it by acceptance criterion into 4 stories (?, ?, ?, ? points: “Match food lines on the receipt”, “Review the items before adding them”, “Leave out non-food lines” and “Estimate use-by dates”).',
    ]);
  });
});

describe('what the reference did differently', () => {
  it('compares a plan: the chosen sets, their effort and value', () => {
    const p = sample('larder');
    const start = startExerciseEdit(p, exerciseOf(p, 'larder-rice-plan'), '2026-11-25T09:00:00.000Z');
    if (!start) throw new Error('started');
    // The learner's marks are replaced by the reference's, because it is replayed on the starting state.
    const mine = applyEdits(applyEdit(p, start).product, [
      { type: 'score.set', target: 'story', id: 'st-143', patch: { moscow: 'must' } },
      { type: 'score.set', target: 'story', id: 'st-137', patch: { moscow: 'should' } },
    ]).product;
    const lines = linesFor(mine, 'larder-rice-plan', 'plan');
    expect(lines[0]).toBe('The reference chose 7 stories (5.5 person-months, RICE total 254,800); you chose 2 stories (6 person-months, RICE total 21,300).');
    expect(lines[1]).toMatch(/^Only in the reference: “Set quiet hours for reminders”, /);
    expect(lines[2]).toBe('Only in yours: “Let people try Larder without creating an account”.');
  });

  it('compares a roadmap in horizons and goal links, and a story-by-story refinement once', () => {
    const p = sample('larder');
    expect(linesFor(p, 'larder-roadmap-waste', 'outcomes')).toEqual([
      'The reference plans “Households bin less of what they buy” with 2 items in Next and Later; yours with 2 items in Later.',
      '“Home-screen widget on iOS and Android”: the reference links it to “New households are still planning in week 4”; yours to none.',
      '“See what your household saved”: the reference has it in Next, undated; yours in Later, undated.',
    ]);
    const e = exerciseOf(p, 'larder-ready-top');
    const ref = referenceProduct(p, e, null);
    if (!ref.ok) throw new Error(ref.reason);
    const diffs = referenceDifferences(p, ref.value, e);
    expect(diffs.map((d) => d.lines.length)).toEqual([4, 1, 1]);
    expect(diffs[0]?.lines[2]).toBe('“Reuse one of my last three shopping lists”: the reference wrote the benefit “so that my weekly list is ready in under two minutes instead of retyping the same twent…” (yours has none).');
  });
});
