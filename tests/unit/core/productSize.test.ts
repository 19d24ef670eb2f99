/**
 * No edit can make a product file larger than the app reads back (`MAX_PRODUCT_FILE_BYTES`): it is
 * refused before anything changes — the open product, its revision and the file stay as they were —
 * with a message naming the size it would have had and the limit. The same holds for a new
 * product (saving a copy, an import). Real temp folders; the limit is lowered for the test so the
 * products stay small.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { groupDigits } from '../../../src/shared/format/sizes';
import { serializeProduct } from '../../../src/shared/model/productFile';
import type { Product } from '../../../src/shared/model/schema';
import { MAX_PRODUCT_FILE_BYTES, oversizeReason } from '../../../src/main/core/diskProduct';
import type { WorkspaceService } from '../../../src/main/core/service';
import { makeProduct, makeTempWorkspace, productText, startService, writeText, type TempWorkspace } from './fixtures';

let tw: TempWorkspace;
let service: WorkspaceService | null = null;

beforeEach(() => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  mkdirSync(tw.samples, { recursive: true });
  writeText(join(tw.folder, 'alpha.product.json'), productText('alpha'));
});

afterEach(async () => {
  await service?.close({ force: true }).catch(() => undefined);
  service = null;
  tw.cleanup();
});

const grow: Edit[] = [{ type: 'story.update', id: 'st-1', patch: { description: 'A long description. '.repeat(500) } }];

/** The size of the file `product` makes. */
function fileBytes(product: Product): number {
  return Buffer.byteLength(serializeProduct(product));
}

/** The size alpha's file would have after `grow`. */
const grownSize = fileBytes(applyEdits(makeProduct('alpha'), grow).product);

async function start(maxProductFileBytes: number): Promise<WorkspaceService> {
  ({ service } = await startService(tw, {}, { maxProductFileBytes }));
  return service;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('the size limit of a product file', () => {
  it('refuses an edit that would make the file one byte too large, naming the size and the limit, and changes nothing', async () => {
    const svc = await start(grownSize - 1);
    const before = readFileSync(join(tw.folder, 'alpha.product.json'));
    const { revision, product } = await svc['product.open']({ id: 'alpha' });

    const error = await failure(svc['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: grow }));
    expect(error.code).toBe('invalid-edit');
    expect(error.message).toContain(`would be ${groupDigits(grownSize)} bytes`);
    expect(error.message).toContain(`a product file can be at most ${groupDigits(grownSize - 1)} bytes, the most the app reads back.`);
    expect(error.message).toMatch(/^The change was not made/);

    const reopened = await svc['product.open']({ id: 'alpha' });
    expect(reopened.revision).toBe(revision);
    expect(reopened.product).toEqual(product);
    await svc['product.flush']({ id: 'alpha' });
    expect(readFileSync(join(tw.folder, 'alpha.product.json')).equals(before)).toBe(true);

    // Edits that fit still go through.
    const next = await svc['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'story.update', id: 'st-1', patch: { title: 'Shorter' } }] });
    expect(next.revision).toBe(revision + 1);
  });

  it('accepts an edit that makes the file exactly as large as the limit', async () => {
    const svc = await start(grownSize);
    const { revision } = await svc['product.open']({ id: 'alpha' });
    await svc['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: grow });
    await svc['product.flush']({ id: 'alpha' });
    expect(readFileSync(join(tw.folder, 'alpha.product.json')).byteLength).toBe(grownSize);
  });

  it('refuses a new product (a copy, an import) over the limit, and writes no file', async () => {
    const big = applyEdits(makeProduct('alpha'), grow).product;
    const svc = await start(fileBytes({ ...big, id: 'big-one', name: 'Big one' }) - 1);
    const error = await failure(svc['product.saveCopy']({ product: big, name: 'Big one' }));
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(/^"Big one" was not saved: The product file would be [\d,]+ bytes; a product file can be at most [\d,]+ bytes/);
    expect(readdirSync(tw.folder).filter((n) => n.endsWith('.product.json'))).toEqual(['alpha.product.json']);
  });

  it('is by default the size above which a file is not read', () => {
    expect(oversizeReason(MAX_PRODUCT_FILE_BYTES)).toBeNull();
    expect(oversizeReason(MAX_PRODUCT_FILE_BYTES + 1)).toBe(
      'The product file would be 268,435,457 bytes (256.0 MiB); a product file can be at most 268,435,456 bytes (256 MiB), the most the app reads back.',
    );
  });
});
