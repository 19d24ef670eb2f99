/**
 * A file system for fault injection by step number, as SQLite's tests do it: record the calls one
 * operation makes, then run the operation again once per recorded call, making exactly that call
 * fail (ENOSPC, EACCES, EIO) or stop (hang until released).
 */
import { basename, dirname, relative, sep } from 'node:path';
import { interceptFs, nodeFs, type FsAdapter, type FsOp } from '../../../src/main/core/fsAdapter';

export interface FsCall {
  op: FsOp;
  path: string;
}

export type Fault = { kind: 'fail'; code: string } | { kind: 'hang' };

export interface FaultFs {
  fs: FsAdapter;
  /** Start counting calls from 0 and record them. */
  record(): void;
  /** The calls since `record()` or `arm()`. */
  readonly calls: FsCall[];
  /** Count calls from 0 again; the call numbered `at` gets `fault`. */
  arm(at: number, fault: Fault): void;
  /** No more faults (a hung call stays hung until `release`). */
  disarm(): void;
  /** Resolves when the armed call hangs. */
  hung(): Promise<FsCall>;
  release(): void;
}

export function makeFaultFs(base: FsAdapter = nodeFs): FaultFs {
  let calls: FsCall[] = [];
  let armed: { at: number; fault: Fault } | null = null;
  let waiters: (() => void)[] = [];
  let onHang: ((call: FsCall) => void) | null = null;
  let hungCall: FsCall | null = null;
  const fs = interceptFs(base, async (op, path) => {
    const call = { op, path };
    const index = calls.length;
    calls.push(call);
    if (armed === null || armed.at !== index) return;
    const { fault } = armed;
    armed = null;
    if (fault.kind === 'fail') {
      const error = new Error(`${fault.code}: injected failure, ${op} '${path}'`) as NodeJS.ErrnoException;
      error.code = fault.code;
      throw error;
    }
    hungCall = call;
    onHang?.(call);
    await new Promise<void>((resolve) => waiters.push(resolve));
  });
  return {
    fs,
    get calls() {
      return calls;
    },
    record() {
      calls = [];
      armed = null;
    },
    arm(at, fault) {
      calls = [];
      armed = { at, fault };
    },
    disarm() {
      armed = null;
    },
    hung() {
      if (hungCall) return Promise.resolve(hungCall);
      return new Promise((resolve) => {
        onHang = resolve;
      });
    },
    release() {
      const w = waiters;
      waiters = [];
      hungCall = null;
      onHang = null;
      for (const resolve of w) resolve();
    },
  };
}

/** "fsync of a temp file in .backups": a readable name for a call (its path relative to `folder`). */
export function describeCall(call: FsCall, folder: string): string {
  return `${call.op} of ${describePath(call.path, folder)}`;
}

export function describePath(path: string, folder: string): string {
  const rel = folder === '' ? path : relative(folder, path);
  if (rel === '') return 'the workspace folder';
  const name = basename(path);
  const inBackups = dirname(rel) === '.backups';
  const where = inBackups ? 'in .backups' : rel.startsWith(`.trash${sep}`) || rel === '.trash' ? 'in .trash' : '';
  if (rel === '.backups') return 'the .backups folder';
  if (rel === '.trash') return 'the .trash folder';
  if (name.endsWith('.tmp')) return `a temp file ${where}`.trim();
  if (name.endsWith('.bak')) return `the backup ${name}`;
  return `${name}${where ? ` ${where}` : ''}`;
}
