/**
 * Exercises as data: what a learner is asked to do, where, on which part of the product, how the
 * work is checked (the rubric) and what a reference answer would do. Exercises live in a product
 * file's `practice.exercises`, so a mentor can write one by hand in JSON; the schema rejects typos
 * (unknown keys) with the path, so a mistake is reported instead of silently ignored.
 *
 * This module imports only zod and the limits (`model/limits.ts`): the product schema imports it for
 * the practice section, so it cannot import the product schema back. The few enums it shares with
 * the product schema (spec templates, MoSCoW buckets, views) are repeated here and a unit test
 * checks that they agree.
 */
import { z } from 'zod';
import { boundedList, LIMITS, LIST_LIMITS } from './limits';

/** An entity id, as in the product schema. */
export const PracticeIdSchema = z
  .string()
  .min(1, 'An id cannot be empty')
  .max(64, 'An id is at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'An id uses only letters, digits, "_" and "-"');

const Ids = boundedList(PracticeIdSchema, LIST_LIMITS.exerciseIds);
const shortText = () => z.string().max(LIMITS.shortText);
const longText = () => z.string().max(LIMITS.longText);

export const SKILLS = ['refinement', 'splitting', 'prioritisation', 'roadmapping', 'spec-writing', 'metrics'] as const;
export const SkillSchema = z.enum(SKILLS);
export type Skill = z.infer<typeof SkillSchema>;

export const SKILL_LABELS: Record<Skill, string> = {
  refinement: 'Backlog refinement',
  splitting: 'Story splitting',
  prioritisation: 'Prioritisation',
  roadmapping: 'Roadmapping',
  'spec-writing': 'Spec writing',
  metrics: 'Metrics',
};

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export const DifficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof DifficultySchema>;

export const DIFFICULTY_LABELS: Record<Difficulty, string> = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

/** The view an exercise opens (the renderer's views). */
export const EXERCISE_VIEWS = ['backlog', 'prioritize', 'roadmap', 'spec'] as const;
export const ExerciseViewSchema = z.enum(EXERCISE_VIEWS);
export type ExerciseView = z.infer<typeof ExerciseViewSchema>;

/** Spec templates that have completeness checks (the blank template has none). */
export const CHECKED_SPEC_TEMPLATES = ['prd', 'one-pager', 'metric-tree'] as const;
export const CheckedSpecTemplateSchema = z.enum(CHECKED_SPEC_TEMPLATES);
export type CheckedSpecTemplate = z.infer<typeof CheckedSpecTemplateSchema>;

export const MOSCOW_VALUES = ['must', 'should', 'could', 'wont'] as const;

// --- Rubric rules: one per check, with its parameters -----------------------------------------

/** Omitted story ids mean "the exercise's scope". */
const storyIds = Ids.optional();

export const StoriesReadyRuleSchema = z
  .object({
    check: z.literal('stories-ready'),
    storyIds,
  })
  .strict();

export const CriteriaTestableRuleSchema = z
  .object({
    check: z.literal('criteria-testable'),
    storyIds,
    /** The least number of acceptance criteria each story needs. */
    minCriteria: z.number().int().min(1).max(20).default(2),
    /** Each criterion must be written as Given … When … Then …. */
    givenWhenThen: z.boolean().default(false),
  })
  .strict();

export const StoriesEstimatedRuleSchema = z
  .object({
    check: z.literal('stories-estimated'),
    storyIds,
    /** The largest estimate that passes; null: the board's split threshold. */
    maxEstimate: z.number().positive().finite().nullable().default(null),
  })
  .strict();

export const StorySplitRuleSchema = z
  .object({
    check: z.literal('story-split'),
    storyId: PracticeIdSchema,
    minParts: z.number().int().min(2).max(20).default(2),
    /** The largest estimate a part may have; null: the board's split threshold. */
    maxPartEstimate: z.number().positive().finite().nullable().default(null),
  })
  .strict();

export const RiceScoredRuleSchema = z
  .object({
    check: z.literal('rice-scored'),
    storyIds,
    /** Impact on Intercom's scale (3, 2, 1, 0.5, 0.25) and effort of at least half a person-month. */
    intercomScales: z.boolean().default(true),
  })
  .strict();

/** How the learner marks the stories they choose for the plan. */
export const PlanMarkerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('moscow'), value: z.enum(MOSCOW_VALUES) }).strict(),
  z.object({ kind: z.literal('label'), label: shortText().min(1) }).strict(),
]);
export type PlanMarker = z.infer<typeof PlanMarkerSchema>;

