/**
 * Listing the workspace: product files (valid ones as summaries, broken ones with the reason and
 * path), samples and trash entries. Reading never modifies a file and never throws for one bad
 * file. Parsed summaries are cached by size + mtime + inode, so listing a folder of large products
 * again costs a `stat` per file.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import type { BrokenFileSchema, ProductSummarySchema, SampleSummarySchema, TrashEntrySchema } from '../../shared/api/contract';
import { practiceProgress, type PracticeProgress } from '../../shared/practice/progress';
import { readDiskProduct, NOT_A_FILE_REASON, SYMLINK_REASON, type DiskProduct } from './diskProduct';
import { errorCode, type FsAdapter, type FsDirent, type FsStats } from './fsAdapter';
import { describeFsError } from './fsErrors';
import { PRODUCT_SUFFIX, TRASH_DIR, parseTrashFileName, productIdOfFileName } from './paths';

export type ProductSummary = z.infer<typeof ProductSummarySchema>;
export type BrokenFile = z.infer<typeof BrokenFileSchema>;
export type ProductListEntry = ProductSummary | BrokenFile;
export type SampleSummary = z.infer<typeof SampleSummarySchema>;
export type TrashEntry = z.infer<typeof TrashEntrySchema>;

/** What the service knows of an open product, which is newer than the file while edits are pending. */
export interface OpenProductView {
  name: string;
  summary: string;
  storyCount: number;
  migratedFrom: number | null;
  /** Practice progress of the open document; when absent, the listing reads it from the file. */
  practice?: PracticeProgress;
}

/** True for a name the workspace lists as a product file (temp and hidden files are not). */
export function isProductFileName(name: string): boolean {
  return name.endsWith(PRODUCT_SUFFIX) && !name.startsWith('.');
}

