import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeIssues, parseProductJson, parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { evaluateExercise } from '../../../src/shared/practice/evaluate';
import { referenceProduct } from '../../../src/shared/practice/reference';
import { MoscowSchema, ProductSchema, SpecTemplateSchema } from '../../../src/shared/model/schema';
import {
  CHECKED_SPEC_TEMPLATES,
  EXERCISE_VIEWS,
  ExerciseListSchema,
  ExerciseSchema,
  MOSCOW_VALUES,
  RUBRIC_CHECKS,
} from '../../../src/shared/model/exerciseSchema';
import { VIEWS } from '../../../src/renderer/src/state/route';
import { product } from './fixtures';

const minimal = {
  id: 'ex-ready',
  title: 'Make the top stories ready',
  skill: 'refinement',
  brief: 'Make these stories meet the Definition of Ready.',
  view: 'backlog',
  scope: { storyIds: ['st-1', 'st-2'] },
  rubric: [{ id: 'ready', label: 'Every story is ready', rule: { check: 'stories-ready' } }],
};

/** The first error of parsing `value` as an exercise, as a person would read it. */
function errorOf(value: unknown): string {
  const result = ExerciseSchema.safeParse(value);
  if (result.success) return 'valid';
  return describeIssues(result.error, 1);
}

describe('the exercise schema', () => {
  it('accepts a minimal exercise and fills the defaults', () => {
    const exercise = ExerciseSchema.parse(minimal);
    expect(exercise.difficulty).toBe('beginner');
    expect(exercise.hints).toEqual([]);
    expect(exercise.reference).toBeNull();
    expect(exercise.scope).toEqual({ storyIds: ['st-1', 'st-2'], roadmap: false, goals: false, specTemplates: [], specIds: [] });
    expect(exercise.rubric[0]).toEqual({ id: 'ready', label: 'Every story is ready', weight: 1, required: true, rule: { check: 'stories-ready' } });
  });

  it('fills each rule’s parameter defaults', () => {
    const exercise = ExerciseSchema.parse({
      ...minimal,
      rubric: [
        { id: 'a', label: 'A', rule: { check: 'criteria-testable' } },
        { id: 'b', label: 'B', rule: { check: 'capacity-plan', capacity: 6 } },
        { id: 'c', label: 'C', rule: { check: 'roadmap-outcomes', goalId: 'g-1' } },
        { id: 'd', label: 'D', rule: { check: 'north-star' } },
      ],
    });
    expect(exercise.rubric.map((c) => c.rule)).toEqual([
      { check: 'criteria-testable', minCriteria: 2, givenWhenThen: false },
      { check: 'capacity-plan', capacity: 6, marker: { kind: 'moscow', value: 'must' }, minShareOfBest: 0.8 },
      { check: 'roadmap-outcomes', goalId: 'g-1', minHorizons: 2, requireNow: false, allItemsLinked: true },
      { check: 'north-star', source: 'either', minInputs: 3, minCategories: 3 },
    ]);
  });

  it('accepts a reference answer of edits, kept as written', () => {
    const exercise = ExerciseSchema.parse({ ...minimal, reference: { summary: 'It wrote the benefit.', edits: [{ type: 'story.update', id: 'st-1', patch: { soThat: 'x' } }] } });
    expect(exercise.reference?.edits).toEqual([{ type: 'story.update', id: 'st-1', patch: { soThat: 'x' } }]);
  });

  it('refuses invalid exercises with errors that name the field', () => {
    expect(errorOf({ ...minimal, rubric: [] })).toBe('rubric: An exercise needs at least one rubric criterion');
    expect(errorOf({ ...minimal, skill: 'juggling' })).toMatch(/^skill: Invalid option: expected one of "refinement"\|"splitting"/);
    expect(errorOf({ ...minimal, title: '' })).toBe('title: An exercise needs a title');
    expect(errorOf({ ...minimal, rubric: [{ id: 'x', label: 'X', rule: { check: 'be-brilliant' } }] })).toMatch(/^rubric\.0\.rule\.check: Invalid discriminator value\. Expected 'stories-ready' \| 'criteria-testable'/);
    expect(errorOf({ ...minimal, rubric: [{ id: 'x', label: 'X', rule: { check: 'capacity-plan', capacity: 0 } }] })).toBe(
      'rubric.0.rule.capacity: The capacity must be more than 0 person-months',
    );
    expect(errorOf({ ...minimal, rubric: [{ id: 'x', label: 'X', rule: { check: 'story-split', storyId: 'st-1', minParts: 1 } }] })).toMatch(/^rubric\.0\.rule\.minParts: Too small/);
    expect(errorOf({ ...minimal, rubric: [{ id: 'x', label: 'X', rule: { check: 'stories-ready', storyIDs: ['st-1'] } }] })).toMatch(/^rubric\.0\.rule: Unrecognized key: "storyIDs"/);
    expect(errorOf({ ...minimal, hint: ['typo for hints'] })).toMatch(/^Unrecognized key: "hint"/);
    expect(errorOf({ ...minimal, id: 'has space' })).toBe('id: An id uses only letters, digits, "_" and "-"');
    expect(errorOf({ ...minimal, reference: { summary: '', edits: [] } })).toBe('reference.summary: A reference answer needs a summary of what it did and why');
  });

  it('checks what the fields cannot say on their own', () => {
    const twice = { id: 'ready', label: 'Ready', rule: { check: 'stories-ready' } };
    expect(errorOf({ ...minimal, rubric: [twice, twice] })).toBe('rubric.1.id: Another criterion already has the id "ready"');
    expect(errorOf({ ...minimal, scope: {} })).toBe('rubric.0.rule.storyIds: The "stories-ready" check needs stories: list them in the rule\'s storyIds or in the exercise\'s scope.storyIds');
    expect(errorOf({ ...minimal, scope: {}, rubric: [{ id: 'r', label: 'R', rule: { check: 'stories-ready', storyIds: ['st-1'] } }] })).toBe('valid');
    expect(errorOf({ ...minimal, rubric: [{ ...twice, required: false }] })).toBe('rubric: At least one rubric criterion must be required');
    const list = ExerciseListSchema.safeParse([minimal, minimal]);
    expect(list.success ? 'valid' : describeIssues(list.error)).toBe('1.id: Another exercise already has the id "ex-ready"');
  });

  it('agrees with the product schema and the renderer on the shared enums', () => {
    for (const t of CHECKED_SPEC_TEMPLATES) expect(SpecTemplateSchema.options).toContain(t);
    expect([...MOSCOW_VALUES]).toEqual(MoscowSchema.options);
    expect([...EXERCISE_VIEWS]).toEqual([...VIEWS]);
    expect(RUBRIC_CHECKS).toHaveLength(11);
  });
});

