/** Starting an exercise snapshots its scope; resetting restores it in one undoable batch edit. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits } from '../../../src/shared/edits/applyEdit';
import { EditSchema, type Edit } from '../../../src/shared/edits/editSchema';
import { splitStoryEdit } from '../../../src/shared/edits/splitStory';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import type { Product } from '../../../src/shared/model/schema';
import { resetEdits, resetExerciseEdit } from '../../../src/shared/practice/reset';
import { snapshotOf, startExerciseEdit, takeSnapshot } from '../../../src/shared/practice/snapshot';
import { completeBrief, exercise, product } from './fixtures';

const NOW = '2026-11-25T09:00:00.000Z';

function sample(id: string): Product {
  const parsed = parseProductText(readFileSync(join(__dirname, '../../../resources/samples', `${id}.product.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product;
}

function exerciseOf(p: Product, id: string) {
  const e = p.practice.exercises.find((x) => x.id === id);
  if (!e) throw new Error(`no exercise ${id}`);
  return e;
}

/** Start the exercise, then apply the learner's edits. */
function startThenEdit(p: Product, exerciseId: string, edits: (started: Product) => Edit[]): { started: Product; worked: Product } {
  const e = exerciseOf(p, exerciseId);
  const start = startExerciseEdit(p, e, NOW);
  if (!start) throw new Error('already started');
  const started = applyEdit(p, start).product;
  return { started, worked: applyEdits(started, edits(started)).product };
}

function reset(p: Product, exerciseId: string): { product: Product; inverse: Edit } {
  const e = exerciseOf(p, exerciseId);
  const snapshot = snapshotOf(p.practice, exerciseId);
  if (!snapshot) throw new Error('not started');
  const edit = resetExerciseEdit(p, e, snapshot);
  if (!edit) throw new Error('nothing to reset');
  expect(EditSchema.safeParse(edit).success).toBe(true);
  return applyEdit(p, edit);
}

describe('starting an exercise', () => {
  it('stores a self-contained copy of the scope once, and survives a save and reload', () => {
    const p = sample('larder');
    const e = exerciseOf(p, 'larder-ready-top');
    const start = startExerciseEdit(p, e, NOW);
    expect(start?.type).toBe('practice.update');
    if (!start) return;
    const started = applyEdit(p, start).product;
    const snapshot = snapshotOf(started.practice, e.id);
    expect(new Set(snapshot?.stories.map((s) => s.id))).toEqual(new Set(e.scope.storyIds));
    expect(snapshot?.stories.find((s) => s.id === 'st-126')).toEqual(p.stories.find((s) => s.id === 'st-126'));
    expect(snapshot?.takenAt).toBe(NOW);
    expect(snapshot?.roadmapItems).toBeNull();
    expect(startExerciseEdit(started, e, NOW)).toBeNull();
    const reread = parseProductText(serializeProduct(started));
    expect(reread.ok && snapshotOf(reread.product.practice, e.id)).toEqual(snapshot);
  });

  it('keeps spec documents as text, so a snapshot never nests deeper than the file allows', () => {
    const p = product({ specs: [{ id: 'sp', title: 'Brief', template: 'one-pager', content: completeBrief('st-1') }] });
    const e = exercise({ id: 'ex', title: 'Brief', skill: 'spec-writing', brief: 'Write it.', view: 'spec', scope: { specTemplates: ['one-pager'] }, rubric: [{ id: 's', label: 'S', rule: { check: 'spec-complete', template: 'one-pager' } }] });
    const snapshot = takeSnapshot(p, e, NOW);
    expect(snapshot.specs?.[0]?.contentJson).toBe(JSON.stringify(completeBrief('st-1')));
    expect(snapshot.specIdsAtStart).toEqual(['sp']);
  });
});

