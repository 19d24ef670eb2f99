/**
 * Every change to a product is an edit: a plain, serialisable object of this closed union. The
 * renderer, the service and every input path (keyboard, drag and drop, menu, import) produce and
 * apply the same objects through `applyEdit`.
 */
import { z } from 'zod';
import {
  BoardSchema,
  ColumnSchema,
  EntityIdSchema,
  EpicSchema,
  GoalSchema,
  HorizonSchema,
  IceInputsSchema,
  IsoDateSchema,
  LaneSchema,
  MilestoneSchema,
  MoscowSchema,
  PersonaSchema,
  PracticeSchema,
  PrioritizationSchema,
  ProductSchema,
  RankSchema,
  RiceInputsSchema,
  RoadmapItemSchema,
  SpecSchema,
  StorySchema,
  VisionSchema,
  WsjfInputsSchema,
  type Board,
  type Column,
  type Epic,
  type Goal,
  type IceInputs,
  type Lane,
  type Milestone,
  type Moscow,
  type Persona,
  type Practice,
  type Prioritization,
  type Product,
  type RiceInputs,
  type RoadmapItem,
  type Spec,
  type Story,
  type Vision,
  type WsjfInputs,
} from '../model/schema';

/**
 * A schema for a partial update of `schema`'s object: only the named keys may appear, each checked
 * against its field schema. (zod's own `.partial()` would fill in field defaults for absent keys,
 * which would turn a one-field patch into a reset of every other field.) The output holds the
 * parsed value of each given key, so a value is complete (defaults inside it filled, unknown keys
 * dropped) exactly as the same value inside a parsed product would be.
 */
export function patchSchema<T extends object>(schema: z.ZodObject, allowed: readonly (keyof T & string)[]): z.ZodType<Partial<T>> {
  const allowedSet = new Set<string>(allowed);
  const shape = schema.shape as Record<string, z.ZodType>;
  // The input is read as it is (not through z.record, which copies keys into a fresh object where
  // an own "__proto__" key from JSON would silently vanish instead of being refused).
  return z.unknown().transform((patch, ctx) => {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      ctx.addIssue({ code: 'custom', message: 'A patch is an object of the fields to change' });
      return z.NEVER;
    }
    const out: Record<string, unknown> = {};
    let valid = true;
    for (const [key, value] of Object.entries(patch)) {
      const field = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
      if (!allowedSet.has(key) || !field) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" cannot be changed by this edit` });
        valid = false;
        continue;
      }
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" needs a value` });
        valid = false;
        continue;
      }
      const result = field.safeParse(value);
      if (!result.success) {
        for (const issue of result.error.issues) {
          ctx.addIssue({ code: 'custom', path: [key, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
        }
        valid = false;
        continue;
      }
      out[key] = result.data;
    }
    return valid ? out : z.NEVER;
  }) as unknown as z.ZodType<Partial<T>>;
}

/** The keys of `T` (an object schema's type) other than `omit`: `keysExcept<Story>()()(StorySchema, 'id')`. */
function keysExcept<T extends object>() {
  return <K extends keyof T & string = never>(schema: z.ZodObject, ...omit: K[]): Exclude<keyof T & string, K>[] =>
    Object.keys(schema.shape).filter((k) => !(omit as string[]).includes(k)) as Exclude<keyof T & string, K>[];
}

const Id = EntityIdSchema;
const Index = z.number().int().min(0).max(1_000_000).optional();

export type ProductPatch = Partial<Pick<Product, 'name' | 'summary' | 'author'>>;
export type StoryPatch = Partial<Omit<Story, 'id'>>;

