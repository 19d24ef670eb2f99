import type { Edit } from '../../../../shared/edits/editSchema';
import type { ScoresPatch } from '../../../../shared/edits/editSchema';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { DocumentStore } from '../../state/documentStore';
import { errorMessage } from '../../components/errors';

/** Dispatch an edit; returns the reason when it does not apply (nothing changes then). */
export function dispatchEdit(store: DocumentStore, edit: Edit, label: string): string | null {
  try {
    store.dispatch(edit, label);
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Set some score inputs of an item (story or epic) as one edit. */
export function setScores(store: DocumentStore, item: PrioritizationItem, patch: ScoresPatch, label: string): string | null {
  return dispatchEdit(store, { type: 'score.set', target: item.kind, id: item.id, patch }, label);
}
