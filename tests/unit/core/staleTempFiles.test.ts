/**
 * Temp files a crash left behind are removed at start-up when their writer is gone, and kept while
 * it may still be writing — whatever their age. Real folders, real processes: a child that has
 * exited (its pid names no process), a child that is still running, and this process itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempFileName, tempFileWriterPid, tempPathFor } from '../../../src/main/core/atomicWrite';
import { isStaleTempFile, processState, UNKNOWN_WRITER_STALE_MS } from '../../../src/main/core/staleTempFiles';
import { makeTempWorkspace, productText, startService, type TempWorkspace } from './fixtures';

/** The pid of a process that has exited (and been reaped): no process has it now. */
async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the child did not start');
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return pid;
}

/** A temp file as `atomicWrite` names it, written by process `pid`, last modified `ageMs` ago. */
function leaveTempFile(dir: string, target: string, pid: number, ageMs: number): string {
  mkdirSync(dir, { recursive: true });
  const name = `.${target}.${pid}.${'0123456789ab'}.tmp`;
  const path = join(dir, name);
  writeFileSync(path, '{ "half": "writ');
  const at = (Date.now() - ageMs) / 1000;
  utimesSync(path, at, at);
  return path;
}

let tw: TempWorkspace;
let running: ChildProcess | null = null;

beforeEach(() => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  mkdirSync(tw.samples, { recursive: true });
  writeFileSync(join(tw.folder, 'alpha.product.json'), productText('alpha'));
});

afterEach(() => {
  running?.kill('SIGKILL');
  running = null;
  tw.cleanup();
});

describe('stale temp files at start-up', () => {
  it('removes, even when a second old, the temp files of writers that are gone, in every folder the app writes', async () => {
    const gone = await pidOfExitedProcess();
    expect(processState(gone)).toBe('gone');
    const left = [
      leaveTempFile(tw.folder, 'alpha.product.json', gone, 1000),
      leaveTempFile(join(tw.folder, '.backups'), 'alpha.product.json.bak', gone, 1000),
      leaveTempFile(join(tw.folder, '.backups', 'recovered'), 'alpha.1767225600000.product.json', gone, 1000),
      leaveTempFile(join(tw.folder, 'exports', 'alpha'), 'alpha-roadmap.html', gone, 1000),
    ];
    const { service } = await startService(tw);
    try {
      for (const path of left) expect(existsSync(path), path).toBe(false);
      expect(existsSync(join(tw.folder, 'alpha.product.json'))).toBe(true);
      expect((await service['product.open']({ id: 'alpha' })).product.id).toBe('alpha');
    } finally {
      await service.close();
    }
  });

  it('keeps, even when a day old, the temp files of a writer that still runs: another process, or this one', async () => {
    running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const otherPid = running.pid;
    if (otherPid === undefined) throw new Error('the child did not start');
    const day = 24 * 60 * 60 * 1000;
    const kept = [leaveTempFile(tw.folder, 'alpha.product.json', otherPid, day), leaveTempFile(join(tw.folder, '.backups'), 'alpha.product.json.bak', process.pid, day)];
    const { service } = await startService(tw);
    try {
      for (const path of kept) expect(existsSync(path), path).toBe(true);
    } finally {
      await service.close();
    }
  });

  it('leaves files that are not its temp files alone', async () => {
    const gone = await pidOfExitedProcess();
    const others = ['notes.tmp', `.alpha.product.json.${gone}.tmp`, `alpha.${gone}.0123456789ab.tmp`].map((name) => {
      const path = join(tw.folder, name);
      writeFileSync(path, 'x');
      return path;
    });
    const { service } = await startService(tw);
    try {
      for (const path of others) expect(existsSync(path), path).toBe(true);
    } finally {
      await service.close();
    }
  });
});

describe('isStaleTempFile', () => {
  const now = 10 * UNKNOWN_WRITER_STALE_MS;
  it('reads the writer from the name atomicWrite gives', () => {
    const name = tempPathFor('/w/alpha.product.json').split('/').pop() ?? '';
    expect(isTempFileName(name)).toBe(true);
    expect(tempFileWriterPid(name)).toBe(process.pid);
  });

  it('judges by the writer when it can be told, and by age only when it cannot', () => {
    const name = '.alpha.product.json.4242.0123456789ab.tmp';
    expect(isStaleTempFile(name, now, now, () => 'gone')).toBe(true);
    expect(isStaleTempFile(name, 0, now, () => 'running')).toBe(false);
    expect(isStaleTempFile(name, now - UNKNOWN_WRITER_STALE_MS + 1, now, () => 'unknown')).toBe(false);
    expect(isStaleTempFile(name, now - UNKNOWN_WRITER_STALE_MS, now, () => 'unknown')).toBe(true);
    expect(isStaleTempFile('notes.tmp', 0, now, () => 'gone')).toBe(false);
  });

  it('cannot tell about pid 0 (a process group), so age decides', () => {
    expect(processState(0)).toBe('unknown');
    expect(processState(process.pid)).toBe('running');
  });
});
