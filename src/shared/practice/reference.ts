/**
 * The reference answer replayed: its stored edits are checked against the edit schema and applied
 * to the exercise's starting state (the current product with the scope reset to the snapshot), so
 * the learner's work can be compared with it in the rubric's terms.
 */
import { applyEdit, EditError } from '../edits/applyEdit';
import { EditSchema, type Edit } from '../edits/editSchema';
import { describeIssues } from '../model/productFile';
import type { Product, ScopeSnapshot } from '../model/schema';
import type { Exercise, ReferenceAnswer } from '../model/exerciseSchema';
import { resetExerciseEdit } from './reset';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The reference's edits, each validated as an edit. */
export function referenceEdits(reference: ReferenceAnswer): Outcome<Edit[]> {
  const edits: Edit[] = [];
  for (const [index, raw] of reference.edits.entries()) {
    const parsed = EditSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, reason: `Reference edit ${index + 1} (${raw.type}) is not a valid edit: ${describeIssues(parsed.error)}` };
    edits.push(parsed.data);
  }
  return { ok: true, value: edits };
}

/** The state the exercise started from: the product with the scope restored (the product itself without a snapshot). */
export function startingProduct(product: Product, exercise: Exercise, snapshot: ScopeSnapshot | null): Product {
  if (snapshot === null) return product;
  const reset = resetExerciseEdit(product, exercise, snapshot);
  return reset === null ? product : applyEdit(product, reset).product;
}

/** The product as the reference answer would leave it. */
export function referenceProduct(product: Product, exercise: Exercise, snapshot: ScopeSnapshot | null): Outcome<Product> {
  if (exercise.reference === null) return { ok: false, reason: 'This exercise has no reference answer.' };
  const edits = referenceEdits(exercise.reference);
  if (!edits.ok) return edits;
  let current = startingProduct(product, exercise, snapshot);
  for (const [index, edit] of edits.value.entries()) {
    try {
      current = applyEdit(current, edit).product;
    } catch (error) {
      if (error instanceof EditError) return { ok: false, reason: `The reference answer could not be replayed on this product (edit ${index + 1}): ${error.message}` };
      throw error;
    }
  }
  return { ok: true, value: current };
}
