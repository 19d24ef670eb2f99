/**
 * The workspace service: every `WorkspaceApi` method over a folder of `<id>.product.json` files.
 *
 * - Inputs are validated again here (the transports already did, with `dispatchApiCall`): the
 *   service may be called directly, and ids are the only thing paths are built from.
 * - Open products are `ProductStore`s (lowdb + crash-safe, coalesced writes, conflict detection).
 * - Workspace-level operations that pick new ids or move files (create, duplicate, save a copy,
 *   delete, restore, switch folder) run one at a time, so two of them never choose the same id.
 * - A `FolderWatcher` rescans the folder: open products changed by another program are reloaded
 *   or put into conflict, and list changes are announced with `workspace.changed`.
 *
 * Deliberate behaviours worth knowing:
 * - `product.open` on a product in conflict loads the version on disk; the unsaved local version
 *   is set aside in `.backups/recovered/` (the client offers "save a copy" first).
 * - `close()` and switching folders set the unsaved edits of a product in conflict aside in
 *   `.backups/recovered/` too, rather than dropping them or overwriting the file. Set-aside
 *   versions are listed by `recovery.list` and restored as new products by `recovery.restore`.
 * - `close()` refuses (and stays open) while edits cannot be saved, unless forced.
 */
import { dirname, join, resolve } from 'node:path';
import type { z } from 'zod';
import {
  ApiError,
  apiMethods,
  type ApiInput,
  type ApiMethod,
  type ApiMethods,
  type ApiOutput,
  type WorkspaceEvent,
} from '../../shared/api/contract';
import { slugify, uniqueId } from '../../shared/model/ids';
import { practiceProgress } from '../../shared/practice/progress';
import { describeIssues, serializeProduct } from '../../shared/model/productFile';
import { LIMITS, type Product } from '../../shared/model/schema';
import { asciiJsonBytes } from './asciiJson';
import { atomicWrite } from './atomicWrite';
import { blankProduct } from './blankProduct';
import { NOT_A_FILE_REASON, oversizeReason, readDiskProduct, SYMLINK_REASON } from './diskProduct';
import { ensureRealFolder } from './ensureFolder';
import { FolderWatcher } from './folderWatcher';
import { errorCode, nodeFs, type FsAdapter, type FsStats } from './fsAdapter';
import { toApiError } from './fsErrors';
import { Mutex } from './mutex';
import {
  childPath,
  EXPORTS_DIR,
  checkPortableFileName,
  checkProductId,
  isPortableProductId,
  parseTrashFileName,
  PRODUCT_SUFFIX,
  productFileName,
  productPath,
  TRASH_DIR,
  trashPath,
  trashTimestamp,
} from './paths';
import { ProductStore, type DiskCheck } from './productStore';
import { removeStaleTempFiles } from './staleTempFiles';
import { deleteRecoveredVersion, listRecoveredVersions, readRecoveredVersion, RECOVERY_REASONS, saveRecoveredVersion } from './recoveredVersions';
import type { OpenAnswerJson, WorkspaceService, WorkspaceServiceOptions } from './service';
import { isProductFileName, readFolder, WorkspaceListing, type OpenProductView } from './workspaceListing';

/**
 * Edits this close together become one write. Short, because a write re-does only what the edits
 * replaced, which is cheap, and the sooner edits are on disk the less a
 * crash can lose; a burst of edits still writes at most once a second (`maxWriteDelayMs`).
 */
export const DEFAULT_WRITE_DELAY_MS = 50;

/** Seams for tests and tuning; the defaults are what the app uses. */
export interface WorkspaceServiceDeps {
  /** The file system (tests inject failures through `interceptFs`). */
  fs?: FsAdapter;
  /** A write starts at most this long after the first unsaved edit (default 1000 ms). */
  maxWriteDelayMs?: number;
  /** How often the `.bak` is refreshed while editing (default 10 minutes). */
  backupIntervalMs?: number;
  /**
   * Refresh a due backup as soon as the first edit arrives, while the write waits for more edits
   * (default true). Off, the write refreshes it itself (as it also does when this one failed).
   */
  backupOnFirstEdit?: boolean;
  /**
   * Turns the bytes of a product file into the compact ASCII JSON of its value, off the service's
   * thread (the web host passes a worker). `openAsJson` then answers with that text while the
   * service validates the same bytes, instead of stringifying the validated product afterwards.
   */
  fileJson?: (fileBytes: Uint8Array) => Promise<Uint8Array | null>;
  /** Delays between retries of a failed write; the last repeats (default 1 s, 2 s, 5 s, 10 s, 30 s). */
  retryDelaysMs?: readonly number[];
  /** Folder polling interval (default 1000 ms; 0 turns polling off). */
  pollIntervalMs?: number;
  /** Debounce of `fs.watch` events (default 100 ms). */
  watchDebounceMs?: number;
  /** Use `fs.watch` besides polling (default true). */
  useFsWatch?: boolean;
  /** How long an open file seen broken or missing must stay so before it counts (default 250 ms). */
  settleMs?: number;
  /**
   * The largest product file an edit or a new product may make (default `MAX_PRODUCT_FILE_BYTES`,
   * above which a file is not read, so whatever is saved opens again). Tests lower it.
   */
  maxProductFileBytes?: number;
  now?: () => number;
}

