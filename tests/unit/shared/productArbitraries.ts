/**
 * fast-check arbitraries for the property tests of `applyEdit`: random valid products (several of
 * every kind of entity, with references between them) and, for a given product, a random valid
 * edit of any kind — targeting existing ids for update / move / delete, new ids for add, patches
 * built from valid field values, and batches of several edits that apply one after another.
 */
import fc from 'fast-check';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import type { Edit, EditType } from '../../../src/shared/edits/editSchema';
import { ranksBetween } from '../../../src/shared/model/rank';
import {
  ColumnCategorySchema,
  ESTIMATE_SCALE,
  FrameworkSchema,
  GoalDirectionSchema,
  HeartCategorySchema,
  HorizonSchema,
  MoscowSchema,
  ProductSchema,
  SpecTemplateSchema,
  type DocNode,
  type Product,
  type RoadmapItem,
} from '../../../src/shared/model/schema';

// ---------------------------------------------------------------------------------------------
// Field values

const RANKS = ranksBetween(null, null, 40);
const rank = fc.constantFrom(...RANKS);
const entityId = fc.stringMatching(/^[a-z][a-z0-9_-]{0,9}$/);
const shortText = fc.string({ maxLength: 16 });
const nonEmptyText = fc.string({ minLength: 1, maxLength: 16 });
const longText = fc.string({ maxLength: 40 });
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const quarters = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((n) => n / 4);
const color = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
const DAY = 86_400_000;
const date = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * DAY).toISOString().slice(0, 10));
const textList = fc.array(shortText, { maxLength: 3 });

/** A start and an end date, in order, either of which may be unset. */
const datePair = fc.tuple(nullable(date), nullable(date)).map(([a, b]): [string | null, string | null] => (a !== null && b !== null && b < a ? [b, a] : [a, b]));

const riceFields = { reach: nullable(quarters(10_000)), impact: nullable(quarters(3)), confidence: nullable(fc.integer({ min: 0, max: 100 })), effort: nullable(quarters(24)) };
const iceFields = { impact: nullable(fc.integer({ min: 0, max: 10 })), confidence: nullable(fc.integer({ min: 0, max: 10 })), ease: nullable(fc.integer({ min: 0, max: 10 })) };
const wsjfFields = {
  businessValue: nullable(fc.constantFrom(1, 2, 3, 5, 8, 13, 20)),
  timeCriticality: nullable(fc.constantFrom(1, 2, 3, 5, 8, 13, 20)),
  riskReduction: nullable(fc.constantFrom(1, 2, 3, 5, 8, 13, 20)),
  jobSize: nullable(fc.constantFrom(1, 2, 3, 5, 8, 13, 20)),
};
const moscow = nullable(fc.constantFrom(...MoscowSchema.options));
const scores = fc.record({ rice: fc.record(riceFields), ice: fc.record(iceFields), wsjf: fc.record(wsjfFields), moscow });
const scoresPatch = fc.record(
  {
    rice: fc.record(riceFields, { requiredKeys: [] }),
    ice: fc.record(iceFields, { requiredKeys: [] }),
    wsjf: fc.record(wsjfFields, { requiredKeys: [] }),
    moscow,
  },
  { requiredKeys: [] },
);

