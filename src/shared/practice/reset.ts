/**
 * "Reset exercise": one batch edit that puts the exercise's scope back as the snapshot recorded it
 * — stories (and the parts split from them), roadmap items, goals and specs — so that one undo
 * brings the learner's work back. Links to things that no longer exist are dropped, never invented.
 */
import { applyEdit } from '../edits/applyEdit';
import type { BatchEdit, Edit } from '../edits/editSchema';
import { DocNodeSchema, type DocNode, type Goal, type Product, type RoadmapItem, type ScopeSnapshot, type Story } from '../model/schema';
import type { Exercise } from '../model/exerciseSchema';
import { splitDescendants } from './scope';

/** Edits applied one by one to a working copy, so that each is built against the state before it. */
class EditList {
  readonly edits: Edit[] = [];
  constructor(public product: Product) {}

  push(edit: Edit): void {
    this.product = applyEdit(this.product, edit).product;
    this.edits.push(edit);
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The keys of `target` whose values differ from `current`. */
function changes<T extends object>(current: T, target: T, keys: readonly (keyof T)[]): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of keys) if (!same(current[key], target[key])) patch[key] = target[key];
  return patch;
}

const has = (list: readonly { id: string }[], id: string | null): boolean => id !== null && list.some((e) => e.id === id);

function fixStoryRefs(product: Product, story: Story): Story {
  const status = has(product.board.columns, story.status) ? story.status : (product.board.columns[0]?.id ?? story.status);
  return { ...story, status, epicId: has(product.epics, story.epicId) ? story.epicId : null };
}

function fixItemRefs(product: Product, item: RoadmapItem, dependsOn: readonly string[]): RoadmapItem {
  return {
    ...item,
    laneId: has(product.roadmap.lanes, item.laneId) ? item.laneId : null,
    goalId: has(product.goals, item.goalId) ? item.goalId : null,
    epicIds: item.epicIds.filter((id) => has(product.epics, id)),
    storyIds: item.storyIds.filter((id) => has(product.stories, id)),
    dependsOn: dependsOn.filter((id) => id !== item.id && has(product.roadmap.items, id)),
  };
}

const STORY_KEYS = ['title', 'asA', 'iWant', 'soThat', 'description', 'acceptanceCriteria', 'estimate', 'status', 'rank', 'epicId', 'labels', 'splitFrom', 'splitInto', 'notes'] as const;
const ITEM_KEYS = ['title', 'description', 'laneId', 'goalId', 'horizon', 'rank', 'start', 'end', 'status', 'confidence', 'epicIds', 'storyIds', 'dependsOn'] as const;
const GOAL_KEYS = ['title', 'description', 'metric', 'baseline', 'target', 'direction', 'timeframe', 'heart'] as const;

function restoreStories(list: EditList, snapshot: ScopeSnapshot): void {
  const kept = new Set(snapshot.stories.map((s) => s.id));
  // Parts split from the scope since the start go (deleting a story also unlinks it everywhere).
  for (const part of splitDescendants(list.product, [...kept])) {
    if (!kept.has(part.id) && list.product.stories.some((s) => s.id === part.id)) list.push({ type: 'story.delete', id: part.id });
  }
  for (const saved of snapshot.stories) {
    const current = list.product.stories.find((s) => s.id === saved.id);
    const target = fixStoryRefs(list.product, saved);
    if (!current) {
      list.push({ type: 'story.add', story: target });
      continue;
    }
    const patch = changes<Story>(current, target, STORY_KEYS);
    if (Object.keys(patch).length > 0) list.push({ type: 'story.update', id: saved.id, patch });
    if (!same(current.scores, saved.scores)) list.push({ type: 'score.set', target: 'story', id: saved.id, patch: structuredClone(saved.scores) });
  }
}

function restoreGoals(list: EditList, goals: readonly Goal[]): void {
  const kept = new Set(goals.map((g) => g.id));
  for (const goal of list.product.goals) if (!kept.has(goal.id)) list.push({ type: 'goal.delete', id: goal.id });
  goals.forEach((saved, index) => {
    const current = list.product.goals.find((g) => g.id === saved.id);
    if (!current) {
      list.push({ type: 'goal.add', goal: saved, index });
      return;
    }
    const patch = changes<Goal>(current, saved, GOAL_KEYS);
    if (Object.keys(patch).length > 0) list.push({ type: 'goal.update', id: saved.id, patch });
  });
}

function restoreRoadmap(list: EditList, items: readonly RoadmapItem[]): void {
  const kept = new Set(items.map((i) => i.id));
  for (const item of list.product.roadmap.items) if (!kept.has(item.id)) list.push({ type: 'roadmapItem.delete', id: item.id });
  // Missing items first without dependencies (they may depend on each other), then every item's values.
  items.forEach((saved, index) => {
    if (!list.product.roadmap.items.some((i) => i.id === saved.id)) list.push({ type: 'roadmapItem.add', item: fixItemRefs(list.product, saved, []), index });
  });
  for (const saved of items) {
    const current = list.product.roadmap.items.find((i) => i.id === saved.id);
    if (!current) continue;
    const patch = changes<RoadmapItem>(current, fixItemRefs(list.product, saved, saved.dependsOn), ITEM_KEYS);
    if (Object.keys(patch).length > 0) list.push({ type: 'roadmapItem.update', id: saved.id, patch });
  }
}

/** A snapshot's document, or null if the text was damaged (the spec is then left as it is). */
function parseDoc(json: string): DocNode | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = DocNodeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function restoreSpecs(list: EditList, snapshot: ScopeSnapshot, exercise: Exercise): void {
  const specs = snapshot.specs;
  if (specs === null) return;
  const atStart = new Set(snapshot.specIdsAtStart);
  const templates = new Set<string>(exercise.scope.specTemplates);
  for (const spec of list.product.specs) {
    if (!atStart.has(spec.id) && templates.has(spec.template)) list.push({ type: 'spec.delete', id: spec.id });
  }
  for (const saved of specs) {
    const parsed = parseDoc(saved.contentJson);
    if (parsed === null) continue;
    const linkedStoryIds = saved.linkedStoryIds.filter((id) => has(list.product.stories, id));
    const target = { title: saved.title, template: saved.template, content: parsed, linkedStoryIds };
    const current = list.product.specs.find((s) => s.id === saved.id);
    if (!current) {
      list.push({ type: 'spec.add', spec: { id: saved.id, ...target } });
      continue;
    }
    const patch = changes(current, { ...current, ...target }, ['title', 'template', 'content', 'linkedStoryIds']);
    if (Object.keys(patch).length > 0) list.push({ type: 'spec.update', id: saved.id, patch });
  }
}

/** The edits that restore the scope (empty when nothing changed). */
export function resetEdits(product: Product, exercise: Exercise, snapshot: ScopeSnapshot): Edit[] {
  const list = new EditList(product);
  if (snapshot.goals !== null) restoreGoals(list, snapshot.goals);
  restoreStories(list, snapshot);
  if (snapshot.roadmapItems !== null) restoreRoadmap(list, snapshot.roadmapItems);
  restoreSpecs(list, snapshot, exercise);
  return list.edits;
}

/** The one undoable edit of "Reset exercise", or null when the scope is as it was at the start. */
export function resetExerciseEdit(product: Product, exercise: Exercise, snapshot: ScopeSnapshot): BatchEdit | null {
  const edits = resetEdits(product, exercise, snapshot);
  return edits.length === 0 ? null : { type: 'batch', label: `Reset “${exercise.title}”`, edits };
}
