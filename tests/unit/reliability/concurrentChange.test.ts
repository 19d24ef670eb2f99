/**
 * Another program changes the product file while the app is saving pending edits. Every
 * interleaving is tried: the save is stopped at each of its file-system steps, the other program
 * replaces the file (as an editor or git does), rewrites it in place, or deletes it, and the save
 * goes on. Then:
 *   - the other program's version is still on disk (no write clobbered it), or — if their write
 *     came after our rename — theirs is newer and still on disk, and our next save refuses;
 *   - the app reports a conflict (event and `conflict` answer), keeps the learner's edits, leaves
 *     no temp file and no backup of foreign content;
 *   - the learner can keep their version (saved as a copy) and take the disk version (the local
 *     one is kept in .backups), and edit on from there.
 * The one step no check can cover is the rename itself (no platform offers an atomic
 * "rename if unchanged"): the test pins that the window is exactly that one call.
 * This extends tests/unit/core/externalChanges.test.ts, which checks before-write and watcher cases.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { isTempFileName } from '../../../src/main/core/atomicWrite';
import { makeProduct, makeTempWorkspace, startService, writeText } from '../core/fixtures';
import { describeCall, makeFaultFs, type FsCall } from './faultFs';

const ID = 'alpha';
const START = makeProduct(ID, { name: 'Alpha', storyCount: 20 });
const OLD_TEXT = serializeProduct(START);
const MINE: Edit[] = [{ type: 'product.update', patch: { summary: 'my unsaved edit' } }];
const MINE_TEXT = serializeProduct(applyEdits(START, MINE).product);
const THEIRS_TEXT = serializeProduct({ ...START, summary: 'written by another program', author: 'someone else' });

type Writer = 'replace' | 'in-place' | 'delete';

function otherProgram(file: string, how: Writer): void {
  if (how === 'delete') unlinkSync(file);
  else if (how === 'in-place') writeFileSync(file, THEIRS_TEXT);
  else {
    writeFileSync(`${file}.editor-tmp`, THEIRS_TEXT);
    renameSync(`${file}.editor-tmp`, file);
  }
}

function stepPath(path: string, folder: string): string {
  return relative(folder, path).replace(/\.\d+\.[0-9a-f]{12}\.tmp$/, '.*.tmp');
}

async function prepare(firstSave: boolean) {
  const tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  const file = join(tw.folder, `${ID}.product.json`);
  writeText(file, OLD_TEXT);
  const faults = makeFaultFs();
  const { service, events } = await startService(
    tw,
    { writeDelayMs: 60_000 },
    { fs: faults.fs, maxWriteDelayMs: 120_000, retryDelaysMs: [60_000], pollIntervalMs: 0, useFsWatch: false, backupIntervalMs: 3_600_000 },
  );
  let { revision } = await service['product.open']({ id: ID });
  if (!firstSave) {
    // A save with no edit in it is not possible; make one and undo it so the file stays OLD_TEXT.
    ({ revision } = await service['product.applyEdits']({ id: ID, baseRevision: revision, edits: [{ type: 'product.update', patch: { author: 'x' } }] }));
    ({ revision } = await service['product.applyEdits']({ id: ID, baseRevision: revision, edits: [{ type: 'product.update', patch: { author: '' } }] }));
    await service['product.flush']({ id: ID });
  }
  ({ revision } = await service['product.applyEdits']({ id: ID, baseRevision: revision, edits: MINE }));
  return {
    tw,
    file,
    service,
    events,
    faults,
    revision,
    close: async () => {
      faults.release();
      await service.close().catch(() => undefined);
      tw.cleanup();
    },
  };
}

async function trace(firstSave: boolean): Promise<FsCall[]> {
  const s = await prepare(firstSave);
  try {
    s.faults.record();
    await s.service['product.flush']({ id: ID });
    return s.faults.calls.map((c) => ({ op: c.op, path: stepPath(c.path, s.tw.folder) }));
  } finally {
    await s.close();
  }
}

const TRACES = { first: await trace(true), later: await trace(false) };

function tempFiles(folder: string): string[] {
  return [folder, join(folder, '.backups')].filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((n) => isTempFileName(n)));
}

function readOrNull(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`;
  }
}

describe.each([
  ['the first save of a session (with a backup)', 'first'],
  ['a later save', 'later'],
] as const)('another program writes during %s', (_label, which) => {
  const calls = TRACES[which];
  const renameAt = calls.findIndex((c) => c.op === 'rename' && c.path === `${ID}.product.json`);

  it('the trace reaches the rename of the product file', () => {
    expect(renameAt).toBeGreaterThan(0);
    expect(calls.slice(renameAt + 1).map((c) => c.op)).toEqual(['fsyncDir']);
  });

  it.each(['replace', 'in-place', 'delete'] as const)('(%s): never clobbered except inside the rename call itself; conflict shown, both versions kept', async (how) => {
    const clobberedAt: number[] = [];
    for (let at = 0; at < calls.length; at += 1) {
      const call = calls[at];
      if (!call) continue;
      const s = await prepare(which === 'first');
      const step = `${how} at step ${at} (${describeCall(call, '')})`;
      try {
        s.faults.arm(at, { kind: 'hang' });
        const flushing = s.service['product.flush']({ id: ID }).then(
          () => 'ok',
          (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
        );
        const hungAt = await s.faults.hung();
        expect([hungAt.op, stepPath(hungAt.path, s.tw.folder)], step).toEqual([call.op, call.path]);
        otherProgram(s.file, how);
        const theirs = how === 'delete' ? null : THEIRS_TEXT;
        s.faults.release();
        const outcome = await flushing;
        const disk = readOrNull(s.file);

        if (disk !== theirs) {
          // Only the rename itself may land on top of their write.
          clobberedAt.push(at);
          continue;
        }
        if (at <= renameAt) {
          expect(outcome, `${step}: the save refuses`).toBe('conflict');
        } else {
          // Their write came after ours: ours completed and theirs is newer. The next edit's save
          // finds it and refuses.
          expect(outcome, step).toBe('ok');
          await s.service['product.applyEdits']({ id: ID, baseRevision: s.revision, edits: [{ type: 'product.update', patch: { author: 'me again' } }] });
          expect(await codeOf(s.service['product.flush']({ id: ID })), step).toBe('conflict');
          expect(readOrNull(s.file), `${step}: theirs stays`).toBe(theirs);
          continue;
        }
        expect(s.events.events.some((e) => e.type === 'product.conflict' && e.id === ID), `${step}: conflict event`).toBe(true);
        expect(tempFiles(s.tw.folder), step).toEqual([]);
        // The backup never holds the other program's version (it is the last version the app knew).
        const backup = readOrNull(join(s.tw.folder, '.backups', `${ID}.product.json.bak`));
        expect(backup === null || backup === OLD_TEXT, `${step}: backup is ours`).toBe(true);
        // The choice waits: reopening shows the unsaved version with the conflict, nothing is written.
        const inConflict = await s.service['product.open']({ id: ID });
        expect(inConflict.conflict?.disk, step).toBe(how === 'delete' ? 'missing' : 'changed');
        expect(serializeProduct(inConflict.product), step).toBe(MINE_TEXT);
        expect(readOrNull(s.file), `${step}: theirs stays`).toBe(theirs);

        if (how === 'delete') {
          // Write mine back: the file is mine again.
          await s.service['product.resolveConflict']({ id: ID, choice: 'write-mine' });
          await s.service['product.flush']({ id: ID });
          expect(readOrNull(s.file), step).toBe(MINE_TEXT);
          continue;
        }
        // Take theirs: the local version is set aside in .backups/recovered first, and editing
        // goes on from their version.
        await s.service['product.resolveConflict']({ id: ID, choice: 'take-disk' });
        const reopened = await s.service['product.open']({ id: ID });
        expect(serializeProduct(reopened.product), step).toBe(THEIRS_TEXT);
        const recovered = join(s.tw.folder, '.backups', 'recovered');
        const setAside = readdirSync(recovered).filter((n) => n.startsWith(`${ID}.`) && n.endsWith('.product.json'));
        expect(setAside.map((n) => readOrNull(join(recovered, n))), step).toEqual([MINE_TEXT]);
        await s.service['product.applyEdits']({ id: ID, baseRevision: reopened.revision, edits: [{ type: 'story.update', id: 'st-1', patch: { title: 'After the conflict' } }] });
        await s.service['product.flush']({ id: ID });
        const after = parseProductText(readFileSync(s.file, 'utf8'));
        expect(after.ok && [after.product.summary, after.product.author, after.product.stories[0]?.title], step).toEqual(['written by another program', 'someone else', 'After the conflict']);
      } finally {
        await s.close();
      }
    }
    // The only interleaving that loses their write is a write landing inside our rename call.
    expect(clobberedAt.filter((at) => at !== renameAt)).toEqual([]);
  });
});
