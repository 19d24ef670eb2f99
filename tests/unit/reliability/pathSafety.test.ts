/**
 * Every field that names something on disk, on every method that has one, refuses every path trick
 * (`..`, `/`, `\`, NUL, absolute paths, drive letters, URL-encoding, very long strings) with
 * `bad-request` — through the IPC handlers, through the loopback host, and on the service called
 * directly (which checks every field a path is built from again, so nothing depends on the transport). The fuzz tests draw from
 * the same list at random; this test tries all of it. Also: names Windows reserves for devices are
 * never used for new products or exports.
 */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type ApiMethod } from '../../../src/shared/api/contract';
import { registerIpcHandlers, type InvokeEventLike } from '../../../src/main/electron/ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/electron/security';
import type { WorkspaceService } from '../../../src/main/core/service';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { TOKEN_HEADER } from '../../../src/shared/api/httpTransport';
import { startWebHost, type WebHost } from '../../../src/main/web/webHost';
import { productText } from '../core/fixtures';
import { fuzzRoot, guardedFs, HOSTILE_STRINGS, ID_FIELDS, seedWorkspace, snapshotTree, type GuardedFs } from './apiFuzz';

let root: string;
let dirs: ReturnType<typeof seedWorkspace>;
let guard: GuardedFs;
let service: WorkspaceService;
let host: WebHost;
const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();

beforeAll(async () => {
  root = fuzzRoot('pm-path-safety-');
  dirs = seedWorkspace(root);
  guard = guardedFs(dirs.workspace, dirs.samples);
  service = await createWorkspaceService({ folder: dirs.workspace, samplesFolder: dirs.samples }, { fs: guard.fs, pollIntervalMs: 0, useFsWatch: false });
  host = await startWebHost({ service, staticDir: root });
  registerIpcHandlers({ handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => handlers.delete(channel) }, service, () => APP_ORIGIN);
});

afterAll(async () => {
  await host.close();
  await service.close({ force: true }).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

/** A valid input for `method`, into which one field is then replaced. */
function validInput(method: ApiMethod): Record<string, unknown> {
  switch (method) {
    case 'product.applyEdits':
      return { id: 'alpha', baseRevision: 0, edits: [{ type: 'product.update', patch: { summary: 'x' } }] };
    case 'product.createFromSample':
      return { sampleId: 'demo' };
    case 'trash.restore':
      return { trashId: 'alpha.1700000000000' };
    case 'recovery.restore':
    case 'recovery.delete':
      return { recoveryId: 'alpha.1700000000000' };
    case 'export.save':
      return { productId: 'alpha', fileName: 'notes.md', content: '# Notes' };
    case 'export.pdf':
      return { productId: 'alpha', fileName: 'notes.pdf', html: '<p>x</p>' };
    default:
      return { id: 'alpha' };
  }
}

async function viaIpc(method: string, input: unknown): Promise<string> {
  const handler = handlers.get(`pm:${method}`);
  const response = (await handler?.({ senderFrame: { url: APP_ENTRY_URL } }, structuredClone(input))) as { ok: boolean; error?: { code: string } };
  return response.ok ? 'ok' : (response.error?.code ?? '?');
}

async function viaHttp(method: string, input: unknown): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; error?: { code: string } };
  return body.ok ? 'ok' : (body.error?.code ?? '?');
}

async function direct(method: ApiMethod, input: unknown): Promise<string> {
  try {
    await (service[method] as (input: unknown) => Promise<unknown>)(input);
    return 'ok';
  } catch (error) {
    return error instanceof ApiError ? error.code : `not an ApiError: ${String(error)}`;
  }
}

describe('path tricks in id and file-name fields', () => {
  const cases = Object.entries(ID_FIELDS).flatMap(([method, fields]) => (fields ?? []).map((field) => [method as ApiMethod, field] as const));

  it.each(cases)('%s.%s refuses every one of them on every transport', async (method, field) => {
    const outsideBefore = snapshotTree(root);
    for (const hostile of HOSTILE_STRINGS) {
      const input = { ...validInput(method), [field]: hostile };
      const label = `${method} ${field}=${JSON.stringify(hostile.slice(0, 40))}`;
      expect(await viaIpc(method, input), `IPC ${label}`).toBe('bad-request');
      expect(await viaHttp(method, input), `HTTP ${label}`).toBe('bad-request');
      expect(await direct(method, input), `direct ${label}`).toBe('bad-request');
    }
    expect(guard.violations).toEqual([]);
    // Nothing was created or changed anywhere under the root (the workspace included).
    expect(snapshotTree(root)).toEqual(outsideBefore);
  });
});

describe('names Windows reserves for devices', () => {
  it('are skipped for new products, copies and samples, and refused for exports', async () => {
    expect((await service['product.create']({ name: 'CON' })).id).toBe('con-2');
    expect((await service['product.create']({ name: 'nul' })).id).toBe('nul-2');
    expect((await service['product.saveCopy']({ product: (await service['product.open']({ id: 'beta' })).product, name: 'Com1' })).id).toBe('com1-2');
    expect((await service['product.createFromSample']({ sampleId: 'demo', name: 'LPT9' })).id).toBe('lpt9-2');
    for (const fileName of ['CON.md', 'nul.html', 'Aux.csv', 'com3.json', 'lpt1.pdf']) {
      expect(await direct('export.save', { productId: 'alpha', fileName, content: 'x' }), fileName).toBe('bad-request');
    }
    expect(await direct('export.save', { productId: 'alpha', fileName: 'console.md', content: 'x' })).toBe('ok');
    const names = readdirSync(dirs.workspace);
    expect(names.filter((n) => /^(con|nul|aux|prn|com\d|lpt\d)\./i.test(n))).toEqual([]);
  });

  it('include COM0 and LPT0, and names with a space before the extension', async () => {
    expect((await service['product.create']({ name: 'COM0' })).id).toBe('com0-2');
    expect((await service['product.create']({ name: 'lpt0' })).id).toBe('lpt0-2');
    for (const fileName of ['com0.md', 'LPT0.pdf', 'con .md', 'Nul.backlog.csv']) {
      for (const call of [viaIpc, viaHttp]) expect(await call('export.save', { productId: 'alpha', fileName, content: 'x' }), fileName).toBe('bad-request');
      expect(await direct('export.save', { productId: 'alpha', fileName, content: 'x' }), fileName).toBe('bad-request');
    }
  });

  it('are never made into an export folder, nor restored from the trash under their own name', async () => {
    // A product file whose own name is a device name (possible by hand where the system allows it).
    writeFileSync(join(dirs.workspace, 'aux.product.json'), productText('aux', { name: 'Aux' }));
    expect(await direct('export.save', { productId: 'aux', fileName: 'notes.md', content: 'x' })).toBe('bad-request');
    expect(existsSync(join(dirs.workspace, 'exports', 'aux'))).toBe(false);
    const { trashId } = await service['product.delete']({ id: 'aux' });
    expect((await service['trash.restore']({ trashId })).id).toBe('aux-2');
    expect(readdirSync(dirs.workspace).filter((n) => n.startsWith('aux.'))).toEqual([]);
  });
});
