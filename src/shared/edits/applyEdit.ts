/**
 * `applyEdit(product, edit)` — pure: returns the new product and the edit that undoes it. Deleting
 * an entity that others refer to also clears those references, and the inverse restores them, so
 * apply-then-inverse always gives back the product it started from.
 */
import type { Column, Epic, Goal, Lane, Milestone, Persona, Product, RoadmapItem, Spec, Story } from '../model/schema';
import type { Edit, EditOf } from './editSchema';

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

export interface EditResult {
  product: Product;
  inverse: Edit;
}

interface Entity {
  id: string;
}

/** How to read and replace one list of entities inside a product. */
interface Collection<T extends Entity> {
  noun: string;
  get(p: Product): T[];
  set(p: Product, list: T[]): Product;
}

const collections = {
  persona: {
    noun: 'persona',
    get: (p) => p.personas,
    set: (p, personas) => ({ ...p, personas }),
  } satisfies Collection<Persona>,
  goal: { noun: 'goal', get: (p) => p.goals, set: (p, goals) => ({ ...p, goals }) } satisfies Collection<Goal>,
  epic: { noun: 'epic', get: (p) => p.epics, set: (p, epics) => ({ ...p, epics }) } satisfies Collection<Epic>,
  story: { noun: 'story', get: (p) => p.stories, set: (p, stories) => ({ ...p, stories }) } satisfies Collection<Story>,
  column: {
    noun: 'column',
    get: (p) => p.board.columns,
    set: (p, columns) => ({ ...p, board: { ...p.board, columns } }),
  } satisfies Collection<Column>,
  lane: {
    noun: 'lane',
    get: (p) => p.roadmap.lanes,
    set: (p, lanes) => ({ ...p, roadmap: { ...p.roadmap, lanes } }),
  } satisfies Collection<Lane>,
  roadmapItem: {
    noun: 'roadmap item',
    get: (p) => p.roadmap.items,
    set: (p, items) => ({ ...p, roadmap: { ...p.roadmap, items } }),
  } satisfies Collection<RoadmapItem>,
  milestone: {
    noun: 'milestone',
    get: (p) => p.roadmap.milestones,
    set: (p, milestones) => ({ ...p, roadmap: { ...p.roadmap, milestones } }),
  } satisfies Collection<Milestone>,
  spec: { noun: 'spec', get: (p) => p.specs, set: (p, specs) => ({ ...p, specs }) } satisfies Collection<Spec>,
};

function indexOf<T extends Entity>(c: Collection<T>, p: Product, id: string): number {
  const index = c.get(p).findIndex((e) => e.id === id);
  if (index < 0) throw new EditError(`There is no ${c.noun} with id "${id}".`);
  return index;
}

function find<T extends Entity>(c: Collection<T>, p: Product, id: string): T {
  return c.get(p)[indexOf(c, p, id)] as T;
}

function insert<T extends Entity>(c: Collection<T>, p: Product, entity: NoInfer<T>, index: number | undefined): Product {
  const list = c.get(p);
  if (list.some((e) => e.id === entity.id)) throw new EditError(`A ${c.noun} with id "${entity.id}" already exists.`);
  const at = index === undefined ? list.length : Math.min(index, list.length);
  return c.set(p, [...list.slice(0, at), entity, ...list.slice(at)]);
}

function remove<T extends Entity>(c: Collection<T>, p: Product, id: string): { product: Product; entity: T; index: number } {
  const index = indexOf(c, p, id);
  const list = c.get(p);
  return { product: c.set(p, [...list.slice(0, index), ...list.slice(index + 1)]), entity: list[index] as T, index };
}

/** Apply `patch` to the entity and return the patch that restores the old values. */
function patch<T extends Entity>(c: Collection<T>, p: Product, id: string, changes: NoInfer<Partial<T>>): { product: Product; undo: Partial<T> } {
  const index = indexOf(c, p, id);
  const list = c.get(p);
  const current = list[index] as T;
  const undo: Partial<T> = {};
  for (const key of Object.keys(changes) as (keyof T)[]) undo[key] = current[key];
  const next = [...list];
  next[index] = { ...current, ...changes };
  return { product: c.set(p, next), undo };
}

