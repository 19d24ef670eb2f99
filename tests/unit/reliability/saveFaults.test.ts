/**
 * Fault injection at every step of a save (SQLite-style). The file-system calls of one save are
 * recorded — the check that the file is still ours, the `.backups` folder, reading the current
 * version, the backup's temp file (create, write, fsync, stat, close), its rename and folder sync,
 * then the same for the product file — and the save is run again once per call, per fault:
 *   - the call fails with ENOSPC, EACCES or EIO: the file on disk is wholly the old version (wholly
 *     the new one only when the failure came after the rename), the backup is whole, no temp file
 *     is left, save state "error" names the cause, `product.flush` answers `io`, the edits are still
 *     in memory, and once the disk recovers the next flush writes exactly them;
 *   - the call stops (hangs): what is on disk at that moment — what a crash there would leave — is
 *     wholly old or wholly new, and a second service started on the folder opens it without help;
 *     released, the save completes.
 * The first save of a session (which refreshes the backup) and a later one (which does not) are
 * both covered. This extends tests/unit/core/writeFailures.test.ts, which fails five chosen steps.
 * Here the backup is refreshed by the save itself (`backupOnFirstEdit: false`); the app's default,
 * a backup made as the first edit arrives, is broken step by step in backupOnFirstEdit.test.ts.
 */
import { readdirSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError, type WorkspaceEvent } from '../../../src/shared/api/contract';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { isTempFileName } from '../../../src/main/core/atomicWrite';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { makeProduct, makeTempWorkspace, startService, writeText, type TempWorkspace } from '../core/fixtures';
import { describeCall, makeFaultFs, type Fault, type FsCall } from './faultFs';

const ID = 'alpha';
const CODES = ['ENOSPC', 'EACCES', 'EIO'] as const;
const OLD_TEXT = serializeProduct(makeProduct(ID, { name: 'Alpha', storyCount: 40 }));
const FIRST_EDIT: Edit[] = [{ type: 'product.update', patch: { summary: 'saved once already' } }];
const TYPED: Edit[] = [
  { type: 'product.update', patch: { summary: 'what the learner typed' } },
  { type: 'story.update', id: 'st-2', patch: { title: 'A title typed just before the disk failed' } },
];

type SaveNumber = 1 | 2;

interface Texts {
  before: string;
  after: string;
}

/** The text on disk before the save under test, and the text it writes. */
function textsFor(save: SaveNumber): Texts {
  const start = makeProduct(ID, { name: 'Alpha', storyCount: 40 });
  const base = save === 1 ? start : applyEdits(start, FIRST_EDIT).product;
  return { before: serializeProduct(base), after: serializeProduct(applyEdits(base, TYPED).product) };
}

const faultsInjected = { failures: 0, hangs: 0 };

interface Scenario {
  tw: TempWorkspace;
  service: Awaited<ReturnType<typeof startService>>['service'];
  events: Awaited<ReturnType<typeof startService>>['events'];
  faults: ReturnType<typeof makeFaultFs>;
  revision: number;
  texts: Texts;
  close(): Promise<void>;
}

/** A service on a fresh workspace, with the product open and `TYPED` applied (not yet saved). */
async function prepare(save: SaveNumber): Promise<Scenario> {
  const tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  writeText(join(tw.folder, `${ID}.product.json`), OLD_TEXT);
  const faults = makeFaultFs();
  // Saves happen only on flush (the write delay is long), retries only when the test flushes, and
  // nothing else touches the disk meanwhile (no watcher).
  const { service, events } = await startService(
    tw,
    { writeDelayMs: 60_000 },
    { fs: faults.fs, maxWriteDelayMs: 120_000, retryDelaysMs: [60_000], pollIntervalMs: 0, useFsWatch: false, backupIntervalMs: 3_600_000, backupOnFirstEdit: false },
  );
  let { revision } = await service['product.open']({ id: ID });
  if (save === 2) {
    ({ revision } = await service['product.applyEdits']({ id: ID, baseRevision: revision, edits: FIRST_EDIT }));
    await service['product.flush']({ id: ID });
  }
  ({ revision } = await service['product.applyEdits']({ id: ID, baseRevision: revision, edits: TYPED }));
  return {
    tw,
    service,
    events,
    faults,
    revision,
    texts: textsFor(save),
    close: async () => {
      faults.release();
      await service.close().catch(() => undefined);
      tw.cleanup();
    },
  };
}

