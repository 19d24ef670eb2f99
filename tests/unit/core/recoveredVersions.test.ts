/** The folder of set-aside versions, on real temp folders: nothing set aside is ever lost or replaced. */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, apiMethods } from '../../../src/shared/api/contract';
import { parseProductText } from '../../../src/shared/model/productFile';
import { nodeFs } from '../../../src/main/core/fsAdapter';
import {
  deleteRecoveredVersion,
  listRecoveredVersions,
  readRecoveredVersion,
  recoveredFolder,
  RECOVERY_REASONS,
  saveRecoveredVersion,
} from '../../../src/main/core/recoveredVersions';
import { makeProduct, makeTempWorkspace, productText, type TempWorkspace } from './fixtures';

const T = 1_767_225_600_000;
let tw: TempWorkspace;

beforeEach(() => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
});

afterEach(() => tw.cleanup());

function recoveredFiles(): string[] {
  const dir = recoveredFolder(tw.folder);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof ApiError ? e.code : `not an ApiError: ${String(e)}`),
  );
}

describe('saving a set-aside version', () => {
  it('keeps two versions of one product set aside in the same millisecond as two entries', async () => {
    const first = await saveRecoveredVersion(nodeFs, tw.folder, { ...makeProduct('alpha', { name: 'Alpha' }), summary: 'first' }, RECOVERY_REASONS.tookDiskVersion, T);
    const second = await saveRecoveredVersion(nodeFs, tw.folder, { ...makeProduct('alpha', { name: 'Alpha' }), summary: 'second' }, RECOVERY_REASONS.tookDiskVersion, T);
    expect(first.recoveryId).not.toBe(second.recoveryId);
    const entries = await listRecoveredVersions(nodeFs, tw.folder);
    expect(entries.map((e) => e.recoveryId).sort()).toEqual([first.recoveryId, second.recoveryId].sort());
    expect((await readRecoveredVersion(nodeFs, tw.folder, first.recoveryId)).summary).toBe('first');
    expect((await readRecoveredVersion(nodeFs, tw.folder, second.recoveryId)).summary).toBe('second');
  });

  it('many saves at once never replace one another', async () => {
    const saves = Array.from({ length: 8 }, (_, i) => saveRecoveredVersion(nodeFs, tw.folder, { ...makeProduct('alpha'), summary: `v${i}` }, 'why', T));
    const entries = await Promise.all(saves);
    expect(new Set(entries.map((e) => e.recoveryId)).size).toBe(8);
    const summaries = await Promise.all(entries.map((e) => readRecoveredVersion(nodeFs, tw.folder, e.recoveryId).then((p) => p.summary)));
    expect(summaries).toEqual(entries.map((_, i) => `v${i}`));
  });

  it('writes a plain product file and a note with the reason and time, and leaves no temp file', async () => {
    const entry = await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha', { name: 'Alpha', storyCount: 5 }), RECOVERY_REASONS.tookDiskVersion, T);
    expect(entry).toEqual({ status: 'ok', recoveryId: `alpha.${T}`, productId: 'alpha', name: 'Alpha', storyCount: 5, savedAt: T, reason: RECOVERY_REASONS.tookDiskVersion });
    expect(recoveredFiles()).toEqual([`alpha.${T}.product.json`, `alpha.${T}.reason.json`]);
    const text = readFileSync(join(recoveredFolder(tw.folder), `alpha.${T}.product.json`), 'utf8');
    expect(text).toBe(productText('alpha', { name: 'Alpha', storyCount: 5 }));
    expect(JSON.parse(readFileSync(join(recoveredFolder(tw.folder), `alpha.${T}.reason.json`), 'utf8'))).toEqual({ reason: RECOVERY_REASONS.tookDiskVersion, savedAt: T });
    expect(apiMethods['recovery.list'].output.safeParse({ entries: [entry] }).success).toBe(true);
  });

  it('refuses to write through a .backups/recovered that is a link out of the workspace', async () => {
    const outside = join(tw.root, 'outside');
    mkdirSync(outside);
    mkdirSync(join(tw.folder, '.backups'));
    symlinkSync(outside, recoveredFolder(tw.folder));
    await expect(saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha'), 'why', T)).rejects.toThrow(/symbolic link/);
    expect(readdirSync(outside)).toEqual([]);
    expect(await listRecoveredVersions(nodeFs, tw.folder)).toEqual([]);
  });
});

describe('listing set-aside versions', () => {
  it('lists newest first with name, story count, time and reason', async () => {
    await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha', { name: 'Alpha', storyCount: 2 }), 'oldest', T);
    await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('beta', { name: 'Beta', storyCount: 4 }), 'newest', T + 2000);
    await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha', { name: 'Alpha again' }), 'middle', T + 1000);
    const entries = await listRecoveredVersions(nodeFs, tw.folder);
    expect(entries.map((e) => [e.recoveryId, e.status === 'ok' ? e.name : '', e.reason, e.savedAt])).toEqual([
      [`beta.${T + 2000}`, 'Beta', 'newest', T + 2000],
      [`alpha.${T + 1000}`, 'Alpha again', 'middle', T + 1000],
      [`alpha.${T}`, 'Alpha', 'oldest', T],
    ]);
    expect(entries[0]?.status === 'ok' && entries[0].storyCount).toBe(4);
  });

  it('lists a file that does not read as broken, and keeps it', async () => {
    await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha'), 'why', T);
    const dir = recoveredFolder(tw.folder);
    writeFileSync(join(dir, `gamma.${T + 5}.product.json`), '{"schemaVersion": 2, "id": "gam');
    writeFileSync(join(dir, `delta.${T + 6}.product.json`), productText('not-delta'));
    const entries = await listRecoveredVersions(nodeFs, tw.folder);
    expect(entries.map((e) => [e.recoveryId, e.status])).toEqual([
      [`delta.${T + 6}`, 'broken'],
      [`gamma.${T + 5}`, 'broken'],
      [`alpha.${T}`, 'ok'],
    ]);
    const gamma = entries[1];
    expect(gamma?.status === 'broken' && gamma.problem).toMatch(/not valid JSON/);
    expect(gamma?.status === 'broken' && gamma.path).toBe(join(dir, `gamma.${T + 5}.product.json`));
    // Without its note, a version still lists, with the time in its name and a general reason.
    expect(gamma?.reason).toBe(RECOVERY_REASONS.unknown);
    expect(gamma?.savedAt).toBe(T + 5);
    expect(readFileSync(join(dir, `gamma.${T + 5}.product.json`), 'utf8')).toBe('{"schemaVersion": 2, "id": "gam');
    expect(await codeOf(readRecoveredVersion(nodeFs, tw.folder, `gamma.${T + 5}`))).toBe('broken-file');
    expect(apiMethods['recovery.list'].output.safeParse({ entries }).success).toBe(true);
  });

  it('lists a note that does not read with the general reason, and ignores files that are not versions', async () => {
    await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha'), 'why', T);
    const dir = recoveredFolder(tw.folder);
    writeFileSync(join(dir, `alpha.${T}.reason.json`), 'not json');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, `Alpha.${T}.product.json`), productText('alpha'));
    writeFileSync(join(dir, `orphan.${T}.reason.json`), '{"reason":"x","savedAt":1}');
    const entries = await listRecoveredVersions(nodeFs, tw.folder);
    expect(entries.map((e) => [e.recoveryId, e.reason, e.savedAt])).toEqual([[`alpha.${T}`, RECOVERY_REASONS.unknown, T]]);
  });

  it('lists the .discarded backup of earlier app versions, restorable and deletable', async () => {
    mkdirSync(join(tw.folder, '.backups'));
    const legacy = join(tw.folder, '.backups', 'alpha.discarded.product.json.bak');
    writeFileSync(legacy, productText('alpha', { name: 'Alpha old edits', storyCount: 7 }));
    writeFileSync(join(tw.folder, '.backups', 'alpha.product.json.bak'), productText('alpha'));
    const entries = await listRecoveredVersions(nodeFs, tw.folder);
    expect(entries).toEqual([
      { status: 'ok', recoveryId: 'alpha.discarded', productId: 'alpha', name: 'Alpha old edits', storyCount: 7, savedAt: expect.any(Number), reason: RECOVERY_REASONS.legacy },
    ]);
    expect((await readRecoveredVersion(nodeFs, tw.folder, 'alpha.discarded')).name).toBe('Alpha old edits');
    await deleteRecoveredVersion(nodeFs, tw.folder, 'alpha.discarded');
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(join(tw.folder, '.backups', 'alpha.product.json.bak'))).toBe(true);
  });

  it('an empty or missing folder lists nothing', async () => {
    expect(await listRecoveredVersions(nodeFs, tw.folder)).toEqual([]);
    mkdirSync(recoveredFolder(tw.folder), { recursive: true });
    expect(await listRecoveredVersions(nodeFs, tw.folder)).toEqual([]);
  });
});

