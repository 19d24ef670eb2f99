/**
 * One open product document: a lowdb `Low<Product>` over `ProductFileAdapter`, plus revisions,
 * coalesced and serialised writes, retries, and detection of changes made by other programs.
 *
 * - Revisions: an integer that increments with every accepted `applyEdits` and every reload from
 *   disk. Edits name the revision they were made against; a stale one is a `conflict`.
 * - Writes: never two at once for one file (a mutex also covers disk checks). Edits within
 *   `writeDelayMs` of each other become one write, and a write starts at most `maxWriteDelayMs`
 *   after the first unsaved edit, so continuous typing still saves.
 * - Failures (disk full, permission, I/O): the edits stay in memory, `saveState: error` says why,
 *   and the write is retried with backoff and again on the next edit. Nothing is dropped.
 * - Another program's change: before every write the file is compared with what we last read or
 *   wrote. If it changed, nothing is written; the store enters a conflict (event
 *   `product.conflict`) and keeps the edits until the learner saves a copy or reopens. A change
 *   seen by the folder watcher with no unsaved edits reloads the document (`product.changed`).
 */
import { Low } from 'lowdb';
import { z } from 'zod';
import { ApiError, type SaveState, type WorkspaceEvent } from '../../shared/api/contract';
import { applyEdits as applyEditList, EditError } from '../../shared/edits/applyEdit';
import type { Edit } from '../../shared/edits/editSchema';
import { ProductSchema, type Product } from '../../shared/model/schema';
import { describeValidationIssues, validateChange } from './changeValidation';
import { oversizeReason } from './diskProduct';
import { describeFsError } from './fsErrors';
import type { FsAdapter } from './fsAdapter';
import { Mutex } from './mutex';
import { ExternalChangeError, ProductFileAdapter } from './productFileAdapter';
import { RECOVERY_REASONS, saveRecoveredVersion } from './recoveredVersions';

export interface ProductStoreOptions {
  fs: FsAdapter;
  folder: string;
  id: string;
  /** The revision the document starts at (the service keeps revisions rising across reopenings). */
  firstRevision: number;
  writeDelayMs: number;
  maxWriteDelayMs: number;
  backupIntervalMs: number;
  /** Refresh a due backup on the first edit rather than in the write that follows. */
  backupOnFirstEdit: boolean;
  /** Delays between retries of a failed write; the last one repeats. */
  retryDelaysMs: readonly number[];
  emit: (event: WorkspaceEvent) => void;
  now: () => number;
  /**
   * How long a file found broken or missing by the watcher must stay so before it counts (another
   * program may be half-way through writing it in place). Default 250 ms.
   */
  settleMs?: number;
  /** The largest file an edit may make (default `MAX_PRODUCT_FILE_BYTES`, the most the app reads). */
  maxFileBytes?: number;
  /**
   * Turns the bytes of a product file into the compact ASCII JSON of its value, off this thread
   * (see `WorkspaceServiceDeps.fileJson`). Given, the store starts it as soon as the file is read,
   * while it parses and validates the same bytes, for `productJson`.
   */
  fileJson?: (fileBytes: Uint8Array) => Promise<Uint8Array | null>;
}

type WriteOutcome = 'ok' | 'failed' | 'conflict';

/**
 * After a product is read, its text is prepared for the first write in slices of this many ms,
 * starting this long after the read: after the answer has gone out and, usually, after the page
 * has drawn the product (on a two-core machine the two would otherwise share a core). About
 * 150 ms of work at 10,000 stories, so it is done long before a write would need it.
 */
const WARM_SLICE_MS = 8;
const WARM_START_MS = 300;

/** What a disk check found: nothing, a reload, a new conflict, or a file that is gone or broken. */
export type DiskCheck = { kind: 'same' | 'reloaded' | 'conflict' | 'gone' | 'busy' } | { kind: 'broken'; reason: string };

export class ProductStore {
  readonly id: string;
  private readonly db: Low<Product>;
  private readonly lock = new Mutex();
  private revisionValue: number;
  /** The revision whose content is on disk. */
  private savedRevision: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private warmTimer: ReturnType<typeof setTimeout> | null = null;
  private backupQueued = false;
  /** The file's JSON, made off-thread from the bytes just read, while no edit has changed the product. */
  private fileJson: { revision: number; json: Promise<Uint8Array | null> } | null = null;
  private firstPendingAt: number | null = null;
  private inFlight: Promise<WriteOutcome> | null = null;
  private writeRequested = false;
  private failures = 0;
  private lastError: string | null = null;
  private conflictMessage: string | null = null;
  private saveState: SaveState = 'saved';
  private disposed = false;