const textNode: fc.Arbitrary<DocNode> = fc.record(
  { type: fc.constant('text'), text: fc.string({ minLength: 1, maxLength: 12 }), marks: fc.array(fc.record({ type: fc.constantFrom('bold', 'italic', 'code') }), { minLength: 1, maxLength: 2 }) },
  { requiredKeys: ['type', 'text'] },
);
const block: fc.Arbitrary<DocNode> = fc.oneof(
  fc.record({ type: fc.constant('paragraph'), content: fc.array(textNode, { maxLength: 3 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('heading'), attrs: fc.record({ level: fc.integer({ min: 1, max: 3 }) }), content: fc.array(textNode, { minLength: 1, maxLength: 2 }) }),
  fc.record({
    type: fc.constant('bulletList'),
    content: fc.array(fc.record({ type: fc.constant('listItem'), content: fc.array(fc.record({ type: fc.constant('paragraph'), content: fc.array(textNode, { maxLength: 2 }) }), { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 3 }),
  }),
);
const doc: fc.Arbitrary<DocNode> = fc.array(block, { maxLength: 4 }).map((content) => ({ type: 'doc', content }));

// ---------------------------------------------------------------------------------------------
// Entities: the fields of each kind, given the ids that references may use

interface Ids {
  goals: string[];
  epics: string[];
  stories: string[];
  columns: string[];
  lanes: string[];
  items: string[];
}

function idsOf(p: Product): Ids {
  const ids = (list: readonly { id: string }[]) => list.map((e) => e.id);
  return {
    goals: ids(p.goals),
    epics: ids(p.epics),
    stories: ids(p.stories),
    columns: ids(p.board.columns),
    lanes: ids(p.roadmap.lanes),
    items: ids(p.roadmap.items),
  };
}

const oneOf = (ids: readonly string[]): fc.Arbitrary<string> => fc.constantFrom(...ids);
const refOrNull = (ids: readonly string[]): fc.Arbitrary<string | null> => (ids.length > 0 ? nullable(oneOf(ids)) : fc.constant(null));

const personaFields = { name: shortText, role: shortText, description: longText, goals: textList, frustrations: textList };
const goalFields = {
  title: shortText,
  description: longText,
  metric: shortText,
  baseline: shortText,
  target: shortText,
  direction: nullable(fc.constantFrom(...GoalDirectionSchema.options)),
  timeframe: shortText,
  heart: nullable(fc.constantFrom(...HeartCategorySchema.options)),
};
const epicFields = (ids: Ids) => ({
  title: shortText,
  description: longText,
  color,
  goalId: refOrNull(ids.goals),
  status: fc.constantFrom('open' as const, 'done' as const),
  rank,
});
const storyFields = (ids: Ids) => ({
  title: shortText,
  asA: shortText,
  iWant: longText,
  soThat: longText,
  description: longText,
  acceptanceCriteria: fc.uniqueArray(fc.record({ id: entityId, text: longText }), { selector: (c) => c.id, maxLength: 3 }),
  estimate: nullable(fc.constantFrom(...ESTIMATE_SCALE)),
  status: oneOf(ids.columns),
  rank,
  epicId: refOrNull(ids.epics),
  labels: textList,
  splitFrom: nullable(entityId),
  splitInto: fc.array(entityId, { maxLength: 2 }),
  notes: longText,
});
const columnFields = { name: shortText, category: fc.constantFrom(...ColumnCategorySchema.options), wipLimit: nullable(fc.integer({ min: 1, max: 10 })) };
const laneFields = { name: shortText, color, capacity: nullable(fc.integer({ min: 1, max: 10 })) };
/** Fields of a roadmap item; `dependsOn` uses `ids.items`, so leave the item itself out of them. */
const itemFields = (ids: Ids) => ({
  title: shortText,
  description: longText,
  laneId: refOrNull(ids.lanes),
  goalId: refOrNull(ids.goals),
  horizon: fc.constantFrom(...HorizonSchema.options),
  rank,
  start: nullable(date),
  end: nullable(date),
  status: fc.constantFrom('planned' as const, 'in-progress' as const, 'done' as const, 'at-risk' as const),
  confidence: fc.constantFrom('high' as const, 'medium' as const, 'low' as const),
  epicIds: fc.subarray(ids.epics),
  storyIds: fc.subarray(ids.stories),
  dependsOn: fc.subarray(ids.items),
});
const milestoneFields = { title: shortText, date, description: longText };
const specFields = (ids: Ids) => ({ title: shortText, template: fc.constantFrom(...SpecTemplateSchema.options), content: doc, linkedStoryIds: fc.subarray(ids.stories) });

/** Swap a full item's dates if they are out of order. */
function orderDates<T extends { start: string | null; end: string | null }>(item: T): T {
  return item.start !== null && item.end !== null && item.end < item.start ? { ...item, start: item.end, end: item.start } : item;
}

/** Make a patch's dates consistent with the dates of `current` it leaves alone. */
function fixPatchDates<T extends Partial<RoadmapItem>>(current: RoadmapItem, patch: T): T {
  const start = patch.start !== undefined ? patch.start : current.start;
  const end = patch.end !== undefined ? patch.end : current.end;
  if (start === null || end === null || end >= start) return patch;
  return patch.end !== undefined ? { ...patch, end: start } : { ...patch, start: end };
}

// ---------------------------------------------------------------------------------------------
// Products

const uniqueIds = (minLength: number, maxLength: number) => fc.uniqueArray(entityId, { minLength, maxLength });

/** A random valid product with 1–6 of every kind of entity and references between them. */
export const productArbitrary: fc.Arbitrary<Product> = fc
  .record({
    personas: uniqueIds(1, 3),
    goals: uniqueIds(1, 3),
    epics: uniqueIds(1, 4),
    stories: uniqueIds(1, 6),
    columns: uniqueIds(2, 4),
    lanes: uniqueIds(1, 3),
    items: uniqueIds(1, 5),
    milestones: uniqueIds(1, 2),
    specs: uniqueIds(1, 2),
  })
  .chain((ids) => {
    const withId = <F>(id: string, fields: fc.Arbitrary<F>) => fields.map((f) => ({ id, ...f }));
    return fc.record({
      name: nonEmptyText,
      summary: longText,
      author: shortText,
      vision: fc.record({ targetUsers: longText, needs: longText, product: longText, value: longText }),
      personas: fc.tuple(...ids.personas.map((id) => withId(id, fc.record(personaFields)))),
      goals: fc.tuple(...ids.goals.map((id) => withId(id, fc.record(goalFields)))),
      epics: fc.tuple(...ids.epics.map((id) => withId(id, fc.record({ ...epicFields(ids), scores })))),
      stories: fc.tuple(...ids.stories.map((id) => withId(id, fc.record({ ...storyFields(ids), scores })))),
      columns: fc.tuple(...ids.columns.map((id) => withId(id, fc.record(columnFields)))),
      definitionOfReady: fc.uniqueArray(fc.record({ id: entityId, text: shortText, check: nullable(shortText) }), { selector: (r) => r.id, maxLength: 2 }),
      splitThreshold: fc.integer({ min: 1, max: 40 }),
      lanes: fc.tuple(...ids.lanes.map((id) => withId(id, fc.record(laneFields)))),
      // An item depends only on items before it, so dependencies never form a cycle.
      items: fc.tuple(...ids.items.map((id, i) => withId(id, fc.record(itemFields({ ...ids, items: ids.items.slice(0, i) })).map(orderDates)))),
      milestones: fc.tuple(...ids.milestones.map((id) => withId(id, fc.record(milestoneFields)))),
      specs: fc.tuple(...ids.specs.map((id) => withId(id, fc.record(specFields(ids))))),
      prioritization: fc.record({
        scope: fc.constantFrom('stories' as const, 'epics' as const),
        framework: fc.constantFrom(...FrameworkSchema.options),
        reachPeriod: shortText,
        learnerRanking: nullable(fc.subarray(ids.stories)),
        notes: longText,
      }),
      brief: longText,
    });
  })
  .map((raw) =>
    ProductSchema.parse({
      schemaVersion: 2,
      id: 'property-product',
      name: raw.name,
      summary: raw.summary,
      author: raw.author,
      vision: raw.vision,
      personas: raw.personas,
      goals: raw.goals,
      epics: raw.epics,
      stories: raw.stories,
      board: { columns: raw.columns, definitionOfReady: raw.definitionOfReady, splitThreshold: raw.splitThreshold },
      roadmap: { lanes: raw.lanes, items: raw.items, milestones: raw.milestones },
      specs: raw.specs,
      prioritization: raw.prioritization,
      practice: { brief: raw.brief },
    }),
  );

// ---------------------------------------------------------------------------------------------
// Edits

/** The edit kinds (other than batch) that have something to act on in `p`. */
export function possibleKinds(p: Product): Exclude<EditType, 'batch'>[] {
  const has = {
    persona: p.personas.length > 0,
    goal: p.goals.length > 0,
    epic: p.epics.length > 0,
    story: p.stories.length > 0,
    lane: p.roadmap.lanes.length > 0,
    item: p.roadmap.items.length > 0,
    milestone: p.roadmap.milestones.length > 0,
    spec: p.specs.length > 0,
  };
  const kinds: [Exclude<EditType, 'batch'>, boolean][] = [
    ['product.update', true],
    ['vision.update', true],
    ['board.update', true],
    ['prioritization.update', true],
    ['practice.update', true],
    ['persona.add', true],
    ['persona.update', has.persona],
    ['persona.delete', has.persona],
    ['goal.add', true],
    ['goal.update', has.goal],
    ['goal.delete', has.goal],
    ['epic.add', true],
    ['epic.update', has.epic],
    ['epic.delete', has.epic],
    ['story.add', true],
    ['story.update', has.story],
    ['story.delete', has.story],
    ['story.move', has.story],
    ['score.set', has.story || has.epic],
    ['column.add', true],
    ['column.update', true],
    ['column.move', true],
    ['column.delete', p.board.columns.length > 1],
    ['lane.add', true],
    ['lane.update', has.lane],
    ['lane.delete', has.lane],
    ['lane.move', has.lane],
    ['roadmapItem.add', true],
    ['roadmapItem.update', has.item],
    ['roadmapItem.delete', has.item],
    ['roadmap.move', has.item],
    ['roadmap.schedule', has.item],
    ['milestone.add', true],
    ['milestone.update', has.milestone],
    ['milestone.delete', has.milestone],
    ['spec.add', true],
    ['spec.update', has.spec],
    ['spec.delete', has.spec],
  ];
  return kinds.filter(([, possible]) => possible).map(([kind]) => kind);
}

const freshId = (taken: readonly string[]) => entityId.filter((id) => !taken.includes(id));
const position = (length: number) => fc.nat({ max: length + 2 });

/** A valid edit of kind `kind` for `p` (the kind must be possible, see `possibleKinds`). */
export function editArbitrary(kind: EditType, p: Product): fc.Arbitrary<Edit> {
  const ids = idsOf(p);
  const optional = { requiredKeys: [] as [] };
  switch (kind) {
    case 'batch':
      return fc
        .tuple(fc.string({ maxLength: 20 }), fc.integer({ min: 2, max: 5 }))
        .chain(([label, count]) => editSequence(p, count).map((edits): Edit => ({ type: 'batch', label, edits })));

    case 'product.update':
      return fc.record({ name: nonEmptyText, summary: longText, author: shortText }, optional).map((patch): Edit => ({ type: 'product.update', patch }));
    case 'vision.update':
      return fc.record({ targetUsers: longText, needs: longText, product: longText, value: longText }, optional).map((patch): Edit => ({ type: 'vision.update', patch }));
    case 'board.update':
      return fc
        .record(
          {
            definitionOfReady: fc.uniqueArray(fc.record({ id: entityId, text: shortText, check: nullable(shortText) }), { selector: (r) => r.id, maxLength: 3 }),
            splitThreshold: fc.integer({ min: 1, max: 40 }),
          },
          optional,
        )
        .map((patch): Edit => ({ type: 'board.update', patch }));
    case 'prioritization.update':
      return fc
        .record(
          {
            scope: fc.constantFrom('stories' as const, 'epics' as const),
            framework: fc.constantFrom(...FrameworkSchema.options),
            reachPeriod: shortText,
            learnerRanking: nullable(fc.array(entityId, { maxLength: 4 })),
            notes: longText,
          },
          optional,
        )
        .map((patch): Edit => ({ type: 'prioritization.update', patch }));
    case 'practice.update':
      return fc.record({ brief: longText }, optional).map((patch): Edit => ({ type: 'practice.update', patch }));

    case 'persona.add':
      return fc
        .record({ type: fc.constant('persona.add' as const), persona: fc.record({ id: freshId(p.personas.map((e) => e.id)), ...personaFields }), index: position(p.personas.length) }, { requiredKeys: ['type', 'persona'] });
    case 'persona.update':
      return fc.record({ id: oneOf(p.personas.map((e) => e.id)), patch: fc.record(personaFields, optional) }).map(({ id, patch }): Edit => ({ type: 'persona.update', id, patch }));
    case 'persona.delete':
      return oneOf(p.personas.map((e) => e.id)).map((id): Edit => ({ type: 'persona.delete', id }));

    case 'goal.add':
      return fc.record({ type: fc.constant('goal.add' as const), goal: fc.record({ id: freshId(ids.goals), ...goalFields }), index: position(p.goals.length) }, { requiredKeys: ['type', 'goal'] });
    case 'goal.update':
      return fc.record({ id: oneOf(ids.goals), patch: fc.record(goalFields, optional) }).map(({ id, patch }): Edit => ({ type: 'goal.update', id, patch }));
    case 'goal.delete':
      return oneOf(ids.goals).map((id): Edit => ({ type: 'goal.delete', id }));

    case 'epic.add':
      return fc.record({ type: fc.constant('epic.add' as const), epic: fc.record({ id: freshId(ids.epics), ...epicFields(ids), scores }), index: position(p.epics.length) }, { requiredKeys: ['type', 'epic'] });
    case 'epic.update':
      return fc.record({ id: oneOf(ids.epics), patch: fc.record(epicFields(ids), optional) }).map(({ id, patch }): Edit => ({ type: 'epic.update', id, patch }));
    case 'epic.delete':
      return oneOf(ids.epics).map((id): Edit => ({ type: 'epic.delete', id }));

    case 'story.add':
      return fc.record({ type: fc.constant('story.add' as const), story: fc.record({ id: freshId(ids.stories), ...storyFields(ids), scores }), index: position(p.stories.length) }, { requiredKeys: ['type', 'story'] });
    case 'story.update':
      return fc.record({ id: oneOf(ids.stories), patch: fc.record(storyFields(ids), optional) }).map(({ id, patch }): Edit => ({ type: 'story.update', id, patch }));
    case 'story.delete':
      return oneOf(ids.stories).map((id): Edit => ({ type: 'story.delete', id }));
    case 'story.move':
      return fc.record({ type: fc.constant('story.move' as const), id: oneOf(ids.stories), status: oneOf(ids.columns), rank });
    case 'score.set': {
      const targets = [...(ids.stories.length > 0 ? (['story'] as const) : []), ...(ids.epics.length > 0 ? (['epic'] as const) : [])];
      return fc
        .constantFrom(...targets)
        .chain((target) => fc.record({ id: oneOf(target === 'story' ? ids.stories : ids.epics), patch: scoresPatch }).map(({ id, patch }): Edit => ({ type: 'score.set', target, id, patch })));
    }

    case 'column.add':
      return fc.record({ type: fc.constant('column.add' as const), column: fc.record({ id: freshId(ids.columns), ...columnFields }), index: position(ids.columns.length) }, { requiredKeys: ['type', 'column'] });
    case 'column.update':
      return fc.record({ id: oneOf(ids.columns), patch: fc.record(columnFields, optional) }).map(({ id, patch }): Edit => ({ type: 'column.update', id, patch }));
    case 'column.move':
      return fc.record({ type: fc.constant('column.move' as const), id: oneOf(ids.columns), index: position(ids.columns.length) });
    case 'column.delete':
      return oneOf(ids.columns).chain((id) => {
        const others = ids.columns.filter((c) => c !== id);
        const holdsStories = p.stories.some((s) => s.status === id);
        const target = holdsStories ? oneOf(others) : refOrNull(others);
        return target.map((moveStoriesTo): Edit => ({ type: 'column.delete', id, moveStoriesTo }));
      });

    case 'lane.add':
      return fc.record({ type: fc.constant('lane.add' as const), lane: fc.record({ id: freshId(ids.lanes), ...laneFields }), index: position(ids.lanes.length) }, { requiredKeys: ['type', 'lane'] });
    case 'lane.update':
      return fc.record({ id: oneOf(ids.lanes), patch: fc.record(laneFields, optional) }).map(({ id, patch }): Edit => ({ type: 'lane.update', id, patch }));
    case 'lane.delete':
      return oneOf(ids.lanes).map((id): Edit => ({ type: 'lane.delete', id }));
    case 'lane.move':
      return fc.record({ type: fc.constant('lane.move' as const), id: oneOf(ids.lanes), index: position(ids.lanes.length) });

    case 'roadmapItem.add':
      return fc.record(
        { type: fc.constant('roadmapItem.add' as const), item: fc.record({ id: freshId(ids.items), ...itemFields(ids) }).map(orderDates), index: position(ids.items.length) },
        { requiredKeys: ['type', 'item'] },
      );
    case 'roadmapItem.update':
      return fc.constantFrom(...p.roadmap.items).chain((current) =>
        fc
          .record(itemFields({ ...ids, items: ids.items.filter((i) => i !== current.id) }), optional)
          .map((patch): Edit => ({ type: 'roadmapItem.update', id: current.id, patch: fixPatchDates(current, patch) })),
      );
    case 'roadmapItem.delete':
      return oneOf(ids.items).map((id): Edit => ({ type: 'roadmapItem.delete', id }));
    case 'roadmap.move':
      return fc.record(
        { type: fc.constant('roadmap.move' as const), id: oneOf(ids.items), horizon: fc.constantFrom(...HorizonSchema.options), rank, laneId: refOrNull(ids.lanes) },
        { requiredKeys: ['type', 'id', 'horizon', 'rank'] },
      );
    case 'roadmap.schedule':
      return fc.record({ id: oneOf(ids.items), dates: datePair }).map(({ id, dates: [start, end] }): Edit => ({ type: 'roadmap.schedule', id, start, end }));

    case 'milestone.add':
      return fc.record(
        { type: fc.constant('milestone.add' as const), milestone: fc.record({ id: freshId(p.roadmap.milestones.map((m) => m.id)), ...milestoneFields }), index: position(p.roadmap.milestones.length) },
        { requiredKeys: ['type', 'milestone'] },
      );
    case 'milestone.update':
      return fc.record({ id: oneOf(p.roadmap.milestones.map((m) => m.id)), patch: fc.record(milestoneFields, optional) }).map(({ id, patch }): Edit => ({ type: 'milestone.update', id, patch }));
    case 'milestone.delete':
      return oneOf(p.roadmap.milestones.map((m) => m.id)).map((id): Edit => ({ type: 'milestone.delete', id }));

    case 'spec.add':
      return fc.record({ type: fc.constant('spec.add' as const), spec: fc.record({ id: freshId(p.specs.map((s) => s.id)), ...specFields(ids) }), index: position(p.specs.length) }, { requiredKeys: ['type', 'spec'] });
    case 'spec.update':
      return fc.record({ id: oneOf(p.specs.map((s) => s.id)), patch: fc.record(specFields(ids), optional) }).map(({ id, patch }): Edit => ({ type: 'spec.update', id, patch }));
    case 'spec.delete':
      return oneOf(p.specs.map((s) => s.id)).map((id): Edit => ({ type: 'spec.delete', id }));
  }
}

/** `count` edits of random possible kinds, each valid for the product the previous ones produce. */
export function editSequence(p: Product, count: number): fc.Arbitrary<Edit[]> {
  if (count === 0) return fc.constant([]);
  return fc
    .constantFrom(...possibleKinds(p))
    .chain((kind) => editArbitrary(kind, p))
    .chain((edit) => editSequence(applyEdit(p, edit).product, count - 1).map((rest) => [edit, ...rest]));
}

/** A random product and a valid edit of `kind` for it. */
export function productAndEdit(kind: EditType): fc.Arbitrary<{ product: Product; edit: Edit }> {
  return productArbitrary.chain((product) => editArbitrary(kind, product).map((edit) => ({ product, edit })));
}