/** The entries of `dir`, or none if it does not exist. */
export async function readFolder(fs: FsAdapter, dir: string): Promise<FsDirent[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** The entry's stats, or null if there is none. */
export async function lstatOrNull(fs: FsAdapter, path: string): Promise<FsStats | null> {
  try {
    return await fs.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function stampOf(stats: FsStats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
}

/** What a listing needs from one file (not the whole product, which may be large). */
type FileSummary =
  | { kind: 'ok'; name: string; summary: string; storyCount: number; migratedFrom: number | null; practice: PracticeProgress }
  | { kind: 'broken'; reason: string }
  | { kind: 'missing' };

/** Parsed summaries by path, reused while size + mtime + inode are unchanged. */
class SummaryCache {
  private readonly entries = new Map<string, { stamp: string; summary: FileSummary }>();
  private seen = new Set<string>();

  constructor(private readonly fs: FsAdapter) {}

  async get(path: string, stats: FsStats, expectedId: string): Promise<FileSummary> {
    this.seen.add(path);
    const stamp = stampOf(stats);
    const cached = this.entries.get(path);
    if (cached && cached.stamp === stamp) return cached.summary;
    const summary = summarise(await readDiskProduct(this.fs, path, expectedId));
    this.entries.set(path, { stamp, summary });
    return summary;
  }

  /** Forget files not asked for since the last `sweep` (deleted or renamed). */
  sweep(): void {
    for (const key of [...this.entries.keys()]) if (!this.seen.has(key)) this.entries.delete(key);
    this.seen = new Set();
  }

  clear(): void {
    this.entries.clear();
    this.seen = new Set();
  }
}

function summarise(disk: DiskProduct): FileSummary {
  if (disk.kind !== 'ok') return disk.kind === 'broken' ? { kind: 'broken', reason: disk.reason } : { kind: 'missing' };
  const p = disk.product;
  return { kind: 'ok', name: p.name, summary: p.summary, storyCount: p.stories.length, migratedFrom: disk.migratedFrom, practice: practiceProgress(p.practice) };
}

export class WorkspaceListing {
  private readonly productCache: SummaryCache;
  private readonly sampleCache: SummaryCache;
  private readonly trashCache: SummaryCache;

  constructor(private readonly fs: FsAdapter) {
    this.productCache = new SummaryCache(fs);
    this.sampleCache = new SummaryCache(fs);
    this.trashCache = new SummaryCache(fs);
  }

  clear(): void {
    this.productCache.clear();
    this.sampleCache.clear();
    this.trashCache.clear();
  }

  async products(folder: string, openView: (id: string) => OpenProductView | null): Promise<ProductListEntry[]> {
    const names = (await readFolder(this.fs, folder)).filter((d) => isProductFileName(d.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
    const entries = await Promise.all(names.map((d) => this.productEntry(folder, d, openView)));
    this.productCache.sweep();
    return entries.filter((e): e is ProductListEntry => e !== null);
  }

  private async productEntry(folder: string, dirent: FsDirent, openView: (id: string) => OpenProductView | null): Promise<ProductListEntry | null> {
    const path = join(folder, dirent.name);
    const broken = (reason: string): BrokenFile => ({ status: 'broken', file: dirent.name, path, reason });
    if (dirent.kind === 'symlink') return broken(SYMLINK_REASON);
    if (dirent.kind !== 'file') return broken(NOT_A_FILE_REASON);
    const id = productIdOfFileName(dirent.name);
    if (id === null) {
      return broken(`The file name is not a product id: before "${PRODUCT_SUFFIX}" use only a-z, 0-9 and single hyphens (e.g. "my-product${PRODUCT_SUFFIX}").`);
    }
    try {
      const stats = await lstatOrNull(this.fs, path);
      if (stats === null) return null;
      const open = openView(id);
      if (open) {
        const practice = open.practice ?? (await this.savedPractice(path, stats, id));
        return { status: 'ok', id, name: open.name, summary: open.summary, storyCount: open.storyCount, modifiedAt: stats.mtimeMs, migratedFrom: open.migratedFrom, ...(practice ? { practice } : {}) };
      }
      const file = await this.productCache.get(path, stats, id);
      if (file.kind === 'missing') return null;
      if (file.kind === 'broken') return broken(file.reason);
      return { status: 'ok', id, name: file.name, summary: file.summary, storyCount: file.storyCount, modifiedAt: stats.mtimeMs, migratedFrom: file.migratedFrom, practice: file.practice };
    } catch (error) {
      return broken(`The file could not be read: ${describeFsError(error)}.`);
    }
  }

  /** The practice progress in an open product's file (what has been saved), or undefined if it cannot be read. */
  private async savedPractice(path: string, stats: FsStats, id: string): Promise<PracticeProgress | undefined> {
    try {
      const file = await this.productCache.get(path, stats, id);
      return file.kind === 'ok' ? file.practice : undefined;
    } catch {
      return undefined;
    }
  }

  /** Valid samples only (a broken sample is a packaging bug, not the learner's problem). */
  async samples(samplesFolder: string): Promise<SampleSummary[]> {
    let dirents: FsDirent[];
    try {
      dirents = await readFolder(this.fs, samplesFolder);
    } catch {
      return [];
    }
    const out: SampleSummary[] = [];
    for (const d of dirents.filter((e) => e.kind === 'file' && isProductFileName(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const id = productIdOfFileName(d.name);
      if (id === null) continue;
      const path = join(samplesFolder, d.name);
      try {
        const stats = await lstatOrNull(this.fs, path);
        if (stats === null) continue;
        const file = await this.sampleCache.get(path, stats, id);
        if (file.kind !== 'ok') continue;
        out.push({ sampleId: id, name: file.name, summary: file.summary, storyCount: file.storyCount });
      } catch {
        continue;
      }
    }
    this.sampleCache.sweep();
    return out;
  }

  /** Trash entries, newest first. */
  async trash(folder: string): Promise<TrashEntry[]> {
    const dir = join(folder, TRASH_DIR);
    const dirStats = await lstatOrNull(this.fs, dir);
    if (dirStats === null || dirStats.isSymbolicLink || !dirStats.isDirectory) return [];
    const out: TrashEntry[] = [];
    for (const d of await readFolder(this.fs, dir)) {
      const parsed = d.kind === 'file' ? parseTrashFileName(d.name) : null;
      if (parsed === null) continue;
      const path = join(dir, d.name);
      let name = parsed.productId;
      try {
        const stats = await lstatOrNull(this.fs, path);
        if (stats === null) continue;
        const file = await this.trashCache.get(path, stats, parsed.productId);
        if (file.kind === 'ok') name = file.name;
      } catch {
        // Listed by its id; restoring will say what is wrong.
      }
      out.push({ trashId: parsed.trashId, productId: parsed.productId, name, deletedAt: parsed.deletedAt });
    }
    this.trashCache.sweep();
    return out.sort((a, b) => b.deletedAt - a.deletedAt);
  }
}
