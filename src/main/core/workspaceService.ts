/**
 * The workspace service: every `WorkspaceApi` method over a folder of `<id>.product.json` files,
 * as handlers grouped by domain (`handlers/`: workspace, products, edits, trash, recovery,
 * exports) and combined into one map. Input arrives validated (`dispatchApiCall` is the only
 * validation); ids are the only thing paths are built from, and `paths.ts` checks them again.
 *
 * - Open products are `ProductStore`s (`openProducts.ts`): lowdb over a crash-safe adapter,
 *   coalesced writes, conflict detection, edits from many windows.
 * - Workspace-level operations that pick new ids or move files (create, duplicate, save a copy,
 *   delete, restore, switch folder) run one at a time (`exclusive`), so two of them never choose
 *   the same id (`newProducts.ts`).
 * - `folderScan.ts` rescans the folder: open products changed by another program are reloaded or
 *   put into conflict, and list changes are announced with `workspace.changed`.
 * - `close()` and switching folders set the unsaved edits of a product in conflict aside under
 *   `.backups/recovered/`, and `close()` refuses (and stays open) while edits cannot be saved,
 *   unless forced.
 */
import { resolve } from 'node:path';
import { ApiError, type ApiParsedInput, type WorkspaceEvent } from '../../shared/api/contract';
import type { Product } from '../../shared/model/schema';
import { asciiJsonBytes } from './asciiJson';
import { readDiskProduct } from './diskProduct';
import { FolderScan } from './folderScan';
import { nodeFs, type FsAdapter } from './fsAdapter';
import { toApiError } from './fsErrors';
import type { WorkspaceContext } from './handlers/context';
import { editHandlers } from './handlers/editHandlers';
import { exportHandlers } from './handlers/exportHandlers';
import { productHandlers } from './handlers/productHandlers';
import { recoveryHandlers } from './handlers/recoveryHandlers';
import { trashHandlers } from './handlers/trashHandlers';
import { workspaceHandlers } from './handlers/workspaceHandlers';
import { Mutex } from './mutex';
import { NewProducts } from './newProducts';
import { OpenProducts } from './openProducts';
import { checkProductId, productFileName, productPath } from './paths';
import { removeStaleTempFiles } from './staleTempFiles';
import type { OpenAnswerJson, WorkspaceService, WorkspaceServiceOptions } from './service';
import { WorkspaceListing } from './workspaceListing';

/**
 * Edits this close together become one write. Short, because a write re-does only what the edits
 * replaced, which is cheap, and the sooner edits are on disk the less a crash can lose; a burst of
 * edits still writes at most once a second (`maxWriteDelayMs`).
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

/** The state the handlers share, and the service's life: start, switching folders, close. */
class Workspace implements WorkspaceContext {
  private currentFolder: string;
  readonly fs: FsAdapter;
  readonly now: () => number;
  readonly stores: OpenProducts;
  readonly newProducts: NewProducts;
  readonly listing: WorkspaceListing;
  readonly folderScan: FolderScan;
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>();
  private readonly opsLock = new Mutex();
  private closed = false;

