/**
 * The open product in the renderer: applies edits at once (instant UI), keeps the inverse edits for
 * undo/redo, and sends the edits to the service in order, one request at a time, each against the
 * revision the service last confirmed. Service events (save state, change on disk, conflict) are
 * folded into the state the views render.
 */
import { ApiError, type SaveState, type WorkspaceClient, type WorkspaceEvent } from '../../../shared/api/contract';
import { applyEdit } from '../../../shared/edits/applyEdit';
import type { Edit } from '../../../shared/edits/editSchema';
import type { Product } from '../../../shared/model/schema';
import { afterFrame } from './afterFrame';

export interface UndoEntry {
  label: string;
  /** The edit that was applied (redo applies it again). */
  edit: Edit;
  /** The edit that undoes it. */
  inverse: Edit;
}

export type Banner =
  | { kind: 'conflict'; message: string }
  | { kind: 'save-error'; message: string }
  | { kind: 'rejected'; message: string };

export interface DocumentState {
  product: Product;
  /** Edits made here that the service has not yet accepted. */
  pending: number;
  saveState: SaveState;
  banner: Banner | null;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

const MAX_UNDO = 500;

export interface DispatchOptions {
  /** False: save the edit without an undo step. Default true. */
  undoable?: boolean;
}

export class DocumentStore {
  readonly id: string;
  private readonly client: WorkspaceClient;
  private product: Product;
  private revision: number;
  private queue: Edit[] = [];
  private inFlight = false;
  private pumpScheduled = false;
  private undoStack: UndoEntry[] = [];
  private redoStack: UndoEntry[] = [];
  /** The highest revision the service has reported as written to disk. */
  private savedRevision: number;
  /** Set while the service reports that writing failed (it keeps retrying). */
  private writeError: string | null = null;
  /** Set while this client cannot reach the service. */
  private sendError: string | null = null;
  private banner: Banner | null = null;
  private listeners = new Set<() => void>();
  private snapshot: DocumentState;
  private unsubscribe: () => void;
  private idleWaiters: (() => void)[] = [];