/** A call's path relative to the workspace, with the random part of temp-file names blanked out. */
function stepPath(path: string, folder: string): string {
  return relative(folder, path).replace(/\.\d+\.[0-9a-f]{12}\.tmp$/, '.*.tmp');
}

/** Record the calls the save makes. */
async function traceSave(save: SaveNumber): Promise<FsCall[]> {
  const s = await prepare(save);
  try {
    s.faults.record();
    await s.service['product.flush']({ id: ID });
    // Relative paths: each scenario runs in a fresh temp folder.
    return s.faults.calls.map((c) => ({ op: c.op, path: stepPath(c.path, s.tw.folder) }));
  } finally {
    await s.close();
  }
}

const TRACES: Record<SaveNumber, FsCall[]> = { 1: await traceSave(1), 2: await traceSave(2) };

afterAll(() => {
  const steps = TRACES[1].length + TRACES[2].length;
  console.log(
    `Save fault injection: ${faultsInjected.failures + faultsInjected.hangs} faults injected (${faultsInjected.failures} failures, ` +
      `${faultsInjected.hangs} stops) at the ${steps} file-system steps of two kinds of save; nothing lost.`,
  );
});

function productFile(s: Scenario): string {
  return join(s.tw.folder, `${ID}.product.json`);
}

function tempFiles(s: Scenario): string[] {
  const dirs = [s.tw.folder, join(s.tw.folder, '.backups')].filter((d) => existsSync(d));
  return dirs.flatMap((d) => readdirSync(d).filter((n) => isTempFileName(n)));
}

/** Index of the rename that replaces the product file: calls after it find the new content in place. */
function productRenameIndex(trace: readonly FsCall[]): number {
  return trace.findIndex((c) => c.op === 'rename' && c.path === `${ID}.product.json`);
}

