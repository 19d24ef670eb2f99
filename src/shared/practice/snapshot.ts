/**
 * The scope of an exercise as it was when the learner started it, kept in the product's practice
 * section so that "Reset" can restore it later (even after a reload, even after other edits).
 */
import type { Edit } from '../edits/editSchema';
import type { Practice, Product, ScopeSnapshot, Spec } from '../model/schema';
import type { Exercise } from '../model/exerciseSchema';

/** The specs in an exercise's scope: the named ones and those of its templates. */
export function scopedSpecs(product: Pick<Product, 'specs'>, exercise: Pick<Exercise, 'scope'>): Spec[] {
  const templates = new Set<string>(exercise.scope.specTemplates);
  const ids = new Set(exercise.scope.specIds);
  return product.specs.filter((s) => ids.has(s.id) || templates.has(s.template));
}

function specsInScope(exercise: Pick<Exercise, 'scope'>): boolean {
  return exercise.scope.specIds.length > 0 || exercise.scope.specTemplates.length > 0;
}

/** Copies of the scope's current state; `now` is an ISO date-time. */
export function takeSnapshot(product: Product, exercise: Exercise, now: string): ScopeSnapshot {
  const storyIds = new Set(exercise.scope.storyIds);
  return structuredClone({
    exerciseId: exercise.id,
    takenAt: now,
    stories: product.stories.filter((s) => storyIds.has(s.id)),
    roadmapItems: exercise.scope.roadmap ? product.roadmap.items : null,
    goals: exercise.scope.goals ? product.goals : null,
    specs: specsInScope(exercise)
      ? scopedSpecs(product, exercise).map((s) => ({ id: s.id, title: s.title, template: s.template, contentJson: JSON.stringify(s.content), linkedStoryIds: s.linkedStoryIds }))
      : null,
    specIdsAtStart: product.specs.map((s) => s.id),
  });
}

export function snapshotOf(practice: Pick<Practice, 'snapshots'>, exerciseId: string): ScopeSnapshot | null {
  return practice.snapshots.find((s) => s.exerciseId === exerciseId) ?? null;
}

/** The edit that starts an exercise (stores the snapshot), or null when it was started before. */
export function startExerciseEdit(product: Product, exercise: Exercise, now: string): Edit | null {
  if (snapshotOf(product.practice, exercise.id) !== null) return null;
  return { type: 'practice.update', patch: { snapshots: [...product.practice.snapshots, takeSnapshot(product, exercise, now)] } };
}