  private constructor(
    private readonly options: ProductStoreOptions,
    private readonly adapter: ProductFileAdapter,
    initial: Product,
  ) {
    this.id = options.id;
    this.db = new Low<Product>(adapter, initial);
    this.revisionValue = options.firstRevision;
    this.savedRevision = options.firstRevision;
    this.scheduleWarm(WARM_START_MS);
  }

  /** Open the product file; `not-found` if it is missing, `broken-file` if it does not parse. */
  static async open(options: ProductStoreOptions): Promise<ProductStore> {
    const adapter = new ProductFileAdapter({
      fs: options.fs,
      folder: options.folder,
      id: options.id,
      backupIntervalMs: options.backupIntervalMs,
      now: options.now,
    });
    const makeJson = options.fileJson;
    let json: Promise<Uint8Array | null> | null = null;
    const read = await adapter.readWith(
      makeJson ? { checkSameAsFile: true, onBytes: (bytes) => (json = makeJson(bytes).catch(() => null)) } : {},
    );
    if (read === null) throw new ApiError('not-found', `There is no product "${options.id}" in the workspace.`);
    const store = new ProductStore(options, adapter, read.product);
    // Only a file whose JSON already is the product can stand for it.
    if (json !== null && read.sameAsFile === true) store.fileJson = { revision: store.revision, json };
    return store;
  }

  /**
   * The product as compact ASCII JSON, when it is still exactly what was read from the file and
   * that JSON was made off-thread (the caller then need not stringify 10 MB itself); otherwise
   * null. `revision`: the revision the caller is answering for.
   */
  async productJson(revision: number): Promise<Uint8Array | null> {
    const made = this.fileJson;
    if (made === null || made.revision !== revision || this.revisionValue !== revision) return null;
    const json = await made.json;
    // Once handed out (or outdated by an edit) it is not needed again: let the memory go.
    this.fileJson = null;
    return this.revisionValue === revision ? json : null;
  }

  get product(): Product {
    return this.db.data;
  }

  get revision(): number {
    return this.revisionValue;
  }

  /** The schema version the file on disk still has, until the first save migrates it. */
  get migratedFrom(): number | null {
    return this.adapter.migratedFrom;
  }

  get fileName(): string {
    return this.adapter.fileName;
  }

  /** The conflict message while the file changed on disk under unsaved edits; otherwise null. */
  get conflict(): string | null {
    return this.conflictMessage;
  }

  /** Edits accepted in memory that are not yet on disk. */
  get hasPendingEdits(): boolean {
    return this.revisionValue !== this.savedRevision;
  }

  /** Apply edits made against `baseRevision`; returns the new revision. The write follows later. */
  applyEdits(baseRevision: number, edits: readonly Edit[]): number {
    this.assertEditable();
    if (baseRevision !== this.revisionValue) {
      throw new ApiError(
        'conflict',
        `"${this.product.name}" has changed since your copy (revision ${this.revisionValue}, yours ${baseRevision}). Reopen it to continue from the latest version.`,
      );
    }
    return this.apply(edits);
  }

  /** Apply edits on top of whatever the current revision is (service-made edits such as a rename). */
  applyOwnEdits(edits: readonly Edit[]): number {
    this.assertEditable();
    return this.apply(edits);
  }

  private assertEditable(): void {
    if (this.disposed) throw new ApiError('not-found', `The product "${this.id}" is no longer open.`);
    if (this.conflictMessage) throw new ApiError('conflict', this.conflictMessage);
  }

  private apply(edits: readonly Edit[]): number {
    const previous = this.db.data;
    let next: Product;
    try {
      next = applyEditList(previous, edits).product;
    } catch (error) {
      if (error instanceof EditError) throw new ApiError('invalid-edit', error.message);
      throw error;
    }
    if (next.id !== previous.id) throw new ApiError('invalid-edit', 'An edit cannot change the product id.');
    const issues = validateChange(ProductSchema, previous, next);
    if (issues.length > 0) {
      throw new ApiError('invalid-edit', `The change would make the product invalid: ${describeValidationIssues(issues)}`);
    }
    // Measured as it would be written (the parts encoded now are reused by the write).
    const tooLarge = oversizeReason(this.adapter.fileSize(next), this.options.maxFileBytes);
    if (tooLarge !== null) throw new ApiError('invalid-edit', `The change was not made: ${tooLarge} Move some stories or specs into another product.`);
    this.db.data = next;
    this.revisionValue += 1;
    this.fileJson = null;
    this.scheduleWrite();
    this.backUpAhead();
    return this.revisionValue;
  }