export const CapacityPlanRuleSchema = z
  .object({
    check: z.literal('capacity-plan'),
    /** The candidates: the plan is chosen from these. */
    storyIds,
    /** Person-months of RICE effort available. */
    capacity: z.number().positive('The capacity must be more than 0 person-months').finite().max(10_000),
    marker: PlanMarkerSchema.default({ kind: 'moscow', value: 'must' }),
    /** The chosen stories' total RICE score must reach this share of the best total that fits. */
    minShareOfBest: z.number().min(0).max(1).default(0.8),
  })
  .strict();

export const RoadmapOutcomesRuleSchema = z
  .object({
    check: z.literal('roadmap-outcomes'),
    /** The goal the roadmap must plan for. */
    goalId: PracticeIdSchema,
    /** In how many of Now / Next / Later the goal needs items. */
    minHorizons: z.number().int().min(1).max(3).default(2),
    /** The goal needs an item in Now (something is being done about it today). */
    requireNow: z.boolean().default(false),
    /** Every roadmap item must be linked to a goal. */
    allItemsLinked: z.boolean().default(true),
  })
  .strict();

export const RoadmapDependenciesRuleSchema = z.object({ check: z.literal('roadmap-dependencies') }).strict();

export const RoadmapLaterUndatedRuleSchema = z.object({ check: z.literal('roadmap-later-undated') }).strict();

export const SpecCompleteRuleSchema = z
  .object({
    check: z.literal('spec-complete'),
    template: CheckedSpecTemplateSchema,
    /** A particular spec (e.g. a draft to finish); null: the best spec of the template. */
    specId: PracticeIdSchema.nullable().default(null),
    /** The spec must link (mention or list) at least one of these stories. */
    linkStoryIds: Ids.default([]),
  })
  .strict();

export const NorthStarRuleSchema = z
  .object({
    check: z.literal('north-star'),
    /** Where the north star may be written: a metric-tree spec, the product's goals, or either. */
    source: z.enum(['spec', 'goals', 'either']).default('either'),
    minInputs: z.number().int().min(1).max(10).default(3),
    /** How many different HEART categories the input metrics must cover. */
    minCategories: z.number().int().min(1).max(5).default(3),
  })
  .strict();

export const RubricRuleSchema = z.discriminatedUnion('check', [
  StoriesReadyRuleSchema,
  CriteriaTestableRuleSchema,
  StoriesEstimatedRuleSchema,
  StorySplitRuleSchema,
  RiceScoredRuleSchema,
  CapacityPlanRuleSchema,
  RoadmapOutcomesRuleSchema,
  RoadmapDependenciesRuleSchema,
  RoadmapLaterUndatedRuleSchema,
  SpecCompleteRuleSchema,
  NorthStarRuleSchema,
]);
export type RubricRule = z.infer<typeof RubricRuleSchema>;
export type RubricCheck = RubricRule['check'];
export const RUBRIC_CHECKS: readonly RubricCheck[] = RubricRuleSchema.options.map((o) => o.shape.check.value);

export const CriterionSchema = z
  .object({
    id: PracticeIdSchema,
    /** What passing means, in the learner's words: "Every story meets the Definition of Ready". */
    label: shortText().min(1, 'A criterion needs a label'),
    weight: z.number().positive().finite().max(100).default(1),
    /** A required criterion must pass for the exercise to pass; others only add to the score. */
    required: z.boolean().default(true),
    rule: RubricRuleSchema,
  })
  .strict();
export type Criterion = z.infer<typeof CriterionSchema>;

/** The part of the product an exercise works on: highlighted in the views, snapshotted at start, restored on reset. */
export const ExerciseScopeSchema = z
  .object({
    storyIds: Ids.default([]),
    /** The whole roadmap (its items) is in scope. */
    roadmap: z.boolean().default(false),
    /** The product's goals are in scope. */
    goals: z.boolean().default(false),
    /** Specs of these templates are in scope (new ones are removed on reset). */
    specTemplates: boundedList(CheckedSpecTemplateSchema, LIST_LIMITS.exerciseSpecTemplates).default([]),
    /** Existing specs in scope (restored on reset). */
    specIds: Ids.default([]),
  })
  .strict();
