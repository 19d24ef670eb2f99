/**
 * API fuzzing through the IPC transport: the real `pm:<method>` handlers (as registered on
 * `ipcMain`) in front of a real workspace service on a temp folder. Inputs go through
 * `structuredClone`, as IPC does, so they include Maps, Sets, Dates, typed arrays, BigInts,
 * null-prototype objects and sparse arrays besides JSON. See apiFuzz.ts for the families and the
 * checks; besides those: calls from foreign or vanished frames are refused before the service, and
 * afterwards every product file is valid and nothing outside the workspace was touched.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../../../src/shared/api/contract';
import { registerIpcHandlers, type InvokeEventLike } from '../../../src/main/electron/ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/electron/security';
import type { WorkspaceService } from '../../../src/main/core/service';
import { createWorkspaceService } from '../../../src/main/core/workspaceService';
import { checkAnswer, expectAllProductFilesValid, fuzzCase, fuzzRoot, guardedFs, safeStringify, seedWorkspace, snapshotTree, type FuzzCase, type GuardedFs } from './apiFuzz';

const RUNS = Number(process.env['PM_FUZZ_IPC_RUNS'] ?? 7_000);
const SEED = Number(process.env['PM_FUZZ_SEED'] ?? 424_242);

let root: string;
let dirs: ReturnType<typeof seedWorkspace>;
let guard: GuardedFs;
let service: WorkspaceService;
let serviceCalls = 0;
const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
let outsideBefore: Map<string, string>;

beforeAll(async () => {
  root = fuzzRoot('pm-ipc-fuzz-');
  dirs = seedWorkspace(root);
  outsideBefore = snapshotTree(dirs.outside);
  guard = guardedFs(dirs.workspace, dirs.samples);
  const real = await createWorkspaceService({ folder: dirs.workspace, samplesFolder: dirs.samples, writeDelayMs: 5 }, { fs: guard.fs, pollIntervalMs: 0, useFsWatch: false, retryDelaysMs: [50] });
  // Count every call that reaches the service, to prove refused frames never get there.
  service = new Proxy(real, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        serviceCalls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  registerIpcHandlers({ handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => handlers.delete(channel) }, service, () => APP_ORIGIN);
});

afterAll(async () => {
  await service.close({ force: true }).catch(() => undefined);
  rmSync(root, { recursive: true, force: true });
});

const appFrame: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL } };

/** What ipcRenderer.invoke would deliver: the channel's handler, or Electron's "no handler" error. */
async function invoke(c: FuzzCase, event: InvokeEventLike): Promise<unknown> {
  const handler = handlers.get(`pm:${c.method}`);
  if (!handler) return { ok: false, error: { code: 'unknown-method', message: `No handler registered for pm:${c.method}` } };
  let input: unknown;
  try {
    input = structuredClone(c.input);
  } catch {
    return { ok: false, error: { code: 'bad-request', message: 'not cloneable' } }; // cannot be sent over IPC at all
  }
  return handler(event, input);
}

async function liveRevision(id: unknown): Promise<number> {
  try {
    return (await service['product.open']({ id: String(id) })).revision;
  } catch {
    return 0;
  }
}

describe('IPC fuzzing', () => {
  it(`answers ${RUNS} arbitrary payloads across every method with a structured error or a valid answer`, async () => {
    const tally = new Map<string, number>();
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase(false), async (c) => {
        if (c.liveRevision && typeof c.input === 'object' && c.input !== null && 'id' in c.input) {
          (c.input as Record<string, unknown>)['baseRevision'] = await liveRevision((c.input as { id: unknown }).id);
        }
        const response = await invoke(c, appFrame);
        sent += 1;
        const outcome = checkAnswer(c, response);
        tally.set(`${c.family}:${outcome}`, (tally.get(`${c.family}:${outcome}`) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.log(`IPC fuzz: ${sent} payloads; outcomes ${safeStringify(Object.fromEntries([...tally].sort()))}`);
    expect(sent).toBe(RUNS);
    // The fuzz reached the service for real: successes and domain errors of several kinds.
    expect(tally.get('shaped:ok') ?? 0).toBeGreaterThan(RUNS / 20);
    for (const code of ['not-found', 'invalid-edit', 'unsupported', 'bad-request']) expect([...tally.keys()].some((k) => k.endsWith(`:${code}`)), code).toBe(true);
  }, 120_000);

  it('refuses every call from a foreign, vanished or unreadable frame before it reaches the service', async () => {
    const frames: InvokeEventLike[] = [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///home/me/out/renderer/index.html' } },
      { senderFrame: { url: 'app://evil/index.html' } },
      { senderFrame: { url: 'http://localhost:5173/' } },
      { senderFrame: null },
    ];
    const before = serviceCalls;
    await fc.assert(
      fc.asyncProperty(fuzzCase(false), fc.constantFrom(...frames), async (c, frame) => {
        if (!handlers.has(`pm:${c.method}`)) return;
        const response = (await invoke(c, frame)) as ApiResponse;
        expect(response).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }),
      { numRuns: 500, seed: SEED + 1 },
    );
    expect(serviceCalls).toBe(before);
  });

  it('touched nothing outside the workspace, wrote only valid product files, and still answers', async () => {
    await service['products.list']({});
    expect(guard.violations).toEqual([]);
    expect(guard.calls).toBeGreaterThan(1000);
    expect(snapshotTree(dirs.outside)).toEqual(outsideBefore);
    const files = expectAllProductFilesValid(dirs.workspace);
    expect(files).toBeGreaterThan(2);
    await expect(service['workspace.info']({})).resolves.toMatchObject({ folder: dirs.workspace });
  });
});