describe('resetting an exercise', () => {
  it('restores edited stories, removes split parts and brings back deleted stories — and one undo returns the work', () => {
    const p = sample('larder');
    const { started, worked } = startThenEdit(p, 'larder-ready-top', (s) => [
      { type: 'story.update', id: 'st-126', patch: { soThat: 'my list is ready in two minutes', estimate: 5 } },
      { type: 'score.set', target: 'story', id: 'st-120', patch: { rice: { reach: 1 }, moscow: 'wont' } },
      { type: 'story.move', id: 'st-116', status: 'done', rank: 'zz' },
      splitStoryEdit(s, 'st-122', 'acceptance-criteria', [
        { title: 'Rank suggestions by expiry', criterionIds: ['st-122-ac1'] },
        { title: 'Show the expiring items on each suggestion', criterionIds: ['st-122-ac2'] },
      ]),
      { type: 'story.delete', id: 'st-127' },
      // Outside the scope: kept by the reset.
      { type: 'story.update', id: 'st-101', patch: { title: 'Show use-by badges on every pantry item' } },
    ]);
    const { product: restored, inverse } = reset(worked, 'larder-ready-top');

    const scope = exerciseOf(p, 'larder-ready-top').scope.storyIds;
    for (const id of scope) expect(restored.stories.find((s) => s.id === id), id).toEqual(started.stories.find((s) => s.id === id));
    expect(restored.stories.filter((s) => s.splitFrom === 'st-122')).toEqual([]);
    expect(restored.stories.find((s) => s.id === 'st-101')?.title).toBe('Show use-by badges on every pantry item');
    expect(restored.roadmap).toEqual(worked.roadmap);
    expect(restored.practice).toEqual(worked.practice);

    // Undo (the batch's inverse) gives the learner's work back exactly.
    expect(applyEdit(restored, inverse).product).toEqual(worked);
    // Nothing left to reset afterwards.
    const snapshot = snapshotOf(restored.practice, 'larder-ready-top');
    if (snapshot) expect(resetEdits(restored, exerciseOf(p, 'larder-ready-top'), snapshot)).toEqual([]);
  });

  it('restores the whole roadmap: moved, edited, added and deleted items, dates and dependencies', () => {
    const p = sample('larder');
    const { started, worked } = startThenEdit(p, 'larder-roadmap-waste', () => [
      { type: 'roadmap.move', id: 'rm-waste-insights', horizon: 'now', rank: 'a9' },
      { type: 'roadmapItem.update', id: 'rm-widget', patch: { goalId: 'goal-retention', dependsOn: ['rm-barcode'] } },
      { type: 'roadmap.schedule', id: 'rm-split-costs', start: '2027-04-01', end: '2027-05-01' },
      { type: 'roadmapItem.delete', id: 'rm-live-list' },
      { type: 'roadmapItem.add', item: { id: 'rm-new', title: 'Waste report by email', description: '', laneId: null, goalId: 'goal-waste', horizon: 'next', rank: 'a9', start: null, end: null, status: 'planned', confidence: 'medium', epicIds: [], storyIds: [], dependsOn: [] } },
    ]);
    const { product: restored, inverse } = reset(worked, 'larder-roadmap-waste');
    expect(restored.roadmap.items).toEqual(expect.arrayContaining(started.roadmap.items));
    expect(restored.roadmap.items).toHaveLength(started.roadmap.items.length);
    // Deleting the live list had cleared the links to it; the reset puts them back.
    expect(restored.roadmap.items.find((i) => i.id === 'rm-split-costs')?.dependsOn).toEqual(['rm-live-list']);
    expect(applyEdit(restored, inverse).product).toEqual(worked);
  });

  it('removes specs of the exercise’s template written since the start, and restores a draft it scoped', () => {
    const p = sample('shiftwise');
    const draft = p.specs.find((s) => s.id === 'spec-payroll-validation');
    const { worked } = startThenEdit(p, 'shiftwise-finish-prd', () => [
      { type: 'spec.update', id: 'spec-payroll-validation', patch: { title: 'PRD: export checks', content: completeBrief('st-115'), linkedStoryIds: ['st-115'] } },
    ]);
    const restored = reset(worked, 'shiftwise-finish-prd').product;
    expect(restored.specs.find((s) => s.id === 'spec-payroll-validation')).toEqual(draft);

    const brief = startThenEdit(sample('larder'), 'larder-brief-use-it-up', () => [
      { type: 'spec.add', spec: { id: 'sp-mine', title: 'Brief: mine', template: 'one-pager', content: completeBrief('st-122'), linkedStoryIds: [] } },
      { type: 'spec.add', spec: { id: 'sp-other', title: 'A PRD', template: 'prd', content: completeBrief('st-122'), linkedStoryIds: [] } },
    ]);
    const cleaned = reset(brief.worked, 'larder-brief-use-it-up').product;
    expect(cleaned.specs.map((s) => s.id)).toEqual(['spec-scan-to-stock', 'sp-other']);
  });

  it('drops links to things that no longer exist rather than failing', () => {
    const p = sample('larder');
    const { worked } = startThenEdit(p, 'larder-ready-top', () => [
      { type: 'story.delete', id: 'st-126' },
      { type: 'epic.delete', id: 'ep-household' },
    ]);
    const restored = reset(worked, 'larder-ready-top').product;
    expect(restored.stories.find((s) => s.id === 'st-126')).toMatchObject({ soThat: '', epicId: null });
    expect(parseProductText(serializeProduct(restored)).ok).toBe(true);
  });
});
