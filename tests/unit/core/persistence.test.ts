import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceEvent } from '../../../src/shared/api/contract';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { EventLog, makeCountingFs, makeTempWorkspace, productText, sleep, startService, v1ProductText, writeText, type CountingFs, type TempWorkspace, type DispatchedService } from './fixtures';

let tw: TempWorkspace;
let service: DispatchedService;
let events: EventLog;
let cfs: CountingFs;

const file = (id = 'alpha'): string => join(tw.folder, `${id}.product.json`);

beforeEach(() => {
  tw = makeTempWorkspace();
  cfs = makeCountingFs();
});

afterEach(async () => {
  await service.close().catch(() => undefined);
  tw.cleanup();
});

/** Writes that replaced the product file (renames onto it). */
function writesOf(id: string): number {
  return cfs.renamesTo(file(id));
}

describe('coalescing', () => {
  it('100 edits in a tight loop become at most a few writes, and the last state is on disk', async () => {
    ({ service, events } = await startService(tw, { writeDelayMs: 50 }, { fs: cfs.fs }));
    writeText(file(), productText('alpha'));
    let { revision } = await service['product.open']({ id: 'alpha' });
    for (let i = 0; i < 100; i += 1) {
      ({ revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: `edit ${i}` } }] }));
      // Let timers run between calls, as between IPC messages.
      await sleep(1);
    }
    await service['product.flush']({ id: 'alpha' });
    expect(writesOf('alpha')).toBeGreaterThanOrEqual(1);
    expect(writesOf('alpha')).toBeLessThanOrEqual(3);
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "edit 99"');
    const saving = events.events.filter((e) => e.type === 'product.saveState' && e.state === 'saving');
    expect(saving.length).toBeLessThanOrEqual(3);
  });

  it('writes on its own after the delay, without a flush', async () => {
    ({ service, events } = await startService(tw, { writeDelayMs: 30 }, { fs: cfs.fs }));
    writeText(file(), productText('alpha'));
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'auto' } }] });
    await events.waitFor((e: WorkspaceEvent) => e.type === 'product.saveState' && e.state === 'saved');
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "auto"');
  });

  it('continuous typing still saves within the maximum delay', async () => {
    ({ service, events } = await startService(tw, { writeDelayMs: 100 }, { fs: cfs.fs, maxWriteDelayMs: 200 }));
    writeText(file(), productText('alpha'));
    let { revision } = await service['product.open']({ id: 'alpha' });
    const started = Date.now();
    // An edit every 20 ms for 600 ms: the 100 ms debounce alone would never fire.
    while (Date.now() - started < 600) {
      ({ revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: `typing ${revision}` } }] }));
      await sleep(20);
    }
    expect(writesOf('alpha')).toBeGreaterThanOrEqual(2);
    expect(writesOf('alpha')).toBeLessThanOrEqual(6);
  });

  it('never runs two writes to one file at once', async () => {
    ({ service, events } = await startService(tw, { writeDelayMs: 1 }, { fs: cfs.fs, maxWriteDelayMs: 1 }));
    writeText(file(), productText('alpha'));
    let { revision } = await service['product.open']({ id: 'alpha' });
    for (let i = 0; i < 30; i += 1) {
      ({ revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: `s${i}` } }] }));
      await sleep(2);
    }
    await service['product.flush']({ id: 'alpha' });
    expect(cfs.maxConcurrentWrites(file())).toBe(1);
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "s29"');
  });
});

describe('backups', () => {
  it('keeps the last good version in .backups before replacing the file', async () => {
    ({ service, events } = await startService(tw));
    const original = productText('alpha', { name: 'Alpha' });
    writeText(file(), original);
    let { revision } = await service['product.open']({ id: 'alpha' });
    ({ revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'one' } }] }));
    await service['product.flush']({ id: 'alpha' });
    const bak = join(tw.folder, '.backups', 'alpha.product.json.bak');
    expect(readFileSync(bak, 'utf8')).toBe(original);
    // Within the backup interval the backup still holds the version from before the session.
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'two' } }] });
    await service['product.flush']({ id: 'alpha' });
    expect(readFileSync(bak, 'utf8')).toBe(original);
    // Backups are not listed as products.
    expect((await service['products.list']({})).products.map((p) => p.status)).toEqual(['ok']);
  });

  it('refreshes the backup after the interval', async () => {
    let now = 1_000_000;
    ({ service, events } = await startService(tw, {}, { backupIntervalMs: 1000, now: () => now }));
    writeText(file(), productText('alpha'));
    let { revision } = await service['product.open']({ id: 'alpha' });
    ({ revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'one' } }] }));
    await service['product.flush']({ id: 'alpha' });
    const afterOne = readFileSync(file(), 'utf8');
    now += 5000;
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'two' } }] });
    await service['product.flush']({ id: 'alpha' });
    expect(readFileSync(join(tw.folder, '.backups', 'alpha.product.json.bak'), 'utf8')).toBe(afterOne);
  });
});

