/**
 * Reading one product file from disk, safely: no symbolic links, regular files only, a size cap,
 * and the result is always an outcome (ok / broken with a reason / missing), never a throw for bad
 * content. Also the file's on-disk signature (size, mtime, inode, sha256) used to tell our
 * own writes from another program's.
 */
import { createHash } from 'node:crypto';
import { bytesWithMiB } from '../../shared/format/sizes';
import { parseProductText } from '../../shared/model/productFile';
import type { Product } from '../../shared/model/schema';
import { errorCode, type FsAdapter, type FsStats } from './fsAdapter';

/**
 * Larger than any product a person could make (50,000 stories of long text), smaller than memory.
 * A file over it is not read; and no edit or new product may make one over it, so whatever the app
 * saves it can open again.
 */
export const MAX_PRODUCT_FILE_BYTES = 256 * 1024 * 1024;

/** Why a product file of `bytes` cannot be saved, naming both sizes; null when it fits `limit`. */
export function oversizeReason(bytes: number, limit: number = MAX_PRODUCT_FILE_BYTES): string | null {
  if (bytes <= limit) return null;
  return `The product file would be ${bytesWithMiB(bytes)}; a product file can be at most ${bytesWithMiB(limit)}, the most the app reads back.`;
}

/**
 * What we last saw of a file. Size, mtime and inode are compared first (a rename keeps a file's
 * mtime and inode, so the stat of our temp file before the rename describes the file after it);
 * only when they differ is the content hashed, and the file counts as changed only if the hash
 * differs too. (Limit: an in-place rewrite of the same size within one mtime tick of a coarse file
 * system, such as FAT's 2 s, looks unchanged; editors and git replace files, which changes the inode.)
 */
export interface FileSignature {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  /** The content's sha256, computed the first time it is needed (usually never: the stat agrees). */
  readonly sha256: string;
  /** Whether `data` is the content (compared byte for byte while the bytes are kept, else by hash). */
  sameContent(data: Uint8Array): boolean;
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The signature of a file with these stats and this content (the bytes, kept until hashed, or the
 * hash itself). Hashing a large file is not free, so it waits until a check needs it.
 */
export function signatureOf(stats: FsStats, content: Uint8Array | { readonly sha256: string }): FileSignature {
  let bytes: Uint8Array | null = content instanceof Uint8Array ? content : null;
  let hash: string | null = content instanceof Uint8Array ? null : content.sha256;
  return {
    size: stats.size,
    mtimeMs: stats.mtimeMs,
    ino: stats.ino,
    get sha256(): string {
      if (hash === null) {
        hash = sha256(bytes ?? new Uint8Array());
        bytes = null;
      }
      return hash;
    },
    sameContent(data) {
      if (bytes !== null) return Buffer.compare(bytes, data) === 0;
      return sha256(data) === this.sha256;
    },
  };
}

/** True when the stat data matches: the content is then taken as unchanged without hashing. */
export function sameStat(signature: FileSignature, stats: FsStats): boolean {
  return signature.size === stats.size && signature.mtimeMs === stats.mtimeMs && signature.ino === stats.ino;
}

export const SYMLINK_REASON =
  'The file is a symbolic link. The app does not follow links out of the workspace folder; replace it with the file itself.';
export const NOT_A_FILE_REASON = 'This is not a regular file (it may be a folder or a device).';

export type DiskProduct =
  | { kind: 'ok'; product: Product; migratedFrom: number | null; signature: FileSignature; sameAsFile: boolean | null }
  | { kind: 'broken'; reason: string; signature: FileSignature | null }
  | { kind: 'missing' };

/** Why a file cannot be used, judged from `lstat` alone, or null when it may be read. */
export function unusableReason(stats: FsStats): string | null {
  if (stats.isSymbolicLink) return SYMLINK_REASON;
  if (!stats.isFile) return NOT_A_FILE_REASON;
  if (stats.size > MAX_PRODUCT_FILE_BYTES) {
    return `The file is ${Math.round(stats.size / 1024 / 1024)} MB, larger than a product file can be (${MAX_PRODUCT_FILE_BYTES / 1024 / 1024} MB).`;
  }
  return null;
}

export interface ReadHooks {
  /** Called with the file's bytes as soon as they are read, before they are parsed. */
  onBytes?: (bytes: Uint8Array) => void;
  /** Work out whether the file's JSON already is the product (`sameAsFile`). */
  checkSameAsFile?: boolean;
}

/**
 * Read and parse the product file at `path`. File-system errors other than "missing" are thrown.
 * With `expectedId`, a product whose id is not the file's stem is broken (its file name would lie).
 */
export async function readDiskProduct(fs: FsAdapter, path: string, expectedId: string | null = null, hooks: ReadHooks = {}): Promise<DiskProduct> {
  let stats: FsStats;
  try {
    stats = await fs.lstat(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const unusable = unusableReason(stats);
  if (unusable) return { kind: 'broken', reason: unusable, signature: null };
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  hooks.onBytes?.(data);
  // The stat from before the read: if the file changes during or after the read, its stat differs
  // from this one, so the next check hashes the content instead of trusting the stat.
  return parseDiskText(data, signatureOf(stats, data), expectedId, hooks.checkSameAsFile === true);
}

/** Parse bytes already read from disk. */
export function parseDiskText(data: Buffer, signature: FileSignature, expectedId: string | null = null, checkSameAsFile = false): DiskProduct {
  const parsed = parseProductText(data.toString('utf8'), { checkSameAsFile });
  if (!parsed.ok) return { kind: 'broken', reason: parsed.reason, signature };
  if (expectedId !== null && parsed.product.id !== expectedId) {
    return { kind: 'broken', reason: idMismatchReason(expectedId, parsed.product.id), signature };
  }
  return { kind: 'ok', product: parsed.product, migratedFrom: parsed.migratedFrom, signature, sameAsFile: parsed.sameAsFile };
}

export function idMismatchReason(fileId: string, productId: string): string {
  return `The file is named "${fileId}" but the product inside has the id "${productId}". Rename the file to "${productId}.product.json" or change its "id".`;
}
