/**
 * `recovery.list`, `recovery.restore`, `recovery.delete` on the real service: a version the app set
 * aside when the learner took the version on disk stays listed, can be restored as a new product
 * (never over an existing one), and is gone only when the learner deletes it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type WorkspaceEvent } from '../../../src/shared/api/contract';
import { dispatchApiCall } from '../../../src/shared/api/dispatch';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { RECOVERY_REASONS } from '../../../src/main/core/recoveredVersions';
import { EventLog, makeProduct, makeTempWorkspace, productText, startService, writeText, type TempWorkspace, type DispatchedService } from './fixtures';

const T = 1_767_225_600_000;
let tw: TempWorkspace;
let service: DispatchedService;
let events: EventLog;

const fileOf = (id: string): string => join(tw.folder, `${id}.product.json`);
const recoveredDir = (): string => join(tw.folder, '.backups', 'recovered');

beforeEach(async () => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  writeText(fileOf('alpha'), productText('alpha', { name: 'Alpha', storyCount: 3 }));
  // A long write delay keeps edits pending while "another program" writes; one fixed clock makes
  // every set-aside version fall in the same millisecond.
  ({ service, events } = await startService(tw, { writeDelayMs: 60_000 }, { maxWriteDelayMs: 120_000, pollIntervalMs: 0, useFsWatch: false, now: () => T }));
});

afterEach(async () => {
  await service.close({ force: true }).catch(() => undefined);
  tw.cleanup();
});

function readProduct(id: string) {
  const parsed = parseProductText(readFileSync(fileOf(id), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof ApiError ? e.code : `not an ApiError: ${String(e)}`),
  );
}

/** Edit alpha, let another program change the file, then take the version on disk. */
async function takeDiskVersionOver(localSummary: string, theirSummary: string): Promise<void> {
  const opened = await service['product.open']({ id: 'alpha' });
  await service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: localSummary } }] });
  writeText(fileOf('alpha'), serializeProduct({ ...makeProduct('alpha', { name: 'Alpha', storyCount: 3 }), summary: theirSummary }));
  expect(await codeOf(service['product.flush']({ id: 'alpha' }))).toBe('conflict');
  await service['product.resolveConflict']({ id: 'alpha', choice: 'take-disk' });
  const reopened = await service['product.open']({ id: 'alpha' });
  expect(reopened.product.summary).toBe(theirSummary);
}

const changes = (): WorkspaceEvent[] => events.events.filter((e) => e.type === 'workspace.changed');

describe('versions set aside when the learner takes the version on disk', () => {
  it('each discard is kept, listed newest first with its reason, and announced', async () => {
    await takeDiskVersionOver('my first edit', 'their first edit');
    const afterFirst = changes().length;
    expect(afterFirst).toBeGreaterThan(0);
    await takeDiskVersionOver('my second edit', 'their second edit');
    expect(changes().length).toBeGreaterThan(afterFirst);

    const { entries } = await service['recovery.list']({});
    expect(entries).toHaveLength(2);
    expect(entries.map((e) => [e.status, e.productId, e.reason])).toEqual([
      ['ok', 'alpha', RECOVERY_REASONS.tookDiskVersion],
      ['ok', 'alpha', RECOVERY_REASONS.tookDiskVersion],
    ]);
    expect(entries[0]?.savedAt).toBeGreaterThanOrEqual(entries[1]?.savedAt ?? Infinity);
    expect(readdirSync(recoveredDir()).filter((n) => n.endsWith('.product.json'))).toHaveLength(2);
    // Not a product of the workspace: the product list is unchanged.
    expect((await service['products.list']({})).products.map((p) => (p.status === 'ok' ? p.id : p.file))).toEqual(['alpha']);
  });
});

