/** Each rubric evaluator on a passing and a failing state. */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { splitStoryEdit } from '../../../src/shared/edits/splitStory';
import type { Product, RoadmapItem } from '../../../src/shared/model/schema';
import { evaluateExercise, scoreOf } from '../../../src/shared/practice/evaluate';
import { isNoteId } from '../../../src/shared/practice/notes';
import {
  checkCapacityPlan,
  checkCriteriaTestable,
  checkNorthStar,
  checkRiceScored,
  checkRoadmapDependencies,
  checkRoadmapLaterUndated,
  checkRoadmapOutcomes,
  checkSpecComplete,
  checkStoriesEstimated,
  checkStoriesReady,
  checkStorySplit,
  evaluateRule,
} from '../../../src/shared/practice/rubric';
import { completeBrief, doc, exercise, h, metricTree, p, product, rice, story } from './fixtures';

const ids = ['st-1', 'st-2'];
const withStory = (base: Product, id: string, patch: Partial<Product['stories'][number]>): Product => ({
  ...base,
  stories: base.stories.map((s) => (s.id === id ? { ...s, ...patch } : s)),
});

describe('stories-ready', () => {
  it('passes when every story meets the Definition of Ready', () => {
    const r = checkStoriesReady(product(), { storyIds: ids });
    expect(r).toMatchObject({ passed: true, items: [], summary: '2 of 2 stories meet the Definition of Ready.', noteId: 'definition-of-ready' });
  });

  it('names each story that is not ready and why, with the coach’s explanation', () => {
    const p1 = withStory(withStory(product(), 'st-1', { soThat: '' }), 'st-2', { estimate: null, epicId: null });
    const r = checkStoriesReady(p1, { storyIds: ids });
    expect(r.passed).toBe(false);
    expect(r.summary).toBe('0 of 2 stories meet the Definition of Ready.');
    expect(r.items).toEqual([
      { id: 'st-1', title: 'Export worked hours for st-1', problem: 'The "so that" part is empty.' },
      { id: 'st-2', title: 'Export worked hours for st-2', problem: 'The estimate is "?". The story is not linked to an epic.' },
    ]);
    expect(r.explanation).toContain('Without "so that …" the story states a feature, not a reason.');
  });

  it('judges a split story by its parts, and a deleted story as a problem', () => {
    const big = withStory(product(), 'st-1', { estimate: 13 });
    expect(checkStoriesReady(big, { storyIds: ['st-1'] }).items[0]?.problem).toBe('13 points is above the split threshold of 8.');
    const split = applyEdit(big, splitStoryEdit(big, 'st-1', 'acceptance-criteria', [
      { title: 'Export approved hours by pay code', criterionIds: ['st-1-ac1'] },
      { title: 'Warn about unapproved shifts in the export', criterionIds: ['st-1-ac2'] },
    ])).product;
    const parts = split.stories.filter((s) => s.splitFrom === 'st-1');
    // Parts start unestimated: not ready until the learner estimates them.
    expect(checkStoriesReady(split, { storyIds: ['st-1'] }).items.map((i) => i.id)).toEqual(parts.map((s) => s.id));
    const estimated = parts.reduce((acc, part) => withStory(acc, part.id, { estimate: 3 }), split);
    expect(checkStoriesReady(estimated, { storyIds: ['st-1'] })).toMatchObject({ passed: true, summary: '2 of 2 stories meet the Definition of Ready.' });
    const deleted = applyEdit(product(), { type: 'story.delete', id: 'st-2' }).product;
    expect(checkStoriesReady(deleted, { storyIds: ids }).items).toEqual([{ id: 'st-2', title: 'st-2', problem: 'This story no longer exists. Reset the exercise to bring it back.' }]);
  });
});

