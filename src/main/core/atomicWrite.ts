/**
 * Crash-safe replacement of a file: the target is at every moment either wholly the old version or
 * wholly the new one.
 *
 *   1. (optional) back up the current target: read it and write it, by the same steps, to the
 *      backup path — so the backup is the last good version before this replacement;
 *   2. create a unique temp file in the target's folder (`.<name>.<pid>.<random>.tmp`, opened with
 *      O_EXCL so it never follows or reuses anything already there);
 *   3. write, fsync, close;
 *   4. rename it over the target (atomic within one folder);
 *   5. fsync the folder so the rename itself survives a power cut.
 *
 * If any step before the rename fails, the temp file is removed and the target is untouched. If
 * only the folder sync after the rename fails, the new content is in place but its durability is
 * unknown: the error says `committed: true` so the caller can record what is on disk.
 *
 * Two optional checks let a caller refuse to replace a file that another program changed: one sees
 * the content about to be backed up, the other runs after the new content is durable in the temp
 * file and immediately before the rename (so the window in which another program's write could be
 * replaced unseen is a `stat` and a `rename`, not the whole write). An error either throws is
 * passed through unchanged, after the temp file is removed.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorCode, type FsAdapter, type FsHandle, type FsStats } from './fsAdapter';

export class AtomicWriteError extends Error {
  /** The rename happened: the target already holds the new content. */
  readonly committed: boolean;
  /** The file-system error code of the step that failed (ENOSPC, EACCES, …), if any. */
  readonly code: string | undefined;
  /** Which step failed, for messages. */
  readonly step: string;
  /** When committed: the stat data of the file now in place. */
  readonly written: FsStats | null;
  constructor(step: string, cause: unknown, committed: boolean, written: FsStats | null = null) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`${step} failed: ${detail}`, { cause });
    this.name = 'AtomicWriteError';
    this.step = step;
    this.committed = committed;
    this.code = errorCode(cause);
    this.written = written;
  }
}

/** The temp-file name used next to `target`; recognisable so leftovers can be told apart. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** True for a name `tempPathFor` makes. */
export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** The id of the process that made a temp file, from its name; null if the name is not one of ours. */
export function tempFileWriterPid(name: string): number | null {
  const digits = TEMP_NAME.exec(name)?.[1];
  return digits === undefined ? null : Number(digits);
}

export interface AtomicWriteOptions {
  /**
   * Copy the current content of the target (if it exists) to this path first, by the same
   * crash-safe steps. A failure to back up fails the whole write, before the target is touched.
   */
  backupTo?: string | null;
  /** Called with the current content before it is backed up; throw to refuse the whole write. */
  checkBackupSource?: (current: Buffer) => void;
  /** Called after the temp file is written and synced, right before the rename; throw to refuse. */
  beforeReplace?: () => Promise<void>;
}

/** An error thrown by a caller's check: passed through as it is. */
class CheckFailed extends Error {
  constructor(readonly original: unknown) {
    super('check failed');
  }
}

/**
 * Replace `target` with `data` crash-safely (see the module comment). Returns the stat data of the
 * new file, taken before the rename (a rename keeps size, mtime and inode), so no other program's
 * later change can be mistaken for ours.
 */
export async function atomicWrite(fs: FsAdapter, target: string, data: Uint8Array, options: AtomicWriteOptions = {}): Promise<FsStats> {
  if (options.backupTo) await backUpFile(fs, target, options.backupTo, options.checkBackupSource);
  return replaceFile(fs, target, data, 'Writing', options.beforeReplace);
}

/**
 * Step 1 on its own: copy the current content of `target` to `backupTo` by the same crash-safe
 * steps, after `checkSource` has seen it (throw to refuse). False when there is no `target`.
 * Whatever happens to the backup, `target` is untouched, so no error says `committed`.
 */
export async function backUpFile(fs: FsAdapter, target: string, backupTo: string, checkSource?: (current: Buffer) => void): Promise<boolean> {
  let current: Buffer;
  try {
    current = await fs.readFile(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw new AtomicWriteError('Reading the file to back it up', error, false);
  }
  checkSource?.(current);
  try {
    await replaceFile(fs, backupTo, current, 'Writing the backup');
  } catch (error) {
    // Even a rename whose folder sync then failed: never report the target's write as committed,
    // nor the backup's stat as the target's.
    if (error instanceof AtomicWriteError && error.committed) throw new AtomicWriteError(error.step, error.cause, false);
    throw error;
  }
  return true;
}

async function replaceFile(fs: FsAdapter, target: string, data: Uint8Array, label: string, beforeReplace?: () => Promise<void>): Promise<FsStats> {
  const temp = tempPathFor(target);
  let handle: FsHandle | null = null;
  let created = false;
  let stats: FsStats;
  let step = `${label}: creating a temp file`;
  try {
    handle = await fs.openExclusive(temp);
    created = true;
    step = `${label}: writing the temp file`;
    await fs.write(handle, data);
    step = `${label}: syncing the temp file`;
    await fs.fsync(handle);
    step = `${label}: reading the temp file's stat`;
    stats = await fs.fstat(handle);
    step = `${label}: closing the temp file`;
    await fs.close(handle);
    handle = null;
    if (beforeReplace) {
      step = `${label}: checking the file before replacing it`;
      await beforeReplace().catch((error: unknown) => {
        throw new CheckFailed(error);
      });
    }
    step = `${label}: replacing the file`;
    await fs.rename(temp, target);
  } catch (error) {
    // Release the descriptor even if the failed step was `close` itself (a second close is harmless).
    if (handle !== null) await fs.close(handle).catch(() => undefined);
    // Only remove a temp file this call created (never something that was already there).
    if (created) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof CheckFailed) throw error.original;
    throw new AtomicWriteError(step, error, false);
  }
  try {
    await fs.fsyncDir(dirname(target));
  } catch (error) {
    throw new AtomicWriteError(`${label}: syncing the folder`, error, true, stats);
  }
  return stats;
}