type Parsed<M extends ApiMethod> = z.output<ApiMethods[M]['input']>;

function parseInput<M extends ApiMethod>(method: M, input: unknown): Parsed<M> {
  const schema = apiMethods[method].input as unknown as z.ZodType<Parsed<M>>;
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw new ApiError('bad-request', `Invalid input for ${method}: ${describeIssues(result.error)}`);
  return result.data;
}

/** `name` shortened so that `name + suffix` fits a product name. */
function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, LIMITS.shortText - suffix.length).trimEnd()}${suffix}`;
}

interface StoreEntry {
  promise: Promise<ProductStore>;
  store: ProductStore | null;
  /** `product.open` calls not yet matched by a `product.close`. */
  openCount: number;
}

class Workspace {
  private folder: string;
  private readonly fs: FsAdapter;
  private readonly entries = new Map<string, StoreEntry>();
  /** The last revision of every product opened in this session, so reopening never reuses one. */
  private readonly revisions = new Map<string, number>();
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();
  private readonly opsLock = new Mutex();
  private readonly listing: WorkspaceListing;
  private watcher: FolderWatcher | null = null;
  private listingStamp: string | null = null;
  private closed = false;
  private readonly now: () => number;

  constructor(
    private readonly options: WorkspaceServiceOptions,
    private readonly deps: WorkspaceServiceDeps,
  ) {
    this.folder = resolve(options.folder);
    this.fs = deps.fs ?? nodeFs;
    this.now = deps.now ?? Date.now;
    this.listing = new WorkspaceListing(this.fs);
  }

  async start(): Promise<void> {
    await this.prepareFolder(this.folder);
    await removeStaleTempFiles(this.fs, this.folder, this.now());
    await this.startWatching();
  }

  // ---- events -------------------------------------------------------------------------------

  subscribe(listener: (event: WorkspaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private readonly emit = (event: WorkspaceEvent): void => {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A failing listener must not stop the others or the service.
      }
    }
  };

  // ---- folder and watching -------------------------------------------------------------------

  private async prepareFolder(folder: string): Promise<void> {
    try {
      await this.fs.mkdir(folder);
      const stats = await this.fs.stat(folder);
      if (!stats.isDirectory) throw new ApiError('io', `${folder} is not a folder.`);
    } catch (error) {
      throw toApiError(error, `opening the workspace folder ${folder}`);
    }
  }

  private async startWatching(): Promise<void> {
    this.listingStamp = await this.computeListingStamp().catch(() => null);
    this.watcher = new FolderWatcher({
      folder: this.folder,
      pollIntervalMs: this.deps.pollIntervalMs ?? 1000,
      debounceMs: this.deps.watchDebounceMs ?? 100,
      useFsWatch: this.deps.useFsWatch ?? true,
      scan: () => this.scan(),
    });
    this.watcher.start();
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.stop();
  }

  /** Check open products against the disk, and announce list changes. */
  private async scan(): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      const store = entry.store;
      if (store === null) continue;
      let check: DiskCheck;
      try {
        check = await store.checkDisk();
      } catch {
        continue; // unreadable right now (permissions, I/O); the next scan or write will tell
      }
      this.handleDiskCheck(store, check);
    }
    const stamp = await this.computeListingStamp();
    if (this.listingStamp !== null && stamp !== this.listingStamp) this.emit({ type: 'workspace.changed' });
    this.listingStamp = stamp;
  }

  private handleDiskCheck(store: ProductStore, check: DiskCheck): void {
    switch (check.kind) {
      case 'reloaded':
        this.emit({ type: 'workspace.changed' });
        return;
      case 'gone':
        this.forget(store);
        this.emit({ type: 'workspace.changed' });
        return;
      case 'broken':
        this.forget(store);
        this.emit({
          type: 'product.conflict',
          id: store.id,
          epoch: store.epoch,
          conflict: {
            message: `"${store.fileName}" was changed by another program and can no longer be read: ${check.reason} The file was left as it is.`,
            disk: 'broken',
            canMerge: false,
          },
        });
        this.emit({ type: 'workspace.changed' });
        return;
      default:
        return;
    }
  }

  /**
   * A fingerprint of the product files in the folder. Open products count by name only: their
   * own saves are not list changes (a rename announces itself), and other programs' changes to them
   * are found by `checkDisk`.
   */
  private async computeListingStamp(): Promise<string> {
    const parts: string[] = [];
    for (const d of await readFolder(this.fs, this.folder)) {
      if (!isProductFileName(d.name)) continue;
      const stem = d.name.slice(0, -PRODUCT_SUFFIX.length);
      if (this.entries.get(stem)?.store) {
        parts.push(d.name);
        continue;
      }
      const stats = await this.fs.lstat(join(this.folder, d.name)).catch(() => null);
      parts.push(stats ? `${d.name}:${stats.size}:${stats.mtimeMs}:${stats.ino}` : d.name);
    }
    return parts.sort().join('\n');
  }

  // ---- open products -------------------------------------------------------------------------

  private assertOpen(): void {
    if (this.closed) throw new ApiError('internal', 'The workspace service has been closed.');
  }

  private getStore(id: string): Promise<ProductStore> {
    this.assertOpen();
    checkProductId(id);
    const existing = this.entries.get(id);
    if (existing) return existing.promise;
    const last = this.revisions.get(id);
    const opening = ProductStore.open({
      fs: this.fs,
      folder: this.folder,
      id,
      firstRevision: last === undefined ? 0 : last + 1,
      writeDelayMs: this.options.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS,
      maxWriteDelayMs: this.deps.maxWriteDelayMs ?? 1000,
      backupIntervalMs: this.deps.backupIntervalMs ?? 10 * 60 * 1000,
      backupOnFirstEdit: this.deps.backupOnFirstEdit ?? true,
      retryDelaysMs: this.deps.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000],
      emit: this.emit,
      now: this.now,
      settleMs: this.deps.settleMs ?? 250,
      ...(this.deps.maxProductFileBytes === undefined ? {} : { maxFileBytes: this.deps.maxProductFileBytes }),
      ...(this.deps.fileJson ? { fileJson: this.deps.fileJson } : {}),
    });
    // Everyone waiting for this store (also a second, concurrent open) gets the same ApiError.
    const promise = opening.catch((error: unknown) => {
      throw toApiError(error, `opening ${productFileName(id)}`);
    });
    const entry: StoreEntry = { promise, store: null, openCount: 0 };
    this.entries.set(id, entry);
    promise.then(
      (store) => {
        entry.store = store;
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    );
    return promise;
  }

  /** Close a store without writing (its file is gone, broken, moved to the trash, …). */
  private forget(store: ProductStore): void {
    const entry = this.entries.get(store.id);
    if (entry?.store === store) this.entries.delete(store.id);
    this.revisions.set(store.id, Math.max(this.revisions.get(store.id) ?? 0, store.revision));
    store.dispose();
  }

  private openView(id: string): OpenProductView | null {
    const store = this.entries.get(id)?.store;
    if (!store) return null;
    const p = store.product;
    return { name: p.name, summary: p.summary, storyCount: p.stories.length, migratedFrom: store.migratedFrom, practice: practiceProgress(p.practice) };
  }

  /**
   * Flush and close every open product. Products in conflict have their unsaved edits saved as a
   * new product; products that cannot be saved (disk full, …) are reported in the returned list.
   */
  private async closeAllStores(): Promise<string[]> {
    const problems: string[] = [];
    const entries = [...this.entries.values()];
    this.entries.clear();
    for (const entry of entries) {
      const store = await entry.promise.catch(() => null);
      if (store === null) continue;
      try {
        await store.flush();
      } catch (error) {
        if (store.conflict !== null && store.hasPendingEdits) {
          try {
            // Set aside, not written as a product: no id to choose while closing, and the start
            // screen offers it under "Recovered versions" with the reason, until it is deleted.
            await saveRecoveredVersion(this.fs, this.folder, store.product, RECOVERY_REASONS.serviceClosed, this.now());
            problems.push(`"${store.fileName}" changed on disk; your unsaved edits were kept under "Recovered versions" on the start screen.`);
          } catch (copyError) {
            problems.push(`"${store.fileName}": ${copyError instanceof Error ? copyError.message : String(copyError)}`);
          }
        } else if (store.hasPendingEdits) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
      this.revisions.set(store.id, store.revision);
      store.dispose();
    }
    return problems;
  }

  // ---- new files -----------------------------------------------------------------------------

  /** Ids in use: every product-like file name (case-folded) and every open product. */
  private async takenIds(): Promise<Set<string>> {
    const taken = new Set<string>(this.entries.keys());
    for (const d of await readFolder(this.fs, this.folder)) {
      if (d.name.endsWith(PRODUCT_SUFFIX)) taken.add(d.name.slice(0, -PRODUCT_SUFFIX.length).toLowerCase());
    }
    return taken;
  }

  /** Write `product` as a new file under its id; `exists` if a file already has that name. */
  private async writeNewProduct(product: Product): Promise<void> {
    checkPortableFileName(productFileName(product.id));
    const path = productPath(this.folder, product.id);
    const data = Buffer.from(serializeProduct(product), 'utf8');
    const tooLarge = oversizeReason(data.byteLength, this.deps.maxProductFileBytes);
    if (tooLarge !== null) throw new ApiError('bad-request', `"${product.name}" was not saved: ${tooLarge}`);
    try {
      await this.fs.lstat(path);
      throw new ApiError('exists', `A product file named "${productFileName(product.id)}" already exists.`);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw toApiError(error, `checking ${productFileName(product.id)}`);
    }
    try {
      // Look again right before the rename: another program may have made the file meanwhile.
      await atomicWrite(this.fs, path, data, { beforeReplace: () => this.assertNoFile(path, product.id) });
    } catch (error) {
      throw toApiError(error, `saving ${productFileName(product.id)}`);
    }
  }

  private async assertNoFile(path: string, id: string): Promise<void> {
    if ((await this.lstatOrNull(path, `checking ${productFileName(id)}`)) !== null) {
      throw new ApiError('exists', `A product file named "${productFileName(id)}" already exists.`);
    }
  }

  /** Save `product` under a new unique id derived from `name`; call inside `opsLock`. */
  private async writeCopy(product: Product, name: string): Promise<string> {
    const id = uniqueId(slugify(name), await this.takenIds(), isPortableProductId);
    await this.writeNewProduct({ ...product, id, name });
    this.emit({ type: 'workspace.changed' });
    return id;
  }

  // ---- API methods ---------------------------------------------------------------------------

  async info(raw: ApiInput<'workspace.info'>): Promise<ApiOutput<'workspace.info'>> {
    parseInput('workspace.info', raw);
    this.assertOpen();
    return { folder: this.folder, canChooseFolder: this.options.chooseFolder !== undefined };
  }

  async chooseFolder(raw: ApiInput<'workspace.chooseFolder'>): Promise<ApiOutput<'workspace.chooseFolder'>> {
    parseInput('workspace.chooseFolder', raw);
    this.assertOpen();
    const choose = this.options.chooseFolder;
    if (!choose) throw new ApiError('unsupported', 'Choosing a workspace folder is only possible in the desktop app.');
    const chosen = await choose();
    if (chosen === null) return { folder: null };
    const folder = resolve(chosen);
    return this.opsLock.run(async () => {
      if (folder === this.folder) return { folder };
      await this.prepareFolder(folder);
      await removeStaleTempFiles(this.fs, folder, this.now());
      // Save everything first; if something cannot be saved, stay in the current folder.
      for (const entry of this.entries.values()) {
        const store = await entry.promise.catch(() => null);
        if (store && store.conflict === null) await store.flush();
      }
      await this.stopWatching();
      await this.closeAllStores();
      this.folder = folder;
      this.listing.clear();
      await this.startWatching();
      this.emit({ type: 'workspace.changed' });
      return { folder };
    });
  }

  async list(raw: ApiInput<'products.list'>): Promise<ApiOutput<'products.list'>> {
    parseInput('products.list', raw);
    this.assertOpen();
    try {
      const products = await this.listing.products(this.folder, (id) => this.openView(id));
      const samples = await this.listing.samples(this.options.samplesFolder);
      return { products, samples };
    } catch (error) {
      throw toApiError(error, 'listing the workspace folder');
    }
  }

  async open(raw: ApiInput<'product.open'>): Promise<ApiOutput<'product.open'>> {
    const { id } = parseInput('product.open', raw);
    const store = await this.getStore(id);
    try {
      // Make sure what we hand out is what is on disk now, not what the last poll saw. (A product
      // in conflict opens with its unsaved edits and the conflict, for the learner to choose.)
      const check = await store.checkDisk();
      this.handleDiskCheck(store, check);
      if (check.kind === 'gone') throw new ApiError('not-found', `There is no product "${id}" in the workspace any more.`);
      if (check.kind === 'broken') throw new ApiError('broken-file', `${store.fileName}: ${check.reason}`);
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'not-found' || error.code === 'broken-file')) this.forget(store);
      throw toApiError(error, `opening ${store.fileName}`);
    }
    const entry = this.entries.get(id);
    if (entry?.store === store) entry.openCount += 1;
    return store.snapshot();
  }

  /**
   * A client stopped showing the product. Once no client shows it and its edits are on disk, the
   * store is let go: a large product's store holds a lot of memory, and a session that opens
   * several would otherwise keep them all. (A store in conflict or unable to save stays, with its
   * edits, until the service closes.)
   */
  async closeProduct(raw: ApiInput<'product.close'>): Promise<ApiOutput<'product.close'>> {
    const { id } = parseInput('product.close', raw);
    const entry = this.entries.get(id);
    if (!entry?.store || entry.openCount === 0) return {};
    entry.openCount -= 1;
    if (entry.openCount > 0) return {};
    const store = entry.store;
    try {
      await store.flush();
    } catch {
      return {};
    }
    if (this.entries.get(id) === entry && entry.openCount === 0 && !store.hasPendingEdits && store.conflict === null) this.forget(store);
    return {};
  }

  async openAsJson(raw: unknown): Promise<OpenAnswerJson> {
    const { id } = parseInput('product.open', raw);
    const opened = await this.open({ id });
    const store = this.entries.get(id)?.store;
    const productJson = store ? await store.productJson(opened.revision) : null;
    if (productJson === null) return { parts: [asciiJsonBytes(JSON.stringify(opened))], fromFile: false };
    const { product: _product, ...rest } = opened;
    const tail = `,${JSON.stringify(rest).slice(1)}`;
    return { parts: [Buffer.from('{"product":', 'latin1'), productJson, Buffer.from(tail, 'latin1')], fromFile: true };
  }

  async create(raw: ApiInput<'product.create'>): Promise<ApiOutput<'product.create'>> {
    const { name } = parseInput('product.create', raw);
    this.assertOpen();
    return this.opsLock.run(async () => {
      const id = uniqueId(slugify(name), await this.takenIds(), isPortableProductId);
      await this.writeNewProduct(blankProduct(id, name));
      this.emit({ type: 'workspace.changed' });
      return { id };
    });
  }

  async createFromSample(raw: ApiInput<'product.createFromSample'>): Promise<ApiOutput<'product.createFromSample'>> {
    const input = parseInput('product.createFromSample', raw);
    this.assertOpen();
    // The sample is only read, never written.
    const path = childPath(this.options.samplesFolder, input.sampleId, PRODUCT_SUFFIX);
    let disk;
    try {
      disk = await readDiskProduct(this.fs, path, input.sampleId);
    } catch (error) {
      throw toApiError(error, `reading the sample "${input.sampleId}"`);
    }
    if (disk.kind === 'missing') throw new ApiError('not-found', `There is no sample "${input.sampleId}".`);
    if (disk.kind === 'broken') throw new ApiError('broken-file', `The sample "${input.sampleId}" is damaged: ${disk.reason}`);
    const sample = disk.product;
    return this.opsLock.run(async () => ({ id: await this.writeCopy(sample, input.name ?? sample.name) }));
  }

  async duplicate(raw: ApiInput<'product.duplicate'>): Promise<ApiOutput<'product.duplicate'>> {
    const input = parseInput('product.duplicate', raw);
    this.assertOpen();
    const source = await this.currentProduct(input.id);
    return this.opsLock.run(async () => ({ id: await this.writeCopy(source, input.name ?? withSuffix(source.name, ' (copy)')) }));
  }

  /** The product as the learner sees it: the open document (with unsaved edits) or the file. */
  private async currentProduct(id: string): Promise<Product> {
    checkProductId(id);
    const open = this.entries.get(id)?.store;
    if (open) return open.product;
    let disk;
    try {
      disk = await readDiskProduct(this.fs, productPath(this.folder, id), id);
    } catch (error) {
      throw toApiError(error, `reading ${productFileName(id)}`);
    }
    if (disk.kind === 'missing') throw new ApiError('not-found', `There is no product "${id}" in the workspace.`);
    if (disk.kind === 'broken') throw new ApiError('broken-file', `${productFileName(id)}: ${disk.reason}`);
    return disk.product;
  }

  async rename(raw: ApiInput<'product.rename'>): Promise<ApiOutput<'product.rename'>> {
    const { id, name } = parseInput('product.rename', raw);
    const store = await this.getStore(id);
    const revision = store.applyOwnEdits([{ type: 'product.update', patch: { name } }]);
    this.emit({ type: 'workspace.changed' });
    return { revision };
  }

  async delete(raw: ApiInput<'product.delete'>): Promise<ApiOutput<'product.delete'>> {
    const { id } = parseInput('product.delete', raw);
    this.assertOpen();
    return this.opsLock.run(async () => {
      const path = productPath(this.folder, id);
      const stats = await this.lstatOrNull(path, `deleting ${productFileName(id)}`);
      if (stats === null) throw new ApiError('not-found', `There is no product "${id}" in the workspace.`);
      if (stats.isSymbolicLink) throw new ApiError('broken-file', `${productFileName(id)}: ${SYMLINK_REASON}`);
      if (!stats.isFile) throw new ApiError('broken-file', `${productFileName(id)}: ${NOT_A_FILE_REASON}`);
      const entry = this.entries.get(id);
      const store = entry ? await entry.promise.catch(() => null) : null;
      // Put the latest saved version in the trash. If it cannot be saved (disk full, or the file
      // changed on disk), the version on disk is what goes to the trash.
      if (store) await store.flush().catch(() => undefined);
      let trashId: string;
      try {
        // The product stays open until its file has moved: if the move fails (a read-only
        // folder, a file in use), it keeps its unsaved edits and the error is the move's own.
        // Its writes wait meanwhile, so none can land after the file has gone.
        trashId = store ? await store.whileNotWriting(() => this.moveToTrash(id, path)) : await this.moveToTrash(id, path);
      } catch (error) {
        throw toApiError(error, `moving ${productFileName(id)} to the trash`);
      }
      if (store) this.forget(store);
      this.emit({ type: 'workspace.changed' });
      try {
        await this.fs.fsyncDir(this.folder);
        await this.fs.fsyncDir(join(this.folder, TRASH_DIR));
      } catch (error) {
        throw toApiError(error, `making the move of ${productFileName(id)} to the trash durable`);
      }
      return { trashId };
    });
  }

  /** Rename the product file into `.trash/` under a free trash id, and return that id. */
  private async moveToTrash(id: string, path: string): Promise<string> {
    await ensureRealFolder(this.fs, join(this.folder, TRASH_DIR));
    let stamp = this.now();
    let trashId = `${id}.${trashTimestamp(stamp)}`;
    while ((await this.lstatOrNull(trashPath(this.folder, trashId), 'choosing a trash name')) !== null) {
      stamp += 1;
      trashId = `${id}.${trashTimestamp(stamp)}`;
    }
    await this.fs.rename(path, trashPath(this.folder, trashId));
    return trashId;
  }

  async trashList(raw: ApiInput<'trash.list'>): Promise<ApiOutput<'trash.list'>> {
    parseInput('trash.list', raw);
    this.assertOpen();
    try {
      return { entries: await this.listing.trash(this.folder) };
    } catch (error) {
      throw toApiError(error, 'listing the trash');
    }
  }

  async trashRestore(raw: ApiInput<'trash.restore'>): Promise<ApiOutput<'trash.restore'>> {
    const { trashId } = parseInput('trash.restore', raw);
    this.assertOpen();
    return this.opsLock.run(async () => {
      const source = trashPath(this.folder, trashId);
      const parsed = parseTrashFileName(`${trashId}${PRODUCT_SUFFIX}`);
      const stats = await this.lstatOrNull(source, 'restoring from the trash');
      if (parsed === null || stats === null) throw new ApiError('not-found', 'That product is no longer in the trash.');
      if (stats.isSymbolicLink || !stats.isFile) throw new ApiError('broken-file', `The trash entry is not a regular file: ${NOT_A_FILE_REASON}`);
      const taken = await this.takenIds();
      try {
        if (!taken.has(parsed.productId) && isPortableProductId(parsed.productId)) {
          // Its own name is free: put the file back exactly as it was.
          await this.fs.rename(source, productPath(this.folder, parsed.productId));
          await this.fs.fsyncDir(this.folder);
          await this.fs.fsyncDir(join(this.folder, TRASH_DIR));
          this.emit({ type: 'workspace.changed' });
          return { id: parsed.productId };
        }
        const disk = await readDiskProduct(this.fs, source, parsed.productId);
        if (disk.kind === 'missing') throw new ApiError('not-found', 'That product is no longer in the trash.');
        if (disk.kind === 'broken') {
          throw new ApiError(
            'broken-file',
            `"${parsed.productId}" is taken, and the trashed file cannot be restored under a new name because it is damaged: ${disk.reason}`,
          );
        }
        const id = uniqueId(parsed.productId, taken, isPortableProductId);
        await this.writeNewProduct({ ...disk.product, id });
        await this.fs.unlink(source);
        this.emit({ type: 'workspace.changed' });
        return { id };
      } catch (error) {
        throw toApiError(error, 'restoring from the trash');
      }
    });
  }

  async recoveryList(raw: ApiInput<'recovery.list'>): Promise<ApiOutput<'recovery.list'>> {
    parseInput('recovery.list', raw);
    this.assertOpen();
    try {
      return { entries: await listRecoveredVersions(this.fs, this.folder) };
    } catch (error) {
      throw toApiError(error, 'listing the recovered versions');
    }
  }

  /** A recovered version as a new product (its own id taken or not); the version itself stays. */
  async recoveryRestore(raw: ApiInput<'recovery.restore'>): Promise<ApiOutput<'recovery.restore'>> {
    const { recoveryId, name } = parseInput('recovery.restore', raw);
    this.assertOpen();
    return this.opsLock.run(async () => {
      const product = await readRecoveredVersion(this.fs, this.folder, recoveryId);
      return { id: await this.writeCopy(product, name ?? withSuffix(product.name, ' (recovered)')) };
    });
  }

  async recoveryDelete(raw: ApiInput<'recovery.delete'>): Promise<ApiOutput<'recovery.delete'>> {
    const { recoveryId } = parseInput('recovery.delete', raw);
    this.assertOpen();
    return this.opsLock.run(async () => {
      await deleteRecoveredVersion(this.fs, this.folder, recoveryId);
      this.emit({ type: 'workspace.changed' });
      return {};
    });
  }

  async applyEdits(raw: ApiInput<'product.applyEdits'>): Promise<ApiOutput<'product.applyEdits'>> {
    const { id, baseRevision, edits, clientId, seq, epoch, touched } = parseInput('product.applyEdits', raw);
    const store = await this.getStore(id);
    if (clientId === undefined) return { status: 'applied', revision: store.applyEdits(baseRevision, edits) };
    return store.applyClientEdits({ baseRevision, edits, clientId, seq, epoch, touched });
  }

  async sync(raw: ApiInput<'product.sync'>): Promise<ApiOutput<'product.sync'>> {
    const { id, epoch, knownRevision, clientId, seq } = parseInput('product.sync', raw);
    const store = await this.getStore(id);
    return store.syncFrom(epoch, knownRevision, clientId, seq);
  }

  async resolveConflict(raw: ApiInput<'product.resolveConflict'>): Promise<ApiOutput<'product.resolveConflict'>> {
    const { id, choice } = parseInput('product.resolveConflict', raw);
    const store = await this.getStore(id);
    // The workspace lock first, then the store's (the order delete takes them in).
    const answer = await this.opsLock.run(() => store.resolveConflict(choice, (product) => this.writeCopy(product, withSuffix(product.name, ' (my copy)'))));
    this.emit({ type: 'workspace.changed' });
    return answer;
  }

  async saveCopy(raw: ApiInput<'product.saveCopy'>): Promise<ApiOutput<'product.saveCopy'>> {
    const { product, name } = parseInput('product.saveCopy', raw);
    this.assertOpen();
    return this.opsLock.run(async () => ({ id: await this.writeCopy(product, name) }));
  }

  /** `<workspace>/exports/<productId>/<fileName>`, written crash-safely. */
  private async writeExport(productId: string, fileName: string, data: Uint8Array): Promise<string> {
    const exportsRoot = resolve(this.folder, EXPORTS_DIR);
    const dir = childPath(exportsRoot, checkPortableFileName(productId), '');
    const path = resolve(dir, checkPortableFileName(fileName));
    if (dirname(path) !== dir) throw new ApiError('bad-request', 'That export name would leave the exports folder.');
    try {
      await ensureRealFolder(this.fs, exportsRoot);
      await ensureRealFolder(this.fs, dir);
      await atomicWrite(this.fs, path, data);
    } catch (error) {
      throw toApiError(error, `writing the export ${fileName}`);
    }
    return path;
  }

  async exportSave(raw: ApiInput<'export.save'>): Promise<ApiOutput<'export.save'>> {
    const { productId, fileName, content } = parseInput('export.save', raw);
    return { path: await this.writeExport(productId, fileName, Buffer.from(content, 'utf8')) };
  }

  async exportPdf(raw: ApiInput<'export.pdf'>): Promise<ApiOutput<'export.pdf'>> {
    const { productId, fileName, html } = parseInput('export.pdf', raw);
    const render = this.options.renderPdf;
    if (!render) throw new ApiError('unsupported', 'PDF export is done by the browser here: use its print dialog and choose “Save as PDF”.');
    let pdf: Uint8Array;
    try {
      pdf = await render(html);
    } catch (error) {
      throw new ApiError('internal', `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { path: await this.writeExport(productId, fileName, pdf) };
  }

  async flush(raw: ApiInput<'product.flush'>): Promise<ApiOutput<'product.flush'>> {
    const { id } = parseInput('product.flush', raw);
    const store = await this.getStore(id);
    return { revision: await store.flush() };
  }

  async close(options: { force?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    if (!options.force) {
      // Try to save everything first, while the service still works: if something cannot be
      // saved, stay open rather than drop the learner's edits.
      const unsaved = await this.opsLock.run(() => this.flushBeforeClose());
      if (unsaved.length > 0 && !this.closed) {
        throw new ApiError('io', `Some edits could not be saved, so the workspace was not closed: ${unsaved.join(' ')}`);
      }
      if (this.closed) return;
    }
    this.closed = true;
    await this.stopWatching();
    const problems = await this.opsLock.run(() => this.closeAllStores());
    this.listeners.clear();
    if (problems.length > 0) throw new ApiError('io', `Some products could not be saved: ${problems.join(' ')}`);
  }

  /** Flush every open product not in conflict; the problems of those that could not be saved. */
  private async flushBeforeClose(): Promise<string[]> {
    const problems: string[] = [];
    for (const entry of [...this.entries.values()]) {
      const store = await entry.promise.catch(() => null);
      if (store === null || store.conflict !== null) continue; // saved as a copy when closing
      try {
        await store.flush();
      } catch (error) {
        if (store.hasPendingEdits && store.conflict === null) problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    return problems;
  }

  private async lstatOrNull(path: string, action: string): Promise<FsStats | null> {
    try {
      return await this.fs.lstat(path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw toApiError(error, action);
    }
  }
}

/**
 * Create the service for `options.folder` (created if missing). `deps` holds seams for tests (an
 * fs adapter with injected faults, polling speed); the app passes none.
 */
export async function createWorkspaceService(options: WorkspaceServiceOptions, deps: WorkspaceServiceDeps = {}): Promise<WorkspaceService> {
  const ws = new Workspace(options, deps);
  await ws.start();
  const service: WorkspaceService = {
    'workspace.info': (input) => ws.info(input),
    'workspace.chooseFolder': (input) => ws.chooseFolder(input),
    'products.list': (input) => ws.list(input),
    'product.open': (input) => ws.open(input),
    openAsJson: (input) => ws.openAsJson(input),
    'product.create': (input) => ws.create(input),
    'product.createFromSample': (input) => ws.createFromSample(input),
    'product.duplicate': (input) => ws.duplicate(input),
    'product.rename': (input) => ws.rename(input),
    'product.delete': (input) => ws.delete(input),
    'trash.list': (input) => ws.trashList(input),
    'trash.restore': (input) => ws.trashRestore(input),
    'recovery.list': (input) => ws.recoveryList(input),
    'recovery.restore': (input) => ws.recoveryRestore(input),
    'recovery.delete': (input) => ws.recoveryDelete(input),
    'product.applyEdits': (input) => ws.applyEdits(input),
    'product.sync': (input) => ws.sync(input),
    'product.resolveConflict': (input) => ws.resolveConflict(input),
    'product.saveCopy': (input) => ws.saveCopy(input),
    'product.flush': (input) => ws.flush(input),
    'product.close': (input) => ws.closeProduct(input),
    'export.save': (input) => ws.exportSave(input),
    'export.pdf': (input) => ws.exportPdf(input),
    subscribe: (listener) => ws.subscribe(listener),
    close: (options) => ws.close(options),
  };
  return service;
}