describe('criteria-testable', () => {
  it('passes with enough testable criteria', () => {
    expect(checkCriteriaTestable(product(), { storyIds: ids, minCriteria: 2, givenWhenThen: true })).toMatchObject({ passed: true, noteId: 'acceptance-criteria' });
  });

  it('fails too few criteria, vague words, and (if asked) criteria not written as Given/When/Then', () => {
    const p1 = withStory(product(), 'st-1', { acceptanceCriteria: [{ id: 'a', text: 'The export is fast and user-friendly' }] });
    const r = checkCriteriaTestable(p1, { storyIds: ids, minCriteria: 2, givenWhenThen: true });
    expect(r.passed).toBe(false);
    expect(r.items).toEqual([
      { id: 'st-1', title: 'Export worked hours for st-1', problem: 'It has 1 criterion; write at least 2. Untestable words: "fast", "user-friendly". Criterion 1 is not written as Given … When … Then ….' },
    ]);
    expect(checkCriteriaTestable(p1, { storyIds: ['st-2'], minCriteria: 3, givenWhenThen: false }).items[0]?.problem).toBe('It has 2 criteria; write at least 3.');
  });
});

describe('stories-estimated', () => {
  it('passes when every story is estimated within the split threshold', () => {
    expect(checkStoriesEstimated(product(), { storyIds: ids, maxEstimate: null })).toMatchObject({ passed: true, noteId: 'estimation' });
  });

  it('fails unestimated and oversized stories', () => {
    const p1 = withStory(withStory(product(), 'st-1', { estimate: null }), 'st-2', { estimate: 13 });
    const r = checkStoriesEstimated(p1, { storyIds: ids, maxEstimate: null });
    expect(r.items.map((i) => i.problem)).toEqual(['Not estimated: the estimate is “?”.', '13 points is above 8: split it, or question the size.']);
    expect(checkStoriesEstimated(product(), { storyIds: ids, maxEstimate: 3 }).passed).toBe(false);
  });
});

describe('story-split', () => {
  const big = withStory(product(), 'st-1', { estimate: 13 });
  const split = (method: 'workflow-steps' | 'acceptance-criteria') =>
    applyEdit(big, splitStoryEdit(big, 'st-1', method, [
      { title: 'Export approved hours by pay code', criterionIds: ['st-1-ac1'] },
      { title: 'Warn about unapproved shifts in the export', criterionIds: ['st-1-ac2'] },
    ])).product;

  it('fails before the split, and while parts are not estimated', () => {
    expect(checkStorySplit(big, { storyId: 'st-1', minParts: 2, maxPartEstimate: null })).toMatchObject({
      passed: false,
      items: [{ id: 'st-1', problem: 'Not split yet (13 points). Use “Split story” in the story editor.' }],
      noteId: 'story-splitting',
    });
    const r = checkStorySplit(split('workflow-steps'), { storyId: 'st-1', minParts: 2, maxPartEstimate: null });
    expect(r.passed).toBe(false);
    expect(r.summary).toBe('“Export worked hours for st-1” is split by workflow step into 2 parts.');
    expect(r.items.map((i) => i.problem)).toEqual(['Not estimated.', 'Not estimated.']);
  });

  it('passes with enough estimated parts within the limit, each with criteria', () => {
    const s = split('acceptance-criteria');
    const parts = s.stories.filter((x) => x.splitFrom === 'st-1');
    const done = parts.reduce((acc, part) => withStory(acc, part.id, { estimate: 5 }), s);
    expect(checkStorySplit(done, { storyId: 'st-1', minParts: 2, maxPartEstimate: null })).toMatchObject({ passed: true, summary: '“Export worked hours for st-1” is split by acceptance criterion into 2 parts.' });
    expect(checkStorySplit(done, { storyId: 'st-1', minParts: 3, maxPartEstimate: null }).items[0]?.problem).toBe('Split into 2 parts; split it into at least 3.');
    expect(checkStorySplit(done, { storyId: 'st-1', minParts: 2, maxPartEstimate: 3 }).items.map((i) => i.problem)).toEqual([
      '5 points is above 3: split this part again.',
      '5 points is above 3: split this part again.',
    ]);
  });
});

