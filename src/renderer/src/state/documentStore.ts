/**
 * The open product in one window, kept live with every other window on it (server-ordered edits
 * with client rebase, as Replicache and Linear's sync engine work):
 *
 * - `server` (`serviceCopy.ts`) is the product as the service ordered it. Every batch the
 *   service applies (from any window) arrives as a `product.edits` event and is applied to it in
 *   revision order; a gap or another epoch is filled with `product.sync`.
 * - The window shows that product plus its own edits not yet accepted (`inFlight`, then `pending`),
 *   replayed on top after every batch from elsewhere. Each pending edit remembers the revision it
 *   was made on; the service refuses a batch only when another writer changed one of its fields
 *   since, and the window then asks the learner (keep mine / keep theirs) with both values.
 * - Undo and redo are this window's own: the inverse is applied as a new edit.
 * - When the service cannot be reached the window says "Not saved" with the reason, retries with
 *   back-off (0.5, 1, 2, 4 s, then every 4 s), keeps its unsaved edits in the tab's storage, and
 *   offers them as a download. After the service restarted (a new epoch) the window finds which of
 *   its versions is on disk and sends again the edits of its own that are not.
 * - A conflict with the file on disk is shown with its choices until the learner picks one.
 */
import { ApiError, type ApiOutput, type ConflictChoice, type DiskConflict, type SaveState, type SyncBatch, type WorkspaceClient, type WorkspaceEvent } from '../../../shared/api/contract';
import { applyEdit } from '../../../shared/edits/applyEdit';
import type { Edit } from '../../../shared/edits/editSchema';
import type { Product } from '../../../shared/model/schema';
import { describeConflicts, type FieldConflict } from '../../../shared/sync/conflicts';
import type { FieldRef } from '../../../shared/sync/footprint';
import { replay, touchedFields, withoutFields } from '../../../shared/sync/rebase';
import { afterFrame } from './afterFrame';
import { ServiceCopy } from './serviceCopy';
import { describeEdit, UndoHistory } from './undoHistory';
import { UnsavedKeeper } from './unsavedKeeper';
import type { StashStorage } from './unsavedStash';

/** A change the service refused (it was undone), or an undo that no longer applies. */
export type Banner = { kind: 'rejected'; message: string };

/** Two windows changed the same fields: the learner chooses, field by field described. */
export interface FieldConflictPrompt {
  conflicts: FieldConflict[];
}