describe('deleting a set-aside version', () => {
  it('removes exactly that version and its note', async () => {
    const a = await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha'), 'why', T);
    const b = await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('alpha'), 'why', T);
    const c = await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('beta'), 'why', T);
    await deleteRecoveredVersion(nodeFs, tw.folder, b.recoveryId);
    expect((await listRecoveredVersions(nodeFs, tw.folder)).map((e) => e.recoveryId).sort()).toEqual([a.recoveryId, c.recoveryId].sort());
    expect(recoveredFiles()).toHaveLength(4);
    expect(await codeOf(deleteRecoveredVersion(nodeFs, tw.folder, b.recoveryId))).toBe('not-found');
    expect(await codeOf(readRecoveredVersion(nodeFs, tw.folder, b.recoveryId))).toBe('not-found');
  });

  it('a broken version can be deleted', async () => {
    mkdirSync(recoveredFolder(tw.folder), { recursive: true });
    writeFileSync(join(recoveredFolder(tw.folder), `gamma.${T}.product.json`), 'garbage');
    await deleteRecoveredVersion(nodeFs, tw.folder, `gamma.${T}`);
    expect(recoveredFiles()).toEqual([]);
  });
});

describe('recovery ids', () => {
  it.each(['../alpha.1767225600000', 'alpha/../../x.1767225600000', '/etc/passwd', 'alpha', 'alpha.123', 'alpha.1767225600000/..', 'ALPHA.1767225600000', 'alpha.1767225600000\u0000', '..', '', 'alpha.discarded.product.json.bak', 'alpha..1767225600000', '-alpha.1767225600000', 'alpha.1767225600000.product.json'])(
    'refuses %j without touching the disk',
    async (recoveryId) => {
      mkdirSync(recoveredFolder(tw.folder), { recursive: true });
      expect(await codeOf(readRecoveredVersion(nodeFs, tw.folder, recoveryId))).toBe('bad-request');
      expect(await codeOf(deleteRecoveredVersion(nodeFs, tw.folder, recoveryId))).toBe('bad-request');
      expect(apiMethods['recovery.delete'].input.safeParse({ recoveryId }).success).toBe(false);
    },
  );

  it('the contract accepts the ids the module makes', async () => {
    const entry = await saveRecoveredVersion(nodeFs, tw.folder, makeProduct('my-product-2'), 'why', T);
    expect(apiMethods['recovery.restore'].input.safeParse({ recoveryId: entry.recoveryId }).success).toBe(true);
    expect(apiMethods['recovery.restore'].input.safeParse({ recoveryId: 'my-product-2.discarded' }).success).toBe(true);
    const parsed = parseProductText(readFileSync(join(recoveredFolder(tw.folder), `${entry.recoveryId}.product.json`), 'utf8'));
    expect(parsed.ok && parsed.product.id).toBe('my-product-2');
  });
});