describe('rice-scored', () => {
  it('passes with complete inputs on Intercom’s scales', () => {
    const p1 = withStory(withStory(product(), 'st-1', { scores: rice(1000, 2, 80, 1) }), 'st-2', { scores: rice(500, 0.5, 50, 0.5) });
    expect(checkRiceScored(p1, { storyIds: ids, intercomScales: true })).toMatchObject({ passed: true, summary: '2 of 2 stories have a complete RICE score.', noteId: 'rice' });
  });

  it('fails missing inputs and values off the scales', () => {
    const p1 = withStory(withStory(product(), 'st-1', { scores: rice(1000, null, 80, null) }), 'st-2', { scores: rice(500, 5, 50, 0.25) });
    const r = checkRiceScored(p1, { storyIds: ids, intercomScales: true });
    expect(r.items.map((i) => i.problem)).toEqual([
      'Missing impact and effort.',
      "Impact 5 is not on Intercom's scale (3, 2, 1, 0.5, 0.25). Effort 0.25 is below the smallest effort RICE counts (0.5 person-months).",
    ]);
    expect(checkRiceScored(p1, { storyIds: ['st-2'], intercomScales: false }).passed).toBe(true);
  });
});

describe('capacity-plan', () => {
  // RICE scores (effort): a 40,000 (2), b 30,000 (1), c 25,000 (1), d 10,000 (4). The best plan within 3 person-months is a + b = 70,000.
  const planProduct = (marks: Record<string, 'must' | 'should' | null>, extra: Partial<Record<string, Product['stories'][number]['scores']>> = {}) =>
    product({
      stories: [
        story({ id: 'a', rank: 'a1', scores: { ...rice(80000, 1, 100, 2), moscow: marks['a'] ?? null } }),
        story({ id: 'b', rank: 'a2', scores: { ...rice(30000, 1, 100, 1), moscow: marks['b'] ?? null } }),
        story({ id: 'c', rank: 'a3', scores: { ...rice(25000, 1, 100, 1), moscow: marks['c'] ?? null } }),
        story({ id: 'd', rank: 'a4', scores: { ...(extra['d'] ?? rice(40000, 1, 100, 4)), moscow: marks['d'] ?? null } }),
      ],
    });
  const params = { storyIds: ['a', 'b', 'c', 'd'], capacity: 3, marker: { kind: 'moscow' as const, value: 'must' as const }, minShareOfBest: 0.8 };

  it('passes a plan that fits and reaches the share of the best plan', () => {
    const r = checkCapacityPlan(planProduct({ a: 'must', b: 'must' }), params);
    expect(r).toMatchObject({ passed: true, items: [], noteId: 'capacity-planning' });
    expect(r.summary).toBe('2 stories chosen: 3 of 3 person-months, RICE total 70,000 (100% of the best that fits).');
    // b + c = 55k of 70k = 79%: just under 80%.
    expect(checkCapacityPlan(planProduct({ b: 'must', c: 'must' }), { ...params, minShareOfBest: 0.78 }).passed).toBe(true);
  });

  it('fails a plan over capacity, one below the share, an empty one, and one with unscored stories', () => {
    expect(checkCapacityPlan(planProduct({ a: 'must', b: 'must', c: 'must' }), params).items.map((i) => i.id)).toEqual(['plan-capacity']);
    const low = checkCapacityPlan(planProduct({ b: 'must', c: 'must' }), params);
    expect(low.items).toEqual([
      {
        id: 'plan-value',
        title: 'Your plan',
        problem: "Your plan's RICE total is 55,000: 79% of the 70,000 the best plan within 3 person-months reaches (aim for 80%).",
      },
    ]);
    expect(checkCapacityPlan(planProduct({}), params).items[0]?.problem).toBe('Nothing is chosen yet: mark the stories you would do this period with MoSCoW “Must have”.');
    const unscored = checkCapacityPlan(planProduct({ a: 'must', d: 'must' }, { d: rice(10000, 1, null, null) }), params);
    expect(unscored.items.map((i) => i.id)).toContain('d');
    expect(unscored.passed).toBe(false);
  });

  it('names better-value stories left out, and accepts a label as the marker', () => {
    const r = checkCapacityPlan(planProduct({ d: 'must' }), { ...params, capacity: 5 });
    expect(r.items[0]?.problem).toContain('More value per person-month, left out: “Export worked hours for b”, “Export worked hours for c” and “Export worked hours for a”.');
    const labelled = product({ stories: [story({ id: 'a', labels: ['Next quarter'], scores: rice(80000, 1, 100, 2) }), story({ id: 'b', rank: 'a1', scores: rice(30000, 1, 100, 1) })] });
    expect(checkCapacityPlan(labelled, { ...params, storyIds: ['a', 'b'], marker: { kind: 'label', label: 'next quarter' } }).summary).toBe(
      '1 story chosen: 2 of 3 person-months, RICE total 40,000 (57% of the best that fits).',
    );
  });
});