  constructor(client: WorkspaceClient, id: string, product: Product, revision: number) {
    this.client = client;
    this.id = id;
    this.product = product;
    this.revision = revision;
    this.savedRevision = revision;
    this.snapshot = this.makeSnapshot();
    this.unsubscribe = client.subscribe((event) => this.onEvent(event));
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  // --- React binding (useSyncExternalStore) ---
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DocumentState => this.snapshot;

  private emit(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(): DocumentState {
    const lastUndo = this.undoStack[this.undoStack.length - 1];
    const lastRedo = this.redoStack[this.redoStack.length - 1];
    return {
      product: this.product,
      pending: this.queue.length + (this.inFlight ? 1 : 0),
      saveState: this.computeSaveState(),
      banner: this.banner,
      canUndo: lastUndo !== undefined,
      canRedo: lastRedo !== undefined,
      undoLabel: lastUndo?.label ?? null,
      redoLabel: lastRedo?.label ?? null,
    };
  }

  private computeSaveState(): SaveState {
    if (this.writeError !== null || this.sendError !== null) return 'error';
    if (!this.idle() || this.savedRevision < this.revision) return 'saving';
    return 'saved';
  }

  // --- Editing ---

  /**
   * Apply an edit now and queue it for the service. Throws `EditError` (and changes nothing) if the
   * edit does not apply, so a view can show why. With `undoable: false` the edit is saved but kept
   * out of the undo history (and leaves redo alone) — for records such as a practice attempt, which
   * touch nothing the learner edits, so undoing their work never erases them.
   */
  dispatch(edit: Edit, label: string = describeEdit(edit), options: DispatchOptions = {}): void {
    const result = applyEdit(this.product, edit);
    this.product = result.product;
    if (options.undoable !== false) {
      this.undoStack.push({ label, edit, inverse: result.inverse });
      if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
      this.redoStack = [];
    }
    this.send(edit);
  }

  undo(): void {
    const entry = this.undoStack.pop();
    if (!entry) return;
    const result = applyEdit(this.product, entry.inverse);
    this.product = result.product;
    this.redoStack.push({ label: entry.label, edit: result.inverse, inverse: entry.inverse });
    this.send(entry.inverse);
  }

  redo(): void {
    const entry = this.redoStack.pop();
    if (!entry) return;
    const result = applyEdit(this.product, entry.edit);
    this.product = result.product;
    this.undoStack.push({ label: entry.label, edit: entry.edit, inverse: result.inverse });
    this.send(entry.edit);
  }

  private send(edit: Edit): void {
    this.queue.push(edit);
    this.emit();
    this.schedulePump();
  }

  /**
   * Edits go out after the frame that shows them is drawn (making the request costs a drop or a
   * keystroke 1–2 ms at 10,000 stories); edits made within one frame go in one request.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    afterFrame(() => {
      this.pumpScheduled = false;
      void this.pump();
    });
  }

  /** Send queued edits one request at a time, in order. */
  private async pump(): Promise<void> {
    if (this.inFlight || this.queue.length === 0 || this.banner?.kind === 'conflict') return;
    const edits = this.queue.splice(0, this.queue.length);
    this.inFlight = true;
    try {
      const { revision } = await this.client.api['product.applyEdits']({ id: this.id, baseRevision: this.revision, edits });
      this.revision = revision;
      if (this.sendError !== null) {
        this.sendError = null;
        if (this.banner?.kind === 'save-error') this.banner = null;
      }
    } catch (error) {
      this.handleSendError(error, edits);
    } finally {
      this.inFlight = false;
    }
    if (this.queue.length > 0) {
      void this.pump();
    } else {
      if (this.idle()) this.resolveIdle();
      this.emit();
    }
  }

  private handleSendError(error: unknown, edits: Edit[]): void {
    if (error instanceof ApiError && error.code === 'conflict') {
      // The file changed under us: keep the local edits (they are in `product`), stop sending.
      this.queue.unshift(...edits);
      this.banner = { kind: 'conflict', message: error.message };
      return;
    }
    if (error instanceof ApiError && (error.code === 'invalid-edit' || error.code === 'bad-request')) {
      // The service refused the change: show why and take the service's version back.
      this.banner = { kind: 'rejected', message: `A change could not be saved and was undone: ${error.message}` };
      this.undoStack = [];
      this.redoStack = [];
      void this.reload();
      return;
    }
    // The service could not be reached or failed: keep the edits queued and retry.
    this.queue.unshift(...edits);
    this.sendError = error instanceof Error ? error.message : String(error);
    this.banner = { kind: 'save-error', message: this.sendError };
    setTimeout(() => void this.pump(), 2000);
  }

  private idle(): boolean {
    return this.queue.length === 0 && !this.inFlight;
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
  }

  /** Resolves when every local edit has been accepted by the service. */
  whenSent(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Take the service's current version (discarding unsent local edits). */
  async reload(): Promise<void> {
    const opened = await this.client.api['product.open']({ id: this.id });
    // This view was already counted as showing the product: match the extra open.
    void this.client.api['product.close']({ id: this.id }).catch(() => undefined);
    this.product = opened.product;
    this.revision = opened.revision;
    this.queue = [];
    this.undoStack = [];
    this.redoStack = [];
    this.savedRevision = opened.revision;
    this.writeError = null;
    if (this.banner?.kind !== 'rejected') this.banner = null;
    this.emit();
  }

  /** Conflict resolution: keep the learner's version as a new product, then take the disk version. */
  async keepMineAsCopy(): Promise<string> {
    const mine = this.product;
    const { id } = await this.client.api['product.saveCopy']({ product: mine, name: `${mine.name} (my copy)` });
    this.banner = null;
    await this.reload();
    return id;
  }

  async takeDiskVersion(): Promise<void> {
    this.banner = null;
    await this.reload();
  }

  dismissBanner(): void {
    if (this.banner?.kind === 'conflict') return; // a conflict must be resolved, not dismissed
    this.banner = null;
    this.emit();
  }

  private onEvent(event: WorkspaceEvent): void {
    if (!('id' in event) || event.id !== this.id) return;
    switch (event.type) {
      case 'product.saveState':
        if (event.state === 'error') {
          this.writeError = event.message ?? 'The file could not be saved.';
          this.banner = { kind: 'save-error', message: this.writeError };
        } else if (event.state === 'saved') {
          this.savedRevision = Math.max(this.savedRevision, event.revision);
          this.writeError = null;
          if (this.banner?.kind === 'save-error' && this.sendError === null) this.banner = null;
        }
        this.emit();
        return;
      case 'product.changed':
        if (event.revision === this.revision) return;
        if (this.idle() && this.banner?.kind !== 'conflict') {
          void this.reload();
        } else {
          this.banner = { kind: 'conflict', message: 'The file was changed on disk by another program while you had unsaved changes.' };
          this.emit();
        }
        return;
      case 'product.conflict':
        this.banner = { kind: 'conflict', message: event.message };
        this.emit();
        return;
    }
  }
}

/** A short human label for the undo menu. */
export function describeEdit(edit: Edit): string {
  if (edit.type === 'batch') return edit.label;
  const [noun = '', verb = ''] = edit.type.split('.');
  const nouns: Record<string, string> = {
    roadmapItem: 'roadmap item',
    roadmap: 'roadmap item',
    score: 'score',
  };
  const verbs: Record<string, string> = { add: 'Add', update: 'Edit', delete: 'Delete', move: 'Move', schedule: 'Schedule', set: 'Set' };
  return `${verbs[verb] ?? verb} ${nouns[noun] ?? noun}`;
}
