/**
 * The file-system calls the store makes, behind one small interface. The real implementation is
 * Node's `fs/promises`; tests wrap it with `interceptFs` to count calls or to make any single step
 * fail (ENOSPC, EACCES, EIO) or hang, the way SQLite's fault-injection tests do.
 *
 * Every operation takes the path it acts on (a handle carries its path) so an interceptor can pick
 * the file it wants to break.
 */
import { constants, promises as fsp, type Stats } from 'node:fs';

/** An open file, opaque to callers. */
export interface FsHandle {
  readonly path: string;
}

export interface FsStats {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

export type DirentKind = 'file' | 'directory' | 'symlink' | 'other';

export interface FsDirent {
  name: string;
  kind: DirentKind;
}

export interface FsAdapter {
  /** Create a new file for writing; fails with EEXIST if anything (even a dangling link) is there. */
  openExclusive(path: string): Promise<FsHandle>;
  /** Write all of `data` at the current position. */
  write(handle: FsHandle, data: Uint8Array): Promise<void>;
  fsync(handle: FsHandle): Promise<void>;
  /** The stat data of an open file. */
  fstat(handle: FsHandle): Promise<FsStats>;
  close(handle: FsHandle): Promise<void>;
  /** Make a rename or a new file in `dir` durable (a no-op where folders cannot be synced). */
  fsyncDir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<FsStats>;
  /** As `stat`, but does not follow a symbolic link. */
  lstat(path: string): Promise<FsStats>;
  readdir(dir: string): Promise<FsDirent[]>;
  /** Create a folder and its parents; no error if it exists. */
  mkdir(dir: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Copy a file; fails with EEXIST if `to` exists. */
  copyFile(from: string, to: string): Promise<void>;
}

export type FsOp = keyof FsAdapter;

class NodeHandle implements FsHandle {
  constructor(
    readonly path: string,
    readonly file: fsp.FileHandle,
  ) {}
}

function nodeHandle(handle: FsHandle): NodeHandle {
  if (!(handle instanceof NodeHandle)) throw new Error('Not a handle of this file-system adapter.');
  return handle;
}

function toStats(s: Stats): FsStats {
  return {
    size: s.size,
    mtimeMs: s.mtimeMs,
    ctimeMs: s.ctimeMs,
    ino: s.ino,
    isFile: s.isFile(),
    isDirectory: s.isDirectory(),
    isSymbolicLink: s.isSymbolicLink(),
  };
}

/** Error codes that mean "this file system cannot fsync a folder", not "the sync failed". */
const DIR_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EACCES', 'EBADF']);

export const nodeFs: FsAdapter = {
  async openExclusive(path) {
    return new NodeHandle(path, await fsp.open(path, 'wx', 0o644));
  },
  async write(handle, data) {
    const file = nodeHandle(handle).file;
    let offset = 0;
    while (offset < data.byteLength) {
      const { bytesWritten } = await file.write(data, offset, data.byteLength - offset);
      if (bytesWritten <= 0) throw new Error(`Could not write to ${handle.path}.`);
      offset += bytesWritten;
    }
  },
  async fsync(handle) {
    await nodeHandle(handle).file.sync();
  },
  async fstat(handle) {
    return toStats(await nodeHandle(handle).file.stat());
  },
  async close(handle) {
    await nodeHandle(handle).file.close();
  },
  async fsyncDir(dir) {
    // Windows cannot open a folder for syncing; NTFS makes renames durable through its journal.
    if (process.platform === 'win32') return;
    let file: fsp.FileHandle | null = null;
    try {
      file = await fsp.open(dir, 'r');
      await file.sync();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined || !DIR_SYNC_UNSUPPORTED.has(code)) throw error;
    } finally {
      await file?.close();
    }
  },
  async rename(from, to) {
    await fsp.rename(from, to);
  },
  async readFile(path) {
    return fsp.readFile(path);
  },
  async stat(path) {
    return toStats(await fsp.stat(path));
  },
  async lstat(path) {
    return toStats(await fsp.lstat(path));
  },
  async readdir(dir) {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      kind: e.isSymbolicLink() ? 'symlink' : e.isFile() ? 'file' : e.isDirectory() ? 'directory' : 'other',
    }));
  },
  async mkdir(dir) {
    await fsp.mkdir(dir, { recursive: true });
  },
  async unlink(path) {
    await fsp.unlink(path);
  },
  async copyFile(from, to) {
    await fsp.copyFile(from, to, constants.COPYFILE_EXCL);
  },
};

/** Called before every operation with its name and the path it acts on; may throw or wait. */
export type FsInterceptor = (op: FsOp, path: string) => void | Promise<void>;

/** `base` with `before(op, path)` run before each call: for counting and fault injection in tests. */
export function interceptFs(base: FsAdapter, before: FsInterceptor): FsAdapter {
  const run = async <T>(op: FsOp, path: string, call: () => Promise<T>): Promise<T> => {
    await before(op, path);
    return call();
  };
  return {
    openExclusive: (path) => run('openExclusive', path, () => base.openExclusive(path)),
    write: (handle, data) => run('write', handle.path, () => base.write(handle, data)),
    fsync: (handle) => run('fsync', handle.path, () => base.fsync(handle)),
    fstat: (handle) => run('fstat', handle.path, () => base.fstat(handle)),
    close: (handle) => run('close', handle.path, () => base.close(handle)),
    fsyncDir: (dir) => run('fsyncDir', dir, () => base.fsyncDir(dir)),
    rename: (from, to) => run('rename', to, () => base.rename(from, to)),
    readFile: (path) => run('readFile', path, () => base.readFile(path)),
    stat: (path) => run('stat', path, () => base.stat(path)),
    lstat: (path) => run('lstat', path, () => base.lstat(path)),
    readdir: (dir) => run('readdir', dir, () => base.readdir(dir)),
    mkdir: (dir) => run('mkdir', dir, () => base.mkdir(dir)),
    unlink: (path) => run('unlink', path, () => base.unlink(path)),
    copyFile: (from, to) => run('copyFile', to, () => base.copyFile(from, to)),
  };
}

/** The `code` of a Node file-system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
