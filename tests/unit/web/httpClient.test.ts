/**
 * The renderer's HTTP transport against the real loopback host (with a fake service): calls,
 * structured errors rethrown as ApiError, events over server-sent events with reconnection, and
 * `connectWorkspace` choosing the transport and handling the token in the address.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type WorkspaceEvent } from '../../../src/shared/api/contract';
import { startWebHost, type WebHost } from '../../../src/main/web/webHost';
import { createHttpClient } from '../../../src/renderer/src/api/httpClient';
import { connectWorkspace, TOKEN_STORAGE_KEY, tokenFromHash, type BrowserEnvironment } from '../../../src/renderer/src/api/connectWorkspace';
import type { PmWorkspaceBridge } from '../../../src/renderer/src/api/bridge';
import { FakeWorkspaceService } from './fakeWorkspaceService';
import { openNodeEventStream, waitFor } from './httpTestUtils';

let staticDir: string;
let service: FakeWorkspaceService;
let host: WebHost;

beforeAll(() => {
  staticDir = mkdtempSync(join(tmpdir(), 'pm-client-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
});
afterAll(() => rmSync(staticDir, { recursive: true, force: true }));

beforeEach(async () => {
  service = new FakeWorkspaceService();
  host = await startWebHost({ service, staticDir });
});
afterEach(async () => {
  await host.close();
});

const origin = (): string => `http://127.0.0.1:${host.port}`;

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('createHttpClient', () => {
  it('calls every method over POST with the token and unwraps the result', async () => {
    const client = createHttpClient(`${origin()}/`, host.token, { openEventStream: openNodeEventStream });
    expect(client.shell).toBe('web');
    await expect(client.api['workspace.info']({})).resolves.toEqual({ folder: '/fake/workspace', canChooseFolder: false });
    await expect(client.api['product.create']({ name: 'Bike Share' })).resolves.toEqual({ id: 'bike-share' });
    await expect(client.api['product.rename']({ id: 'bike-share', name: 'Bikes' })).resolves.toEqual({ revision: 2 });
    expect(service.calls).toEqual([
      { method: 'workspace.info', input: {} },
      { method: 'product.create', input: { name: 'Bike Share' } },
      { method: 'product.rename', input: { id: 'bike-share', name: 'Bikes' } },
    ]);
  });

  it('offers a function for every API method', () => {
    const client = createHttpClient(origin(), host.token);
    expect(Object.keys(client.api).sort()).toEqual(
      ['workspace.info', 'workspace.chooseFolder', 'products.list', 'product.open', 'product.create', 'product.createFromSample', 'product.duplicate', 'product.rename', 'product.delete', 'trash.list', 'trash.restore', 'recovery.list', 'recovery.restore', 'recovery.delete', 'product.applyEdits', 'product.sync', 'product.resolveConflict', 'product.saveCopy', 'product.flush', 'product.close', 'export.save', 'export.pdf'].sort(),
    );
  });

  it('rethrows structured errors as ApiError with their code', async () => {
    const client = createHttpClient(origin(), host.token);
    const notFound = await rejection(client.api['product.open']({ id: 'nothing-here' }));
    expect(notFound.code).toBe('not-found');
    expect(notFound.message).toBe('There is no product nothing-here.');
    const bad = await rejection(client.api['product.open']({ id: '../etc' }));
    expect(bad.code).toBe('bad-request');
    const wrongToken = await rejection(createHttpClient(origin(), 'w'.repeat(43)).api['workspace.info']({}));
    expect(wrongToken.code).toBe('unauthorized');
  });

  it('turns an unreachable host into an ApiError instead of a TypeError', async () => {
    const port = host.port;
    await host.close();
    const error = await rejection(createHttpClient(`http://127.0.0.1:${port}`, 'x'.repeat(43)).api['workspace.info']({}));
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/cannot be reached/);
  });

  it('delivers service events to subscribers over one shared stream, and closes it with the last', async () => {
    const client = createHttpClient(origin(), host.token, { openEventStream: openNodeEventStream });
    const first: WorkspaceEvent[] = [];
    const second: WorkspaceEvent[] = [];
    const unsubscribeFirst = client.subscribe((event) => first.push(event));
    const unsubscribeSecond = client.subscribe((event) => second.push(event));
    await waitFor(() => service.listenerCount === 1);
    service.emit({ type: 'product.saveState', id: 'civic-cloud', epoch: 'e1', state: 'saved', revision: 4, savedRevision: 4, message: null });
    service.emit({ type: 'workspace.changed' });
    await waitFor(() => first.length === 2 && second.length === 2);
    expect(first).toEqual([
      { type: 'product.saveState', id: 'civic-cloud', epoch: 'e1', state: 'saved', revision: 4, savedRevision: 4, message: null },
      { type: 'workspace.changed' },
    ]);
    unsubscribeFirst();
    service.emit({ type: 'workspace.changed' });
    await waitFor(() => second.length === 3);
    expect(first).toHaveLength(2);
    unsubscribeSecond();
    await waitFor(() => service.listenerCount === 0);
  });

  it('ignores malformed events', async () => {
    const client = createHttpClient(origin(), host.token, { openEventStream: openNodeEventStream });
    const received: WorkspaceEvent[] = [];
    const unsubscribe = client.subscribe((event) => received.push(event));
    await waitFor(() => service.listenerCount === 1);
    service.emit({ type: 'product.changed', id: 'NOT A VALID ID', revision: 1 } as WorkspaceEvent);
    service.emit({ type: 'workspace.changed' });
    await waitFor(() => received.length >= 1);
    expect(received).toEqual([{ type: 'workspace.changed' }]);
    unsubscribe();
  });

  it('reconnects when the stream drops and tells subscribers to refresh', async () => {
    const client = createHttpClient(origin(), host.token, { openEventStream: openNodeEventStream, reconnectDelayMs: 20 });
    const received: WorkspaceEvent[] = [];
    const unsubscribe = client.subscribe((event) => received.push(event));
    await waitFor(() => service.listenerCount === 1);
    host.server.closeAllConnections(); // drop the stream from the server side
    await waitFor(() => received.some((event) => event.type === 'workspace.changed'));
    await waitFor(() => service.listenerCount === 1);
    service.emit({ type: 'product.changed', id: 'civic-cloud', epoch: 'e1', revision: 9 });
    await waitFor(() => received.some((event) => event.type === 'product.changed'));
    unsubscribe();
    await waitFor(() => service.listenerCount === 0);
  });

  it('keeps retrying with back-off while the stream is refused, and stops when unsubscribed', async () => {
    vi.useFakeTimers();
    try {
      const opened: string[] = [];
      const client = createHttpClient('http://127.0.0.1:1', 't'.repeat(43), {
        reconnectDelayMs: 100,
        maxReconnectDelayMs: 400,
        openEventStream: (url, handlers) => {
          opened.push(url);
          queueMicrotask(() => handlers.onError(true));
          return { close: () => undefined };
        },
      });
      const unsubscribe = client.subscribe(() => undefined);
      expect(opened).toEqual([`http://127.0.0.1:1/events?token=${'t'.repeat(43)}`]);
      await vi.advanceTimersByTimeAsync(100);
      expect(opened).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(200);
      expect(opened).toHaveLength(3);
      await vi.advanceTimersByTimeAsync(400);
      expect(opened).toHaveLength(4);
      await vi.advanceTimersByTimeAsync(400);
      expect(opened).toHaveLength(5);
      unsubscribe();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(opened).toHaveLength(5);
    } finally {
      vi.useRealTimers();
    }
  });
});

function fakeEnvironment(hash: string, stored: string | null = null, bridge?: PmWorkspaceBridge) {
  const storage = new Map<string, string>();
  if (stored !== null) storage.set(TOKEN_STORAGE_KEY, stored);
  const replaced: string[] = [];
  const hashListeners: (() => void)[] = [];
  let reloads = 0;
  const env: BrowserEnvironment = {
    bridge,
    location: { hash, origin: origin(), pathname: '/', search: '' },
    history: {
      state: null,
      replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => {
        replaced.push(String(url));
      },
    },
    sessionStorage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    onHashChange: (listener) => void hashListeners.push(listener),
    reload: () => void (reloads += 1),
  };
  /** The learner pastes an address into the bar. */
  const pasteHash = (next: string): void => {
    env.location.hash = next;
    for (const listener of hashListeners) listener();
  };
  return { env, storage, replaced, pasteHash, reloads: () => reloads };
}

