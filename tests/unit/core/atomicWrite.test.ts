import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomicWriteError, atomicWrite, isTempFileName, tempPathFor } from '../../../src/main/core/atomicWrite';
import type { FsOp } from '../../../src/main/core/fsAdapter';
import { makeCountingFs, makeTempWorkspace, type TempWorkspace } from './fixtures';

let tw: TempWorkspace;
let dir: string;

beforeEach(() => {
  tw = makeTempWorkspace();
  dir = join(tw.root, 'd');
  mkdirSync(dir);
});

afterEach(() => tw.cleanup());

const OLD = Buffer.from('old content\n');
const NEW = Buffer.from('new content, longer than the old one\n');

describe('atomicWrite', () => {
  it('creates, then replaces a file, syncing the file and the folder, leaving no temp file', async () => {
    const cfs = makeCountingFs();
    const target = join(dir, 'a.product.json');
    const stats = await atomicWrite(cfs.fs, target, OLD);
    expect(readFileSync(target)).toEqual(OLD);
    await atomicWrite(cfs.fs, target, NEW);
    expect(readFileSync(target)).toEqual(NEW);
    expect(readdirSync(dir)).toEqual(['a.product.json']);
    expect(cfs.count('fsync')).toBe(2);
    expect(cfs.count('fsyncDir')).toBe(2);
    expect(stats.size).toBe(OLD.byteLength);
  });

  it('returns stat data that still describe the file after the rename (size, mtime, inode)', async () => {
    const cfs = makeCountingFs();
    const target = join(dir, 'a.product.json');
    const stats = await atomicWrite(cfs.fs, target, NEW);
    const after = statSync(target);
    expect([stats.size, stats.mtimeMs, stats.ino]).toEqual([after.size, after.mtimeMs, after.ino]);
  });

  it('copies the current content to the backup path first', async () => {
    const cfs = makeCountingFs();
    const target = join(dir, 'a.product.json');
    const backup = join(dir, 'a.product.json.bak');
    writeFileSync(target, OLD);
    await atomicWrite(cfs.fs, target, NEW, { backupTo: backup });
    expect(readFileSync(backup)).toEqual(OLD);
    expect(readFileSync(target)).toEqual(NEW);
    // No backup when there is nothing to back up.
    await atomicWrite(cfs.fs, join(dir, 'b.product.json'), NEW, { backupTo: join(dir, 'b.bak') });
    expect(readdirSync(dir).sort()).toEqual(['a.product.json', 'a.product.json.bak', 'b.product.json']);
  });

  const failingSteps: FsOp[] = ['openExclusive', 'write', 'fsync', 'fstat', 'close', 'rename'];
  for (const op of failingSteps) {
    for (const code of ['ENOSPC', 'EACCES', 'EIO']) {
      it(`keeps the old file whole when ${op} fails with ${code}, and removes its temp file`, async () => {
        const cfs = makeCountingFs();
        const target = join(dir, 'a.product.json');
        writeFileSync(target, OLD);
        cfs.failOn(op, code, (p) => p === target || isTempFileName(p.slice(dir.length + 1)));
        const error = await atomicWrite(cfs.fs, target, NEW).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AtomicWriteError);
        expect((error as AtomicWriteError).code).toBe(code);
        expect((error as AtomicWriteError).committed).toBe(false);
        expect(readFileSync(target)).toEqual(OLD);
        expect(readdirSync(dir)).toEqual(['a.product.json']);
      });
    }
  }

  it('a failing backup fails the write before the target is touched', async () => {
    const cfs = makeCountingFs();
    const target = join(dir, 'a.product.json');
    writeFileSync(target, OLD);
    cfs.failOn('rename', 'ENOSPC', (p) => p.endsWith('.bak'));
    await expect(atomicWrite(cfs.fs, target, NEW, { backupTo: join(dir, 'a.bak') })).rejects.toBeInstanceOf(AtomicWriteError);
    expect(readFileSync(target)).toEqual(OLD);
    expect(readdirSync(dir)).toEqual(['a.product.json']);
  });

  it('reports a failed folder sync after the rename as committed', async () => {
    const cfs = makeCountingFs();
    const target = join(dir, 'a.product.json');
    writeFileSync(target, OLD);
    cfs.failOn('fsyncDir', 'EIO');
    const error = (await atomicWrite(cfs.fs, target, NEW).catch((e: unknown) => e)) as AtomicWriteError;
    expect(error.committed).toBe(true);
    expect(error.written?.size).toBe(NEW.byteLength);
    expect(readFileSync(target)).toEqual(NEW);
  });

  it('never writes through a link planted at the temp name or the target', async () => {
    const cfs = makeCountingFs();
    const outside = join(tw.root, 'outside.txt');
    writeFileSync(outside, 'outside');
    const target = join(dir, 'a.product.json');
    symlinkSync(outside, target);
    await atomicWrite(cfs.fs, target, NEW);
    // The link itself was replaced by a regular file; what it pointed to is untouched.
    expect(readFileSync(outside, 'utf8')).toBe('outside');
    expect(readFileSync(target)).toEqual(NEW);
  });

  it('names temp files uniquely next to the target', () => {
    const a = tempPathFor(join(dir, 'x.product.json'));
    const b = tempPathFor(join(dir, 'x.product.json'));
    expect(a).not.toBe(b);
    expect(a.startsWith(join(dir, '.x.product.json.'))).toBe(true);
    expect(isTempFileName(a.slice(dir.length + 1))).toBe(true);
    expect(isTempFileName('x.product.json')).toBe(false);
  });
});
