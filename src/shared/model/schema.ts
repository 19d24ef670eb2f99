/**
 * The product document: one zod schema, from which every TypeScript type is inferred.
 *
 * Every field is present in a valid product (absent values are `null`, empty lists `[]`), so
 * that an edit's patch and its inverse patch are total: undoing a change never has to guess
 * whether a key existed. Fields that older hand-written files may lack have defaults, so a
 * mentor can write a short file and still get a valid product.
 *
 * Key order in the schema is the key order on disk (see `serializeProduct`).
 */
import { z } from 'zod';
import { exceedsJsonDepth } from './jsonDepth';
import { boundedList, LIMITS, LIST_LIMITS } from './limits';
import { isValidRank } from './rank';
import { AttemptSchema, ExerciseListSchema } from './exerciseSchema';

export const CURRENT_SCHEMA_VERSION = 2;

export { LIMITS, LIST_LIMITS } from './limits';

/** A product id is also its file name stem: lower-case letters, digits and single hyphens. */
export const ProductIdSchema = z
  .string()
  .min(1, 'A product id cannot be empty')
  .max(64, 'A product id is at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'A product id uses only a-z, 0-9 and single hyphens');
export type ProductId = z.infer<typeof ProductIdSchema>;

/** Ids of entities inside a product. */
export const EntityIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'An id uses only letters, digits, "_" and "-"');

/** Fractional-index rank (see `rank.ts`): ordering moves one item by changing one string. */
export const RankSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(isValidRank, 'Not a rank: ranks are fractional-index keys such as "a0", "a1", "a0V"');

const shortText = () => z.string().max(LIMITS.shortText);
const longText = () => z.string().max(LIMITS.longText);
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real calendar date');
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #rrggbb');
const nonNegative = () => z.number().finite().nonnegative();

export const VisionSchema = z.object({
  targetUsers: longText().default(''),
  needs: longText().default(''),
  product: longText().default(''),
  value: longText().default(''),
});

export const PersonaSchema = z.object({
  id: EntityIdSchema,
  name: shortText(),
  role: shortText().default(''),
  description: longText().default(''),
  goals: boundedList(shortText(), LIST_LIMITS.personaGoals).default([]),
  frustrations: boundedList(shortText(), LIST_LIMITS.personaFrustrations).default([]),
});

export const GoalDirectionSchema = z.enum(['increase', 'decrease', 'maintain']);
/** Google's HEART categories, used to classify a goal's metric. */
export const HeartCategorySchema = z.enum(['happiness', 'engagement', 'adoption', 'retention', 'task-success']);

export const GoalSchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  description: longText().default(''),
  metric: shortText().default(''),
  baseline: shortText().default(''),
  target: shortText().default(''),
  direction: GoalDirectionSchema.nullable().default(null),
  timeframe: shortText().default(''),
  heart: HeartCategorySchema.nullable().default(null),
});

/** RICE inputs (Intercom): reach per period, impact 0.25–3, confidence 0–100 (%), effort in person-months. */
export const RiceInputsSchema = z.object({
  reach: nonNegative().nullable().default(null),
  impact: nonNegative().nullable().default(null),
  confidence: z.number().finite().min(0).max(100).nullable().default(null),
  effort: nonNegative().nullable().default(null),
});

/** ICE inputs, each 1–10. */
export const IceInputsSchema = z.object({
  impact: z.number().finite().min(0).max(10).nullable().default(null),
  confidence: z.number().finite().min(0).max(10).nullable().default(null),
  ease: z.number().finite().min(0).max(10).nullable().default(null),
});

/** WSJF inputs (SAFe): relative values, usually on a modified Fibonacci scale. */
export const WsjfInputsSchema = z.object({
  businessValue: nonNegative().nullable().default(null),
  timeCriticality: nonNegative().nullable().default(null),
  riskReduction: nonNegative().nullable().default(null),
  jobSize: nonNegative().nullable().default(null),
});

export const MoscowSchema = z.enum(['must', 'should', 'could', 'wont']);