describe('connectWorkspace', () => {
  it('uses the token from #token=…, remembers it and removes it from the address', async () => {
    const { env, storage, replaced } = fakeEnvironment(`#token=${host.token}`);
    const client = connectWorkspace(env);
    expect(client.shell).toBe('web');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(host.token);
    expect(replaced).toEqual(['/']);
    await expect(client.api['workspace.info']({})).resolves.toEqual({ folder: '/fake/workspace', canChooseFolder: false });
  });

  it('uses the remembered token after a reload', async () => {
    const { env, replaced } = fakeEnvironment('#/p/civic-cloud/backlog', host.token);
    const client = connectWorkspace(env);
    expect(replaced).toEqual([]);
    await expect(client.api['products.list']({})).resolves.toMatchObject({ products: [{ id: 'civic-cloud' }] });
  });

  it('without a token, every call fails with unauthorized and nothing reaches the host', async () => {
    const { env } = fakeEnvironment('');
    const client = connectWorkspace(env);
    const error = await rejection(client.api['workspace.info']({}));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/#token=/);
    expect(service.calls).toEqual([]);
    client.subscribe(() => undefined)();
  });

  it('picks up a new token pasted into the address (the web shell restarted), without a reload', async () => {
    const { env, storage, replaced, pasteHash, reloads } = fakeEnvironment('#/p/civic-cloud/backlog', 'stale-token-from-before-0001');
    const client = connectWorkspace(env);
    expect((await rejection(client.api['workspace.info']({}))).code).toBe('unauthorized');
    pasteHash(`#token=${host.token}`);
    await expect(client.api['workspace.info']({})).resolves.toEqual({ folder: '/fake/workspace', canChooseFolder: false });
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(host.token);
    expect(replaced).toEqual(['/']);
    // A fragment without a token (the app's own navigation) changes nothing.
    pasteHash('#/p/civic-cloud/roadmap');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe(host.token);
    expect(reloads()).toBe(0);
  });

  it('a page opened without a token starts again once one is pasted', () => {
    const { env, pasteHash, reloads } = fakeEnvironment('');
    connectWorkspace(env);
    pasteHash('#/');
    expect(reloads()).toBe(0);
    pasteHash(`#token=${host.token}`);
    expect(reloads()).toBe(1);
  });

  it('ignores malformed tokens', () => {
    expect(tokenFromHash('#token=short')).toBeNull();
    expect(tokenFromHash('#token=<script>alert(1)</script>xxxxxxxx')).toBeNull();
    expect(tokenFromHash(`#token=${'a'.repeat(43)}`)).toBe('a'.repeat(43));
    expect(tokenFromHash(`token=${'a'.repeat(43)}`)).toBe('a'.repeat(43));
  });

  it('uses the IPC bridge when the preload exposed one', async () => {
    const calls: Array<[string, unknown]> = [];
    const bridgeMethods: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const method of ['workspace.info', 'workspace.chooseFolder', 'products.list', 'product.open', 'product.create', 'product.createFromSample', 'product.duplicate', 'product.rename', 'product.delete', 'trash.list', 'trash.restore', 'recovery.list', 'recovery.restore', 'recovery.delete', 'product.applyEdits', 'product.sync', 'product.resolveConflict', 'product.saveCopy', 'product.flush', 'product.close', 'export.save', 'export.pdf']) {
      bridgeMethods[method] = async (input) => {
        calls.push([method, input]);
        return { ok: true, result: { folder: '/via/ipc', canChooseFolder: true } };
      };
    }
    const bridge = { ...bridgeMethods, onEvent: () => () => undefined, onCommand: () => () => undefined, shell: 'electron' } as unknown as PmWorkspaceBridge;
    const { env, replaced } = fakeEnvironment(`#token=${host.token}`, null, bridge);
    const client = connectWorkspace(env);
    expect(client.shell).toBe('electron');
    await expect(client.api['workspace.info']({})).resolves.toEqual({ folder: '/via/ipc', canChooseFolder: true });
    expect(calls).toEqual([['workspace.info', {}]]);
    expect(replaced).toEqual([]);
    expect(service.calls).toEqual([]);
  });
});
