import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceEvent } from '../../../src/shared/api/contract';
import type { FsOp } from '../../../src/main/core/fsAdapter';
import { EventLog, makeCountingFs, makeTempWorkspace, productText, sleep, startService, writeText, type CountingFs, type TempWorkspace, type DispatchedService } from './fixtures';

let tw: TempWorkspace;
let service: DispatchedService;
let events: EventLog;
let cfs: CountingFs;

const file = (id = 'alpha'): string => join(tw.folder, `${id}.product.json`);
const isAlphaFile = (path: string): boolean => path === file();
const isTempOfAlpha = (path: string): boolean => path.startsWith(join(tw.folder, '.alpha.product.json.'));

type SaveStateEvent = Extract<WorkspaceEvent, { type: 'product.saveState' }>;
const isSaveState =
  (state: string) =>
  (e: WorkspaceEvent): e is SaveStateEvent =>
    e.type === 'product.saveState' && e.state === state;

beforeEach(async () => {
  tw = makeTempWorkspace();
  cfs = makeCountingFs();
  // Retries far apart so each test decides when the retry happens (by flush or by an edit).
  ({ service, events } = await startService(tw, { writeDelayMs: 20 }, { fs: cfs.fs, retryDelaysMs: [60_000] }));
  writeText(file(), productText('alpha', { name: 'Alpha' }));
});

afterEach(async () => {
  cfs.release();
  cfs.clear();
  await service.close().catch(() => undefined);
  tw.cleanup();
});

async function editSummary(summary: string): Promise<number> {
  const { revision } = await service['product.open']({ id: 'alpha' });
  return (await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary } }] })).revision;
}

function firstTimeOnly(match: (path: string) => boolean): (path: string) => boolean {
  const seen = new Set<string>();
  return (path) => {
    if (!match(path) || seen.has(path)) return false;
    seen.add(path);
    return true;
  };
}

function tempFiles(): string[] {
  return readdirSync(tw.folder).filter((n) => n.endsWith('.tmp'));
}

describe('a write that fails', () => {
  const steps: { op: FsOp; code: string; match: (p: string) => boolean }[] = [
    { op: 'openExclusive', code: 'EACCES', match: isTempOfAlpha },
    { op: 'write', code: 'ENOSPC', match: isTempOfAlpha },
    { op: 'fsync', code: 'EIO', match: isTempOfAlpha },
    // The first close of each temp file fails; the clean-up close after it succeeds (no leaked fd).
    { op: 'close', code: 'EIO', match: firstTimeOnly(isTempOfAlpha) },
    { op: 'rename', code: 'ENOSPC', match: isAlphaFile },
  ];

  for (const step of steps) {
    it(`at ${step.op} (${step.code}) leaves the old file intact, reports the error, keeps the edits and retries`, async () => {
      const original = readFileSync(file());
      cfs.failOn(step.op, step.code, step.match);
      const revision = await editSummary('kept in memory');
      const error = await events.waitFor(isSaveState('error'));
      expect(error).toMatchObject({ id: 'alpha', revision });
      expect(error.message).toContain(step.code);
      expect(error.message).toMatch(/alpha\.product\.json.*your edits are kept and will be saved when possible/);
      expect(readFileSync(file()).equals(original)).toBe(true);
      expect(tempFiles()).toEqual([]);
      // flush reports the failure as io.
      await expect(service['product.flush']({ id: 'alpha' })).rejects.toMatchObject({ code: 'io', message: expect.stringContaining(step.code) });
      // The edit is still there in memory.
      const open = await service['product.open']({ id: 'alpha' });
      expect(open.revision).toBe(revision);
      expect(open.product.summary).toBe('kept in memory');
      // The disk recovers: the next flush writes it.
      cfs.clear();
      await service['product.flush']({ id: 'alpha' });
      expect(readFileSync(file(), 'utf8')).toContain('"summary": "kept in memory"');
      expect(events.events.filter(isSaveState('saved')).at(-1)).toMatchObject({ revision });
      expect(tempFiles()).toEqual([]);
    });
  }

  it('is retried on its own with backoff', async () => {
    await service.close();
    ({ service, events } = await startService(tw, { writeDelayMs: 10 }, { fs: cfs.fs, retryDelaysMs: [30, 60] }));
    cfs.failOn('rename', 'ENOSPC', isAlphaFile);
    await editSummary('retried');
    await events.waitFor(isSaveState('error'));
    await sleep(100);
    expect(events.events.filter(isSaveState('error')).length).toBeGreaterThanOrEqual(2);
    cfs.clear();
    await events.waitFor(isSaveState('saved'), 2000);
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "retried"');
  });

  it('is retried on the next edit', async () => {
    cfs.failOn('rename', 'ENOSPC', isAlphaFile);
    const r1 = await editSummary('first');
    await events.waitFor(isSaveState('error'));
    cfs.clear();
    events.clear();
    await service['product.applyEdits']({ id: 'alpha', baseRevision: r1, edits: [{ type: 'product.update', patch: { author: 'second' } }] });
    await events.waitFor(isSaveState('saved'));
    const text = readFileSync(file(), 'utf8');
    expect(text).toContain('"summary": "first"');
    expect(text).toContain('"author": "second"');
  });

  it('when only the folder sync fails, the content is in place and is not mistaken for a foreign change', async () => {
    cfs.failOn('fsyncDir', 'EIO', (p) => p === tw.folder);
    await editSummary('synced later');
    await events.waitFor(isSaveState('error'));
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "synced later"');
    cfs.clear();
    await service['product.flush']({ id: 'alpha' });
    expect(events.events.some((e) => e.type === 'product.conflict')).toBe(false);
  });

  it('a hanging disk delays only its own file; flush waits for it', async () => {
    writeText(file('beta'), productText('beta'));
    cfs.hangOn('fsync', isTempOfAlpha);
    await editSummary('slow');
    await sleep(60); // the write has started and hangs in fsync
    const flushed = service['product.flush']({ id: 'alpha' });
    let done = false;
    void flushed.then(() => {
      done = true;
    });
    // Another product saves meanwhile.
    const beta = await service['product.open']({ id: 'beta' });
    await service['product.applyEdits']({ id: 'beta', baseRevision: beta.revision, edits: [{ type: 'product.update', patch: { summary: 'beta saved' } }] });
    await service['product.flush']({ id: 'beta' });
    expect(readFileSync(file('beta'), 'utf8')).toContain('"summary": "beta saved"');
    expect(done).toBe(false);
    expect(readFileSync(file(), 'utf8')).not.toContain('"summary": "slow"');
    cfs.release();
    await flushed;
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "slow"');
  });
});
