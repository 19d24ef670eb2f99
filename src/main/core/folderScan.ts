/**
 * Watching the workspace folder: a `FolderWatcher` rescans it; open products changed by another
 * program are reloaded or put into conflict (by their store), and changes to the list of products
 * are announced with `workspace.changed`.
 */
import { join } from 'node:path';
import type { WorkspaceEvent } from '../../shared/api/contract';
import { FolderWatcher } from './folderWatcher';
import type { FsAdapter } from './fsAdapter';
import type { OpenProducts } from './openProducts';
import { PRODUCT_SUFFIX } from './paths';
import type { DiskCheck, ProductStore } from './productStore';
import { isProductFileName, readFolder } from './workspaceListing';

export interface FolderScanOptions {
  fs: FsAdapter;
  stores: OpenProducts;
  emit: (event: WorkspaceEvent) => void;
  pollIntervalMs: number;
  debounceMs: number;
  useFsWatch: boolean;
}

export class FolderScan {
  private watcher: FolderWatcher | null = null;
  private listingStamp: string | null = null;
  private folder = '';

  constructor(private readonly options: FolderScanOptions) {}

  async start(folder: string): Promise<void> {
    this.folder = folder;
    this.listingStamp = await this.computeListingStamp().catch(() => null);
    this.watcher = new FolderWatcher({
      folder,
      pollIntervalMs: this.options.pollIntervalMs,
      debounceMs: this.options.debounceMs,
      useFsWatch: this.options.useFsWatch,
      scan: () => this.scan(),
    });
    this.watcher.start();
  }

  async stop(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.stop();
  }

  /** Check open products against the disk, and announce list changes. */
  private async scan(): Promise<void> {
    for (const id of this.options.stores.ids()) {
      const store = this.options.stores.opened(id);
      if (store === null) continue;
      let check: DiskCheck;
      try {
        check = await store.checkDisk();
      } catch {
        continue; // unreadable right now (permissions, I/O); the next scan or write will tell
      }
      this.handle(store, check);
    }
    const stamp = await this.computeListingStamp();
    if (this.listingStamp !== null && stamp !== this.listingStamp) this.options.emit({ type: 'workspace.changed' });
    this.listingStamp = stamp;
  }

  /** Act on what a store found on disk: announce a reload, let a gone or unreadable file go. */
  handle(store: ProductStore, check: DiskCheck): void {
    const { stores, emit } = this.options;
    switch (check.kind) {
      case 'reloaded':
        emit({ type: 'workspace.changed' });
        return;
      case 'gone':
        stores.forget(store);
        emit({ type: 'workspace.changed' });
        return;
      case 'broken':
        stores.forget(store);
        emit({
          type: 'product.conflict',
          id: store.id,
          epoch: store.epoch,
          conflict: {
            message: `"${store.fileName}" was changed by another program and can no longer be read: ${check.reason} The file was left as it is.`,
            disk: 'broken',
            canMerge: false,
          },
        });
        emit({ type: 'workspace.changed' });
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
    const { fs, stores } = this.options;
    const parts: string[] = [];
    for (const d of await readFolder(fs, this.folder)) {
      if (!isProductFileName(d.name)) continue;
      const stem = d.name.slice(0, -PRODUCT_SUFFIX.length);
      if (stores.opened(stem)) {
        parts.push(d.name);
        continue;
      }
      const stats = await fs.lstat(join(this.folder, d.name)).catch(() => null);
      parts.push(stats ? `${d.name}:${stats.size}:${stats.mtimeMs}:${stats.ino}` : d.name);
    }
    return parts.sort().join('\n');
  }
}