export const ScoresSchema = z.object({
  rice: RiceInputsSchema.default({ reach: null, impact: null, confidence: null, effort: null }),
  ice: IceInputsSchema.default({ impact: null, confidence: null, ease: null }),
  wsjf: WsjfInputsSchema.default({ businessValue: null, timeCriticality: null, riskReduction: null, jobSize: null }),
  moscow: MoscowSchema.nullable().default(null),
});

export const EMPTY_SCORES: z.infer<typeof ScoresSchema> = {
  rice: { reach: null, impact: null, confidence: null, effort: null },
  ice: { impact: null, confidence: null, ease: null },
  wsjf: { businessValue: null, timeCriticality: null, riskReduction: null, jobSize: null },
  moscow: null,
};

export const EpicSchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  description: longText().default(''),
  color: ColorSchema.default('#6b7280'),
  goalId: EntityIdSchema.nullable().default(null),
  status: z.enum(['open', 'done']).default('open'),
  rank: RankSchema,
  scores: ScoresSchema.default(EMPTY_SCORES),
});

export const AcceptanceCriterionSchema = z.object({
  id: EntityIdSchema,
  text: longText(),
});

/** Story points on the Fibonacci-like scale teams use; `null` is "?" (not estimated). */
export const ESTIMATE_SCALE = [0, 1, 2, 3, 5, 8, 13, 20, 40, 100] as const;

export const StorySchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  asA: shortText().default(''),
  iWant: longText().default(''),
  soThat: longText().default(''),
  description: longText().default(''),
  acceptanceCriteria: boundedList(AcceptanceCriterionSchema, LIST_LIMITS.acceptanceCriteria).default([]),
  estimate: nonNegative().nullable().default(null),
  /** The id of the board column the story is in. */
  status: EntityIdSchema,
  rank: RankSchema,
  epicId: EntityIdSchema.nullable().default(null),
  labels: boundedList(shortText(), LIST_LIMITS.labels).default([]),
  scores: ScoresSchema.default(EMPTY_SCORES),
  /** Set on a story created by splitting another one. */
  splitFrom: EntityIdSchema.nullable().default(null),
  /** Set on a story that was split: the stories that replaced it. */
  splitInto: boundedList(EntityIdSchema, LIST_LIMITS.splitInto).default([]),
  notes: longText().default(''),
});

/** What a column means for progress: work not started, in progress, or finished. */
export const ColumnCategorySchema = z.enum(['backlog', 'todo', 'in-progress', 'done']);

export const ColumnSchema = z.object({
  id: EntityIdSchema,
  name: shortText(),
  category: ColumnCategorySchema.default('todo'),
  wipLimit: z.number().int().positive().nullable().default(null),
});

/** One Definition-of-Ready item: checked automatically when `check` names a coach lint, otherwise a reminder. */
export const ReadyItemSchema = z.object({
  id: EntityIdSchema,
  text: shortText(),
  check: shortText().nullable().default(null),
});

export const BoardSchema = z.object({
  columns: boundedList(ColumnSchema, LIST_LIMITS.boardColumns).min(1, 'A board needs at least one column'),
  definitionOfReady: boundedList(ReadyItemSchema, LIST_LIMITS.definitionOfReady).default([]),
  /** Stories estimated above this many points should be split. */
  splitThreshold: z.number().positive().default(8),
});

export const HorizonSchema = z.enum(['now', 'next', 'later']);
export const HORIZONS = HorizonSchema.options;

export const LaneSchema = z.object({
  id: EntityIdSchema,
  name: shortText(),
  color: ColorSchema.default('#6b7280'),
  /** How many items the learner thinks the lane can carry at once (`null`: no limit). */
  capacity: z.number().int().positive().nullable().default(null),
});