/** The example in the README's "Writing an exercise" section (keep the two identical). */
const README_EXAMPLE = `{
  "id": "ready-my-top-three",
  "title": "Make my top three stories ready",
  "skill": "refinement",
  "difficulty": "beginner",
  "brief": "Make the three highlighted stories meet the Definition of Ready, each with at least two testable acceptance criteria.",
  "view": "backlog",
  "scope": { "storyIds": ["st-126", "st-127", "st-130"] },
  "rubric": [
    { "id": "ready", "label": "Every story meets the Definition of Ready", "weight": 2, "rule": { "check": "stories-ready" } },
    { "id": "testable", "label": "Two testable criteria each", "rule": { "check": "criteria-testable", "minCriteria": 2 } },
    { "id": "small", "label": "Nothing above 5 points", "required": false, "rule": { "check": "stories-estimated", "maxEstimate": 5 } }
  ],
  "hints": ["Open the Coach panel in the Backlog: it lists each story's problems."],
  "reference": {
    "summary": "The reference wrote the missing benefits and replaced vague words with numbers.",
    "edits": [
      { "type": "story.update", "id": "st-126", "patch": { "soThat": "my weekly list is ready in two minutes" } }
    ]
  }
}`;

describe('the README example', () => {
  it('is a valid exercise, and works on Larder', () => {
    const exercise = ExerciseSchema.parse(JSON.parse(README_EXAMPLE));
    const larder = parseProductText(readFileSync(join(__dirname, '../../../resources/samples/larder.product.json'), 'utf8'));
    if (!larder.ok) throw new Error(larder.reason);
    const result = evaluateExercise(larder.product, exercise);
    expect(result.criteria.map((c) => [c.id, c.passed])).toEqual([
      ['ready', false],
      ['testable', false],
      ['small', false],
    ]);
    expect(referenceProduct(larder.product, exercise, null).ok).toBe(true);
  });
});

describe('the practice section of a product file', () => {
  it('keeps older files valid: a practice section with only a brief gets empty lists', () => {
    const base = JSON.parse(serializeProduct(product())) as Record<string, unknown>;
    const parsed = parseProductJson({ ...base, practice: { brief: 'Refine the backlog.' } });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.product.practice).toEqual({ brief: 'Refine the backlog.', exercises: [], attempts: [], snapshots: [] });
    const { practice: _, ...withoutPractice } = base;
    const bare = parseProductJson(withoutPractice);
    expect(bare.ok && bare.product.practice).toEqual({ brief: '', exercises: [], attempts: [], snapshots: [] });
  });

  it('refuses a product whose exercise is invalid, with the path', () => {
    const base = JSON.parse(serializeProduct(product())) as Record<string, unknown>;
    const parsed = parseProductJson({ ...base, practice: { brief: '', exercises: [{ ...minimal, view: 'kanban' }] } });
    expect(parsed.ok ? 'ok' : parsed.reason).toMatch(/practice\.exercises\.0\.view: Invalid option/);
  });

  it('does not check the references of exercises and snapshots: they may outlive what they name', () => {
    const p = product();
    const withPractice = ProductSchema.safeParse({
      ...p,
      practice: {
        brief: '',
        exercises: [{ ...minimal, scope: { storyIds: ['st-gone'] } }],
        attempts: [{ exerciseId: 'ex-ready', at: '2026-11-25T10:00:00.000Z', score: 50, passed: false, criteria: [{ id: 'ready', passed: false }] }],
        snapshots: [{ exerciseId: 'ex-ready', takenAt: '2026-11-25T09:00:00.000Z', stories: [{ ...p.stories[0], id: 'st-gone', epicId: 'ep-gone', status: 'nowhere' }] }],
      },
    });
    expect(withPractice.success ? 'ok' : describeIssues(withPractice.error)).toBe('ok');
    if (withPractice.success) expect(serializeProduct(withPractice.data)).toContain('"st-gone"');
  });
});