describe('recovery.restore', () => {
  it('writes the recovered version as a new product "<name> (recovered)", keeps the original and the recovered file', async () => {
    await takeDiskVersionOver('my unsaved work', 'theirs');
    const [entry] = (await service['recovery.list']({})).entries;
    if (!entry) throw new Error('nothing listed');
    const before = changes().length;
    const { id } = await service['recovery.restore']({ recoveryId: entry.recoveryId });
    expect(id).toBe('alpha-recovered');
    expect(changes().length).toBeGreaterThan(before);
    const restored = readProduct(id);
    expect([restored.id, restored.name, restored.summary, restored.stories.length]).toEqual(['alpha-recovered', 'Alpha (recovered)', 'my unsaved work', 3]);
    expect(readProduct('alpha').summary).toBe('theirs');
    expect((await service['product.open']({ id })).product.summary).toBe('my unsaved work');
    // Kept until deleted; restoring again makes another product, never replacing the first.
    expect((await service['recovery.list']({})).entries.map((e) => e.recoveryId)).toEqual([entry.recoveryId]);
    const again = await service['recovery.restore']({ recoveryId: entry.recoveryId, name: 'My rescued work' });
    expect(again.id).toBe('my-rescued-work');
    expect(readProduct('alpha-recovered').summary).toBe('my unsaved work');
    expect(readProduct('my-rescued-work').name).toBe('My rescued work');
  });

  it('restores the .discarded backup of an earlier app version', async () => {
    mkdirSync(join(tw.folder, '.backups'), { recursive: true });
    writeFileSync(join(tw.folder, '.backups', 'alpha.discarded.product.json.bak'), serializeProduct({ ...makeProduct('alpha', { name: 'Alpha' }), summary: 'old discard' }));
    const { entries } = await service['recovery.list']({});
    expect(entries.map((e) => [e.recoveryId, e.reason])).toEqual([['alpha.discarded', RECOVERY_REASONS.legacy]]);
    const { id } = await service['recovery.restore']({ recoveryId: 'alpha.discarded' });
    expect(readProduct(id).summary).toBe('old discard');
  });

  it('answers not-found for a version that is gone and broken-file for one that does not read', async () => {
    expect(await codeOf(service['recovery.restore']({ recoveryId: `alpha.${T}` }))).toBe('not-found');
    mkdirSync(recoveredDir(), { recursive: true });
    writeFileSync(join(recoveredDir(), `alpha.${T}.product.json`), '{ "id": "alp');
    expect(await codeOf(service['recovery.restore']({ recoveryId: `alpha.${T}` }))).toBe('broken-file');
    expect((await service['recovery.list']({})).entries.map((e) => e.status)).toEqual(['broken']);
    expect(readFileSync(join(recoveredDir(), `alpha.${T}.product.json`), 'utf8')).toBe('{ "id": "alp');
  });
});

describe('recovery.delete', () => {
  it('removes exactly the one version, announces it, and then answers not-found', async () => {
    await takeDiskVersionOver('one', 'theirs 1');
    await takeDiskVersionOver('two', 'theirs 2');
    const [newest, oldest] = (await service['recovery.list']({})).entries;
    if (!newest || !oldest) throw new Error('two versions expected');
    const before = changes().length;
    expect(await service['recovery.delete']({ recoveryId: newest.recoveryId })).toEqual({});
    expect(changes().length).toBeGreaterThan(before);
    expect((await service['recovery.list']({})).entries.map((e) => e.recoveryId)).toEqual([oldest.recoveryId]);
    expect(await codeOf(service['recovery.delete']({ recoveryId: newest.recoveryId }))).toBe('not-found');
    expect(existsSync(fileOf('alpha'))).toBe(true);
  });
});

describe('at the boundary', () => {
  it.each(['../alpha.1767225600000', 'alpha/x.1767225600000', '/etc/passwd', 'alpha.product.json', 'alpha'])('refuses the recovery id %j', async (recoveryId) => {
    for (const method of ['recovery.restore', 'recovery.delete'] as const) {
      const response = await dispatchApiCall(service, method, { recoveryId });
      expect(response.ok ? 'ok' : response.error.code, method).toBe('bad-request');
      expect(await codeOf((service[method] as (input: unknown) => Promise<unknown>)({ recoveryId })), method).toBe('bad-request');
    }
  });
});