  /** On the first edit of a session, refresh the backup while the write waits for more edits. */
  private backUpAhead(): void {
    if (!this.options.backupOnFirstEdit || this.backupQueued || this.disposed || this.conflictMessage || !this.adapter.backupDue()) return;
    this.backupQueued = true;
    void this.lock
      .run(() => (this.disposed ? Promise.resolve() : this.adapter.backUpAhead()))
      .catch(() => undefined)
      .finally(() => {
        this.backupQueued = false;
      });
  }

  /** Write pending edits now and wait until they are on disk; returns the revision on disk. */
  async flush(): Promise<number> {
    if (this.disposed) throw new ApiError('not-found', `The product "${this.id}" is no longer open.`);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (this.conflictMessage) throw new ApiError('conflict', this.conflictMessage);
      if (this.inFlight) {
        // A write that started before this flush: wait for it, then judge by a write of our own.
        await this.inFlight;
        continue;
      }
      if (!this.hasPendingEdits) return this.revisionValue;
      this.clearTimer();
      const outcome = await this.startWrite();
      if (outcome === 'failed') throw new ApiError('io', this.lastError ?? `"${this.fileName}" could not be saved.`);
      if (outcome === 'conflict') throw new ApiError('conflict', this.conflictMessage ?? 'The file changed on disk.');
    }
    return this.savedRevision;
  }

  /**
   * Compare the file on disk with what we know (for the folder watcher). Skipped while a write or
   * another check holds the file: the write checks for itself.
   */
  async checkDisk(): Promise<DiskCheck> {
    if (this.disposed) return { kind: 'same' };
    return (await this.lock.tryRun(() => this.checkDiskLocked())) ?? { kind: 'busy' };
  }

  private async checkDiskLocked(): Promise<DiskCheck> {
    if (this.disposed || this.conflictMessage) return { kind: 'same' };
    const difference = await this.adapter.compareWithDisk();
    if (difference === 'same') return { kind: 'same' };
    if (this.hasPendingEdits) {
      this.enterConflict(this.adapter.externalChangeMessage(difference));
      return { kind: 'conflict' };
    }
    const revisionBefore = this.revisionValue;
    let disk = await this.adapter.load();
    if (disk.kind !== 'ok') {
      // Perhaps caught mid-write: look again once it has had time to settle.
      await new Promise((resolve) => setTimeout(resolve, this.options.settleMs ?? 250));
      disk = await this.adapter.load();
    }
    if (this.revisionValue !== revisionBefore) {
      // An edit arrived while we read: the learner's edit and the other program's change meet.
      this.enterConflict(this.adapter.externalChangeMessage('changed'));
      return { kind: 'conflict' };
    }
    if (disk.kind === 'missing') return { kind: 'gone' };
    if (disk.kind === 'broken') return { kind: 'broken', reason: disk.reason };
    this.adopt(this.adapter.accept(disk));
    return { kind: 'reloaded' };
  }

  /**
   * Load the version on disk, dropping edits that could not be saved because of a conflict (they are
   * set aside in `.backups/recovered/`, best effort; see recoveredVersions). For `product.open` while in
   * conflict. Throws `not-found` / `broken-file` when the disk version cannot be opened.
   */
  async reloadDiscardingLocal(): Promise<void> {
    await this.lock.run(async () => {
      const disk = await this.adapter.load();
      if (disk.kind === 'missing') throw new ApiError('not-found', `"${this.fileName}" is no longer in the workspace.`);
      if (disk.kind === 'broken') throw new ApiError('broken-file', `${this.fileName}: ${disk.reason}`);
      if (this.hasPendingEdits) await this.keepDiscarded().catch(() => undefined);
      this.conflictMessage = null;
      this.failures = 0;
      this.lastError = null;
      this.adopt(this.adapter.accept(disk));
    });
  }

  /** Run `task` while no write (and no disk check) of this store is under way; writes due meanwhile wait. */
  whileNotWriting<T>(task: () => Promise<T>): Promise<T> {
    return this.lock.run(task);
  }

  /** Stop timers; pending writes are not attempted any more (flush first). */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    if (this.warmTimer !== null) clearTimeout(this.warmTimer);
    this.warmTimer = null;
  }

  /** Prepare the text of the product just read for its first write, in the background. */
  private scheduleWarm(delayMs: number): void {
    if (this.disposed || this.warmTimer !== null) return;
    const timer = setTimeout(() => {
      this.warmTimer = null;
      if (!this.disposed && !this.adapter.warm(WARM_SLICE_MS)) this.scheduleWarm(0);
    }, delayMs);
    timer.unref();
    this.warmTimer = timer;
  }

  private adopt(product: Product): void {
    this.clearTimer();
    this.firstPendingAt = null;
    this.db.data = product;
    this.revisionValue += 1;
    this.savedRevision = this.revisionValue;
    this.scheduleWarm(WARM_START_MS);
    this.options.emit({ type: 'product.changed', id: this.id, revision: this.revisionValue });
    this.setState('saved', null, true);
  }

  /** Set the unsaved version aside (one file per discard, so none replaces an earlier one). */
  private async keepDiscarded(): Promise<void> {
    const { fs, folder, now, emit } = this.options;
    await saveRecoveredVersion(fs, folder, this.product, RECOVERY_REASONS.tookDiskVersion, now());
    emit({ type: 'workspace.changed' });
  }

  private enterConflict(message: string): void {
    this.conflictMessage = message;
    this.clearTimer();
    this.firstPendingAt = null;
    this.options.emit({ type: 'product.conflict', id: this.id, message });
    this.setState('error', message, true);
  }

  private scheduleWrite(): void {
    if (this.disposed || this.conflictMessage) return;
    const now = this.options.now();
    if (this.firstPendingAt === null) this.firstPendingAt = now;
    const dueAt = Math.min(now + this.options.writeDelayMs, this.firstPendingAt + this.options.maxWriteDelayMs);
    this.arm(dueAt - now, false);
    if (this.saveState !== 'saving') this.setState('saving', null);
  }

  private arm(delayMs: number, background: boolean): void {
    this.clearTimer();
    const timer = setTimeout(
      () => {
        this.timer = null;
        void this.startWrite();
      },
      Math.max(0, delayMs),
    );
    // A retry loop (e.g. a disk that stays full) must not keep a process alive on its own.
    if (background) timer.unref();
    this.timer = timer;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private startWrite(): Promise<WriteOutcome> {
    if (this.inFlight) {
      this.writeRequested = true;
      return this.inFlight;
    }
    this.writeRequested = false;
    const run = this.lock.run(() => this.writeOnce());
    const tracked = run.finally(() => {
      this.inFlight = null;
      if (this.writeRequested && this.timer === null && !this.disposed && this.hasPendingEdits && !this.conflictMessage) {
        void this.startWrite();
      }
    });
    this.inFlight = tracked;
    return tracked;
  }

  private async writeOnce(): Promise<WriteOutcome> {
    if (this.conflictMessage) return 'conflict';
    if (this.disposed || !this.hasPendingEdits) return 'ok';
    const revision = this.revisionValue;
    try {
      // Low.write hands the current `data` to the adapter, which serialises it before any await,
      // so what is written is exactly revision `revision`.
      await this.db.write();
    } catch (error) {
      if (error instanceof ExternalChangeError) {
        this.enterConflict(error.message);
        return 'conflict';
      }
      this.failures += 1;
      this.firstPendingAt = null;
      const reason = error instanceof z.ZodError ? `the product is not valid (${error.issues[0]?.message ?? 'schema error'})` : describeFsError(error);
      this.lastError = `${reason} while saving "${this.fileName}"; your edits are kept and will be saved when possible.`;
      this.setState('error', this.lastError, true);
      if (!this.disposed) this.arm(this.retryDelay(), true);
      return 'failed';
    }
    this.savedRevision = Math.max(this.savedRevision, revision);
    this.failures = 0;
    this.lastError = null;
    if (!this.hasPendingEdits) {
      this.firstPendingAt = null;
      this.setState('saved', null);
    }
    return 'ok';
  }

  private retryDelay(): number {
    const delays = this.options.retryDelaysMs;
    return delays[Math.min(this.failures - 1, delays.length - 1)] ?? 1000;
  }

  private setState(state: SaveState, message: string | null, always = false): void {
    if (!always && state === this.saveState) return;
    this.saveState = state;
    this.options.emit({ type: 'product.saveState', id: this.id, state, revision: this.revisionValue, message });
  }
}