function move<T extends Entity>(c: Collection<T>, p: Product, id: string, to: number): { product: Product; from: number } {
  const { product, entity, index } = remove(c, p, id);
  return { product: insert(c, product, entity, to), from: index };
}

function oldValues<T extends object>(current: T, changes: Partial<T>): Partial<T> {
  const undo: Partial<T> = {};
  for (const key of Object.keys(changes) as (keyof T)[]) undo[key] = current[key];
  return undo;
}

function requireColumn(p: Product, status: string): void {
  if (!p.board.columns.some((c) => c.id === status)) throw new EditError(`There is no board column "${status}".`);
}

function requireRef(list: readonly Entity[], id: string | null | undefined, noun: string): void {
  if (id != null && !list.some((e) => e.id === id)) throw new EditError(`There is no ${noun} with id "${id}".`);
}

function checkStoryRefs(p: Product, s: Partial<Story>): void {
  if (s.status !== undefined) requireColumn(p, s.status);
  requireRef(p.epics, s.epicId, 'epic');
}

function requireRefs(list: readonly Entity[], ids: readonly string[] | undefined, noun: string): void {
  for (const id of ids ?? []) requireRef(list, id, noun);
}

function checkItemRefs(p: Product, item: Partial<RoadmapItem>): void {
  requireRef(p.roadmap.lanes, item.laneId, 'lane');
  requireRef(p.goals, item.goalId, 'goal');
  requireRefs(p.epics, item.epicIds, 'epic');
  requireRefs(p.stories, item.storyIds, 'story');
  requireRefs(p.roadmap.items, item.dependsOn, 'roadmap item');
  if (item.id !== undefined && item.dependsOn?.includes(item.id)) throw new EditError('A roadmap item cannot depend on itself.');
  const start = item.start;
  const end = item.end;
  if (start && end && end < start) throw new EditError(`A roadmap item cannot end (${end}) before it starts (${start}).`);
}

/** The simple edits of `edit`: itself, or a batch's edits (batches never nest). */
function flatten(edit: Edit): Edit[] {
  return edit.type === 'batch' ? edit.edits : [edit];
}

/**
 * Apply several edits in order; the inverse undoes them in reverse order. The inverse is one flat
 * batch (an inner inverse that is itself a batch is spliced in whole), so it passes `EditSchema`.
 */
function applyBatch(product: Product, label: string, edits: readonly Edit[]): EditResult {
  let current = product;
  const inverses: Edit[][] = [];
  for (const edit of edits) {
    if (edit.type === 'batch') throw new EditError('A batch cannot contain another batch.');
    const result = applyEdit(current, edit);
    current = result.product;
    inverses.push(flatten(result.inverse));
  }
  return { product: current, inverse: { type: 'batch', label, edits: inverses.reverse().flat() } };
}

