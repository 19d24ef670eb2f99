/**
 * One open product: a lowdb `Low<Product>` over the crash-safe `ProductFileAdapter`, with
 * revisions, coalesced writes that are retried when they fail (edits stay in memory), the edit log
 * that keeps many windows in step (`product.edits`, judged by `serverOrder.ts`), and conflicts
 * with the file on disk: when another program changed it under unsaved edits nothing is written,
 * edits are still accepted, and the learner chooses (`resolveConflict`) — each choice keeps both
 * versions. The protocol is described in the README (Architecture, "Many windows, live") and the
 * promises in SECURITY.md (Data safety).
 */
import { randomUUID } from 'node:crypto';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ApiError, type ApiOutput, type ConflictChoice, type DiskConflict, type SaveState, type WorkspaceEvent } from '../../shared/api/contract';
import { applyEdits as applyEditList, EditError } from '../../shared/edits/applyEdit';
import type { Edit } from '../../shared/edits/editSchema';
import { describeIssues, MAX_FILE_DEPTH } from '../../shared/model/productFile';
import { ProductSchema, type Product } from '../../shared/model/schema';
import { EditLog, DISK_WRITER, SERVICE_WRITER } from '../../shared/sync/editLog';
import { changedFields } from '../../shared/sync/footprint';
import { judgeBatch, mergeUnsaved, missingBatches, type IncomingBatch } from '../../shared/sync/serverOrder';
import { validateChange } from './changeValidation';
import { MAX_PRODUCT_FILE_BYTES, oversizeReason } from './diskProduct';
import { describeFsError } from './fsErrors';
import type { FsAdapter } from './fsAdapter';
import { Mutex } from './mutex';
import { ExternalChangeError, ProductFileAdapter, type DiskDifference } from './productFileAdapter';
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
 * How many bytes of the file one character of an edit's JSON can make at most: the character as a
 * six-byte `\uXXXX` escape, plus a new line indented to the deepest nesting a file may have (a
 * value takes at least one character in the edit's compact JSON).
 */
const SIZE_GROWTH_PER_CHAR = 6 + 2 * (MAX_FILE_DEPTH + 1);

/**
 * After a product is read, its text is prepared for the first write in slices of this many ms,
 * starting this long after the read: after the answer has gone out and, usually, after the page
 * has drawn the product (on a two-core machine the two would otherwise share a core). Even for a
 * large product this is done long before a write would need it.
 */
const WARM_SLICE_MS = 8;
const WARM_START_MS = 300;

export type ApplyAnswer = ApiOutput<'product.applyEdits'>;
export type SyncAnswer = ApiOutput<'product.sync'>;

/** What a disk check found: nothing, a reload, a new conflict, or a file that is gone or broken. */
export type DiskCheck = { kind: 'same' | 'reloaded' | 'conflict' | 'gone' | 'busy' } | { kind: 'broken'; reason: string };

export class ProductStore {
  readonly id: string;
  /** This run of the store: revisions count within it. */
  readonly epoch = randomUUID();
  private readonly log: EditLog;
  /** The product as it is on disk (as last read or written). */
  private savedProduct: Product;
  /** An upper bound of the file size the current product makes; null: measure on the next edit. */
  private sizeBound: number | null = null;
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
  private diskConflict: DiskConflict | null = null;
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
    this.savedProduct = initial;
    this.log = new EditLog(options.firstRevision);
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

  /** Set while the file changed on disk under unsaved edits; otherwise null. */
  get conflict(): DiskConflict | null {
    return this.diskConflict;
  }

  /** Edits accepted in memory that are not yet on disk. */
  get hasPendingEdits(): boolean {
    return this.revisionValue !== this.savedRevision;
  }

  /**
   * Apply edits made against exactly the current revision (a client without live sync); a stale
   * base is a `conflict`. Returns the new revision; the write follows later.
   */
  applyEdits(baseRevision: number, edits: readonly Edit[]): number {
    this.assertEditable();
    if (baseRevision !== this.revisionValue) {
      throw new ApiError(
        'conflict',
        `"${this.product.name}" has changed since your copy (revision ${this.revisionValue}, yours ${baseRevision}). Reopen it to continue from the latest version.`,
      );
    }
    return this.commit(edits, SERVICE_WRITER, undefined);
  }

  /**
   * A live window's batch: applied on top of the current revision unless another writer changed
   * one of its fields after `baseRevision` (a conflict naming them). A batch sent again after its
   * answer was lost is recognised by `seq`; another epoch, or a history that no longer reaches back
   * to `baseRevision`, answers `resync`.
   */
  applyClientEdits(batch: IncomingBatch): ApplyAnswer {
    this.assertEditable();
    const verdict = judgeBatch(this.log, { product: this.db.data, revision: this.revisionValue, epoch: this.epoch }, batch);
    switch (verdict.kind) {
      case 'resync':
        return { status: 'resync', revision: this.revisionValue, epoch: this.epoch };
      case 'resent':
        return { status: 'applied', revision: verdict.revision };
      case 'conflict':
        return { status: 'conflict', revision: this.revisionValue, fields: verdict.fields };
      case 'apply':
        return { status: 'applied', revision: this.commit(batch.edits, batch.clientId, batch.seq) };
    }
  }

  /** What a window that knows `knownRevision` of `epoch` is missing: the batches, or a snapshot. */
  syncFrom(epoch: string, knownRevision: number, clientId: string, seq: number | undefined): SyncAnswer {
    if (this.disposed) throw new ApiError('not-found', `The product "${this.id}" is no longer open.`);
    const sentRevision = seq === undefined ? null : (this.log.findSent(clientId, seq) ?? null);
    const batches = missingBatches(this.log, { revision: this.revisionValue, epoch: this.epoch }, epoch, knownRevision);
    if (batches === null) return { status: 'snapshot', ...this.snapshot(), sentRevision };
    return { status: 'edits', epoch: this.epoch, revision: this.revisionValue, savedRevision: this.savedRevision, conflict: this.diskConflict, sentRevision, batches };
  }

  /** The product as `product.open` answers it. */
  snapshot(): ApiOutput<'product.open'> {
    return {
      product: this.db.data,
      revision: this.revisionValue,
      migratedFrom: this.migratedFrom,
      epoch: this.epoch,
      savedRevision: this.savedRevision,
      conflict: this.diskConflict,
    };
  }

  /** Apply edits on top of whatever the current revision is (service-made edits such as a rename). */
  applyOwnEdits(edits: readonly Edit[]): number {
    this.assertEditable();
    return this.commit(edits, SERVICE_WRITER, undefined);
  }

  private assertEditable(): void {
    if (this.disposed) throw new ApiError('not-found', `The product "${this.id}" is no longer open.`);
  }

  /** Apply, validate, log and announce one batch; the write follows later. */
  private commit(edits: readonly Edit[], writer: string, seq: number | undefined): number {
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
      throw new ApiError('invalid-edit', `The change would make the product invalid: ${describeIssues({ issues, complete: false })}`);
    }
    this.checkSize(next, edits);
    this.db.data = next;
    this.revisionValue += 1;
    this.fileJson = null;
    const revision = this.revisionValue;
    this.log.append({ revision, clientId: writer, seq, edits, footprint: changedFields(previous, next) });
    this.options.emit({ type: 'product.edits', id: this.id, epoch: this.epoch, revision, clientId: writer, seq, edits: [...edits] });
    this.scheduleWrite();
    this.backUpAhead();
    return revision;
  }

  /**
   * Refuse a change that would make the file larger than the app reads back. Measuring exactly
   * costs about a millisecond at 10,000 stories, so it is done only when a safe upper bound (the
   * last exact size plus `SIZE_GROWTH_PER_CHAR` per character of the edits since) could pass the
   * limit; below that the bound grows with each edit.
   */
  private checkSize(next: Product, edits: readonly Edit[]): void {
    const limit = this.options.maxFileBytes ?? MAX_PRODUCT_FILE_BYTES;
    const bound = this.sizeBound === null ? Number.POSITIVE_INFINITY : this.sizeBound + SIZE_GROWTH_PER_CHAR * JSON.stringify(edits).length;
    if (bound <= limit) {
      this.sizeBound = bound;
      return;
    }
    // Measured as it would be written (the parts encoded now are reused by the write).
    const exact = this.adapter.fileSize(next);
    const tooLarge = oversizeReason(exact, limit);
    if (tooLarge !== null) throw new ApiError('invalid-edit', `The change was not made: ${tooLarge} Move some stories or specs into another product.`);
    this.sizeBound = exact;
  }

  /** On the first edit of a session, refresh the backup while the write waits for more edits. */
  private backUpAhead(): void {
    if (!this.options.backupOnFirstEdit || this.backupQueued || this.disposed || this.diskConflict || !this.adapter.backupDue()) return;
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
      if (this.diskConflict) throw new ApiError('conflict', this.diskConflict.message);
      if (this.inFlight) {
        // A write that started before this flush: wait for it, then judge by a write of our own.
        await this.inFlight;
        continue;
      }
      if (!this.hasPendingEdits) return this.revisionValue;
      this.clearTimer();
      const outcome = await this.startWrite();
      if (outcome === 'failed') throw new ApiError('io', this.lastError ?? `"${this.fileName}" could not be saved.`);
      if (outcome === 'conflict') throw new ApiError('conflict', this.conflict?.message ?? 'The file changed on disk.');
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
    if (this.disposed) return { kind: 'same' };
    const difference = await this.adapter.compareWithDisk();
    if (this.diskConflict) {
      // The file went back to the version we know (a checkout undone): carry on saving.
      if (difference === 'same') this.leaveConflict();
      return { kind: 'same' };
    }
    if (difference === 'same') return { kind: 'same' };
    if (this.hasPendingEdits) {
      this.enterConflict(difference);
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
      this.enterConflict('changed');
      return { kind: 'conflict' };
    }
    if (disk.kind === 'missing') return { kind: 'gone' };
    if (disk.kind === 'broken') return { kind: 'broken', reason: disk.reason };
    this.adopt(this.adapter.accept(disk), DISK_WRITER);
    return { kind: 'reloaded' };
  }

  /**
   * The learner's choice on a conflict with the file on disk. No choice loses a version: `take-disk`
   * first sets the unsaved version aside (and fails, changing nothing, if it cannot); `merge` only
   * when both sides changed different fields; `keep-mine-as-copy` is `take-disk` after the service
   * has written the unsaved version as a new product (`copied`).
   */
  async resolveConflict(choice: ConflictChoice, copy: (product: Product) => Promise<string> = () => Promise.reject(new Error('no copy'))): Promise<{ revision: number; copyId: string | null }> {
    return this.lock.run(async () => {
      const conflict = this.diskConflict;
      if (this.disposed) throw new ApiError('not-found', `The product "${this.id}" is no longer open.`);
      if (conflict === null) throw new ApiError('bad-request', `"${this.fileName}" has no conflict to resolve.`);
      if (choice === 'write-mine') {
        if (conflict.disk !== 'missing') throw new ApiError('bad-request', 'Writing your version back is only offered when the file was deleted or moved.');
        this.adapter.forgetFile();
        this.leaveConflict();
        return { revision: this.revisionValue, copyId: null };
      }
      // Mine is safe first: a copy that fails changes nothing.
      const copyId = choice === 'keep-mine-as-copy' ? await copy(this.product) : null;
      const disk = await this.adapter.load();
      // The disk version cannot be taken (gone or unreadable): the product stays as it is, mine is in the copy.
      if (copyId !== null && disk.kind !== 'ok') return { revision: this.revisionValue, copyId };
      if (disk.kind === 'missing') throw new ApiError('not-found', `"${this.fileName}" is no longer in the workspace; keep your version as a copy or write it back.`);
      if (disk.kind === 'broken') throw new ApiError('broken-file', `${this.fileName}: ${disk.reason}`);
      if (choice === 'merge') {
        const merged = this.mergeOnto(disk.product);
        if (merged === null) throw new ApiError('conflict', `Your edits and the version on disk of "${this.fileName}" now change the same fields, so they cannot be merged; keep yours as a copy or take the version on disk.`);
        this.adopt(this.adapter.accept(disk), DISK_WRITER);
        this.replaceWith(merged);
        return { revision: this.revisionValue, copyId: null };
      }
      if (choice === 'take-disk' && this.hasPendingEdits) await this.keepDiscarded();
      this.adopt(this.adapter.accept(disk), DISK_WRITER);
      return { revision: this.revisionValue, copyId };
    });
  }

  /**
   * The unsaved edits replayed on `disk`, when the two sides changed different fields and every
   * edit still applies to a valid product; otherwise null.
   */
  private mergeOnto(disk: Product): Product | null {
    const batches = this.log.since(this.savedRevision);
    const edits = batches === null || batches.some((b) => b.edits === null) ? null : batches.flatMap((b) => b.edits ?? []);
    const merged = mergeUnsaved(this.savedProduct, this.db.data, disk, edits);
    return merged !== null && validateChange(ProductSchema, disk, merged).length === 0 ? merged : null;
  }

  /** The merged version: one whole-product change on top of the disk version, then written. */
  private replaceWith(product: Product): void {
    const previous = this.db.data;
    this.db.data = product;
    this.sizeBound = null;
    this.revisionValue += 1;
    this.fileJson = null;
    this.log.append({ revision: this.revisionValue, clientId: SERVICE_WRITER, edits: null, footprint: changedFields(previous, product) });
    this.options.emit({ type: 'product.changed', id: this.id, epoch: this.epoch, revision: this.revisionValue });
    this.scheduleWrite();
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

  /** Take a version read from disk as the document (it is what is on disk: nothing to write). */
  private adopt(product: Product, writer: string): void {
    this.clearTimer();
    this.firstPendingAt = null;
    const previous = this.db.data;
    this.db.data = product;
    this.sizeBound = null;
    this.revisionValue += 1;
    this.savedRevision = this.revisionValue;
    this.savedProduct = product;
    this.fileJson = null;
    this.log.append({ revision: this.revisionValue, clientId: writer, edits: null, footprint: changedFields(previous, product) });
    this.scheduleWarm(WARM_START_MS);
    if (this.diskConflict) {
      this.diskConflict = null;
      this.options.emit({ type: 'product.conflict', id: this.id, epoch: this.epoch, conflict: null });
    }
    this.options.emit({ type: 'product.changed', id: this.id, epoch: this.epoch, revision: this.revisionValue });
    this.setState('saved', null, true);
  }

  /** Set the unsaved version aside (one file per discard, so none replaces an earlier one). */
  private async keepDiscarded(): Promise<void> {
    const { fs, folder, now, emit } = this.options;
    await saveRecoveredVersion(fs, folder, this.product, RECOVERY_REASONS.tookDiskVersion, now());
    emit({ type: 'workspace.changed' });
  }

  /**
   * The file on disk changed under unsaved edits: stop writing, say so, and find out (in the
   * background) whether the two versions can be merged.
   */
  private enterConflict(difference: DiskDifference): void {
    const message = this.adapter.externalChangeMessage(difference);
    this.diskConflict = { message, disk: difference, canMerge: false };
    this.clearTimer();
    this.firstPendingAt = null;
    this.announceConflict();
    this.setState('error', message, true);
    if (difference === 'changed') void this.findMerge();
  }

  private async findMerge(): Promise<void> {
    const conflict = this.diskConflict;
    const disk = await this.adapter.load().catch(() => null);
    if (conflict === null || this.diskConflict !== conflict || disk?.kind !== 'ok') return;
    const canMerge = this.mergeOnto(disk.product) !== null;
    if (canMerge === conflict.canMerge) return;
    this.diskConflict = { ...conflict, canMerge };
    this.announceConflict();
  }

  private announceConflict(): void {
    this.options.emit({ type: 'product.conflict', id: this.id, epoch: this.epoch, conflict: this.diskConflict });
  }

  private leaveConflict(): void {
    if (this.diskConflict === null) return;
    this.diskConflict = null;
    this.announceConflict();
    if (this.hasPendingEdits) this.arm(0, false);
    else this.setState('saved', null, true);
  }

  private scheduleWrite(): void {
    if (this.disposed || this.diskConflict) return;
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
      if (this.writeRequested && this.timer === null && !this.disposed && this.hasPendingEdits && !this.diskConflict) {
        void this.startWrite();
      }
    });
    this.inFlight = tracked;
    return tracked;
  }

  private async writeOnce(): Promise<WriteOutcome> {
    if (this.diskConflict) return 'conflict';
    if (this.disposed || !this.hasPendingEdits) return 'ok';
    const revision = this.revisionValue;
    const product = this.db.data;
    try {
      // Low.write hands the current `data` to the adapter, which serialises it before any await,
      // so what is written is exactly revision `revision`.
      await this.db.write();
    } catch (error) {
      if (error instanceof ExternalChangeError) {
        this.enterConflict(error.kind);
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
    if (revision > this.savedRevision) {
      this.savedRevision = revision;
      this.savedProduct = product;
    }
    this.failures = 0;
    this.lastError = null;
    if (!this.hasPendingEdits) this.firstPendingAt = null;
    // Every write is announced, so each window knows which of its edits are on disk.
    this.setState(this.hasPendingEdits ? 'saving' : 'saved', null, true);
    return 'ok';
  }

  private retryDelay(): number {
    const delays = this.options.retryDelaysMs;
    return delays[Math.min(this.failures - 1, delays.length - 1)] ?? 1000;
  }

  private setState(state: SaveState, message: string | null, always = false): void {
    if (!always && state === this.saveState) return;
    this.saveState = state;
    this.options.emit({
      type: 'product.saveState',
      id: this.id,
      epoch: this.epoch,
      state,
      revision: this.revisionValue,
      savedRevision: this.savedRevision,
      message,
    });
  }
}
