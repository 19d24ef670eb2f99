/**
 * How entry points ask for the import dialog (start screen button, backlog toolbar, File menu,
 * a file dropped on the window): one `ImportHost` in the app renders the dialog. The backlog view
 * registers the open product's store here while it is shown, so the dialog can offer "into this
 * product".
 */
import type { DocumentStore } from '../../state/documentStore';

export interface ImportRequest {
  /** A file already chosen (dropped). */
  file?: File;
  /** Import into this product by default (opened from its backlog). */
  store?: DocumentStore;
}

type Listener = (request: ImportRequest) => void;
const listeners = new Set<Listener>();
let activeStore: DocumentStore | null = null;

export function requestImport(request: ImportRequest = {}): void {
  for (const listener of listeners) listener(request);
}

export function onImportRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The open product's store while its backlog is shown (the dialog's "into this product"). */
export function setActiveStore(store: DocumentStore | null): void {
  activeStore = store;
}

export function getActiveStore(): DocumentStore | null {
  return activeStore;
}
