/**
 * Hostile and broken product files, beyond the ones tests/unit/core/brokenFiles.test.ts lists
 * (truncated, NUL-filled, empty, wrong schema, future version, id mismatch, symlink): duplicate
 * ids, dangling references, deeply nested JSON (a million levels), a 50 MB product, a 50 MB file
 * that is not a product, one over the size cap (never read), JSON that tries prototype pollution,
 * non-finite numbers, invalid UTF-8 — and a few hundred random mutations of a valid file.
 *
 * For each: listed as broken with a reason that names the problem (or opened, when it is valid), no
 * call that takes its id crashes or writes, the bytes on disk never change, no id of a broken file
 * is ever reused for a new product, deleting it and restoring it from the trash gives back the
 * exact bytes, and the rest of the workspace keeps working in the same session.
 *
 * Dangling references and duplicate ids are reported as broken (with the field path), not
 * repaired: the contract has no channel to tell the learner what a repair changed, and a silent
 * repair would be a silent loss. See SECURITY.md.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { MAX_PRODUCT_FILE_BYTES } from '../../../src/main/core/diskProduct';
import { makeCountingFs, makeProduct, makeTempWorkspace, productText, startService, type TempWorkspace, type DispatchedService } from '../core/fixtures';

const GOOD = makeProduct('good', { name: 'Good' });

function withChanges(id: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = JSON.parse(productText(id)) as Record<string, unknown>;
  change(doc);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function stories(doc: Record<string, unknown>): Record<string, unknown>[] {
  return doc['stories'] as Record<string, unknown>[];
}

/** Each hostile file, and what its listing reason must say. */
const HOSTILE: { id: string; bytes: () => Buffer; reason: RegExp }[] = [
  {
    id: 'duplicate-ids',
    bytes: () => Buffer.from(withChanges('duplicate-ids', (d) => ((stories(d)[1] ?? {})['id'] = 'st-1'))),
    reason: /stories\.1\.id: Another story already has the id "st-1"/,
  },
  {
    id: 'dangling-epic',
    bytes: () => Buffer.from(withChanges('dangling-epic', (d) => ((stories(d)[0] ?? {})['epicId'] = 'ep-gone'))),
    reason: /stories\.0\.epicId: There is no epic with id "ep-gone"/,
  },
  {
    id: 'dangling-column',
    bytes: () => Buffer.from(withChanges('dangling-column', (d) => ((stories(d)[2] ?? {})['status'] = 'archived'))),
    reason: /stories\.2\.status: There is no board column with id "archived"/,
  },
  {
    id: 'deep-arrays',
    bytes: () => Buffer.from(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`),
    reason: /nested deeper than \d+ levels/,
  },
  {
    id: 'deep-objects',
    bytes: () => Buffer.from(`${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}`),
    reason: /nested deeper than \d+ levels/,
  },
  {
    id: 'deep-spec',
    bytes: () => {
      let node: Record<string, unknown> = { type: 'text', text: 'deep' };
      for (let i = 0; i < 300; i += 1) node = { type: 'blockquote', content: [node] };
      return Buffer.from(withChanges('deep-spec', (d) => (d['specs'] = [{ id: 'sp1', title: 'Deep', template: 'blank', content: { type: 'doc', content: [node] } }])));
    },
    reason: /nested deeper than \d+ levels/,
  },
  {
    id: 'huge-not-a-product',
    // 50 MB of valid JSON that is not a product: one long string.
    bytes: () => Buffer.from(JSON.stringify('x'.repeat(50 * 1024 * 1024))),
    reason: /not a JSON object|does not match the product format/,
  },
  {
    id: 'proto-pollution',
    bytes: () => Buffer.from(productText('proto-pollution').replace('"schemaVersion": 2,', '"__proto__": { "polluted": true, "schemaVersion": 2 }, "constructor": { "prototype": { "polluted": true } },')),
    reason: /schemaVersion|product format/,
  },
  {
    id: 'infinite-number',
    bytes: () => Buffer.from(productText('infinite-number').replace('"estimate": 3', '"estimate": 1e999')),
    reason: /stories\.0\.estimate/,
  },
  {
    id: 'bad-utf8-structure',
    bytes: () => Buffer.concat([Buffer.from('{"schemaVersion": 2, "id": "bad-utf8-structure", '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(': 1}')]),
    reason: /not valid JSON/,
  },
];

let tw: TempWorkspace;
let service: DispatchedService;
const written = new Map<string, Buffer>();
const oversized = 'too-large';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`;
  }
}

function fileOf(id: string): string {
  return join(tw.folder, `${id}.product.json`);
}

beforeAll(async () => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  writeFileSync(fileOf('good'), serializeProduct(GOOD));
  for (const h of HOSTILE) {
    const bytes = h.bytes();
    written.set(h.id, bytes);
    writeFileSync(fileOf(h.id), bytes);
  }
  // A sparse file larger than the cap: it must be refused from its size alone, never read.
  writeFileSync(fileOf(oversized), '{');
  truncateSync(fileOf(oversized), MAX_PRODUCT_FILE_BYTES + 1024 * 1024);
}, 60_000);