export const ProductPatchSchema = patchSchema<ProductPatch>(ProductSchema, ['name', 'summary', 'author']);
export const VisionPatchSchema = patchSchema<Vision>(VisionSchema, keysExcept<Vision>()(VisionSchema));
export const BoardPatchSchema = patchSchema<Omit<Board, 'columns'>>(BoardSchema, ['definitionOfReady', 'splitThreshold']);
export const PrioritizationPatchSchema = patchSchema<Prioritization>(PrioritizationSchema, keysExcept<Prioritization>()(PrioritizationSchema));
export const PracticePatchSchema = patchSchema<Practice>(PracticeSchema, keysExcept<Practice>()(PracticeSchema));
export const PersonaPatchSchema = patchSchema<Omit<Persona, 'id'>>(PersonaSchema, keysExcept<Persona>()(PersonaSchema, 'id'));
export const GoalPatchSchema = patchSchema<Omit<Goal, 'id'>>(GoalSchema, keysExcept<Goal>()(GoalSchema, 'id'));
export const EpicPatchSchema = patchSchema<Omit<Epic, 'id' | 'scores'>>(EpicSchema, keysExcept<Epic>()(EpicSchema, 'id', 'scores'));
export const StoryPatchSchema = patchSchema<Omit<Story, 'id' | 'scores'>>(StorySchema, keysExcept<Story>()(StorySchema, 'id', 'scores'));
export const ColumnPatchSchema = patchSchema<Omit<Column, 'id'>>(ColumnSchema, keysExcept<Column>()(ColumnSchema, 'id'));
export const LanePatchSchema = patchSchema<Omit<Lane, 'id'>>(LaneSchema, keysExcept<Lane>()(LaneSchema, 'id'));
export const RoadmapItemPatchSchema = patchSchema<Omit<RoadmapItem, 'id'>>(RoadmapItemSchema, keysExcept<RoadmapItem>()(RoadmapItemSchema, 'id'));
export const MilestonePatchSchema = patchSchema<Omit<Milestone, 'id'>>(MilestoneSchema, keysExcept<Milestone>()(MilestoneSchema, 'id'));
export const SpecPatchSchema = patchSchema<Omit<Spec, 'id'>>(SpecSchema, keysExcept<Spec>()(SpecSchema, 'id'));

export interface ScoresPatch {
  rice?: Partial<RiceInputs>;
  ice?: Partial<IceInputs>;
  wsjf?: Partial<WsjfInputs>;
  moscow?: Moscow | null;
}

export const ScoresPatchSchema: z.ZodType<ScoresPatch> = z
  .object({
    rice: patchSchema<RiceInputs>(RiceInputsSchema, ['reach', 'impact', 'confidence', 'effort']).optional(),
    ice: patchSchema<IceInputs>(IceInputsSchema, ['impact', 'confidence', 'ease']).optional(),
    wsjf: patchSchema<WsjfInputs>(WsjfInputsSchema, ['businessValue', 'timeCriticality', 'riskReduction', 'jobSize']).optional(),
    moscow: MoscowSchema.nullable().optional(),
  })
  .strict();

