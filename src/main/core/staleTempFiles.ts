/**
 * Clearing the temp files a crash left behind. A write in progress is a temp file next to its
 * target (`.<name>.<pid>.<random>.tmp`, see `atomicWrite`); a process killed mid-write leaves it
 * there. At start-up (and when switching to another folder) the service removes those whose writer
 * is gone — the process named in the file name no longer runs — and never one whose writer may
 * still be writing: another copy of the app, or this process itself. Only when the writer cannot
 * be told (a pid that cannot be asked about) does age decide.
 */
import { join } from 'node:path';
import { tempFileWriterPid } from './atomicWrite';
import type { FsAdapter } from './fsAdapter';
import { BACKUP_DIR, EXPORTS_DIR, RECOVERED_DIR } from './paths';
import { lstatOrNull, readFolder } from './workspaceListing';

/** Whether the process that wrote a temp file still runs. */
export type WriterState = 'running' | 'gone' | 'unknown';

/** A temp file whose writer cannot be told is stale once it is this old (no write takes an hour). */
export const UNKNOWN_WRITER_STALE_MS = 60 * 60 * 1000;

/**
 * Ask the system whether process `pid` runs (signal 0 checks without signalling). EPERM means it
 * runs under another user. Pids below 1 name process groups, not processes: unknown.
 */
export function processState(pid: number): WriterState {
  if (!Number.isSafeInteger(pid) || pid < 1) return 'unknown';
  try {
    process.kill(pid, 0);
    return 'running';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return 'gone';
    if (code === 'EPERM') return 'running';
    return 'unknown';
  }
}

/** Whether a temp file named `name`, last modified at `mtimeMs`, was left behind by a writer that is gone. */
export function isStaleTempFile(name: string, mtimeMs: number, now: number, writerState: (pid: number) => WriterState = processState): boolean {
  const pid = tempFileWriterPid(name);
  if (pid === null) return false;
  const state = writerState(pid);
  if (state === 'unknown') return now - mtimeMs >= UNKNOWN_WRITER_STALE_MS;
  return state === 'gone';
}

/** The folders the app writes temp files in: the workspace, its backups, recovered versions and each product's exports. */
async function tempFileFolders(fs: FsAdapter, folder: string): Promise<string[]> {
  const exportsRoot = join(folder, EXPORTS_DIR);
  const exportFolders = (await readFolder(fs, exportsRoot).catch(() => [])).filter((d) => d.kind === 'directory').map((d) => join(exportsRoot, d.name));
  return [folder, join(folder, BACKUP_DIR), join(folder, BACKUP_DIR, RECOVERED_DIR), ...exportFolders];
}

/**
 * Remove the stale temp files under `folder` (best effort: a file that cannot be read or removed
 * stays). Only names of our own pattern, only regular files. Returns the paths removed.
 */
export async function removeStaleTempFiles(fs: FsAdapter, folder: string, now: number, writerState: (pid: number) => WriterState = processState): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of await tempFileFolders(fs, folder)) {
    for (const entry of await readFolder(fs, dir).catch(() => [])) {
      if (entry.kind !== 'file' || tempFileWriterPid(entry.name) === null) continue;
      const path = join(dir, entry.name);
      const stats = await lstatOrNull(fs, path).catch(() => null);
      if (!stats?.isFile || !isStaleTempFile(entry.name, stats.mtimeMs, now, writerState)) continue;
      if (await fs.unlink(path).then(() => true, () => false)) removed.push(path);
    }
  }
  return removed;
}
