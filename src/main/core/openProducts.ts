/**
 * The products the service has open: one `ProductStore` per id (a second, concurrent open gets the
 * same store), how many clients show each, and the last revision of every product opened in this
 * session, so that reopening never reuses a revision.
 */
import type { Product } from '../../shared/model/schema';
import { practiceProgress } from '../../shared/practice/progress';
import type { FsAdapter } from './fsAdapter';
import { toApiError } from './fsErrors';
import { checkProductId, productFileName } from './paths';
import { ProductStore, type ProductStoreOptions } from './productStore';
import { RECOVERY_REASONS, saveRecoveredVersion } from './recoveredVersions';
import type { OpenProductView } from './workspaceListing';

interface StoreEntry {
  promise: Promise<ProductStore>;
  store: ProductStore | null;
  /** `product.open` calls not yet matched by a `product.close`. */
  openCount: number;
}

/** What every store is opened with, besides its folder, id and first revision. */
export type StoreSettings = Omit<ProductStoreOptions, 'folder' | 'id' | 'firstRevision'>;

export class OpenProducts {
  private readonly entries = new Map<string, StoreEntry>();
  private readonly revisions = new Map<string, number>();

  constructor(
    private readonly fs: FsAdapter,
    private readonly folder: () => string,
    private readonly settings: StoreSettings,
  ) {}

  /** The ids of the open products (also those still opening). */
  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** The open store of `id`, if it has finished opening. */
  opened(id: string): ProductStore | null {
    return this.entries.get(id)?.store ?? null;
  }

  /** The store of `id`, opening it if needed. */
  get(id: string): Promise<ProductStore> {
    checkProductId(id);
    const existing = this.entries.get(id);
    if (existing) return existing.promise;
    const last = this.revisions.get(id);
    const opening = ProductStore.open({ ...this.settings, fs: this.fs, folder: this.folder(), id, firstRevision: last === undefined ? 0 : last + 1 });
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

  /** Every store that opened, waiting for those still opening. */
  async all(): Promise<ProductStore[]> {
    const stores = await Promise.all([...this.entries.values()].map((e) => e.promise.catch(() => null)));
    return stores.filter((s): s is ProductStore => s !== null);
  }

  /** One more client shows `store`. */
  shown(store: ProductStore): void {
    const entry = this.entries.get(store.id);
    if (entry?.store === store) entry.openCount += 1;
  }

  /**
   * One client fewer shows `id`. Once none does and its edits are on disk, the store is let go (a
   * store of a large product holds a lot of memory); one in conflict or unable to save stays.
   */
  async hidden(id: string): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry?.store || entry.openCount === 0) return;
    entry.openCount -= 1;
    if (entry.openCount > 0) return;
    const store = entry.store;
    try {
      await store.flush();
    } catch {
      return;
    }
    if (this.entries.get(id) === entry && entry.openCount === 0 && !store.hasPendingEdits && store.conflict === null) this.forget(store);
  }

  /** Close a store without writing (its file is gone, broken, moved to the trash, …). */
  forget(store: ProductStore): void {
    const entry = this.entries.get(store.id);
    if (entry?.store === store) this.entries.delete(store.id);
    this.revisions.set(store.id, Math.max(this.revisions.get(store.id) ?? 0, store.revision));
    store.dispose();
  }

  /** What the start screen shows of an open product (its unsaved edits included). */
  view(id: string): OpenProductView | null {
    const store = this.opened(id);
    if (!store) return null;
    const p: Product = store.product;
    return { name: p.name, summary: p.summary, storyCount: p.stories.length, migratedFrom: store.migratedFrom, practice: practiceProgress(p.practice) };
  }

  /** Flush every open product not in conflict; the problems of those that could not be saved. */
  async flushAll(): Promise<string[]> {
    const problems: string[] = [];
    for (const store of await this.all()) {
      if (store.conflict !== null) continue; // set aside when closing
      try {
        await store.flush();
      } catch (error) {
        if (store.hasPendingEdits && store.conflict === null) problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    return problems;
  }

  /**
   * Flush and close every open product. The unsaved edits of one in conflict are set aside under
   * recovered versions (no id to choose while closing); products that cannot be saved are reported.
   */
  async closeAll(now: number): Promise<string[]> {
    const problems: string[] = [];
    const stores = await this.all();
    this.entries.clear();
    for (const store of stores) {
      try {
        await store.flush();
      } catch (error) {
        if (store.conflict !== null && store.hasPendingEdits) {
          try {
            await saveRecoveredVersion(this.fs, this.folder(), store.product, RECOVERY_REASONS.serviceClosed, now);
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
}