export const SimpleEditSchemas = [
  z.object({ type: z.literal('product.update'), patch: ProductPatchSchema }).strict(),
  z.object({ type: z.literal('vision.update'), patch: VisionPatchSchema }).strict(),
  z.object({ type: z.literal('board.update'), patch: BoardPatchSchema }).strict(),
  z.object({ type: z.literal('prioritization.update'), patch: PrioritizationPatchSchema }).strict(),
  z.object({ type: z.literal('practice.update'), patch: PracticePatchSchema }).strict(),
  z.object({ type: z.literal('persona.add'), persona: PersonaSchema, index: Index }).strict(),
  z.object({ type: z.literal('persona.update'), id: Id, patch: PersonaPatchSchema }).strict(),
  z.object({ type: z.literal('persona.delete'), id: Id }).strict(),
  z.object({ type: z.literal('goal.add'), goal: GoalSchema, index: Index }).strict(),
  z.object({ type: z.literal('goal.update'), id: Id, patch: GoalPatchSchema }).strict(),
  z.object({ type: z.literal('goal.delete'), id: Id }).strict(),
  z.object({ type: z.literal('epic.add'), epic: EpicSchema, index: Index }).strict(),
  z.object({ type: z.literal('epic.update'), id: Id, patch: EpicPatchSchema }).strict(),
  z.object({ type: z.literal('epic.delete'), id: Id }).strict(),
  z.object({ type: z.literal('story.add'), story: StorySchema, index: Index }).strict(),
  z.object({ type: z.literal('story.update'), id: Id, patch: StoryPatchSchema }).strict(),
  z.object({ type: z.literal('story.delete'), id: Id }).strict(),
  z.object({ type: z.literal('story.move'), id: Id, status: Id, rank: RankSchema }).strict(),
  z
    .object({ type: z.literal('score.set'), target: z.enum(['story', 'epic']), id: Id, patch: ScoresPatchSchema })
    .strict(),
  z.object({ type: z.literal('column.add'), column: ColumnSchema, index: Index }).strict(),
  z.object({ type: z.literal('column.update'), id: Id, patch: ColumnPatchSchema }).strict(),
  z.object({ type: z.literal('column.move'), id: Id, index: z.number().int().min(0).max(1000) }).strict(),
  z.object({ type: z.literal('column.delete'), id: Id, moveStoriesTo: Id.nullable() }).strict(),
  z.object({ type: z.literal('lane.add'), lane: LaneSchema, index: Index }).strict(),
  z.object({ type: z.literal('lane.update'), id: Id, patch: LanePatchSchema }).strict(),
  z.object({ type: z.literal('lane.delete'), id: Id }).strict(),
  z.object({ type: z.literal('lane.move'), id: Id, index: z.number().int().min(0).max(1000) }).strict(),
  z.object({ type: z.literal('roadmapItem.add'), item: RoadmapItemSchema, index: Index }).strict(),
  z.object({ type: z.literal('roadmapItem.update'), id: Id, patch: RoadmapItemPatchSchema }).strict(),
  z.object({ type: z.literal('roadmapItem.delete'), id: Id }).strict(),
  z
    .object({ type: z.literal('roadmap.move'), id: Id, horizon: HorizonSchema, rank: RankSchema, laneId: Id.nullable().optional() })
    .strict(),
  z
    .object({ type: z.literal('roadmap.schedule'), id: Id, start: IsoDateSchema.nullable(), end: IsoDateSchema.nullable() })
    .strict(),
  z.object({ type: z.literal('milestone.add'), milestone: MilestoneSchema, index: Index }).strict(),
  z.object({ type: z.literal('milestone.update'), id: Id, patch: MilestonePatchSchema }).strict(),
  z.object({ type: z.literal('milestone.delete'), id: Id }).strict(),
  z.object({ type: z.literal('spec.add'), spec: SpecSchema, index: Index }).strict(),
  z.object({ type: z.literal('spec.update'), id: Id, patch: SpecPatchSchema }).strict(),
  z.object({ type: z.literal('spec.delete'), id: Id }).strict(),
] as const;

type SimpleEditUnion = z.infer<(typeof SimpleEditSchemas)[number]>;

/**
 * Several edits applied as one (a split, a bulk action, an import): undone and redone together.
 * A batch holds only simple edits: `EditSchema` refuses a batch inside a batch (nesting would let a
 * hostile request recurse until the stack overflows), and `applyEdit` returns flat inverses.
 */
export interface BatchEdit {
  type: 'batch';
  label: string;
  edits: Edit[];
}

export type Edit = SimpleEditUnion | BatchEdit;
export type EditType = Edit['type'];
export type EditOf<T extends EditType> = Extract<Edit, { type: T }>;

export const MAX_EDITS_PER_BATCH = 50_000;

const SimpleEditSchema = z.discriminatedUnion('type', [...SimpleEditSchemas]);

export const EditSchema: z.ZodType<Edit> = z.discriminatedUnion('type', [
  ...SimpleEditSchemas,
  z
    .object({
      type: z.literal('batch'),
      label: z.string().max(200),
      edits: z.array(SimpleEditSchema).max(MAX_EDITS_PER_BATCH),
    })
    .strict(),
]) as z.ZodType<Edit>;

/** Every edit type, for tests and for the undo menu's labels. */
export const EDIT_TYPES: readonly EditType[] = [
  ...SimpleEditSchemas.map((s) => s.shape.type.value),
  'batch',
] as EditType[];