export interface DocumentState {
  product: Product;
  /** Edits made here that the service has not yet accepted. */
  pending: number;
  saveState: SaveState;
  /** Why the product is not saved, in a sentence; null while saving or saved. */
  notSavedReason: string | null;
  banner: Banner | null;
  /** The file changed on disk under unsaved edits: the choices stay until one is made. */
  diskConflict: DiskConflict | null;
  fieldConflict: FieldConflictPrompt | null;
  /** Unsaved edits of an earlier session of this tab, offered back until the learner decides. */
  recovery: { edits: number; savedAt: number } | null;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export const RETRY_DELAYS_MS = [500, 1000, 2000, 4000] as const;

export interface DispatchOptions {
  /** False: save the edit without an undo step. Default true. */
  undoable?: boolean;
}

export interface DocumentStoreOptions {
  /** Where unsaved edits are kept across a reload (null: nowhere). */
  stash?: StashStorage | null;
  retryDelaysMs?: readonly number[];
  now?: () => number;
}

type Opened = ApiOutput<'product.open'>;
type Snapshot = Extract<ApiOutput<'product.sync'>, { status: 'snapshot' }>;

interface PendingEdit {
  edit: Edit;
  /** The confirmed revision the window showed when the edit was made. */
  seen: number;
}

interface SentBatch {
  seq: number;
  edits: Edit[];
  seen: number;
  /** The confirmed product the batch went out on (to find it on disk after a restart). */
  base: Product;
}

function newClientId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class DocumentStore {
  readonly id: string;
  readonly clientId = newClientId();
  private readonly client: WorkspaceClient;
  private readonly retryDelays: readonly number[];
  private readonly now: () => number;

  /** The product as the service ordered it (see `serviceCopy.ts`). */
  private readonly server: ServiceCopy;
  private inFlight: SentBatch | null = null;
  private pending: PendingEdit[] = [];
  /** A batch the service refused as a field conflict, waiting for the learner's choice. */
  private held: { edits: Edit[]; fields: FieldRef[]; conflicts: FieldConflict[] } | null = null;
  private seq = 0;
  private product: Product;

  private sending = false;
  private pumpScheduled = false;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  private readonly history = new UndoHistory();
  /** Set while the service reports that writing failed (it keeps retrying). */
  private writeError: string | null = null;
  /** Set while this window cannot reach the service. */
  private sendError: string | null = null;
  private diskConflict: DiskConflict | null;
  private banner: Banner | null = null;
  private listeners = new Set<() => void>();
  private snapshot: DocumentState;
  private unsubscribe: () => void;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;
  /** Unsaved edits kept in the tab, and those of an earlier session offered back. */
  private readonly keeper: UnsavedKeeper;

  constructor(client: WorkspaceClient, id: string, opened: Opened, options: DocumentStoreOptions = {}) {
    this.client = client;
    this.id = id;
    this.retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.now = options.now ?? Date.now;
    this.server = new ServiceCopy(opened, this.clientId);
    this.product = opened.product;
    this.diskConflict = opened.conflict;
    this.keeper = new UnsavedKeeper(options.stash ?? null, id, opened.product, { productName: () => this.product.name, unsavedEdits: () => (this.hasUnsaved() ? this.unsavedEdits() : []) }, this.now);
    this.snapshot = this.makeSnapshot();
    this.unsubscribe = client.subscribe((event) => this.onEvent(event));
  }

  /**
   * The window no longer shows the product. Edits not yet sent still go out (and are retried);
   * whatever is unsaved stays in the stash for the next open.
   */
  dispose(): void {
    this.disposed = true;
    this.unsubscribe();
    this.listeners.clear();
    this.keeper.keepNow();
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
    this.keeper.keepSoon();
  }

  private makeSnapshot(): DocumentState {
    const notSavedReason = this.notSavedReason();
    return {
      product: this.product,
      pending: this.pending.length + (this.inFlight ? this.inFlight.edits.length : 0) + (this.held ? this.held.edits.length : 0),
      // "Saved" only once the version shown is on disk, whoever made the last edits.
      saveState: notSavedReason !== null ? 'error' : this.hasUnsaved() || this.server.revision > this.server.savedRevision ? 'saving' : 'saved',
      notSavedReason,
      banner: this.banner,
      diskConflict: this.diskConflict,
      fieldConflict: this.held ? { conflicts: this.held.conflicts } : null,
      recovery: this.keeper.offer,
      canUndo: this.history.undoLabel !== null,
      canRedo: this.history.redoLabel !== null,
      undoLabel: this.history.undoLabel,
      redoLabel: this.history.redoLabel,
    };
  }

  private notSavedReason(): string | null {
    if (this.diskConflict !== null) return 'The file changed on disk; choose which version to keep.';
    if (this.held !== null) return 'Another window changed the same fields; choose which value to keep.';
    if (this.sendError !== null && this.hasUnsaved()) return this.sendError;
    if (this.writeError !== null) return this.writeError;
    return null;
  }

  /** Whether anything this window shows is not on disk yet. */
  hasUnsaved(): boolean {
    return this.pending.length > 0 || this.inFlight !== null || this.held !== null || this.server.hasUnsavedOwnEdits();
  }

  /** This window's edits that are not on disk, in the order they were made. */
  unsavedEdits(): Edit[] {
    return [
      ...this.server.unsavedOwnEdits(),
      ...(this.inFlight?.edits ?? []),
      ...(this.held?.edits ?? []),
      ...this.pending.map((p) => p.edit),
    ];
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
      this.history.record({ label, edit, inverse: result.inverse });
    }
    this.send(edit);
  }

  undo(): void {
    const entry = this.history.takeUndo();
    if (!entry) return;
    const result = this.tryApply(entry.inverse);
    if (result === null) return;
    this.history.undone({ label: entry.label, edit: result.inverse, inverse: entry.inverse });
    this.send(entry.inverse);
  }

  redo(): void {
    const entry = this.history.takeRedo();
    if (!entry) return;
    const result = this.tryApply(entry.edit);
    if (result === null) return;
    this.history.redone({ label: entry.label, edit: entry.edit, inverse: result.inverse });
    this.send(entry.edit);
  }