export type ExerciseScope = z.infer<typeof ExerciseScopeSchema>;

export const EMPTY_SCOPE: ExerciseScope = { storyIds: [], roadmap: false, goals: false, specTemplates: [], specIds: [] };

/**
 * An edit as stored in a reference answer: an object with a `type`. It is checked against the edit
 * schema when the reference is replayed (`reference.ts`), not here: the edit schema is built on the
 * product schema, which this module must not import.
 */
export const StoredEditSchema = z.looseObject({ type: z.string().min(1).max(64) });

export const ReferenceAnswerSchema = z
  .object({
    /** What the reference did and why, for the learner. */
    summary: longText().min(1, 'A reference answer needs a summary of what it did and why'),
    /** The edits that turn the starting state into the reference answer. */
    edits: boundedList(StoredEditSchema, LIST_LIMITS.referenceEdits).default([]),
  })
  .strict();
export type ReferenceAnswer = z.infer<typeof ReferenceAnswerSchema>;

const RULES_NEEDING_STORIES: ReadonlySet<RubricCheck> = new Set(['stories-ready', 'criteria-testable', 'stories-estimated', 'rice-scored', 'capacity-plan']);

export const ExerciseSchema = z
  .object({
    id: PracticeIdSchema,
    title: shortText().min(1, 'An exercise needs a title'),
    skill: SkillSchema,
    difficulty: DifficultySchema.default('beginner'),
    /** What to do, written to the learner. */
    brief: longText().min(1, 'An exercise needs a brief'),
    /** The view the exercise opens. */
    view: ExerciseViewSchema,
    scope: ExerciseScopeSchema.default(EMPTY_SCOPE),
    rubric: boundedList(CriterionSchema, LIST_LIMITS.rubric).min(1, 'An exercise needs at least one rubric criterion'),
    /** Hints, shown one at a time on request. */
    hints: boundedList(longText().min(1), LIST_LIMITS.hints).default([]),
    reference: ReferenceAnswerSchema.nullable().default(null),
  })
  .strict()
  .superRefine((exercise, ctx) => {
    const seen = new Set<string>();
    exercise.rubric.forEach((criterion, index) => {
      if (seen.has(criterion.id)) ctx.addIssue({ code: 'custom', path: ['rubric', index, 'id'], message: `Another criterion already has the id "${criterion.id}"` });
      seen.add(criterion.id);
      const rule = criterion.rule;
      const ruleStories = 'storyIds' in rule ? rule.storyIds : undefined;
      if (RULES_NEEDING_STORIES.has(rule.check) && ruleStories === undefined && exercise.scope.storyIds.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['rubric', index, 'rule', 'storyIds'],
          message: `The "${rule.check}" check needs stories: list them in the rule's storyIds or in the exercise's scope.storyIds`,
        });
      }
    });
    if (exercise.rubric.length > 0 && !exercise.rubric.some((c) => c.required)) {
      ctx.addIssue({ code: 'custom', path: ['rubric'], message: 'At least one rubric criterion must be required' });
    }
  });
export type Exercise = z.infer<typeof ExerciseSchema>;

/** The exercises of a product: ids unique. */
export const ExerciseListSchema = boundedList(ExerciseSchema, LIST_LIMITS.exercises).superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((exercise, index) => {
      if (seen.has(exercise.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `Another exercise already has the id "${exercise.id}"` });
      seen.add(exercise.id);
    });
  });

/** How many attempts are kept per exercise (the oldest are dropped). */
export const ATTEMPTS_KEPT = 5;

export const CriterionOutcomeSchema = z
  .object({
    id: PracticeIdSchema,
    passed: z.boolean(),
  })
  .strict();

/** One "Check my work": when, the score, and which criteria passed. */
export const AttemptSchema = z
  .object({
    exerciseId: PracticeIdSchema,
    /** ISO date-time. */
    at: z.string().min(1).max(40),
    score: z.number().int().min(0).max(100),
    passed: z.boolean(),
    criteria: boundedList(CriterionOutcomeSchema, LIST_LIMITS.attemptCriteria).default([]),
  })
  .strict();
export type Attempt = z.infer<typeof AttemptSchema>;