export function applyEdit(product: Product, edit: Edit): EditResult {
  switch (edit.type) {
    case 'batch':
      return applyBatch(product, edit.label, edit.edits);

    case 'product.update': {
      const undo = oldValues(product, edit.patch);
      return { product: { ...product, ...edit.patch }, inverse: { type: 'product.update', patch: undo } };
    }
    case 'vision.update': {
      const undo = oldValues(product.vision, edit.patch);
      return { product: { ...product, vision: { ...product.vision, ...edit.patch } }, inverse: { type: 'vision.update', patch: undo } };
    }
    case 'board.update': {
      const ready = edit.patch.definitionOfReady ?? [];
      const duplicate = ready.find((item, i) => ready.findIndex((other) => other.id === item.id) !== i);
      if (duplicate) throw new EditError(`Two Definition-of-Ready items have the id "${duplicate.id}".`);
      const undo = oldValues(product.board, edit.patch);
      return { product: { ...product, board: { ...product.board, ...edit.patch } }, inverse: { type: 'board.update', patch: undo } };
    }
    case 'prioritization.update': {
      const undo = oldValues(product.prioritization, edit.patch);
      return {
        product: { ...product, prioritization: { ...product.prioritization, ...edit.patch } },
        inverse: { type: 'prioritization.update', patch: undo },
      };
    }
    case 'practice.update': {
      const undo = oldValues(product.practice, edit.patch);
      return { product: { ...product, practice: { ...product.practice, ...edit.patch } }, inverse: { type: 'practice.update', patch: undo } };
    }

    case 'persona.add':
      return { product: insert(collections.persona, product, edit.persona, edit.index), inverse: { type: 'persona.delete', id: edit.persona.id } };
    case 'persona.update': {
      const r = patch(collections.persona, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'persona.update', id: edit.id, patch: r.undo } };
    }
    case 'persona.delete': {
      const r = remove(collections.persona, product, edit.id);
      return { product: r.product, inverse: { type: 'persona.add', persona: r.entity, index: r.index } };
    }

    case 'goal.add':
      return { product: insert(collections.goal, product, edit.goal, edit.index), inverse: { type: 'goal.delete', id: edit.goal.id } };
    case 'goal.update': {
      const r = patch(collections.goal, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'goal.update', id: edit.id, patch: r.undo } };
    }
    case 'goal.delete': {
      indexOf(collections.goal, product, edit.id);
      const refs: Edit[] = [
        ...product.epics.filter((e) => e.goalId === edit.id).map((e): Edit => ({ type: 'epic.update', id: e.id, patch: { goalId: null } })),
        ...product.roadmap.items
          .filter((i) => i.goalId === edit.id)
          .map((i): Edit => ({ type: 'roadmapItem.update', id: i.id, patch: { goalId: null } })),
      ];
      return withReferencesCleared(product, refs, (p) => {
        const r = remove(collections.goal, p, edit.id);
        return { product: r.product, inverse: { type: 'goal.add', goal: r.entity, index: r.index } };
      });
    }

    case 'epic.add':
      requireRef(product.goals, edit.epic.goalId, 'goal');
      return { product: insert(collections.epic, product, edit.epic, edit.index), inverse: { type: 'epic.delete', id: edit.epic.id } };
    case 'epic.update': {
      requireRef(product.goals, edit.patch.goalId, 'goal');
      const r = patch(collections.epic, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'epic.update', id: edit.id, patch: r.undo } };
    }
    case 'epic.delete': {
      indexOf(collections.epic, product, edit.id);
      const refs: Edit[] = [
        ...product.stories.filter((s) => s.epicId === edit.id).map((s): Edit => ({ type: 'story.update', id: s.id, patch: { epicId: null } })),
        ...product.roadmap.items
          .filter((i) => i.epicIds.includes(edit.id))
          .map((i): Edit => ({ type: 'roadmapItem.update', id: i.id, patch: { epicIds: i.epicIds.filter((x) => x !== edit.id) } })),
      ];
      return withReferencesCleared(product, refs, (p) => {
        const r = remove(collections.epic, p, edit.id);
        return { product: r.product, inverse: { type: 'epic.add', epic: r.entity, index: r.index } };
      });
    }

    case 'story.add':
      checkStoryRefs(product, edit.story);
      return { product: insert(collections.story, product, edit.story, edit.index), inverse: { type: 'story.delete', id: edit.story.id } };
    case 'story.update': {
      checkStoryRefs(product, edit.patch);
      const r = patch(collections.story, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'story.update', id: edit.id, patch: r.undo } };
    }
    case 'story.move': {
      requireColumn(product, edit.status);
      const r = patch(collections.story, product, edit.id, { status: edit.status, rank: edit.rank });
      const old = find(collections.story, product, edit.id);
      return { product: r.product, inverse: { type: 'story.move', id: edit.id, status: old.status, rank: old.rank } };
    }
    case 'story.delete': {
      indexOf(collections.story, product, edit.id);
      const refs: Edit[] = [
        ...product.roadmap.items
          .filter((i) => i.storyIds.includes(edit.id))
          .map((i): Edit => ({ type: 'roadmapItem.update', id: i.id, patch: { storyIds: i.storyIds.filter((x) => x !== edit.id) } })),
        ...product.specs
          .filter((s) => s.linkedStoryIds.includes(edit.id))
          .map((s): Edit => ({ type: 'spec.update', id: s.id, patch: { linkedStoryIds: s.linkedStoryIds.filter((x) => x !== edit.id) } })),
      ];
      return withReferencesCleared(product, refs, (p) => {
        const r = remove(collections.story, p, edit.id);
        return { product: r.product, inverse: { type: 'story.add', story: r.entity, index: r.index } };
      });
    }
    case 'score.set':
      return applyScores(product, edit);

    case 'column.add':
      return { product: insert(collections.column, product, edit.column, edit.index), inverse: { type: 'column.delete', id: edit.column.id, moveStoriesTo: null } };
    case 'column.update': {
      const r = patch(collections.column, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'column.update', id: edit.id, patch: r.undo } };
    }
    case 'column.move': {
      const r = move(collections.column, product, edit.id, edit.index);
      return { product: r.product, inverse: { type: 'column.move', id: edit.id, index: r.from } };
    }
    case 'column.delete': {
      indexOf(collections.column, product, edit.id);
      if (product.board.columns.length <= 1) throw new EditError('The board needs at least one column.');
      const stranded = product.stories.filter((s) => s.status === edit.id);
      if (stranded.length > 0) {
        if (edit.moveStoriesTo === null || edit.moveStoriesTo === edit.id) {
          throw new EditError(`The column holds ${stranded.length} stories; choose another column to move them to.`);
        }
        requireColumn(product, edit.moveStoriesTo);
      }
      const target = edit.moveStoriesTo ?? '';
      const refs = stranded.map((s): Edit => ({ type: 'story.move', id: s.id, status: target, rank: s.rank }));
      return withReferencesCleared(product, refs, (p) => {
        const r = remove(collections.column, p, edit.id);
        return { product: r.product, inverse: { type: 'column.add', column: r.entity, index: r.index } };
      });
    }

    case 'lane.add':
      return { product: insert(collections.lane, product, edit.lane, edit.index), inverse: { type: 'lane.delete', id: edit.lane.id } };
    case 'lane.update': {
      const r = patch(collections.lane, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'lane.update', id: edit.id, patch: r.undo } };
    }
    case 'lane.move': {
      const r = move(collections.lane, product, edit.id, edit.index);
      return { product: r.product, inverse: { type: 'lane.move', id: edit.id, index: r.from } };
    }
    case 'lane.delete': {
      indexOf(collections.lane, product, edit.id);
      const refs = product.roadmap.items
        .filter((i) => i.laneId === edit.id)
        .map((i): Edit => ({ type: 'roadmapItem.update', id: i.id, patch: { laneId: null } }));
      return withReferencesCleared(product, refs, (p) => {
        const r = remove(collections.lane, p, edit.id);
        return { product: r.product, inverse: { type: 'lane.add', lane: r.entity, index: r.index } };
      });
    }

    case 'roadmapItem.add':
      checkItemRefs(product, edit.item);
      return { product: insert(collections.roadmapItem, product, edit.item, edit.index), inverse: { type: 'roadmapItem.delete', id: edit.item.id } };
    case 'roadmapItem.update': {
      const current = find(collections.roadmapItem, product, edit.id);
      checkItemRefs(product, { ...current, ...edit.patch });
      const r = patch(collections.roadmapItem, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'roadmapItem.update', id: edit.id, patch: r.undo } };
    }
    case 'roadmap.move': {
      const old = find(collections.roadmapItem, product, edit.id);
      const changes: Partial<RoadmapItem> = { horizon: edit.horizon, rank: edit.rank };
      if (edit.laneId !== undefined) {
        requireRef(product.roadmap.lanes, edit.laneId, 'lane');
        changes.laneId = edit.laneId;
      }
      const r = patch(collections.roadmapItem, product, edit.id, changes);
      const inverse: EditOf<'roadmap.move'> = { type: 'roadmap.move', id: edit.id, horizon: old.horizon, rank: old.rank };
      if (edit.laneId !== undefined) inverse.laneId = old.laneId;
      return { product: r.product, inverse };
    }
    case 'roadmap.schedule': {
      const old = find(collections.roadmapItem, product, edit.id);
      checkItemRefs(product, { start: edit.start, end: edit.end });
      const r = patch(collections.roadmapItem, product, edit.id, { start: edit.start, end: edit.end });
      return { product: r.product, inverse: { type: 'roadmap.schedule', id: edit.id, start: old.start, end: old.end } };
    }
    case 'roadmapItem.delete': {
      indexOf(collections.roadmapItem, product, edit.id);
      const refs = product.roadmap.items
        .filter((i) => i.dependsOn.includes(edit.id))
        .map((i): Edit => ({ type: 'roadmapItem.update', id: i.id, patch: { dependsOn: i.dependsOn.filter((x) => x !== edit.id) } }));
      return withReferencesCleared(product, refs, (p) => {
        const r = remove(collections.roadmapItem, p, edit.id);
        return { product: r.product, inverse: { type: 'roadmapItem.add', item: r.entity, index: r.index } };
      });
    }

    case 'milestone.add':
      return { product: insert(collections.milestone, product, edit.milestone, edit.index), inverse: { type: 'milestone.delete', id: edit.milestone.id } };
    case 'milestone.update': {
      const r = patch(collections.milestone, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'milestone.update', id: edit.id, patch: r.undo } };
    }
    case 'milestone.delete': {
      const r = remove(collections.milestone, product, edit.id);
      return { product: r.product, inverse: { type: 'milestone.add', milestone: r.entity, index: r.index } };
    }

    case 'spec.add':
      requireRefs(product.stories, edit.spec.linkedStoryIds, 'story');
      return { product: insert(collections.spec, product, edit.spec, edit.index), inverse: { type: 'spec.delete', id: edit.spec.id } };
    case 'spec.update': {
      requireRefs(product.stories, edit.patch.linkedStoryIds, 'story');
      const r = patch(collections.spec, product, edit.id, edit.patch);
      return { product: r.product, inverse: { type: 'spec.update', id: edit.id, patch: r.undo } };
    }
    case 'spec.delete': {
      const r = remove(collections.spec, product, edit.id);
      return { product: r.product, inverse: { type: 'spec.add', spec: r.entity, index: r.index } };
    }
  }
}