/** An unexpected error, labelled with the step whose fault led to it. */
function withStep(error: unknown, step: string): Error {
  if (error instanceof Error && error.message.startsWith(step)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return Object.assign(new Error(`${step}: ${message}`, { cause: error }), { stack: error instanceof Error ? error.stack : undefined });
}

const isSaveState = (e: WorkspaceEvent): e is Extract<WorkspaceEvent, { type: 'product.saveState' }> => e.type === 'product.saveState';

async function flushOutcome(s: Scenario): Promise<{ ok: true } | { ok: false; error: ApiError }> {
  try {
    await s.service['product.flush']({ id: ID });
    return { ok: true };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    throw error;
  }
}

/** A second, independent service on the folder: what the next start of the app would find. */
async function nextStartOpens(folder: string, root: string): Promise<string> {
  const other = await createWorkspaceService({ folder, samplesFolder: join(root, 'samples') }, { pollIntervalMs: 0, useFsWatch: false });
  try {
    const { products } = await other['products.list']({});
    expect(products.map((p) => p.status)).toEqual(['ok']);
    return serializeProduct((await other['product.open']({ id: ID })).product);
  } finally {
    await other.close();
  }
}

describe.each([1, 2] as const)('save %i of a session', (save) => {
  const trace = TRACES[save];

  it('makes the calls the matrix breaks (the trace covers every step of a crash-safe save)', () => {
    const ops = trace.map((c) => c.op);
    for (const op of ['lstat', 'openExclusive', 'write', 'fsync', 'fstat', 'close', 'rename', 'fsyncDir'] as const) expect(ops, op).toContain(op);
    // The first save of a session refreshes the backup (read the current file, write it by the same steps).
    const renames = trace.filter((c) => c.op === 'rename').map((c) => c.path);
    expect(renames).toEqual(save === 1 ? [join('.backups', `${ID}.product.json.bak`), `${ID}.product.json`] : [`${ID}.product.json`]);
    if (save === 1) expect(trace.some((c) => c.op === 'readFile' && c.path === `${ID}.product.json`)).toBe(true);
  });

  it.each(CODES)(`keeps the file whole, reports and keeps the edits when any step fails with %s`, async (code) => {
    for (let at = 0; at < trace.length; at += 1) {
      const call = trace[at];
      if (!call) continue;
      const s = await prepare(save);
      const step = `step ${at} (${describeCall(call, '')}) failing with ${code}`;
      try {
        s.events.clear();
        s.faults.arm(at, { kind: 'fail', code });
        const outcome = await flushOutcome(s);
        const made = s.faults.calls[at];
        expect(made && [made.op, stepPath(made.path, s.tw.folder)], `${step}: the save took the same path`).toEqual([call.op, call.path]);
        s.faults.disarm();
        faultsInjected.failures += 1;

        // Reported: flush answers io naming the cause, and the save state says why.
        expect(outcome.ok, step).toBe(false);
        if (!outcome.ok) {
          expect(outcome.error.code, step).toBe('io');
          expect(outcome.error.message, step).toContain(code);
        }
        const states = s.events.events.filter(isSaveState);
        expect(states.at(-1), step).toMatchObject({ state: 'error', revision: s.revision, message: expect.stringContaining(code) });
        expect(states.at(-1)?.message, step).toMatch(/your edits are kept/);
        expect(s.events.events.some((e) => e.type === 'product.conflict'), step).toBe(false);

        // On disk: wholly old, or wholly new if the failure came after the rename; no temp files.
        const disk = readFileSync(productFile(s), 'utf8');
        const renamed = at > productRenameIndex(trace);
        expect(disk === (renamed ? s.texts.after : s.texts.before), `${step}: file is wholly ${renamed ? 'new' : 'old'}`).toBe(true);
        const backup = join(s.tw.folder, '.backups', `${ID}.product.json.bak`);
        if (existsSync(backup)) expect(readFileSync(backup, 'utf8') === OLD_TEXT, `${step}: backup is the version before the session`).toBe(true);
        expect(tempFiles(s), step).toEqual([]);

        // Kept in memory.
        const open = await s.service['product.open']({ id: ID });
        expect(open.revision, step).toBe(s.revision);
        expect(serializeProduct(open.product) === s.texts.after, `${step}: edits kept in memory`).toBe(true);

        // The disk recovers: the next flush writes exactly the edits, and the state is saved.
        await s.service['product.flush']({ id: ID });
        expect(readFileSync(productFile(s), 'utf8') === s.texts.after, `${step}: written after recovery`).toBe(true);
        expect(s.events.events.filter(isSaveState).at(-1), step).toMatchObject({ state: 'saved' });
        expect(tempFiles(s), step).toEqual([]);
        expect(await nextStartOpens(s.tw.folder, s.tw.root), step).toBe(s.texts.after);
      } catch (error) {
        throw withStep(error, step);
      } finally {
        await s.close();
      }
    }
  });

  it('leaves a state a crash could not damage when the save stops at any step', async () => {
    for (let at = 0; at < trace.length; at += 1) {
      const call = trace[at];
      if (!call) continue;
      const s = await prepare(save);
      const step = `stopped at step ${at} (${describeCall(call, '')})`;
      try {
        const fault: Fault = { kind: 'hang' };
        s.faults.arm(at, fault);
        const flushing = s.service['product.flush']({ id: ID });
        const hungAt = await s.faults.hung();
        expect([hungAt.op, stepPath(hungAt.path, s.tw.folder)], step).toEqual([call.op, call.path]);
        faultsInjected.hangs += 1;

        // What a crash at this instant would leave: wholly old, or wholly new after the rename.
        const disk = readFileSync(productFile(s), 'utf8');
        const renamed = at > productRenameIndex(trace);
        expect(disk === (renamed ? s.texts.after : s.texts.before), `${step}: file is wholly ${renamed ? 'new' : 'old'}`).toBe(true);
        const backup = join(s.tw.folder, '.backups', `${ID}.product.json.bak`);
        if (existsSync(backup)) expect(readFileSync(backup, 'utf8') === OLD_TEXT, `${step}: backup whole`).toBe(true);
        // …and the next start opens it without help.
        expect(await nextStartOpens(s.tw.folder, s.tw.root), step).toBe(disk);

        s.faults.release();
        await flushing;
        expect(readFileSync(productFile(s), 'utf8') === s.texts.after, `${step}: completed after release`).toBe(true);
        expect(tempFiles(s), step).toEqual([]);
      } catch (error) {
        throw withStep(error, step);
      } finally {
        await s.close();
      }
    }
  });
});