  /** Undo of a step that another window has since made impossible (its story was deleted) is skipped. */
  private tryApply(edit: Edit): { inverse: Edit } | null {
    try {
      const result = applyEdit(this.product, edit);
      this.product = result.product;
      return result;
    } catch {
      this.banner = { kind: 'rejected', message: 'That step can no longer be undone: what it changed was changed or deleted elsewhere.' };
      this.emit();
      return null;
    }
  }

  private send(edit: Edit): void {
    this.pending.push({ edit, seen: this.server.revision });
    this.emit();
    this.schedulePump();
  }

  /**
   * Edits go out after the frame that shows them is drawn (on a large product, making the request
   * is work a drop or a keystroke should not wait for); edits made within one frame go in one
   * request.
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    afterFrame(() => {
      this.pumpScheduled = false;
      void this.pump();
    });
  }

  /**
   * Send the pending edits, one batch at a time. A batch whose answer was lost goes again with its
   * number, so the service applies it once.
   */
  private async pump(): Promise<void> {
    if (this.sending || this.held !== null || this.retryTimer !== null) return;
    if (this.inFlight === null) {
      if (this.pending.length === 0) return;
      const batch = this.pending.splice(0);
      this.inFlight = { seq: ++this.seq, edits: batch.map((p) => p.edit), seen: Math.min(...batch.map((p) => p.seen)), base: this.server.product };
    }
    const sent = this.inFlight;
    const { edits, seen } = sent;
    this.sending = true;
    let answer: ApiOutput<'product.applyEdits'>;
    try {
      // The fields the window changed, on the version it made them on (so an edit of a story
      // deleted elsewhere still counts), for the service to judge a conflict with what it has not seen.
      const touched = seen < this.server.revision ? this.touchedSince(seen, edits) : undefined;
      answer = await this.client.api['product.applyEdits']({ id: this.id, baseRevision: seen, edits, clientId: this.clientId, seq: sent.seq, epoch: this.server.epoch, touched });
    } catch (error) {
      this.sending = false;
      this.failedToSend(error, sent);
      return;
    }
    this.sending = false;
    this.reachedService();
    if (answer.status === 'applied') this.accepted(sent, answer.revision);
    else if (answer.status === 'conflict') await this.conflicted(sent, answer.fields);
    else await this.sync();
    this.afterSend();
  }

  private touchedSince(seen: number, edits: readonly Edit[]): FieldRef[] {
    const base = this.server.productAt(seen);
    return touchedFields(base, replay(base, edits).product);
  }

  private afterSend(): void {
    if (this.pending.length > 0) this.schedulePump();
    if (!this.hasPendingSend()) this.resolveIdle();
    this.emit();
  }

  private hasPendingSend(): boolean {
    return this.pending.length > 0 || this.inFlight !== null || this.held !== null;
  }

  /** The service took the batch as `revision`. */
  private accepted(sent: SentBatch, revision: number): void {
    if (this.inFlight !== sent) return; // already seen through the event stream or a sync
    if (revision <= this.server.revision) {
      // A snapshot already holds it.
      this.inFlight = null;
      return;
    }
    if (this.server.isNext({ revision })) {
      this.applyBatch({ revision, clientId: this.clientId, seq: sent.seq, edits: sent.edits });
      return;
    }
    void this.sync(); // batches from elsewhere came first and have not arrived yet
  }

  /** Another writer changed the same fields: hold the batch and ask the learner. */
  private async conflicted(sent: SentBatch, fields: FieldRef[]): Promise<void> {
    await this.sync();
    if (this.inFlight !== sent) return;
    this.inFlight = null;
    const mine = replay(this.server.product, sent.edits).product;
    this.held = { edits: sent.edits, fields, conflicts: describeConflicts(fields, this.server.product, mine) };
  }

