/**
 * `openAsJson` (the web host's `product.open`): always the same value as `product.open`, and made
 * from the file's JSON (off the service's thread, through `fileJson`) only when that JSON already
 * is the product and nothing has changed it since it was read.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compactAsciiJson } from '../../../src/main/core/asciiJson';
import { ApiError } from '../../../src/shared/api/contract';
import { makeTempWorkspace, productText, startService, v1ProductText, writeText, type TempWorkspace, type DispatchedService } from './fixtures';

let tw: TempWorkspace;
let service: DispatchedService;

afterEach(async () => {
  await service.close({ force: true }).catch(() => undefined);
  tw.cleanup();
});

async function start(files: Record<string, string>, fileJson: (bytes: Uint8Array) => Promise<Uint8Array | null>): Promise<void> {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  for (const [id, text] of Object.entries(files)) writeText(join(tw.folder, `${id}.product.json`), text);
  ({ service } = await startService(tw, {}, { fileJson, pollIntervalMs: 0, useFsWatch: false }));
}

/** `openAsJson` parsed, with how it was made. */
async function openAsJson(id: string): Promise<{ value: unknown; fromFile: boolean; text: string }> {
  if (!service.openAsJson) throw new Error('the service has no openAsJson');
  const { parts, fromFile } = await service.openAsJson({ id });
  const text = new TextDecoder().decode(Buffer.concat(parts));
  return { value: JSON.parse(text), fromFile, text };
}

const inThread = (bytes: Uint8Array) => Promise.resolve(compactAsciiJson(bytes));

describe('openAsJson', () => {
  it('answers a canonical file from the file\'s JSON, equal to product.open, in ASCII', async () => {
    const fileJson = vi.fn(inThread);
    await start({ alpha: productText('alpha', { name: 'Café “Alpha” — ünïcode', storyCount: 12 }) }, fileJson);
    const answer = await openAsJson('alpha');
    expect(fileJson).toHaveBeenCalledTimes(1);
    expect(answer.fromFile).toBe(true);
    expect(answer.text).toMatch(/^[\x20-\x7f]*$/);
    expect(answer.value).toEqual(JSON.parse(JSON.stringify(await service['product.open']({ id: 'alpha' }))));
  });

  it('stringifies the product when the file is not its canonical form (defaults missing)', async () => {
    const short = JSON.stringify({ schemaVersion: 2, id: 'tiny', name: 'Tiny', board: { columns: [{ id: 'todo', name: 'To do' }] } });
    await start({ tiny: short }, inThread);
    const answer = await openAsJson('tiny');
    expect(answer.fromFile).toBe(false);
    const opened = await service['product.open']({ id: 'tiny' });
    expect(answer.value).toEqual(JSON.parse(JSON.stringify(opened)));
    expect(opened.product.stories).toEqual([]);
  });

  it('stringifies the product for a migrated file, and says it was migrated', async () => {
    await start({ old: v1ProductText('old') }, inThread);
    const answer = await openAsJson('old');
    expect(answer.fromFile).toBe(false);
    expect(answer.value).toMatchObject({ migratedFrom: 1, product: { schemaVersion: 2 } });
  });

  it('answers with the edited product once an edit has changed it', async () => {
    await start({ alpha: productText('alpha', { storyCount: 3 }) }, inThread);
    const { revision } = await service['product.open']({ id: 'alpha' });
    await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'edited' } }] });
    const answer = await openAsJson('alpha');
    expect(answer.fromFile).toBe(false);
    expect(answer.value).toMatchObject({ revision: revision + 1, product: { summary: 'edited' } });
  });

  it('falls back to the product when the off-thread JSON fails', async () => {
    await start({ alpha: productText('alpha', { storyCount: 3 }) }, () => Promise.reject(new Error('worker gone')));
    const answer = await openAsJson('alpha');
    expect(answer.fromFile).toBe(false);
    expect(answer.value).toEqual(JSON.parse(JSON.stringify(await service['product.open']({ id: 'alpha' }))));
  });

  it('fails as product.open does for a broken or missing file', async () => {
    await start({ broken: '{"schemaVersion": 2, "id": "broken"' }, inThread);
    await expect(openAsJson('broken')).rejects.toMatchObject({ code: 'broken-file' });
    await expect(openAsJson('nowhere')).rejects.toBeInstanceOf(ApiError);
    await expect(service.openAsJson?.({ id: 'Bad Id!' })).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('product.close', () => {
  it('lets the product go once no client shows it and its edits are on disk; reopening reads it again', async () => {
    await start({ alpha: productText('alpha', { storyCount: 3 }) }, inThread);
    const first = await service['product.open']({ id: 'alpha' });
    await service['product.open']({ id: 'alpha' });
    const { revision } = await service['product.applyEdits']({ id: 'alpha', baseRevision: first.revision, edits: [{ type: 'product.update', patch: { summary: 'kept' } }] });
    // One of two clients closes: still open, edits still accepted at the same revision.
    await service['product.close']({ id: 'alpha' });
    const next = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'kept twice' } }] });
    expect(next.revision).toBe(revision + 1);
    // The last one closes: the edits are saved, and the next open reads the file again (fresh JSON).
    await service['product.close']({ id: 'alpha' });
    const reopened = await openAsJson('alpha');
    expect(reopened.fromFile).toBe(true);
    expect(reopened.value).toMatchObject({ product: { summary: 'kept twice' } });
    expect((reopened.value as { revision: number }).revision).toBeGreaterThan(next.revision);
  });

  it('is harmless for a product that is not open, or closed too often', async () => {
    await start({ alpha: productText('alpha', { storyCount: 3 }) }, inThread);
    await expect(service['product.close']({ id: 'alpha' })).resolves.toEqual({});
    await service['product.open']({ id: 'alpha' });
    await service['product.close']({ id: 'alpha' });
    await expect(service['product.close']({ id: 'alpha' })).resolves.toEqual({});
    await expect(service['product.open']({ id: 'alpha' })).resolves.toMatchObject({ product: { id: 'alpha' } });
  });
});
