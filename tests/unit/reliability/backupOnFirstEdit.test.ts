/**
 * The backup made as the first edit of a session arrives (the app's default), while the write
 * waits for more edits. Its file-system calls are recorded and then each is made to fail or stop,
 * once per run: the save that follows must still succeed, the product file must be wholly old or
 * wholly new at every moment, the backup must be whole and hold the version from before the
 * session, and no temp file may be left behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { isTempFileName } from '../../../src/main/core/atomicWrite';
import { makeProduct, makeTempWorkspace, startService, writeText, type TempWorkspace } from '../core/fixtures';
import { describeCall, makeFaultFs, type FsCall } from './faultFs';

const ID = 'alpha';
const START = makeProduct(ID, { name: 'Alpha', storyCount: 40 });
const OLD_TEXT = serializeProduct(START);
const TYPED: Edit[] = [
  { type: 'product.update', patch: { summary: 'what the learner typed' } },
  { type: 'story.update', id: 'st-2', patch: { title: 'A title typed in a new session' } },
];
const NEW_TEXT = serializeProduct(applyEdits(START, TYPED).product);
const BACKUP = join('.backups', `${ID}.product.json.bak`);

interface Scenario {
  tw: TempWorkspace;
  service: Awaited<ReturnType<typeof startService>>['service'];
  faults: ReturnType<typeof makeFaultFs>;
  revision: number;
  close(): Promise<void>;
}

/** A service on a fresh workspace with the product open; saves happen only on flush. */
async function prepare(): Promise<Scenario> {
  const tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  writeText(join(tw.folder, `${ID}.product.json`), OLD_TEXT);
  const faults = makeFaultFs();
  const { service } = await startService(
    tw,
    { writeDelayMs: 60_000 },
    { fs: faults.fs, maxWriteDelayMs: 120_000, retryDelaysMs: [60_000], pollIntervalMs: 0, useFsWatch: false, backupIntervalMs: 3_600_000 },
  );
  const { revision } = await service['product.open']({ id: ID });
  return {
    tw,
    service,
    faults,
    revision,
    close: async () => {
      faults.release();
      await service.close().catch(() => undefined);
      tw.cleanup();
    },
  };
}

const relativeStep = (path: string, folder: string) => relative(folder, path).replace(/\.\d+\.[0-9a-f]{12}\.tmp$/, '.*.tmp');

function tempFiles(folder: string): string[] {
  return [folder, join(folder, '.backups')].filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((n) => isTempFileName(n)));
}

const read = (s: Scenario, path: string) => readFileSync(join(s.tw.folder, path), 'utf8');

/** The calls from the first edit to the end of the save that follows it. */
async function traceFirstEditAndSave(): Promise<FsCall[]> {
  const s = await prepare();
  try {
    s.faults.record();
    await s.service['product.applyEdits']({ id: ID, baseRevision: s.revision, edits: TYPED });
    await s.service['product.flush']({ id: ID });
    return s.faults.calls.map((c) => ({ op: c.op, path: relativeStep(c.path, s.tw.folder) }));
  } finally {
    await s.close();
  }
}

const TRACE = await traceFirstEditAndSave();
/** The backup's calls end with the folder sync after its rename; the save's own calls follow. */
const BACKUP_END = TRACE.findIndex((c, i) => c.op === 'fsyncDir' && TRACE[i - 1]?.op === 'rename' && TRACE[i - 1]?.path === BACKUP);

let faultsInjected = 0;
afterAll(() => {
  console.log(`Backup-on-first-edit fault injection: ${faultsInjected} faults at the ${BACKUP_END + 1} steps of the backup; every save still succeeded.`);
});

describe('the backup made on the first edit of a session', () => {
  it('is made before the save, which then only replaces the product file', () => {
    expect(BACKUP_END).toBeGreaterThan(0);
    const renames = TRACE.filter((c) => c.op === 'rename').map((c) => c.path);
    expect(renames).toEqual([BACKUP, `${ID}.product.json`]);
    const beforeSave = TRACE.slice(0, BACKUP_END + 1);
    expect(beforeSave.some((c) => c.op === 'readFile' && c.path === `${ID}.product.json`)).toBe(true);
    // The save itself reads nothing back and writes one file.
    const save = TRACE.slice(BACKUP_END + 1);
    expect(save.filter((c) => c.op === 'openExclusive')).toHaveLength(1);
    expect(save.some((c) => c.op === 'readFile')).toBe(false);
  });

  it('is on disk without a save, holding the version from before the session', async () => {
    const s = await prepare();
    try {
      await s.service['product.applyEdits']({ id: ID, baseRevision: s.revision, edits: TYPED });
      await expect.poll(() => existsSync(join(s.tw.folder, BACKUP))).toBe(true);
      await expect.poll(() => read(s, BACKUP)).toBe(OLD_TEXT);
      expect(read(s, `${ID}.product.json`)).toBe(OLD_TEXT);
    } finally {
      await s.close();
    }
  });

  it.each(['ENOSPC', 'EIO'])('when any of its steps fails with %s, the save backs up itself and succeeds', async (code) => {
    for (let at = 0; at <= BACKUP_END; at += 1) {
      const call = TRACE[at];
      if (!call) continue;
      const step = `step ${at} (${describeCall(call, '')}) failing with ${code}`;
      const s = await prepare();
      try {
        s.faults.arm(at, { kind: 'fail', code });
        await s.service['product.applyEdits']({ id: ID, baseRevision: s.revision, edits: TYPED });
        await s.service['product.flush']({ id: ID });
        const made = s.faults.calls[at];
        expect(made && [made.op, relativeStep(made.path, s.tw.folder)], `${step}: the same path was taken`).toEqual([call.op, call.path]);
        faultsInjected += 1;
        expect(read(s, `${ID}.product.json`) === NEW_TEXT, `${step}: saved`).toBe(true);
        expect(read(s, BACKUP) === OLD_TEXT, `${step}: backup whole, from before the session`).toBe(true);
        expect(tempFiles(s.tw.folder), step).toEqual([]);
      } finally {
        await s.close();
      }
    }
  });

  it('when it stops at any step, the files are whole and the save completes once released', async () => {
    for (let at = 0; at <= BACKUP_END; at += 1) {
      const call = TRACE[at];
      if (!call) continue;
      const step = `stopped at step ${at} (${describeCall(call, '')})`;
      const s = await prepare();
      try {
        s.faults.arm(at, { kind: 'hang' });
        await s.service['product.applyEdits']({ id: ID, baseRevision: s.revision, edits: TYPED });
        const flushing = s.service['product.flush']({ id: ID });
        const hungAt = await s.faults.hung();
        expect([hungAt.op, relativeStep(hungAt.path, s.tw.folder)], step).toEqual([call.op, call.path]);
        faultsInjected += 1;
        // What a crash at this instant would leave.
        expect(read(s, `${ID}.product.json`) === OLD_TEXT, `${step}: product file wholly old`).toBe(true);
        if (existsSync(join(s.tw.folder, BACKUP))) expect(read(s, BACKUP) === OLD_TEXT, `${step}: backup whole`).toBe(true);
        s.faults.release();
        await flushing;
        expect(read(s, `${ID}.product.json`) === NEW_TEXT, `${step}: saved after release`).toBe(true);
        expect(read(s, BACKUP) === OLD_TEXT, `${step}: backup from before the session`).toBe(true);
        expect(tempFiles(s.tw.folder), step).toEqual([]);
      } finally {
        await s.close();
      }
    }
  });
});