describe('migration from schema version 1', () => {
  it('lists and opens a v1 file migrated, rewrites it only on the next save, and keeps the original', async () => {
    ({ service, events } = await startService(tw));
    const v1 = v1ProductText('old-one');
    writeText(file('old-one'), v1);
    const { products } = await service['products.list']({});
    expect(products).toMatchObject([{ status: 'ok', id: 'old-one', name: 'Old Product', storyCount: 2, migratedFrom: 1 }]);

    const opened = await service['product.open']({ id: 'old-one' });
    expect(opened.migratedFrom).toBe(1);
    const p = opened.product;
    expect(p.schemaVersion).toBe(2);
    const [s1, s2] = p.stories;
    expect(s1?.estimate).toBe(5);
    expect(s1?.acceptanceCriteria.map((c) => c.text)).toEqual(['Given a new visitor', 'When they sign up', 'Then they get a welcome email']);
    expect(s1?.scores.rice).toEqual({ reach: 100, impact: 2, confidence: 80, effort: 1 });
    expect(s2?.acceptanceCriteria).toEqual([]);
    expect(s1 && s2 && s1.rank < s2.rank).toBe(true);
    expect(p.board.columns.map((c) => c.wipLimit)).toEqual([null, 4]);
    expect(p.roadmap.items[0]?.horizon).toBe('now');
    expect(typeof p.roadmap.items[0]?.rank).toBe('string');

    // Opening and listing did not rewrite the file.
    await sleep(120);
    expect(readFileSync(file('old-one'), 'utf8')).toBe(v1);

    await service['product.applyEdits']({ id: 'old-one', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'now v2' } }] });
    await service['product.flush']({ id: 'old-one' });
    const saved = readFileSync(file('old-one'), 'utf8');
    const parsed = parseProductText(saved);
    expect(parsed.ok && parsed.migratedFrom).toBe(null);
    expect(parsed.ok && saved === serializeProduct(parsed.product)).toBe(true);
    expect(saved).toContain('"schemaVersion": 2');
    expect(readFileSync(join(tw.folder, '.backups', 'old-one.product.json.bak'), 'utf8')).toBe(v1);
    expect(readFileSync(join(tw.folder, '.backups', 'old-one.v1.product.json.bak'), 'utf8')).toBe(v1);
    expect((await service['product.open']({ id: 'old-one' })).migratedFrom).toBeNull();
    expect((await service['products.list']({})).products).toMatchObject([{ id: 'old-one', migratedFrom: null }]);
  });
});

describe('path safety', () => {
  it('refuses to move a deleted product through a .trash link that leads outside', async () => {
    const outside = join(tw.root, 'outside-trash');
    mkdirSync(outside, { recursive: true });
    mkdirSync(tw.folder, { recursive: true });
    symlinkSync(outside, join(tw.folder, '.trash'));
    ({ service, events } = await startService(tw));
    writeText(file(), productText('alpha'));
    await expect(service['product.delete']({ id: 'alpha' })).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/symbolic link/) });
    expect(existsSync(file())).toBe(true);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses to write backups through a .backups link that leads outside; the save fails, nothing leaves the folder', async () => {
    const outside = join(tw.root, 'outside-backups');
    mkdirSync(outside, { recursive: true });
    mkdirSync(tw.folder, { recursive: true });
    symlinkSync(outside, join(tw.folder, '.backups'));
    ({ service, events } = await startService(tw));
    const original = productText('alpha');
    writeText(file(), original);
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'x' } }] });
    await expect(service['product.flush']({ id: 'alpha' })).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/symbolic link/) });
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(file(), 'utf8')).toBe(original);
  });

  it('never creates a file outside the workspace folder', async () => {
    ({ service, events } = await startService(tw));
    const before = readdirSync(tw.root).sort();
    writeText(file(), productText('alpha'));
    await service['product.create']({ name: '../../escape' });
    await service['product.duplicate']({ id: 'alpha', name: '../../../etc/passwd' });
    await service['product.saveCopy']({ product: JSON.parse(productText('x')), name: '/tmp/evil' });
    for (const id of ['..', '../x', 'a/b', 'A', '.hidden', 'x.product']) {
      await expect(service['product.open']({ id })).rejects.toMatchObject({ code: 'bad-request' });
    }
    expect(readdirSync(tw.root).sort()).toEqual(before);
    expect(readdirSync(tw.folder).filter((n) => n.endsWith('.product.json')).sort()).toEqual([
      'alpha.product.json',
      'escape.product.json',
      'etc-passwd.product.json',
      'tmp-evil.product.json',
    ]);
  });

  it('never writes to the samples folder', async () => {
    mkdirSync(tw.samples, { recursive: true });
    const sample = productText('demo');
    writeFileSync(join(tw.samples, 'demo.product.json'), sample);
    ({ service, events } = await startService(tw));
    const { id } = await service['product.createFromSample']({ sampleId: 'demo' });
    const { revision } = await service['product.open']({ id });
    await service['product.applyEdits']({ id, baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'edited' } }] });
    await service['product.flush']({ id });
    await service['product.delete']({ id });
    expect(readdirSync(tw.samples)).toEqual(['demo.product.json']);
    expect(readFileSync(join(tw.samples, 'demo.product.json'), 'utf8')).toBe(sample);
  });
});
