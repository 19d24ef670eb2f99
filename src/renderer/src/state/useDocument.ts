import { useSyncExternalStore } from 'react';
import type { DocumentState, DocumentStore } from './documentStore';

/** Subscribe a component to the open product's state. */
export function useDocument(store: DocumentStore): DocumentState {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
