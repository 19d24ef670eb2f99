/**
 * The lowdb adapter for one product file.
 *
 * lowdb's own `TextFile`/`JSONFile` adapters write through `steno`, which renames a temp file over
 * the target but does not fsync the file or its folder, keeps no backup, and cannot tell whether
 * another program changed the file. So `Low` is used with this adapter instead:
 *   - `read()` parses with `parseProductText` (migrating older versions in memory; a broken file is
 *     an `ApiError('broken-file')`, a missing one is `null`) and records the file's signature;
 *   - `write()` serialises with an incremental `ProductSerializer` (the same bytes and validation as
 *     `serializeProduct`, re-doing only what edits replaced), refuses with an
 *     `ExternalChangeError` if the file on disk is no longer what we last read or wrote (checked
 *     before the write, on the content it backs up, and again right before the rename), keeps
 *     backups (see `paths.ts` for where), and replaces the file with `atomicWrite`.
 *
 * Backups: `.backups/<id>.product.json.bak` is refreshed with the on-disk version before the first
 * write after a (re)load and then at most every `backupIntervalMs`, so it holds the last good version
 * from before this editing session rather than from a quarter of a second ago. A file migrated from
 * an older schema version also keeps its untouched original as `.backups/<id>.v<N>.product.json.bak`
 * (written once, never replaced).
 */
import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { ApiError } from '../../shared/api/contract';
import { createProductSerializer, type WarmJob } from '../../shared/model/productSerializer';
import type { Product } from '../../shared/model/schema';
import { AtomicWriteError, atomicWrite, backUpFile } from './atomicWrite';
import { readDiskProduct, sameStat, signatureOf, unusableReason, type DiskProduct, type FileSignature, type ReadHooks } from './diskProduct';
import { ensureRealFolder } from './ensureFolder';
import { errorCode, type FsAdapter, type FsStats } from './fsAdapter';
import { backupPath, migrationBackupPath, productPath } from './paths';

/** The file on disk is not what we last read or wrote: writing would clobber another program's work. */
export class ExternalChangeError extends Error {
  readonly kind: DiskDifference;
  constructor(kind: DiskDifference, message: string) {
    super(message);
    this.name = 'ExternalChangeError';
    this.kind = kind;
  }
}

export type DiskDifference = 'changed' | 'missing';

export interface ProductFileAdapterOptions {
  fs: FsAdapter;
  folder: string;
  id: string;
  backupIntervalMs: number;
  now: () => number;
}

export class ProductFileAdapter implements Adapter<Product> {
  readonly path: string;
  readonly fileName: string;
  /** What the file on disk was when we last read or wrote it; null before the first read. */
  signature: FileSignature | null = null;
  /** The schema version the file on disk still has, when older than the current one. */
  migratedFrom: number | null = null;
  private lastBackupAt: number | null = null;
  private readonly serializer = createProductSerializer({ allocate: (length) => Buffer.allocUnsafe(length) });
  private warmJob: WarmJob | null = null;

  constructor(private readonly options: ProductFileAdapterOptions) {
    this.path = productPath(options.folder, options.id);
    this.fileName = basename(this.path);
  }

  /** Read the file as an outcome (ok / broken / missing) without adopting it. */
  load(hooks: ReadHooks = {}): Promise<DiskProduct> {
    return readDiskProduct(this.options.fs, this.path, this.options.id, hooks);
  }

  /** Adopt a loaded version as the one we know is on disk (a new editing session). */
  accept(disk: Extract<DiskProduct, { kind: 'ok' }>): Product {
    this.signature = disk.signature;
    this.migratedFrom = disk.migratedFrom;
    this.lastBackupAt = null;
    this.warmJob = this.serializer.adopt(disk.product);
    return disk.product;
  }

  /**
   * Serialise up to `budgetMs` of the product just read, ahead of its first write (which would
   * otherwise do it); true when there is nothing left to do.
   */
  warm(budgetMs: number): boolean {
    if (this.warmJob?.step(budgetMs) !== false) this.warmJob = null;
    return this.warmJob === null;
  }

  /** lowdb's read: the adopted product, null if the file is missing, `broken-file` if unusable. */
  async read(): Promise<Product | null> {
    return (await this.readWith())?.product ?? null;
  }

  /** `read` with hooks, also saying whether the file's JSON already is the product. */
  async readWith(hooks: ReadHooks = {}): Promise<{ product: Product; sameAsFile: boolean | null } | null> {
    const disk = await this.load(hooks);
    if (disk.kind === 'missing') return null;
    if (disk.kind === 'broken') throw new ApiError('broken-file', `${this.fileName}: ${disk.reason}`);
    return { product: this.accept(disk), sameAsFile: disk.sameAsFile };
  }