export const RoadmapItemSchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  description: longText().default(''),
  laneId: EntityIdSchema.nullable().default(null),
  goalId: EntityIdSchema.nullable().default(null),
  horizon: HorizonSchema,
  rank: RankSchema,
  start: IsoDateSchema.nullable().default(null),
  end: IsoDateSchema.nullable().default(null),
  status: z.enum(['planned', 'in-progress', 'done', 'at-risk']).default('planned'),
  confidence: z.enum(['high', 'medium', 'low']).default('medium'),
  epicIds: boundedList(EntityIdSchema, LIST_LIMITS.itemEpics).default([]),
  storyIds: boundedList(EntityIdSchema, LIST_LIMITS.itemStories).default([]),
  dependsOn: boundedList(EntityIdSchema, LIST_LIMITS.itemDependencies).default([]),
}).superRefine((item, ctx) => {
  if (item.start !== null && item.end !== null && item.end < item.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `A roadmap item cannot end (${item.end}) before it starts (${item.start})` });
  }
});

export const MilestoneSchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  date: IsoDateSchema,
  description: longText().default(''),
});

export const RoadmapSchema = z.object({
  lanes: boundedList(LaneSchema, LIST_LIMITS.roadmapLanes).default([]),
  items: boundedList(RoadmapItemSchema, LIST_LIMITS.roadmapItems).default([]),
  milestones: boundedList(MilestoneSchema, LIST_LIMITS.milestones).default([]),
});

/** A tiptap / ProseMirror JSON node. Depth is bounded so a hostile file cannot blow the stack. */
export type DocNode = {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: DocNode[] | undefined;
  marks?: { type: string; attrs?: Record<string, unknown> | undefined }[] | undefined;
  text?: string | undefined;
};

const MarkSchema = z.object({
  type: z.string().min(1).max(64),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

const DocNodeTreeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1).max(64),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: boundedList(DocNodeTreeSchema, LIST_LIMITS.docChildren).optional(),
    marks: boundedList(MarkSchema, LIST_LIMITS.docMarks).optional(),
    text: z.string().max(1_000_000).optional(),
  }),
);

/**
 * How deeply a spec document's JSON may nest: `LIMITS.docDepth` nodes (each node is two levels, the
 * node and its `content` list) plus marks and attributes. Checked before the recursive schema runs,
 * so a hostile document is refused instead of overflowing the stack, and a document an edit puts
 * into a product can always be read back from the file.
 */
export const MAX_DOC_JSON_DEPTH = LIMITS.docDepth * 2 + 6;

export const DocNodeSchema: z.ZodType<DocNode> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (exceedsJsonDepth(value, MAX_DOC_JSON_DEPTH)) {
      ctx.addIssue({ code: 'custom', message: `A document nests too deeply (more than ${MAX_DOC_JSON_DEPTH} levels of JSON, about ${LIMITS.docDepth} levels of blocks)` });
    }
  })
  .pipe(DocNodeTreeSchema);

export const EMPTY_DOC: DocNode = { type: 'doc', content: [{ type: 'paragraph' }] };

export const SpecTemplateSchema = z.enum(['prd', 'one-pager', 'metric-tree', 'blank']);

export const SpecSchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  template: SpecTemplateSchema,
  content: DocNodeSchema.default(EMPTY_DOC),
  linkedStoryIds: boundedList(EntityIdSchema, LIST_LIMITS.specLinkedStories).default([]),
});

export const FrameworkSchema = z.enum(['rice', 'ice', 'wsjf', 'moscow']);

export const PrioritizationSchema = z.object({
  /** Which items are scored in the prioritizer. */
  scope: z.enum(['stories', 'epics']).default('stories'),
  framework: FrameworkSchema.default('rice'),
  /** The period Reach is counted over, shown next to Reach. */
  reachPeriod: shortText().default('per quarter'),
  /** The learner's own ordering from the ranking exercise (ids), or null when not attempted. */
  learnerRanking: boundedList(EntityIdSchema, LIST_LIMITS.learnerRanking).nullable().default(null),
  notes: longText().default(''),
});

/**
 * A spec as it was when an exercise started. The document is kept as JSON text: a snapshot sits
 * deeper in the file than a spec does, and text keeps it within the file's nesting limit.
 */