describe('roadmap checks', () => {
  const item = (id: string, horizon: RoadmapItem['horizon'], rest: Partial<RoadmapItem> = {}) => ({ id, title: `Item ${id}`, horizon, rank: 'a0', goalId: 'g-1', ...rest });
  const withItems = (...items: ReturnType<typeof item>[]) => product({ roadmap: { items } });

  it('roadmap-outcomes passes with the goal in enough horizons and every item linked', () => {
    const r = checkRoadmapOutcomes(withItems(item('i1', 'now'), item('i2', 'later'), item('i3', 'next', { goalId: 'g-2' })), { goalId: 'g-1', minHorizons: 2, requireNow: true, allItemsLinked: true });
    expect(r).toMatchObject({ passed: true, summary: '“Payroll right first time” has 2 items in Now and Later; 3 of 3 items are linked to a goal.', noteId: 'outcome-roadmaps' });
  });

  it('roadmap-outcomes fails a goal in one horizon, missing from Now, and items without a goal', () => {
    const r = checkRoadmapOutcomes(withItems(item('i1', 'later'), item('i2', 'later'), item('i3', 'next', { goalId: null })), { goalId: 'g-1', minHorizons: 2, requireNow: true, allItemsLinked: true });
    expect(r.items.map((i) => i.problem)).toEqual([
      'Its items are in Later; plan it in at least 2 of Now, Next and Later.',
      'Nothing for this goal is in Now: what is the team doing about it today?',
      '“Item i3” is not linked to a goal: which outcome should it move, and how will you know?',
    ]);
    expect(r.explanation).toContain('An item without a goal is a feature on a list, not a bet on an outcome.');
  });

  it('roadmap-dependencies passes an ordered plan and fails order problems and loops', () => {
    expect(checkRoadmapDependencies(withItems(item('i1', 'now'), item('i2', 'next', { dependsOn: ['i1'] }))).passed).toBe(true);
    const early = checkRoadmapDependencies(withItems(item('i1', 'next'), item('i2', 'now', { dependsOn: ['i1'] })));
    expect(early.items).toEqual([{ id: 'i2', title: 'Item i2', problem: '“Item i2” is in Now, but depends on “Item i1” in Next.' }]);
    const loop = checkRoadmapDependencies(withItems(item('i1', 'next', { dependsOn: ['i2'] }), item('i2', 'next', { dependsOn: ['i1'] })));
    expect(loop.passed).toBe(false);
    expect(loop.explanation).toContain('each wait for another one in the loop');
  });

  it('roadmap-later-undated fails dated Later items', () => {
    expect(checkRoadmapLaterUndated(withItems(item('i1', 'later'))).passed).toBe(true);
    expect(checkRoadmapLaterUndated(withItems(item('i1', 'later', { start: '2027-05-03', end: '2027-06-18' }))).items[0]?.problem).toBe('“Item i1” is in Later but has exact dates (3 May 2027 – 18 Jun 2027).');
  });
});

describe('spec-complete', () => {
  const params = { template: 'one-pager' as const, specId: null, linkStoryIds: ['st-1'] };
  it('fails without a spec of the template', () => {
    expect(checkSpecComplete(product(), params).items[0]?.problem).toBe('There is no One-page brief yet. In the Spec view, choose “New spec” and the One-page brief template.');
  });

  it('passes a brief whose every check passes and that links the story', () => {
    const p1 = product({ specs: [{ id: 'sp', title: 'Brief: export checks', template: 'one-pager', content: completeBrief('st-1') }] });
    expect(checkSpecComplete(p1, params)).toMatchObject({ passed: true, summary: '“Brief: export checks”: 6 of 6 completeness checks pass.' });
    expect(checkSpecComplete(p1, { ...params, linkStoryIds: ['st-2'] }).items.map((i) => i.title)).toEqual(['Linked to the story it is about']);
  });

  it('lists the failing checks’ findings: placeholders, metrics without numbers, missing sections', () => {
    const content = doc(h(2, 'Problem'), p('TBD'), h(2, 'Goal and success metric'), p('Users are happier'));
    const r = checkSpecComplete(product({ specs: [{ id: 'sp', title: 'Draft', template: 'one-pager', content }] }), { ...params, linkStoryIds: [] });
    expect(r.passed).toBe(false);
    expect(r.items.map((i) => i.title)).toEqual(['Required sections', 'Measurable success metrics', 'Non-goals', 'No placeholders left']);
    expect(r.noteId).toBe('success-metrics');
    expect(r.items.find((i) => i.title === 'No placeholders left')?.problem).toContain('Placeholder “TBD”');
  });
});

