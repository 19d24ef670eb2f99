/**
 * A window's own edits on top of what the service has accepted: replayed after every edit from
 * elsewhere (edits are data, so this is replay, not merging text), trimmed when the learner keeps
 * the other writer's value, and matched against the file on disk after the service restarted.
 */
import { applyEdit, EditError } from '../edits/applyEdit';
import type { Edit } from '../edits/editSchema';
import type { Product } from '../model/schema';
import { changedFields, footprintEntries, footprintFrom, overlap, sameValue, WHOLE, type FieldRef } from './footprint';

export interface ReplayFailure {
  edit: Edit;
  reason: string;
}

/** Apply `edits` in order on `base`, skipping (and reporting) those that no longer apply. */
export function replay(base: Product, edits: readonly Edit[]): { product: Product; applied: Edit[]; failed: ReplayFailure[] } {
  let product = base;
  const applied: Edit[] = [];
  const failed: ReplayFailure[] = [];
  for (const edit of edits) {
    try {
      product = applyEdit(product, edit).product;
      applied.push(edit);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      failed.push({ edit, reason: error.message });
    }
  }
  return { product, applied, failed };
}

/** The fields `edit` changes on `before`, as plain data. */
export function touchedFields(before: Product, after: Product): FieldRef[] {
  return footprintEntries(changedFields(before, after));
}

const RECORD_UPDATES: Record<string, string> = {
  'product.update': 'product',
  'vision.update': 'vision',
  'board.update': 'board',
  'prioritization.update': 'prioritization',
  'practice.update': 'practice',
};

/** The entity an update edit patches (`story:st-1`, `vision`), or null for other edits. */
function patchedEntity(edit: Edit): string | null {
  const record = RECORD_UPDATES[edit.type];
  if (record) return record;
  if (edit.type.endsWith('.update') && 'id' in edit) return `${edit.type.slice(0, -'.update'.length)}:${edit.id}`;
  return null;
}

/**
 * `edit` without its changes to the fields in `refs` (the learner kept the other writer's values
 * there): an update loses those keys of its patch; any other edit that touches them is dropped
 * whole. Null when nothing is left. `before` is the product the edit applied to.
 */
export function withoutFields(edit: Edit, refs: readonly FieldRef[], before: Product): Edit | null {
  if (edit.type === 'batch') {
    const kept: Edit[] = [];
    let current = before;
    for (const inner of edit.edits) {
      const trimmed = withoutFields(inner, refs, current);
      if (trimmed === null) continue;
      try {
        current = applyEdit(current, trimmed).product;
        kept.push(trimmed);
      } catch (error) {
        if (!(error instanceof EditError)) throw error;
      }
    }
    return kept.length === 0 ? null : { ...edit, edits: kept };
  }
  const entity = patchedEntity(edit);
  if (entity !== null && 'patch' in edit) {
    const fields = new Set(refs.filter((r) => r.entity === entity).map((r) => r.field));
    if (fields.has(WHOLE)) return null;
    const patch = Object.fromEntries(Object.entries(edit.patch).filter(([key]) => !fields.has(key)));
    if (Object.keys(patch).length === 0) return null;
    return { ...edit, patch } as Edit;
  }
  let after: Product;
  try {
    after = applyEdit(before, edit).product;
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return null;
  }
  return overlap(changedFields(before, after), footprintFrom(refs)).length > 0 ? null : edit;
}

/** The newest of `candidates` (newest first) that is exactly `disk`, or null. */
export function matchingRevision(disk: Product, candidates: readonly { revision: number; product: Product }[]): number | null {
  for (const candidate of candidates) if (sameValue(candidate.product, disk)) return candidate.revision;
  return null;
}