  /** The size the file of `product` would have: what `write` would write. */
  fileSize(product: Product): number {
    return this.serializer.byteLength(product);
  }

  async write(product: Product): Promise<void> {
    // Serialise first, synchronously: this is the snapshot that gets written, and an invalid
    // product throws here, before the disk is touched.
    const bytes = this.serializer.serialize(product);
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const difference = await this.compareWithDisk();
    if (difference !== 'same') throw new ExternalChangeError(difference, this.externalChangeMessage(difference));

    const { fs, folder, id } = this.options;
    const now = this.options.now();
    const backupDue = this.backupDue(now);
    if (backupDue || this.migratedFrom !== null) await ensureRealFolder(fs, dirname(backupPath(folder, id)));
    if (this.migratedFrom !== null) await this.keepMigrationOriginal(this.migratedFrom);

    let stats: FsStats;
    try {
      stats = await atomicWrite(fs, this.path, data, {
        backupTo: backupDue ? backupPath(folder, id) : null,
        checkBackupSource: this.checkBackupSource,
        // Look again right before the rename: another program may have written while we wrote.
        beforeReplace: async () => {
          const again = await this.compareWithDisk();
          if (again !== 'same') throw new ExternalChangeError(again, this.externalChangeMessage(again));
        },
      });
    } catch (error) {
      // Only the folder sync failed: the new content is in place, so remember it as ours.
      if (error instanceof AtomicWriteError && error.committed && error.written) this.recordWritten(error.written, data);
      throw error;
    }
    this.recordWritten(stats, data);
    if (backupDue) this.lastBackupAt = now;
  }

  /** Whether the next write refreshes the backup first. */
  backupDue(now = this.options.now()): boolean {
    return this.lastBackupAt === null || now - this.lastBackupAt >= this.options.backupIntervalMs;
  }

  /**
   * Refresh the backup now, if it is due and the file is still the one we know, so that the write
   * that follows (a moment later) has only its own file to replace. Called on the first edit of a
   * session. Any failure leaves the backup due: the write then backs up itself, and reports it.
   */
  async backUpAhead(): Promise<void> {
    const now = this.options.now();
    if (!this.backupDue(now) || (await this.compareWithDisk()) !== 'same') return;
    const { fs, folder, id } = this.options;
    await ensureRealFolder(fs, dirname(backupPath(folder, id)));
    if (await backUpFile(fs, this.path, backupPath(folder, id), this.checkBackupSource)) this.lastBackupAt = now;
  }

  /** The backup must be the version we know, not something another program just wrote. */
  private readonly checkBackupSource = (current: Buffer): void => {
    if (this.signature !== null && !this.signature.sameContent(current)) throw new ExternalChangeError('changed', this.externalChangeMessage('changed'));
  };

  /**
   * Is the file on disk still the one we know? Size, mtime and inode first; only if they differ is
   * the content read and hashed (a `touch` or an identical rewrite is not a change).
   */
  async compareWithDisk(): Promise<'same' | DiskDifference> {
    const { fs } = this.options;
    let stats: FsStats;
    try {
      stats = await fs.lstat(this.path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return this.signature === null ? 'same' : 'missing';
      throw error;
    }
    const known = this.signature;
    if (known === null || unusableReason(stats) !== null) return 'changed';
    if (sameStat(known, stats)) return 'same';
    let data: Buffer;
    try {
      data = await fs.readFile(this.path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 'missing';
      throw error;
    }
    if (!known.sameContent(data)) return 'changed';
    this.signature = signatureOf(stats, known);
    return 'same';
  }

  externalChangeMessage(difference: DiskDifference): string {
    const what = difference === 'missing' ? 'was deleted or moved by another program' : 'was changed by another program';
    return `"${this.fileName}" ${what} while you had unsaved edits. Nothing was overwritten: your edits are kept in the app until you choose what to keep.`;
  }

  /** Forget the file we knew (it was deleted): the next write creates it again. */
  forgetFile(): void {
    this.signature = null;
  }

  private recordWritten(stats: FsStats, data: Buffer): void {
    this.signature = signatureOf(stats, data);
    this.migratedFrom = null;
  }

  private async keepMigrationOriginal(fromVersion: number): Promise<void> {
    const { fs, folder, id } = this.options;
    const target = migrationBackupPath(folder, id, fromVersion);
    try {
      await fs.lstat(target);
      return; // an original is already kept; never replace it
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    await atomicWrite(fs, target, await fs.readFile(this.path));
  }
}