export const SnapshotSpecSchema = z.object({
  id: EntityIdSchema,
  title: shortText(),
  template: SpecTemplateSchema,
  contentJson: z.string().max(10_000_000),
  linkedStoryIds: boundedList(EntityIdSchema, LIST_LIMITS.specLinkedStories).default([]),
});

/**
 * The scope of an exercise as it was when the learner started it, so that "Reset" can restore it.
 * It holds copies, not links: nothing in it has to exist in the product any more (not checked by
 * `checkReferences`). `null` means that part was not in the exercise's scope.
 */
export const ScopeSnapshotSchema = z.object({
  exerciseId: EntityIdSchema,
  takenAt: shortText(),
  stories: boundedList(StorySchema, LIST_LIMITS.stories).default([]),
  roadmapItems: boundedList(RoadmapItemSchema, LIST_LIMITS.roadmapItems).nullable().default(null),
  goals: boundedList(GoalSchema, LIST_LIMITS.goals).nullable().default(null),
  specs: boundedList(SnapshotSpecSchema, LIST_LIMITS.specs).nullable().default(null),
  /** The ids of every spec when the exercise started (specs of the scope's templates added later are removed on reset). */
  specIdsAtStart: boundedList(EntityIdSchema, LIST_LIMITS.specs).default([]),
});

export const PracticeSchema = z.object({
  brief: longText().default(''),
  /** Exercises a mentor wrote for this product (see `src/shared/practice/exerciseSchema.ts`). */
  exercises: ExerciseListSchema.default([]),
  /** The learner's "Check my work" results, the last few per exercise. */
  attempts: boundedList(AttemptSchema, LIST_LIMITS.attempts).default([]),
  /** The scope of each started exercise as it was at the start. */
  snapshots: boundedList(ScopeSnapshotSchema, LIST_LIMITS.snapshots).default([]),
});

const productShape = {
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: ProductIdSchema,
  name: shortText().min(1, 'A product needs a name'),
  summary: longText().default(''),
  author: shortText().default(''),
  vision: VisionSchema.default({ targetUsers: '', needs: '', product: '', value: '' }),
  personas: boundedList(PersonaSchema, LIST_LIMITS.personas).default([]),
  goals: boundedList(GoalSchema, LIST_LIMITS.goals).default([]),
  epics: boundedList(EpicSchema, LIST_LIMITS.epics).default([]),
  stories: boundedList(StorySchema, LIST_LIMITS.stories).default([]),
  board: BoardSchema,
  roadmap: RoadmapSchema.default({ lanes: [], items: [], milestones: [] }),
  specs: boundedList(SpecSchema, LIST_LIMITS.specs).default([]),
  prioritization: PrioritizationSchema.default({
    scope: 'stories',
    framework: 'rice',
    reachPeriod: 'per quarter',
    learnerRanking: null,
    notes: '',
  }),
  practice: PracticeSchema.default({ brief: '', exercises: [], attempts: [], snapshots: [] }),
};

type ProductShape = z.infer<z.ZodObject<typeof productShape>>;

/**
 * References inside a product point at something that exists: ids are unique within each list,
 * every story sits in a board column, and epic / goal / lane / story / roadmap-item ids used as
 * links name existing entities. Deleting an entity clears the links to it (see `applyEdit`), so a
 * product the app writes always passes; a hand-edited file that does not is refused with the path.
 * (`splitFrom` / `splitInto` and the learner's ranking are history, not links, and are not checked.)
 */