describe('north-star', () => {
  const params = { source: 'either' as const, minInputs: 3, minCategories: 3 };
  const withTree = (categories: string[]) => product({ specs: [{ id: 'tree', title: 'Metric tree', template: 'metric-tree', content: metricTree(categories) }] });

  it('passes a metric tree with a north star and inputs in three HEART categories', () => {
    expect(checkNorthStar(withTree(['Adoption', 'Retention', 'Task success']), params)).toMatchObject({
      passed: true,
      summary: 'North star “Shifts worked as published and paid right first time: 81% to 92% by December” with 3 input metrics across 3 HEART categories (Adoption, Retention and Task success).',
    });
  });

  it('fails too few inputs or categories, and says so', () => {
    const r = checkNorthStar(withTree(['Adoption', 'Adoption', 'Retention']), params);
    expect(r.items.map((i) => i.problem)).toEqual(['The inputs cover Adoption and Retention; cover at least 3 different categories (Happiness, Engagement, Adoption, Retention, Task success).']);
    expect(checkNorthStar(withTree(['Adoption', 'Retention']), params).items.map((i) => i.id)).toEqual(['inputs', 'heart']);
    expect(checkNorthStar(product(), { ...params, source: 'spec' }).items[0]?.problem).toMatch(/^There is no metric-tree spec yet/);
  });

  it('accepts goals: one named the north star, the others classified by HEART', () => {
    const goals = [
      { id: 'ns', title: 'North star: shifts worked as published', metric: 'Share of shifts worked as published and paid right', target: '92%' },
      { id: 'i1', title: 'A', metric: 'Minutes to publish', heart: 'task-success' },
      { id: 'i2', title: 'B', metric: 'Shifts filled in the app', heart: 'engagement' },
      { id: 'i3', title: 'C', metric: 'Workers signed in', heart: 'adoption' },
    ];
    const epics = [{ id: 'ep-1', title: 'Payroll', rank: 'a0' }];
    expect(checkNorthStar(product({ goals, epics }), { ...params, source: 'goals' }).passed).toBe(true);
    expect(checkNorthStar(product(), { ...params, source: 'goals' }).items[0]?.problem).toBe('No goal is marked as the north star: say “North star” in its title or metric.');
  });
});

describe('evaluating an exercise', () => {
  const ex = exercise({
    id: 'ex',
    title: 'Ready and estimated',
    skill: 'refinement',
    brief: 'Make them ready.',
    view: 'backlog',
    scope: { storyIds: ids },
    rubric: [
      { id: 'ready', label: 'Ready', weight: 3, rule: { check: 'stories-ready' } },
      { id: 'tight', label: 'At most 3 points', required: false, rule: { check: 'stories-estimated', maxEstimate: 3 } },
    ],
  });

  it('scores the weighted share of criteria passed; passing needs every required criterion', () => {
    const good = evaluateExercise(product(), ex);
    expect(good).toMatchObject({ exerciseId: 'ex', score: 75, passed: true });
    expect(good.criteria.map((c) => [c.id, c.passed])).toEqual([
      ['ready', true],
      ['tight', false],
    ]);
    const bad = evaluateExercise(withStory(product(), 'st-1', { soThat: '' }), ex);
    expect(bad).toMatchObject({ score: 0, passed: false });
    expect(scoreOf([])).toBe(0);
  });

  it('uses the scope when a rule names no stories, and every result links to a note that exists', () => {
    const r = evaluateRule(product(), { check: 'stories-ready' }, { storyIds: ['st-2'] });
    expect(r.summary).toBe('1 of 1 story meet the Definition of Ready.');
    expect(evaluateExercise(product(), ex).criteria.every((c) => isNoteId(c.noteId))).toBe(true);
  });
});
