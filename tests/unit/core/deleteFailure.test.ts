/**
 * A delete the disk refuses changes nothing: the product stays open with its unsaved edits, the
 * file stays where it was, and the error names the real cause (EACCES, EPERM), not a missing file.
 *
 * The read-only folder is real (chmod 0o555) when the tests run as an ordinary user. As root,
 * chmod does not stop writes, so the service gets a file system that refuses every change inside
 * the workspace with EACCES, as the kernel does for a read-only folder.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/shared/api/contract';
import { parseProductText } from '../../../src/shared/model/productFile';
import { interceptFs, nodeFs, type FsOp } from '../../../src/main/core/fsAdapter';
import { makeTempWorkspace, productText, startService, writeText, type TempWorkspace, type DispatchedService } from './fixtures';

const RUNNING_AS_ROOT = process.getuid?.() === 0;
/** What a read-only folder refuses: creating, renaming and removing entries in it. */
const CHANGES: ReadonlySet<FsOp> = new Set(['openExclusive', 'rename', 'mkdir', 'unlink', 'copyFile']);

let tw: TempWorkspace;
let service: DispatchedService;
/** Which changes the simulated disk refuses, and with which code (null: none). */
let refuse: { code: string; ops: ReadonlySet<FsOp> } | null = null;

function fsError(code: string, op: string, path: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${op} '${path}'`);
  error.code = code;
  return error;
}

beforeEach(async () => {
  tw = makeTempWorkspace();
  mkdirSync(tw.folder, { recursive: true });
  mkdirSync(tw.samples, { recursive: true });
  writeText(join(tw.folder, 'alpha.product.json'), productText('alpha', { name: 'Alpha' }));
  refuse = null;
  const fs = interceptFs(nodeFs, (op, path) => {
    if (refuse && refuse.ops.has(op) && !relative(tw.folder, path).startsWith('..')) throw fsError(refuse.code, op, path);
  });
  ({ service } = await startService(tw, {}, { fs, retryDelaysMs: [20] }));
});

afterEach(async () => {
  refuse = null;
  chmodSync(tw.folder, 0o755);
  await service.close({ force: true }).catch(() => undefined);
  tw.cleanup();
});

function diskSummary(): string {
  const parsed = parseProductText(readFileSync(join(tw.folder, 'alpha.product.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product.summary;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/** Open alpha and make an edit that is not on disk yet. */
async function editWithoutSaving(): Promise<number> {
  const { revision } = await service['product.open']({ id: 'alpha' });
  return (await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'typed before the delete' } }] })).revision;
}

describe('a delete the disk refuses', () => {
  it(`keeps the product open with its unsaved edits in a read-only folder, and says EACCES (${RUNNING_AS_ROOT ? 'simulated: running as root' : 'real chmod 0o555'})`, async () => {
    if (RUNNING_AS_ROOT) refuse = { code: 'EACCES', ops: CHANGES };
    else chmodSync(tw.folder, 0o555);
    const revision = await editWithoutSaving();

    const error = await failure(service['product.delete']({ id: 'alpha' }));
    expect(error.code).toBe('io');
    expect(error.message).toMatch(/Permission denied \(EACCES\) while moving alpha\.product\.json to the trash/);
    expect(error.message).not.toMatch(/ENOENT|missing|no longer open/);

    // Nothing moved, and the product is still the open one, edits and all.
    expect(readdirSync(tw.folder)).toContain('alpha.product.json');
    expect(existsSync(join(tw.folder, '.trash'))).toBe(false);
    const reopened = await service['product.open']({ id: 'alpha' });
    expect(reopened.product.summary).toBe('typed before the delete');
    expect(reopened.revision).toBe(revision);
    const next = await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { name: 'Alpha, still open' } }] });
    expect(next.revision).toBe(revision + 1);

    // Once the folder can be written again, the edits are saved.
    refuse = null;
    chmodSync(tw.folder, 0o755);
    await service['product.flush']({ id: 'alpha' });
    expect(diskSummary()).toBe('typed before the delete');
  });

  it('keeps the product open and says EPERM when only the move into the trash is refused (a file in use)', async () => {
    const revision = await editWithoutSaving();
    refuse = { code: 'EPERM', ops: new Set<FsOp>(['rename']) };
    // The delete saves first (that write's own rename is refused too), then tries the move.
    const error = await failure(service['product.delete']({ id: 'alpha' }));
    expect(error.message).toMatch(/Operation not permitted \(EPERM\) while moving alpha\.product\.json to the trash/);
    refuse = null;
    expect((await service['product.open']({ id: 'alpha' })).product.summary).toBe('typed before the delete');
    expect((await service['product.applyEdits']({ id: 'alpha', baseRevision: revision, edits: [{ type: 'product.update', patch: { summary: 'and after' } }] })).revision).toBe(revision + 1);
    // A delete that works then moves the latest version to the trash and lets the product go.
    const { trashId } = await service['product.delete']({ id: 'alpha' });
    const trashed = parseProductText(readFileSync(join(tw.folder, '.trash', `${trashId}.product.json`), 'utf8'));
    expect(trashed.ok && trashed.product.summary).toBe('and after');
    expect(existsSync(join(tw.folder, 'alpha.product.json'))).toBe(false);
  });
});
