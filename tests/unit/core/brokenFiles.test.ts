import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { makeTempWorkspace, productText, sleep, startService, writeText, type TempWorkspace, type DispatchedService } from './fixtures';

let tw: TempWorkspace;
let service: DispatchedService;

beforeEach(async () => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
});

afterEach(async () => {
  await service.close().catch(() => undefined);
  tw.cleanup();
});

const good = productText('good-one', { name: 'Good one' });
const futureVersion = good.replace('"schemaVersion": 2', '"schemaVersion": 99');

/** Each broken file, and a pattern its reason must match. */
const BROKEN: { id: string; bytes: Buffer; reason: RegExp }[] = [
  { id: 'corrupted', bytes: Buffer.from('{ "schemaVersion": 2, "id": "corrupted", name: oops }'), reason: /not valid JSON/ },
  { id: 'truncated', bytes: Buffer.from(productText('truncated').slice(0, 200)), reason: /not valid JSON.*truncated/ },
  { id: 'empty', bytes: Buffer.alloc(0), reason: /empty/ },
  { id: 'nul-filled', bytes: Buffer.alloc(4096, 0), reason: /NUL/ },
  { id: 'schema-invalid', bytes: Buffer.from(productText('schema-invalid').replace('"name": "Product schema-invalid"', '"name": 42')), reason: /does not match the product format.*name/ },
  { id: 'future', bytes: Buffer.from(futureVersion.replace('"id": "good-one"', '"id": "future"')), reason: /newer version of the app/ },
  { id: 'mismatch', bytes: Buffer.from(productText('other-id')), reason: /named "mismatch".*"other-id"/ },
  { id: 'array', bytes: Buffer.from('[1, 2, 3]'), reason: /not a JSON object/ },
];

function snapshot(): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(tw.folder)) {
    if (name.endsWith('.product.json')) out.set(name, readFileSync(join(tw.folder, name)));
  }
  return out;
}

async function errorCodeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`;
  }
}

describe('broken files', () => {
  it('lists every broken file with its reason and path, lists the good ones, and never changes a byte', async () => {
    writeText(join(tw.folder, 'good-one.product.json'), good);
    for (const b of BROKEN) writeText(join(tw.folder, `${b.id}.product.json`), b.bytes);
    writeText(join(tw.folder, 'Bad Name.product.json'), good);
    const before = snapshot();
    ({ service } = await startService(tw));

    const { products } = await service['products.list']({});
    const byFile = new Map(products.map((p) => [p.status === 'ok' ? `${p.id}.product.json` : p.file, p]));
    expect(byFile.get('good-one.product.json')).toMatchObject({ status: 'ok', id: 'good-one', name: 'Good one', storyCount: 3, migratedFrom: null });
    for (const b of BROKEN) {
      const entry = byFile.get(`${b.id}.product.json`);
      expect(entry?.status, b.id).toBe('broken');
      if (entry?.status !== 'broken') continue;
      expect(entry.reason, b.id).toMatch(b.reason);
      expect(entry.path).toBe(join(tw.folder, `${b.id}.product.json`));
    }
    expect(byFile.get('Bad Name.product.json')).toMatchObject({ status: 'broken', reason: expect.stringMatching(/not a product id/) });

    // Every call that takes an id answers broken-file and touches nothing.
    for (const b of BROKEN) {
      expect(await errorCodeOf(service['product.open']({ id: b.id })), b.id).toBe('broken-file');
      expect(await errorCodeOf(service['product.applyEdits']({ id: b.id, baseRevision: 0, edits: [{ type: 'product.update', patch: { name: 'x' } }] })), b.id).toBe('broken-file');
      expect(await errorCodeOf(service['product.rename']({ id: b.id, name: 'x' })), b.id).toBe('broken-file');
      expect(await errorCodeOf(service['product.flush']({ id: b.id })), b.id).toBe('broken-file');
      expect(await errorCodeOf(service['product.duplicate']({ id: b.id })), b.id).toBe('broken-file');
    }
    // The rest of the workspace keeps working.
    const opened = await service['product.open']({ id: 'good-one' });
    await service['product.applyEdits']({ id: 'good-one', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'edited' } }] });
    await service['product.flush']({ id: 'good-one' });
    await service['product.create']({ name: 'New one' });
    await service['products.list']({});
    await sleep(150); // let the watcher poll a few times

    const after = snapshot();
    for (const [name, bytes] of before) {
      if (name === 'good-one.product.json') continue;
      expect(after.get(name)?.equals(bytes), name).toBe(true);
    }
    expect(after.get('good-one.product.json')?.toString()).toContain('"summary": "edited"');
    // No backups or temp files were made of broken files.
    expect(readdirSync(tw.folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a symbolic link is listed as broken and never followed or written', async () => {
    const outside = join(tw.root, 'outside.product.json');
    const outsideText = productText('linked');
    writeText(outside, outsideText);
    const { symlinkSync } = await import('node:fs');
    symlinkSync(outside, join(tw.folder, 'linked.product.json'));
    ({ service } = await startService(tw));
    const { products } = await service['products.list']({});
    expect(products).toEqual([{ status: 'broken', file: 'linked.product.json', path: join(tw.folder, 'linked.product.json'), reason: expect.stringMatching(/symbolic link/) }]);
    expect(await errorCodeOf(service['product.open']({ id: 'linked' }))).toBe('broken-file');
    expect(await errorCodeOf(service['product.applyEdits']({ id: 'linked', baseRevision: 0, edits: [{ type: 'product.update', patch: { name: 'x' } }] }))).toBe('broken-file');
    expect(await errorCodeOf(service['product.delete']({ id: 'linked' }))).toBe('broken-file');
    expect(readFileSync(outside, 'utf8')).toBe(outsideText);
  });
});
