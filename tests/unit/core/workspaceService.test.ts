import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { dispatchApiCall } from '../../../src/shared/api/dispatch';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { EventLog, makeProduct, makeTempWorkspace, productText, startService, writeText, type TempWorkspace, type DispatchedService } from './fixtures';

let tw: TempWorkspace;
let service: DispatchedService;
let events: EventLog;

beforeEach(async () => {
  tw = makeTempWorkspace();
  mkdirSync(tw.samples, { recursive: true });
  ({ service, events } = await startService(tw));
});

afterEach(async () => {
  await service.close().catch(() => undefined);
  tw.cleanup();
});

function fileOf(id: string): string {
  return join(tw.folder, `${id}.product.json`);
}

function readProduct(id: string) {
  const parsed = parseProductText(readFileSync(fileOf(id), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product;
}

async function expectApiError(promise: Promise<unknown>, code: string): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  return error as ApiError;
}

describe('workspace folder', () => {
  it('creates the folder and reports it; choosing a folder is unsupported without a chooser', async () => {
    expect(existsSync(tw.folder)).toBe(true);
    expect(await service['workspace.info']({})).toEqual({ folder: tw.folder, canChooseFolder: false });
    await expectApiError(service['workspace.chooseFolder']({}), 'unsupported');
  });

  it('lists an empty workspace and no samples when the samples folder is empty', async () => {
    expect(await service['products.list']({})).toEqual({ products: [], samples: [] });
  });
});

describe('create, open, edit', () => {
  it('creates a blank product with the default board and a unique id', async () => {
    const { id } = await service['product.create']({ name: 'Civic Cloud!' });
    expect(id).toBe('civic-cloud');
    const second = await service['product.create']({ name: 'Civic cloud' });
    expect(second.id).toBe('civic-cloud-2');
    const text = readFileSync(fileOf(id), 'utf8');
    const product = readProduct(id);
    expect(text).toBe(serializeProduct(product));
    expect(product.name).toBe('Civic Cloud!');
    expect(product.board.columns.map((c) => [c.name, c.category, c.wipLimit])).toEqual([
      ['Backlog', 'backlog', null],
      ['Ready', 'todo', null],
      ['In progress', 'in-progress', 3],
      ['In review', 'in-progress', null],
      ['Done', 'done', null],
    ]);
    expect(product.board.definitionOfReady.length).toBeGreaterThan(2);
    expect(events.events).toContainEqual({ type: 'workspace.changed' });
  });

  it('applies edits, returns a new revision at once, and writes canonical JSON on flush', async () => {
    const { id } = await service['product.create']({ name: 'Edit me' });
    const opened = await service['product.open']({ id });
    expect(opened.migratedFrom).toBeNull();
    const r1 = await service['product.applyEdits']({
      id,
      baseRevision: opened.revision,
      edits: [
        {
          type: 'story.add',
          story: {
            id: 'st-1',
            title: 'Sign up with email',
            status: 'backlog',
            rank: 'a0',
          },
        },
      ],
    });
    expect(r1.revision).toBe(opened.revision + 1);
    const r2 = await service['product.applyEdits']({
      id,
      baseRevision: r1.revision,
      edits: [{ type: 'story.update', id: 'st-1', patch: { soThat: 'I can come back later' } }],
    });
    expect(r2.revision).toBe(r1.revision + 1);
    const flushed = await service['product.flush']({ id });
    expect(flushed.revision).toBe(r2.revision);
    const text = readFileSync(fileOf(id), 'utf8');
    const onDisk = readProduct(id);
    expect(onDisk.stories).toHaveLength(1);
    expect(onDisk.stories[0]?.soThat).toBe('I can come back later');
    expect(text).toBe(serializeProduct(onDisk));
    const states = events.events.filter((e) => e.type === 'product.saveState').map((e) => (e.type === 'product.saveState' ? e.state : ''));
    expect(states).toContain('saving');
    expect(states[states.length - 1]).toBe('saved');
    // Reopening the open document hands out the same revision and content.
    const again = await service['product.open']({ id });
    expect(again.revision).toBe(r2.revision);
    expect(again.product.stories[0]?.soThat).toBe('I can come back later');
  });

  it('answers a stale base revision with conflict and changes nothing', async () => {
    const { id } = await service['product.create']({ name: 'Stale' });
    const { revision } = await service['product.open']({ id });
    await service['product.applyEdits']({ id, baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'first' } }] });
    await expectApiError(
      service['product.applyEdits']({ id, baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'second' } }] }),
      'conflict',
    );
    const now = await service['product.open']({ id });
    expect(now.revision).toBe(revision + 1);
    expect(now.product.summary).toBe('first');
  });

  it('answers an edit that does not apply or would make the product invalid with invalid-edit, state unchanged', async () => {
    const { id } = await service['product.create']({ name: 'Invalid' });
    const before = await service['product.open']({ id });
    await expectApiError(
      service['product.applyEdits']({ id, baseRevision: before.revision, edits: [{ type: 'story.update', id: 'nope', patch: { title: 'x' } }] }),
      'invalid-edit',
    );
    // The second edit fails, so the first must not stick either.
    await expectApiError(
      service['product.applyEdits']({
        id,
        baseRevision: before.revision,
        edits: [
          { type: 'product.update', patch: { summary: 'changed' } },
          { type: 'column.delete', id: 'missing-column', moveStoriesTo: null },
        ],
      }),
      'invalid-edit',
    );
    // Deleting every column leaves an invalid board.
    const columns = before.product.board.columns;
    const err = await expectApiError(
      service['product.applyEdits']({
        id,
        baseRevision: before.revision,
        edits: columns.map((c) => ({ type: 'column.delete' as const, id: c.id, moveStoriesTo: null })),
      }),
      'invalid-edit',
    );
    expect(err.message).toMatch(/column/);
    const after = await service['product.open']({ id });
    expect(after.revision).toBe(before.revision);
    expect(after.product).toEqual(before.product);
    await service['product.flush']({ id });
    expect(readProduct(id)).toEqual(before.product);
  });

  it('rejects malformed input with bad-request, directly and through dispatch', async () => {
    await expectApiError(service['product.open']({ id: '../etc/passwd' }), 'bad-request');
    const response = await dispatchApiCall(service, 'product.open', { id: '../../x' });
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const missing = await dispatchApiCall(service, 'product.open', { id: 'not-there' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('copies, rename, trash', () => {
  it('duplicates a product including unsaved edits, under a new id', async () => {
    writeText(fileOf('alpha'), productText('alpha', { name: 'Alpha' }));
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'unsaved' } }] });
    const { id } = await service['product.duplicate']({ id: 'alpha' });
    expect(id).toBe('alpha-copy');
    const copy = readProduct(id);
    expect(copy.id).toBe('alpha-copy');
    expect(copy.name).toBe('Alpha (copy)');
    expect(copy.summary).toBe('unsaved');
    expect(copy.stories).toEqual(makeProduct('alpha').stories);
    const named = await service['product.duplicate']({ id: 'alpha', name: 'Beta' });
    expect(named.id).toBe('beta');
    expect(readProduct('beta').name).toBe('Beta');
  });

  it('renames by changing the name only; the id and file stay', async () => {
    writeText(fileOf('alpha'), productText('alpha', { name: 'Alpha' }));
    const { revision } = await service['product.rename']({ id: 'alpha', name: 'Renamed' });
    await service['product.flush']({ id: 'alpha' });
    expect(readProduct('alpha').name).toBe('Renamed');
    expect(readdirSync(tw.folder).filter((n) => n.endsWith('.product.json'))).toEqual(['alpha.product.json']);
    // Every window hears of the rename as an edit of the service, in revision order.
    expect(events.events).toContainEqual(expect.objectContaining({ type: 'product.edits', id: 'alpha', revision, clientId: 'service', edits: [{ type: 'product.update', patch: { name: 'Renamed' } }] }));
    const list = await service['products.list']({});
    expect(list.products).toMatchObject([{ status: 'ok', id: 'alpha', name: 'Renamed' }]);
  });

  it('moves a deleted product to the trash and restores it, under a new id when the old one is taken', async () => {
    const original = productText('alpha', { name: 'Alpha' });
    writeText(fileOf('alpha'), original);
    await service['product.open']({ id: 'alpha' });
    const { trashId } = await service['product.delete']({ id: 'alpha' });
    expect(trashId).toMatch(/^alpha\.\d{13}$/);
    expect(existsSync(fileOf('alpha'))).toBe(false);
    const trashFile = join(tw.folder, '.trash', `${trashId}.product.json`);
    expect(readFileSync(trashFile, 'utf8')).toBe(original);
    expect((await service['products.list']({})).products).toEqual([]);
    await expectApiError(service['product.open']({ id: 'alpha' }), 'not-found');

    const trash = await service['trash.list']({});
    expect(trash.entries).toEqual([{ trashId, productId: 'alpha', name: 'Alpha', deletedAt: Number(trashId.split('.')[1]) }]);

    // Restore under the original id: the very same bytes come back.
    expect(await service['trash.restore']({ trashId })).toEqual({ id: 'alpha' });
    expect(readFileSync(fileOf('alpha'), 'utf8')).toBe(original);
    expect((await service['trash.list']({})).entries).toEqual([]);
    await expectApiError(service['trash.restore']({ trashId }), 'not-found');

    // Delete again, create another "alpha", and restore: the trashed one gets a new id.
    const second = await service['product.delete']({ id: 'alpha' });
    writeText(fileOf('alpha'), productText('alpha', { name: 'Another alpha' }));
    const restored = await service['trash.restore']({ trashId: second.trashId });
    expect(restored.id).toBe('alpha-2');
    const product = readProduct('alpha-2');
    expect(product.id).toBe('alpha-2');
    expect(product.name).toBe('Alpha');
    expect(readProduct('alpha').name).toBe('Another alpha');
  });

  it('saves a copy of a given product under a new id', async () => {
    const product = makeProduct('whatever', { name: 'Mine' });
    const { id } = await service['product.saveCopy']({ product, name: 'My version' });
    expect(id).toBe('my-version');
    const saved = readProduct(id);
    expect(saved).toEqual({ ...product, id: 'my-version', name: 'My version' });
  });

  it('creates from a sample without touching the sample', async () => {
    const sampleText = productText('demo-sample', { name: 'Demo Sample' });
    writeText(join(tw.samples, 'demo-sample.product.json'), sampleText);
    const list = await service['products.list']({});
    expect(list.samples).toEqual([{ sampleId: 'demo-sample', name: 'Demo Sample', summary: 'A product made for a test.', storyCount: 3 }]);
    const { id } = await service['product.createFromSample']({ sampleId: 'demo-sample' });
    expect(id).toBe('demo-sample');
    const { id: id2 } = await service['product.createFromSample']({ sampleId: 'demo-sample', name: 'My Practice' });
    expect(id2).toBe('my-practice');
    const opened = await service['product.open']({ id: id2 });
    await service['product.applyEdits']({ id: id2, baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'changed' } }] });
    await service['product.flush']({ id: id2 });
    expect(readFileSync(join(tw.samples, 'demo-sample.product.json'), 'utf8')).toBe(sampleText);
    expect(readdirSync(tw.samples)).toEqual(['demo-sample.product.json']);
    await expectApiError(service['product.createFromSample']({ sampleId: 'no-such-sample' }), 'not-found');
  });
});

