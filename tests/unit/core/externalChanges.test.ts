import { readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceEvent } from '../../../src/shared/api/contract';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { EventLog, makeProduct, makeTempWorkspace, productText, sleep, startService, writeText, type TempWorkspace, type DispatchedService } from './fixtures';

let tw: TempWorkspace;
let service: DispatchedService;
let events: EventLog;

const file = (): string => join(tw.folder, 'alpha.product.json');

beforeEach(() => {
  tw = makeTempWorkspace();
});

afterEach(async () => {
  await service.close().catch(() => undefined);
  tw.cleanup();
});

function otherProgramWrites(summary: string): string {
  const text = serializeProduct({ ...makeProduct('alpha', { name: 'Alpha' }), summary });
  writeText(file(), text);
  return text;
}

const isChanged = (e: WorkspaceEvent): e is Extract<WorkspaceEvent, { type: 'product.changed' }> => e.type === 'product.changed';
const isConflict = (e: WorkspaceEvent): e is Extract<WorkspaceEvent, { type: 'product.conflict' }> => e.type === 'product.conflict';

describe('changes made by another program (watched)', () => {
  beforeEach(async () => {
    ({ service, events } = await startService(tw));
    writeText(file(), productText('alpha', { name: 'Alpha' }));
  });

  it('reloads an open product with no pending edits and emits product.changed with a new revision', async () => {
    const opened = await service['product.open']({ id: 'alpha' });
    await sleep(120); // the watcher has seen the file as it is
    otherProgramWrites('changed elsewhere');
    const changed = await events.waitFor(isChanged);
    expect(changed).toEqual({ type: 'product.changed', id: 'alpha', epoch: opened.epoch, revision: opened.revision + 1 });
    const reopened = await service['product.open']({ id: 'alpha' });
    expect(reopened.revision).toBe(opened.revision + 1);
    expect(reopened.product.summary).toBe('changed elsewhere');
    // An edit against the old revision is stale now.
    await expect(
      service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'x' } }] }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('does not treat its own saves as external changes', async () => {
    const opened = await service['product.open']({ id: 'alpha' });
    let revision = opened.revision;
    for (let i = 0; i < 5; i += 1) {
      ({ revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: `mine ${i}` } }] }));
      await service['product.flush']({ id: 'alpha' });
      await sleep(60);
    }
    await sleep(150);
    expect(events.events.filter((e) => e.type === 'product.changed' || e.type === 'product.conflict')).toEqual([]);
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "mine 4"');
  });

  it('with pending edits: emits product.conflict, keeps the edits, and never overwrites the disk', async () => {
    await service.close();
    // A long write delay keeps the edit pending while the other program writes.
    ({ service, events } = await startService(tw, { writeDelayMs: 60_000 }, { maxWriteDelayMs: 120_000 }));
    const opened = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'local edit' } }] });
    await sleep(60);
    const theirs = otherProgramWrites('their edit');
    const conflict = await events.waitFor(isConflict);
    expect(conflict.id).toBe('alpha');
    expect(conflict.conflict?.message).toMatch(/changed by another program.*unsaved edits.*Nothing was overwritten/);
    expect(conflict.conflict?.disk).toBe('changed');
    // Flushing refuses rather than clobbering; further edits are kept in memory, not written.
    await expect(service['product.flush']({ id: 'alpha' })).rejects.toMatchObject({ code: 'conflict' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision + 1, edits: [{ type: 'product.update', patch: { summary: 'local edit' } }] });
    expect(readFileSync(file(), 'utf8')).toBe(theirs);
    // Reopening shows the unsaved version and the conflict, for the learner to choose.
    const again = await service['product.open']({ id: 'alpha' });
    expect(again.product.summary).toBe('local edit');
    expect(again.conflict?.disk).toBe('changed');
    // Taking the disk version sets the unsaved one aside in .backups/recovered first.
    await service['product.resolveConflict']({ id: 'alpha', choice: 'take-disk' });
    const reopened = await service['product.open']({ id: 'alpha' });
    expect(reopened.product.summary).toBe('their edit');
    expect(reopened.conflict).toBeNull();
    const [setAside] = readdirSync(join(tw.folder, '.backups', 'recovered')).filter((n) => n.endsWith('.product.json'));
    const discarded = parseProductText(readFileSync(join(tw.folder, '.backups', 'recovered', setAside ?? 'none'), 'utf8'));
    expect(discarded.ok && discarded.product.summary).toBe('local edit');
    await service['product.applyEdits']({ id: 'alpha', baseRevision: reopened.revision, edits: [{ type: 'product.update', patch: { summary: 'after' } }] });
    await service['product.flush']({ id: 'alpha' });
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "after"');
    expect(readFileSync(join(tw.folder, '.backups', 'alpha.product.json.bak'), 'utf8')).toBe(theirs);
  });

  it('a file that becomes broken is reported and never overwritten', async () => {
    await service['product.open']({ id: 'alpha' });
    await sleep(60);
    writeText(file(), '{ "schemaVersion": 2, "id": "alpha", ');
    const conflict = await events.waitFor(isConflict);
    expect(conflict.conflict?.message).toMatch(/can no longer be read.*not valid JSON/);
    await events.waitFor((e) => e.type === 'workspace.changed');
    await expect(service['product.open']({ id: 'alpha' })).rejects.toMatchObject({ code: 'broken-file' });
    const { products } = await service['products.list']({});
    expect(products).toMatchObject([{ status: 'broken', file: 'alpha.product.json' }]);
    expect(readFileSync(file(), 'utf8')).toBe('{ "schemaVersion": 2, "id": "alpha", ');
  });

  it('a file deleted by another program (no pending edits) closes the product', async () => {
    await service['product.open']({ id: 'alpha' });
    await sleep(60);
    unlinkSync(file());
    await events.waitFor((e) => e.type === 'workspace.changed');
    await expect(service['product.open']({ id: 'alpha' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('polling alone (no fs.watch) also finds the change', async () => {
    await service.close();
    ({ service, events } = await startService(tw, {}, { useFsWatch: false, pollIntervalMs: 40 }));
    const opened = await service['product.open']({ id: 'alpha' });
    await sleep(100);
    otherProgramWrites('polled');
    expect(await events.waitFor(isChanged)).toEqual({ type: 'product.changed', id: 'alpha', epoch: opened.epoch, revision: opened.revision + 1 });
  });

  it('fs.watch alone (no polling) also finds the change', async () => {
    await service.close();
    ({ service, events } = await startService(tw, {}, { useFsWatch: true, pollIntervalMs: 0 }));
    const opened = await service['product.open']({ id: 'alpha' });
    otherProgramWrites('watched');
    expect(await events.waitFor(isChanged)).toEqual({ type: 'product.changed', id: 'alpha', epoch: opened.epoch, revision: opened.revision + 1 });
  });

  it('announces files added by another program with workspace.changed', async () => {
    await sleep(120);
    events.clear();
    writeText(join(tw.folder, 'beta.product.json'), productText('beta'));
    await events.waitFor((e) => e.type === 'workspace.changed');
    expect((await service['products.list']({})).products.map((p) => p.status === 'ok' && p.id)).toEqual(['alpha', 'beta']);
  });
});

describe('changes found only at write time (no watcher)', () => {
  beforeEach(async () => {
    ({ service, events } = await startService(tw, { writeDelayMs: 60_000 }, { pollIntervalMs: 0, useFsWatch: false, maxWriteDelayMs: 120_000 }));
    writeText(file(), productText('alpha', { name: 'Alpha' }));
  });

  it('the check before the write refuses to clobber a changed file', async () => {
    const opened = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'local' } }] });
    const theirs = otherProgramWrites('same size? no matter');
    await expect(service['product.flush']({ id: 'alpha' })).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(file(), 'utf8')).toBe(theirs);
    expect(events.events.some(isConflict)).toBe(true);
  });

  it('a file replaced by another program with identical content is not a conflict', async () => {
    const opened = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'local' } }] });
    // Rewritten by rename (new inode, new mtime) but with the same bytes.
    const same = readFileSync(file());
    writeText(join(tw.folder, 'tmp-copy'), same);
    renameSync(join(tw.folder, 'tmp-copy'), file());
    await service['product.flush']({ id: 'alpha' });
    expect(readFileSync(file(), 'utf8')).toContain('"summary": "local"');
  });

  it('a file deleted by another program while edits are pending is a conflict, not a re-creation', async () => {
    const opened = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'local' } }] });
    unlinkSync(file());
    await expect(service['product.flush']({ id: 'alpha' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/deleted or moved/) });
    // Closing the service sets the unsaved edits aside (a recovered version) rather than dropping them.
    await expect(service.close()).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/Recovered versions/) });
    const [setAside] = readdirSync(join(tw.folder, '.backups', 'recovered')).filter((n) => n.endsWith('.product.json'));
    const rescued = parseProductText(readFileSync(join(tw.folder, '.backups', 'recovered', setAside ?? 'none'), 'utf8'));
    expect(rescued.ok && rescued.product.summary).toBe('local');
  });
});

describe('a file caught half-way through another program writing it', () => {
  it('is not declared broken if it is whole again a moment later', async () => {
    ({ service, events } = await startService(tw, {}, { settleMs: 300 }));
    writeText(file(), productText('alpha', { name: 'Alpha' }));
    const opened = await service['product.open']({ id: 'alpha' });
    await sleep(60);
    writeText(file(), '{ "schemaVersion": 2, "id": "alp');
    await sleep(100); // the watcher sees the partial file
    const whole = otherProgramWrites('written in two steps');
    const changed = await events.waitFor(isChanged);
    expect(changed.revision).toBe(opened.revision + 1);
    expect(events.events.some(isConflict)).toBe(false);
    expect((await service['product.open']({ id: 'alpha' })).product.summary).toBe('written in two steps');
    expect(readFileSync(file(), 'utf8')).toBe(whole);
  });
});
