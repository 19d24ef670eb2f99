/**
 * Two places where edits could be lost without a crash, and the checks `atomicWrite` gained:
 *   - closing the service (quitting the app) while the disk refuses writes: `close()` must not drop
 *     the edits — it answers `io` and stays open and working; `close({ force: true })` closes and
 *     says what was not saved; the web shell's stop does the latter (a terminal cannot ask);
 *   - `atomicWrite`'s caller checks (the content about to be backed up, and a last look right before
 *     the rename) pass their error through unchanged and leave no temp file; a backup whose folder
 *     sync fails does not count as the target being written.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { AtomicWriteError, atomicWrite } from '../../../src/main/core/atomicWrite';
import { nodeFs } from '../../../src/main/core/fsAdapter';
import type { WorkspaceService, WorkspaceServiceOptions } from '../../../src/main/core/service';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { runWebShell } from '../../../src/main/web/runWebShell';
import { makeCountingFs, makeTempWorkspace, productText, startService, writeText, type CountingFs, type TempWorkspace, type DispatchedService } from '../core/fixtures';

let tw: TempWorkspace;

beforeEach(() => {
  tw = makeTempWorkspace();
});

afterEach(() => tw.cleanup());

describe('closing while the disk refuses writes', () => {
  let service: DispatchedService;
  let cfs: CountingFs;
  const file = (): string => join(tw.folder, 'alpha.product.json');

  beforeEach(async () => {
    cfs = makeCountingFs();
    ({ service } = await startService(tw, { writeDelayMs: 60_000 }, { fs: cfs.fs, maxWriteDelayMs: 120_000, retryDelaysMs: [60_000] }));
    writeText(file(), productText('alpha', { name: 'Alpha' }));
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'typed before quitting' } }] });
    cfs.failOn('rename', 'ENOSPC', (p) => p === file());
  });

  afterEach(async () => {
    cfs.clear();
    await service.close({ force: true }).catch(() => undefined);
  });

  it('refuses to close, says why, and stays open with the edits; once the disk recovers it saves and closes', async () => {
    const error = await service.close().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(/not closed.*Disk full \(ENOSPC\).*alpha\.product\.json/) });
    // Still open and working: the edits are there, more can be made.
    const open = await service['product.open']({ id: 'alpha' });
    expect(open.product.summary).toBe('typed before quitting');
    await service['product.applyEdits']({ id: 'alpha', baseRevision: open.revision, edits: [{ type: 'product.update', patch: { author: 'me' } }] });
    expect(readFileSync(file(), 'utf8')).not.toContain('typed before quitting');
    cfs.clear();
    await service.close();
    const saved = readFileSync(file(), 'utf8');
    expect(saved).toContain('"summary": "typed before quitting"');
    expect(saved).toContain('"author": "me"');
    await expect(service['workspace.info']({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('closes when forced, and the error says what was not saved', async () => {
    await expect(service.close({ force: true })).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/could not be saved.*ENOSPC/) });
    await expect(service['workspace.info']({})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('the web shell stopping while the disk refuses writes', () => {
  it('closes by force after the refusal and reports it (a terminal cannot ask)', async () => {
    const cfs = makeCountingFs();
    mkdirSync(tw.folder, { recursive: true });
    writeText(join(tw.folder, 'alpha.product.json'), productText('alpha'));
    let created: WorkspaceService | null = null;
    const shell = await runWebShell(
      { workspace: tw.folder, samples: tw.samples, staticDir: tw.root, port: 0, writeDelayMs: 60_000, token: undefined, help: false },
      {
        createService: async (options: WorkspaceServiceOptions) => (created = await createWorkspaceService(options, { fs: cfs.fs, pollIntervalMs: 0, useFsWatch: false, retryDelaysMs: [60_000] })),
        print: () => undefined,
      },
    );
    const { revision } = await shell.service['product.open']({ id: 'alpha' });
    await shell.service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'x' } }] });
    cfs.failOn('rename', 'EIO', (p) => p.endsWith('alpha.product.json'));
    await expect(shell.stop()).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/EIO/) });
    expect(created).not.toBeNull();
    await expect(shell.service['workspace.info']({})).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/closed/) });
  });
});

describe('atomicWrite checks', () => {
  const target = (): string => join(tw.root, 'a.product.json');
  const backup = (): string => join(tw.root, 'a.bak');

  beforeEach(() => {
    writeFileSync(target(), 'old');
  });

  it('checkBackupSource sees the current content and can refuse before anything is written', async () => {
    const seen: string[] = [];
    const refusal = new Error('changed by someone else');
    const error = await atomicWrite(nodeFs, target(), Buffer.from('new'), {
      backupTo: backup(),
      checkBackupSource: (current) => {
        seen.push(current.toString());
        throw refusal;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(refusal);
    expect(seen).toEqual(['old']);
    expect(readdirSync(tw.root).sort()).toEqual(['a.product.json']);
    expect(readFileSync(target(), 'utf8')).toBe('old');
  });

  it('beforeReplace runs after the temp file is durable, right before the rename; its error passes through and the temp file goes', async () => {
    const cfs = makeCountingFs();
    const refusal = new ApiError('exists', 'someone made it');
    let fsyncsBefore = -1;
    const error = await atomicWrite(cfs.fs, target(), Buffer.from('new'), {
      beforeReplace: async () => {
        fsyncsBefore = cfs.count('fsync');
        expect(readdirSync(tw.root).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
        throw refusal;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(refusal);
    expect(fsyncsBefore).toBe(1);
    expect(cfs.count('rename')).toBe(0);
    expect(readdirSync(tw.root).sort()).toEqual(['a.product.json']);
    expect(readFileSync(target(), 'utf8')).toBe('old');
  });

  it('a backup whose folder sync fails fails the write as not committed, with the target untouched', async () => {
    const cfs = makeCountingFs();
    const backupDir = join(tw.root, 'backups');
    mkdirSync(backupDir);
    cfs.failOn('fsyncDir', 'EIO', (p) => p === backupDir);
    const error = await atomicWrite(cfs.fs, target(), Buffer.from('new'), { backupTo: join(backupDir, 'a.bak') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtomicWriteError);
    expect(error).toMatchObject({ committed: false, code: 'EIO', written: null });
    expect(readFileSync(target(), 'utf8')).toBe('old');
  });
});