describe('switching folders', () => {
  it('flushes open products, then lists the new folder', async () => {
    await service.close();
    const other = join(tw.root, 'other');
    ({ service, events } = await startService(tw, { chooseFolder: async () => other }));
    expect((await service['workspace.info']({})).canChooseFolder).toBe(true);
    writeText(fileOf('alpha'), productText('alpha'));
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'before switch' } }] });
    expect(await service['workspace.chooseFolder']({})).toEqual({ folder: other });
    expect(readProduct('alpha').summary).toBe('before switch');
    expect((await service['workspace.info']({})).folder).toBe(other);
    expect((await service['products.list']({})).products).toEqual([]);
    await service['product.create']({ name: 'In other' });
    expect(existsSync(join(other, 'in-other.product.json'))).toBe(true);
  });

  it('keeps the current folder when the chooser is cancelled', async () => {
    await service.close();
    ({ service, events } = await startService(tw, { chooseFolder: async () => null }));
    expect(await service['workspace.chooseFolder']({})).toEqual({ folder: null });
    expect((await service['workspace.info']({})).folder).toBe(tw.folder);
  });
});

describe('close', () => {
  it('flushes pending writes', async () => {
    await service.close();
    ({ service, events } = await startService(tw, { writeDelayMs: 10_000 }, { maxWriteDelayMs: 60_000 }));
    writeText(fileOf('alpha'), productText('alpha'));
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'at close' } }] });
    expect(readProduct('alpha').summary).not.toBe('at close');
    await service.close();
    expect(readProduct('alpha').summary).toBe('at close');
    await expectApiError(service['products.list']({}), 'internal');
  });
});