/**
 * Clear references with ordinary update edits, then run `removal` on the result. The inverse
 * re-adds the entity first and then restores the references.
 */
function withReferencesCleared(product: Product, refUpdates: Edit[], removal: (p: Product) => EditResult): EditResult {
  if (refUpdates.length === 0) return removal(product);
  const cleared = applyBatch(product, 'clear references', refUpdates);
  const removed = removal(cleared.product);
  return { product: removed.product, inverse: { type: 'batch', label: 'restore', edits: [...flatten(removed.inverse), ...flatten(cleared.inverse)] } };
}

function applyScores(product: Product, edit: EditOf<'score.set'>): EditResult {
  const collection = edit.target === 'story' ? collections.story : collections.epic;
  const current = find<Story | Epic>(collection as Collection<Story | Epic>, product, edit.id);
  const scores = current.scores;
  const next = { ...scores };
  const undo: EditOf<'score.set'>['patch'] = {};
  if (edit.patch.rice) {
    undo.rice = oldValues(scores.rice, edit.patch.rice);
    next.rice = { ...scores.rice, ...edit.patch.rice };
  }
  if (edit.patch.ice) {
    undo.ice = oldValues(scores.ice, edit.patch.ice);
    next.ice = { ...scores.ice, ...edit.patch.ice };
  }
  if (edit.patch.wsjf) {
    undo.wsjf = oldValues(scores.wsjf, edit.patch.wsjf);
    next.wsjf = { ...scores.wsjf, ...edit.patch.wsjf };
  }
  if (edit.patch.moscow !== undefined) {
    undo.moscow = scores.moscow;
    next.moscow = edit.patch.moscow;
  }
  const r = patch(collection as Collection<Story | Epic>, product, edit.id, { scores: next });
  return { product: r.product, inverse: { type: 'score.set', target: edit.target, id: edit.id, patch: undo } };
}

/** Apply a list of edits in order; returns the final product and the inverses (last edit's first). */
export function applyEdits(product: Product, edits: readonly Edit[]): { product: Product; inverses: Edit[] } {
  let current = product;
  const inverses: Edit[] = [];
  for (const edit of edits) {
    const r = applyEdit(current, edit);
    current = r.product;
    inverses.unshift(r.inverse);
  }
  return { product: current, inverses };
}