  constructor(
    readonly options: WorkspaceServiceOptions,
    deps: WorkspaceServiceDeps,
  ) {
    this.currentFolder = resolve(options.folder);
    this.fs = deps.fs ?? nodeFs;
    this.now = deps.now ?? Date.now;
    this.listing = new WorkspaceListing(this.fs);
    this.stores = new OpenProducts(this.fs, () => this.currentFolder, {
      fs: this.fs,
      writeDelayMs: options.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS,
      maxWriteDelayMs: deps.maxWriteDelayMs ?? 1000,
      backupIntervalMs: deps.backupIntervalMs ?? 10 * 60 * 1000,
      backupOnFirstEdit: deps.backupOnFirstEdit ?? true,
      retryDelaysMs: deps.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000],
      emit: this.emit,
      now: this.now,
      settleMs: deps.settleMs ?? 250,
      ...(deps.maxProductFileBytes === undefined ? {} : { maxFileBytes: deps.maxProductFileBytes }),
      ...(deps.fileJson ? { fileJson: deps.fileJson } : {}),
    });
    this.newProducts = new NewProducts({
      fs: this.fs,
      folder: () => this.currentFolder,
      openIds: () => this.stores.ids(),
      emit: this.emit,
      maxFileBytes: deps.maxProductFileBytes,
    });
    this.folderScan = new FolderScan({
      fs: this.fs,
      stores: this.stores,
      emit: this.emit,
      pollIntervalMs: deps.pollIntervalMs ?? 1000,
      debounceMs: deps.watchDebounceMs ?? 100,
      useFsWatch: deps.useFsWatch ?? true,
    });
  }

  folder(): string {
    return this.currentFolder;
  }

  async start(): Promise<void> {
    await this.prepareFolder(this.currentFolder);
    await removeStaleTempFiles(this.fs, this.currentFolder, this.now());
    await this.folderScan.start(this.currentFolder);
  }

  subscribe(listener: (event: WorkspaceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  readonly emit = (event: WorkspaceEvent): void => {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A failing listener must not stop the others or the service.
      }
    }
  };

  exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.opsLock.run(task);
  }

  assertOpen(): void {
    if (this.closed) throw new ApiError('internal', 'The workspace service has been closed.');
  }

  private async prepareFolder(folder: string): Promise<void> {
    try {
      await this.fs.mkdir(folder);
      const stats = await this.fs.stat(folder);
      if (!stats.isDirectory) throw new ApiError('io', `${folder} is not a folder.`);
    } catch (error) {
      throw toApiError(error, `opening the workspace folder ${folder}`);
    }
  }

  async switchFolder(folder: string): Promise<void> {
    await this.prepareFolder(folder);
    await removeStaleTempFiles(this.fs, folder, this.now());
    // Save everything first; if something cannot be saved, stay in the current folder.
    for (const store of await this.stores.all()) if (store.conflict === null) await store.flush();
    await this.folderScan.stop();
    await this.stores.closeAll(this.now());
    this.currentFolder = folder;
    this.listing.clear();
    await this.folderScan.start(folder);
    this.emit({ type: 'workspace.changed' });
  }

  async currentProduct(id: string): Promise<Product> {
    checkProductId(id);
    const open = this.stores.opened(id);
    if (open) return open.product;
    let disk;
    try {
      disk = await readDiskProduct(this.fs, productPath(this.currentFolder, id), id);
    } catch (error) {
      throw toApiError(error, `reading ${productFileName(id)}`);
    }
    if (disk.kind === 'missing') throw new ApiError('not-found', `There is no product "${id}" in the workspace.`);
    if (disk.kind === 'broken') throw new ApiError('broken-file', `${productFileName(id)}: ${disk.reason}`);
    return disk.product;
  }

  async close(options: { force?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    if (!options.force) {
      // Try to save everything first, while the service still works: if something cannot be
      // saved, stay open rather than drop the learner's edits.
      const unsaved = await this.opsLock.run(() => this.stores.flushAll());
      if (unsaved.length > 0 && !this.closed) {
        throw new ApiError('io', `Some edits could not be saved, so the workspace was not closed: ${unsaved.join(' ')}`);
      }
      if (this.closed) return;
    }
    this.closed = true;
    await this.folderScan.stop();
    const problems = await this.opsLock.run(() => this.stores.closeAll(this.now()));
    this.listeners.clear();
    if (problems.length > 0) throw new ApiError('io', `Some products could not be saved: ${problems.join(' ')}`);
  }
}

/**
 * Create the service for `options.folder` (created if missing). `deps` holds seams for tests (an
 * fs adapter with injected faults, polling speed); the app passes none.
 */
export async function createWorkspaceService(options: WorkspaceServiceOptions, deps: WorkspaceServiceDeps = {}): Promise<WorkspaceService> {
  const ws = new Workspace(options, deps);
  await ws.start();
  const products = productHandlers(ws);

  /** `product.open` as compact ASCII JSON, with the product's text made off-thread when it can. */
  async function openAsJson(input: ApiParsedInput<'product.open'>): Promise<OpenAnswerJson> {
    const opened = await products['product.open'](input);
    const store = ws.stores.opened(input.id);
    const productJson = store ? await store.productJson(opened.revision) : null;
    if (productJson === null) return { parts: [asciiJsonBytes(JSON.stringify(opened))], fromFile: false };
    const { product: _product, ...rest } = opened;
    const tail = `,${JSON.stringify(rest).slice(1)}`;
    return { parts: [Buffer.from('{"product":', 'latin1'), productJson, Buffer.from(tail, 'latin1')], fromFile: true };
  }

  return {
    ...workspaceHandlers(ws),
    ...products,
    ...editHandlers(ws),
    ...trashHandlers(ws),
    ...recoveryHandlers(ws),
    ...exportHandlers(ws),
    openAsJson,
    subscribe: (listener) => ws.subscribe(listener),
    close: (closeOptions) => ws.close(closeOptions),
  };
}