afterAll(async () => {
  await service.close().catch(() => undefined);
  tw.cleanup();
});

describe('hostile product files', () => {
  it('are listed as broken with a reason naming the problem; the good product is listed; the oversized file is never read', async () => {
    const cfs = makeCountingFs();
    const reads: string[] = [];
    const fs = { ...cfs.fs, readFile: (path: string) => (reads.push(path), cfs.fs.readFile(path)) };
    ({ service } = await startService(tw, {}, { fs }));
    const { products } = await service['products.list']({});
    const byFile = new Map(products.map((p) => [p.status === 'ok' ? `${p.id}.product.json` : p.file, p]));
    expect(byFile.get('good.product.json')).toMatchObject({ status: 'ok', id: 'good' });
    for (const h of HOSTILE) {
      const entry = byFile.get(`${h.id}.product.json`);
      expect(entry?.status, h.id).toBe('broken');
      if (entry?.status === 'broken') {
        expect(entry.reason, h.id).toMatch(h.reason);
        expect(entry.path, h.id).toBe(fileOf(h.id));
      }
    }
    expect(byFile.get(`${oversized}.product.json`)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/larger than a product file can be/) });
    expect(reads).not.toContain(fileOf(oversized));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 30_000);

  it('answer every call that takes their id with broken-file, and nothing is written', async () => {
    for (const id of [...HOSTILE.map((h) => h.id), oversized]) {
      expect(await codeOf(service['product.open']({ id })), id).toBe('broken-file');
      expect(await codeOf(service['product.applyEdits']({ id, baseRevision: 0, edits: [{ type: 'product.update', patch: { name: 'x' } }] })), id).toBe('broken-file');
      expect(await codeOf(service['product.rename']({ id, name: 'Renamed' })), id).toBe('broken-file');
      expect(await codeOf(service['product.flush']({ id })), id).toBe('broken-file');
      expect(await codeOf(service['product.duplicate']({ id })), id).toBe('broken-file');
    }
    for (const h of HOSTILE) expect(readFileSync(fileOf(h.id)).equals(written.get(h.id) ?? Buffer.alloc(0)), h.id).toBe(true);
    expect(statSync(fileOf(oversized)).size).toBe(MAX_PRODUCT_FILE_BYTES + 1024 * 1024);
    expect(readdirSync(tw.folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  }, 30_000);

  it('never have their id reused: new products and copies named like them get other ids', async () => {
    const created = await service['product.create']({ name: 'Duplicate ids' });
    expect(created.id).toBe('duplicate-ids-2');
    const copy = await service['product.saveCopy']({ product: GOOD, name: 'Dangling epic' });
    expect(copy.id).toBe('dangling-epic-2');
    const fromGood = await service['product.duplicate']({ id: 'good', name: 'Deep arrays' });
    expect(fromGood.id).toBe('deep-arrays-2');
    for (const h of HOSTILE) expect(readFileSync(fileOf(h.id)).equals(written.get(h.id) ?? Buffer.alloc(0)), h.id).toBe(true);
  });

  it('keep their exact bytes through delete and restore', async () => {
    for (const id of ['dangling-epic', 'deep-spec']) {
      const { trashId } = await service['product.delete']({ id });
      expect((await service['products.list']({})).products.some((p) => p.status === 'broken' && p.file === `${id}.product.json`)).toBe(false);
      const restored = await service['trash.restore']({ trashId });
      expect(restored.id).toBe(id);
      expect(readFileSync(fileOf(id)).equals(written.get(id) ?? Buffer.alloc(0)), id).toBe(true);
    }
  });

  it('leave the rest of the workspace working in the same session', async () => {
    const opened = await service['product.open']({ id: 'good' });
    await service['product.applyEdits']({ id: 'good', baseRevision: opened.revision, edits: [{ type: 'product.update', patch: { summary: 'still working' } }] });
    await service['product.flush']({ id: 'good' });
    expect(readFileSync(fileOf('good'), 'utf8')).toContain('"summary": "still working"');
    const { products } = await service['products.list']({});
    expect(products.filter((p) => p.status === 'ok').map((p) => p.status === 'ok' && p.id).sort()).toEqual(['dangling-epic-2', 'deep-arrays-2', 'duplicate-ids-2', 'good']);
  });
});

describe('a 50 MB product', () => {
  it('opens, takes an edit and saves (with a backup of the original first)', async () => {
    const big = makeTempWorkspace();
    mkdirSync(big.folder, { recursive: true });
    const long = 'A long description written by a very thorough learner. '.repeat(340).slice(0, 19_000);
    const product = makeProduct('big', { name: 'Big', storyCount: 1050 });
    const text = serializeProduct({ ...product, stories: product.stories.map((s) => ({ ...s, description: long, notes: long, soThat: long.slice(0, 12_000) })) });
    expect(Buffer.byteLength(text)).toBeGreaterThan(50 * 1024 * 1024);
    writeFileSync(join(big.folder, 'big.product.json'), text);
    const { service: bigService } = await startService(big, {}, { pollIntervalMs: 0, useFsWatch: false });
    try {
      const listed = await bigService['products.list']({});
      expect(listed.products).toMatchObject([{ status: 'ok', id: 'big', storyCount: 1050 }]);
      const opened = await bigService['product.open']({ id: 'big' });
      await bigService['product.applyEdits']({ id: 'big', baseRevision: opened.revision, edits: [{ type: 'story.update', id: 'st-1050', patch: { title: 'Edited in a 50 MB file' } }] });
      await bigService['product.flush']({ id: 'big' });
      expect(readFileSync(join(big.folder, '.backups', 'big.product.json.bak'), 'utf8') === text).toBe(true);
      const saved = readFileSync(join(big.folder, 'big.product.json'), 'utf8');
      expect(saved.length).toBeGreaterThan(50 * 1024 * 1024);
      expect(saved).toContain('"title": "Edited in a 50 MB file"');
    } finally {
      await bigService.close();
      big.cleanup();
    }
  }, 60_000);
});

describe('random damage to a valid file (fast-check)', () => {
  it('is always either opened or listed as broken, never crashes, never written', async () => {
    const base = Buffer.from(productText('mutant', { storyCount: 4 }));
    const damage: fc.Arbitrary<Damage> = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat({ max: base.length - 1 }) }),
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat({ max: base.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat({ max: base.length }), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat({ max: base.length - 1 }), length: fc.integer({ min: 1, max: 400 }) }),
    );
    let n = 0;
    let opened = 0;
    let broken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 3 }), async (damages) => {
        const bytes = damages.reduce<Buffer>((acc, d) => applyDamage(acc, d), base);
        n += 1;
        const id = `mutant-${n}`;
        const text = bytes.toString('latin1').replace('"id": "mutant"', `"id": "${id}"`);
        const file = fileOf(id);
        const content = Buffer.from(text, 'latin1');
        writeFileSync(file, content);
        const { products } = await service['products.list']({});
        const entry = products.find((p) => (p.status === 'ok' ? p.id === id : p.file === `${id}.product.json`));
        const open = await codeOf(service['product.open']({ id }));
        if (entry?.status === 'ok') {
          opened += 1;
          expect(open).toBe('ok');
        } else {
          broken += 1;
          expect(entry?.status).toBe('broken');
          expect(open).toBe('broken-file');
        }
        expect(readFileSync(file).equals(content)).toBe(true);
        await service['product.delete']({ id }).catch(() => undefined);
      }),
      { numRuns: 300, seed: 1_234_567 },
    );
    console.log(`Random damage: ${n} mutated files, ${opened} still valid and opened, ${broken} listed as broken; none crashed or was written.`);
    expect(broken).toBeGreaterThan(100);
  }, 60_000);
});

type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; byte: number } | { kind: 'insert'; at: number; bytes: Uint8Array } | { kind: 'cut'; at: number; length: number };

function applyDamage(buffer: Buffer, d: Damage): Buffer {
  const at = Math.min(d.at, buffer.length);
  switch (d.kind) {
    case 'truncate':
      return buffer.subarray(0, at);
    case 'flip':
      return Buffer.concat([buffer.subarray(0, at), Buffer.from([d.byte]), buffer.subarray(at + 1)]);
    case 'insert':
      return Buffer.concat([buffer.subarray(0, at), Buffer.from(d.bytes), buffer.subarray(at)]);
    case 'cut':
      return Buffer.concat([buffer.subarray(0, at), buffer.subarray(at + d.length)]);
  }
}