function checkReferences(p: ProductShape, ctx: z.RefinementCtx): void {
  const idsOf = (list: readonly { id: string }[], path: (string | number)[], noun: string): Set<string> => {
    const ids = new Set<string>();
    list.forEach((entity, index) => {
      if (ids.has(entity.id)) ctx.addIssue({ code: 'custom', path: [...path, index, 'id'], message: `Another ${noun} already has the id "${entity.id}"` });
      ids.add(entity.id);
    });
    return ids;
  };
  const goals = idsOf(p.goals, ['goals'], 'goal');
  const epics = idsOf(p.epics, ['epics'], 'epic');
  const stories = idsOf(p.stories, ['stories'], 'story');
  const columns = idsOf(p.board.columns, ['board', 'columns'], 'column');
  const lanes = idsOf(p.roadmap.lanes, ['roadmap', 'lanes'], 'lane');
  const items = idsOf(p.roadmap.items, ['roadmap', 'items'], 'roadmap item');
  idsOf(p.personas, ['personas'], 'persona');
  idsOf(p.roadmap.milestones, ['roadmap', 'milestones'], 'milestone');
  idsOf(p.specs, ['specs'], 'spec');
  idsOf(p.board.definitionOfReady, ['board', 'definitionOfReady'], 'Definition-of-Ready item');

  const ref = (ids: Set<string>, id: string | null, path: (string | number)[], noun: string): void => {
    if (id !== null && !ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `There is no ${noun} with id "${id}"` });
  };
  const refs = (ids: Set<string>, list: readonly string[], path: (string | number)[], noun: string): void => {
    list.forEach((id, index) => ref(ids, id, [...path, index], noun));
  };
  p.epics.forEach((epic, i) => ref(goals, epic.goalId, ['epics', i, 'goalId'], 'goal'));
  p.stories.forEach((story, i) => {
    ref(columns, story.status, ['stories', i, 'status'], 'board column');
    ref(epics, story.epicId, ['stories', i, 'epicId'], 'epic');
  });
  p.roadmap.items.forEach((item, i) => {
    const path = ['roadmap', 'items', i];
    ref(lanes, item.laneId, [...path, 'laneId'], 'lane');
    ref(goals, item.goalId, [...path, 'goalId'], 'goal');
    refs(epics, item.epicIds, [...path, 'epicIds'], 'epic');
    refs(stories, item.storyIds, [...path, 'storyIds'], 'story');
    refs(items, item.dependsOn, [...path, 'dependsOn'], 'roadmap item');
    if (item.dependsOn.includes(item.id)) {
      ctx.addIssue({ code: 'custom', path: [...path, 'dependsOn'], message: 'A roadmap item cannot depend on itself' });
    }
  });
  p.specs.forEach((spec, i) => refs(stories, spec.linkedStoryIds, ['specs', i, 'linkedStoryIds'], 'story'));
}

export const ProductSchema = z.object(productShape).superRefine(checkReferences);

export type Product = z.infer<typeof ProductSchema>;
export type Vision = z.infer<typeof VisionSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type Goal = z.infer<typeof GoalSchema>;
export type Epic = z.infer<typeof EpicSchema>;
export type Story = z.infer<typeof StorySchema>;
export type AcceptanceCriterion = z.infer<typeof AcceptanceCriterionSchema>;
export type Scores = z.infer<typeof ScoresSchema>;
export type RiceInputs = z.infer<typeof RiceInputsSchema>;
export type IceInputs = z.infer<typeof IceInputsSchema>;
export type WsjfInputs = z.infer<typeof WsjfInputsSchema>;
export type Moscow = z.infer<typeof MoscowSchema>;
export type Column = z.infer<typeof ColumnSchema>;
export type ColumnCategory = z.infer<typeof ColumnCategorySchema>;
export type ReadyItem = z.infer<typeof ReadyItemSchema>;
export type Board = z.infer<typeof BoardSchema>;
export type Horizon = z.infer<typeof HorizonSchema>;
export type Lane = z.infer<typeof LaneSchema>;
export type RoadmapItem = z.infer<typeof RoadmapItemSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type Roadmap = z.infer<typeof RoadmapSchema>;
export type Spec = z.infer<typeof SpecSchema>;
export type SpecTemplate = z.infer<typeof SpecTemplateSchema>;
export type Prioritization = z.infer<typeof PrioritizationSchema>;
export type Framework = z.infer<typeof FrameworkSchema>;
export type Practice = z.infer<typeof PracticeSchema>;
export type ScopeSnapshot = z.infer<typeof ScopeSnapshotSchema>;
export type SnapshotSpec = z.infer<typeof SnapshotSpecSchema>;