  /** The learner keeps their values: the batch goes again, now made on the latest version. */
  keepMine(): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    this.resend(held.edits);
  }

  /**
   * A held batch goes again on its own, made on the latest version (edits made meanwhile follow
   * in the next batch, each judged on the version it was made on).
   */
  private resend(edits: Edit[]): void {
    if (edits.length > 0) this.inFlight = { seq: ++this.seq, edits, seen: this.server.revision, base: this.server.product };
    this.rebuild();
    this.afterSend();
    if (this.inFlight !== null) this.schedulePump();
  }

  /** The learner keeps the other values: the batch goes again without the conflicting fields. */
  keepTheirs(): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    const kept: Edit[] = [];
    let current = this.server.product;
    for (const edit of held.edits) {
      const trimmed = withoutFields(edit, held.fields, current);
      if (trimmed === null) continue;
      try {
        current = applyEdit(current, trimmed).product;
        kept.push(trimmed);
      } catch {
        // no longer applies on their version: nothing of it is kept
      }
    }
    this.resend(kept);
  }

  private failedToSend(error: unknown, sent: SentBatch): void {
    if (error instanceof ApiError && (error.code === 'invalid-edit' || error.code === 'bad-request')) {
      if (this.inFlight === sent) this.inFlight = null;
      // The service refused the change: show why and take the service's version back.
      this.banner = { kind: 'rejected', message: `A change could not be saved and was undone: ${error.message}` };
      this.history.clear();
      this.rebuild();
      this.afterSend();
      void this.sync();
      return;
    }
    // Not reached, or the answer was lost: keep the batch as it is, say why, and try again later.
    this.unreachable(error);
  }

  private unreachable(error: unknown): void {
    this.sendError = `Not saved: ${reasonOf(error)} Your edits are kept here and will be sent when the service is back.`;
    this.failures += 1;
    this.scheduleRetry();
    this.emit();
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = this.retryDelays[Math.min(this.failures - 1, this.retryDelays.length - 1)] ?? 4000;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      // Catch up first (the service may have restarted), then send.
      void this.sync().then(() => void this.pump());
    }, delay);
  }

  private reachedService(): void {
    this.failures = 0;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    if (this.sendError !== null) this.sendError = null;
  }

  // --- Following the service ---

  /** Apply the next batch in the service's order, and show it under this window's own edits. */
  private applyBatch(batch: SyncBatch): void {
    const own = this.server.apply(batch);
    if (own && this.inFlight !== null && this.inFlight.seq === batch.seq) {
      this.inFlight = null;
      return; // the view already shows it
    }
    this.rebuild();
  }

  /** The shown product: the confirmed one with this window's unaccepted edits replayed on it. */
  private rebuild(): void {
    const mine = [...(this.inFlight?.edits ?? []), ...(this.held?.edits ?? []), ...this.pending.map((p) => p.edit)];
    this.product = mine.length === 0 ? this.server.product : replay(this.server.product, mine).product;
  }

  /** Catch up with the service (one request at a time; a call during one runs another after it). */
  sync(): Promise<void> {
    if (this.syncing !== null) {
      this.syncAgain = true;
      return this.syncing;
    }
    const run = (async () => {
      do {
        this.syncAgain = false;
        await this.syncOnce();
      } while (this.syncAgain);
    })().finally(() => {
      this.syncing = null;
    });
    this.syncing = run;
    return run;
  }

  private async syncOnce(): Promise<void> {
    let answer: ApiOutput<'product.sync'>;
    try {
      answer = await this.client.api['product.sync']({ id: this.id, epoch: this.server.epoch, knownRevision: this.server.revision, clientId: this.clientId, seq: this.inFlight?.seq });
    } catch (error) {
      if (this.hasUnsaved()) this.unreachable(error);
      return;
    }
    const wasUnreachable = this.sendError !== null;
    this.reachedService();
    if (answer.status === 'snapshot') {
      this.adoptSnapshot(answer);
    } else {
      for (const batch of answer.batches) if (this.server.isNext(batch)) this.applyBatch(batch);
      this.noteSaved(answer.savedRevision);
      this.diskConflict = answer.conflict;
    }
    if (wasUnreachable) this.schedulePump();
    this.emit();
  }

  /**
   * Take the service's whole product. In the same epoch it replaced the product (reloaded from
   * disk, a conflict resolved): this window's unaccepted edits go again on top. In a new epoch
   * the service restarted: find which of the known versions is on disk, and send again this
   * window's edits after it.
   */
  private adoptSnapshot(snap: Snapshot): void {
    const inFlight = this.inFlight;
    let resend: PendingEdit[] = [];
    if (snap.epoch === this.server.epoch) {
      if (inFlight !== null && snap.sentRevision === null) resend = inFlight.edits.map((edit) => ({ edit, seen: inFlight.seen }));
    } else {
      resend = this.server.notOnDisk(snap, inFlight).map((edit) => ({ edit, seen: snap.revision }));
      this.pending = this.pending.map((p) => ({ edit: p.edit, seen: snap.revision }));
    }
    this.inFlight = null;
    this.pending = [...resend, ...this.pending];
    this.server.reset(snap);
    this.diskConflict = snap.conflict;
    this.rebuild();
    if (this.pending.length > 0) this.schedulePump();
  }

  private noteSaved(savedRevision: number): void {
    this.server.saved(savedRevision);
    if (!this.hasUnsaved()) this.resolveIdle();
  }

  private onEvent(event: WorkspaceEvent): void {
    if (this.disposed) return;
    if (event.type === 'workspace.changed') {
      // The event stream came back (events may have been missed, the service may have restarted).
      void this.sync();
      return;
    }
    if (event.id !== this.id) return;
    switch (event.type) {
      case 'product.edits':
        if (event.epoch !== this.server.epoch) {
          void this.sync();
        } else if (this.server.isNext(event)) {
          this.applyBatch(event);
          this.emit();
        } else if (event.revision > this.server.revision) {
          void this.sync();
        }
        return;
      case 'product.changed':
        if (event.epoch !== this.server.epoch || event.revision > this.server.revision) void this.sync();
        return;
      case 'product.saveState':
        if (event.epoch !== this.server.epoch) return;
        this.writeError = event.state === 'error' && this.diskConflict === null ? (event.message ?? 'The file could not be saved.') : null;
        this.noteSaved(event.savedRevision);
        this.emit();
        return;
      case 'product.conflict':
        if (event.epoch !== this.server.epoch && event.conflict !== null && event.conflict.disk !== 'broken') return;
        this.diskConflict = event.conflict;
        if (event.conflict === null) void this.sync();
        this.emit();
        return;
    }
  }

  // --- Waiting and conflicts with the disk ---

  private resolveIdle(): void {
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
  }

  /** Resolves when every edit of this window has been accepted by the service. */
  whenSent(): Promise<void> {
    if (!this.hasPendingSend()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * The learner's choice on a conflict with the disk. Answers the id of the copy, if one was made.
   * The window's last edits reach the service first, so the version kept is the one on screen.
   */
  async resolveDiskConflict(choice: ConflictChoice): Promise<string | null> {
    const conflict = this.diskConflict;
    if (conflict === null) return null;
    if (conflict.disk === 'broken') {
      // The service let the unreadable file go: the copy is made from what this window shows.
      const { id } = await this.client.api['product.saveCopy']({ product: this.product, name: `${this.product.name} (my copy)` });
      return id;
    }
    await this.whenSent();
    const { copyId } = await this.client.api['product.resolveConflict']({ id: this.id, choice });
    await this.sync();
    return copyId;
  }

  /** Write `product` as a new product (a recovered version); answers its id. */
  async saveAsCopy(product: Product, name: string): Promise<string> {
    const { id } = await this.client.api['product.saveCopy']({ product, name });
    return id;
  }

  dismissBanner(): void {
    this.banner = null;
    this.emit();
  }

  // --- Keeping unsaved edits across a reload ---

  /** `product` with the edits of an earlier session replayed on it, and how many no longer apply. */
  recoveredVersion(): { product: Product; skipped: number } | null {
    return this.keeper.recovered(this.product);
  }

  /** Apply the edits of an earlier session as one undoable step; answers how many no longer applied. */
  applyRecovered(): number {
    const taken = this.keeper.take(this.product);
    if (taken === null) return 0;
    if (taken.applied.length > 0) this.dispatch({ type: 'batch', label: 'Recovered unsaved changes', edits: taken.applied });
    else this.emit();
    return taken.skipped;
  }

  discardRecovered(): void {
    this.keeper.discard();
    this.emit();
  }

  /** Keep the unsaved edits in the tab's storage now (before the page goes away), or clear them. */
  stashNow(): void {
    this.keeper.keepNow();
  }
}
