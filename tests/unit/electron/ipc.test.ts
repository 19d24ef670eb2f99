/**
 * The IPC transport without Electron: handlers check the sender frame before dispatching, every
 * method is registered, events reach every live window; and a full round trip
 * renderer client → preload bridge → (fake) IPC → main handlers → fake service, and back for events.
 */
import { describe, expect, it } from 'vitest';
import { API_METHODS, ApiError, type WorkspaceEvent } from '../../../src/shared/api/contract';
import {
  createIpcHandler,
  forwardServiceEvents,
  registerIpcHandlers,
  type EventRecipient,
  type InvokeEventLike,
} from '../../../src/main/electron/ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/electron/security';
import { createBridge } from '../../../src/preload/bridge';
import { IPC_EVENT_CHANNEL } from '../../../src/shared/ipc/channels';
import { createIpcClient } from '../../../src/renderer/src/api/ipcClient';
import { FakeWorkspaceService } from '../web/fakeWorkspaceService';
import { FakeIpcMain, fakeElectronIpc } from './fakeElectronIpc';

const appFrame: InvokeEventLike = { senderFrame: { url: APP_ENTRY_URL } };
const foreignFrame: InvokeEventLike = { senderFrame: { url: 'https://evil.example/' } };
const goneFrame: InvokeEventLike = { senderFrame: null };

describe('createIpcHandler', () => {
  it('refuses a foreign frame with a structured error and does not call the service', async () => {
    const service = new FakeWorkspaceService();
    const handler = createIpcHandler(service, 'workspace.info', () => APP_ORIGIN);
    for (const event of [foreignFrame, goneFrame, { senderFrame: { url: 'file:///etc/passwd' } }]) {
      await expect(handler(event, {})).resolves.toEqual({ ok: false, error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect(service.calls).toEqual([]);
  });

  it('refuses a frame whose URL cannot be read', async () => {
    const service = new FakeWorkspaceService();
    const handler = createIpcHandler(service, 'workspace.info', () => APP_ORIGIN);
    const throwing = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(handler(throwing, {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(service.calls).toEqual([]);
  });

  it('dispatches calls from the app frame, validating input first', async () => {
    const service = new FakeWorkspaceService();
    const info = createIpcHandler(service, 'workspace.info', () => APP_ORIGIN);
    await expect(info(appFrame, {})).resolves.toEqual({ ok: true, result: { folder: '/fake/workspace', canChooseFolder: false } });
    const open = createIpcHandler(service, 'product.open', () => APP_ORIGIN);
    await expect(open(appFrame, { id: '../x' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(open(appFrame, { id: 'missing' })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(service.calls).toEqual([
      { method: 'workspace.info', input: {} },
      { method: 'product.open', input: { id: 'missing' } },
    ]);
  });

  it('trusts the dev server origin in development, and nothing else', async () => {
    const service = new FakeWorkspaceService();
    const handler = createIpcHandler(service, 'trash.list', () => 'http://localhost:5173');
    await expect(handler({ senderFrame: { url: 'http://localhost:5173/#/' } }, {})).resolves.toMatchObject({ ok: true });
    await expect(handler(appFrame, {})).resolves.toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('registerIpcHandlers', () => {
  it('registers pm:<method> for every API method, and removes them again', () => {
    const ipcMain = new FakeIpcMain();
    const remove = registerIpcHandlers(ipcMain, new FakeWorkspaceService(), () => APP_ORIGIN);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_METHODS.map((method) => `pm:${method}`).sort());
    remove();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('forwardServiceEvents', () => {
  it('sends each event to every live window as pm:event, and stops when unsubscribed', () => {
    const service = new FakeWorkspaceService();
    const sent: Array<[string, string, unknown]> = [];
    const recipient = (name: string, destroyed: boolean): EventRecipient => ({
      send: (channel, payload) => sent.push([name, channel, payload]),
      isDestroyed: () => destroyed,
    });
    const unsubscribe = forwardServiceEvents(service, () => [recipient('a', false), recipient('closed', true), recipient('b', false)]);
    service.emit({ type: 'workspace.changed' });
    expect(sent).toEqual([
      ['a', 'pm:event', { type: 'workspace.changed' }],
      ['b', 'pm:event', { type: 'workspace.changed' }],
    ]);
    unsubscribe();
    service.emit({ type: 'workspace.changed' });
    expect(sent).toHaveLength(2);
    expect(service.listenerCount).toBe(0);
  });
});

describe('round trip: renderer client → preload bridge → main handlers → service', () => {
  const noTextEditing = { isEditingText: () => false, runNativeEdit: () => undefined };

  it('calls the service and rethrows its structured errors', async () => {
    const service = new FakeWorkspaceService();
    const ipc = fakeElectronIpc(appFrame);
    registerIpcHandlers(ipc.ipcMain, service, () => APP_ORIGIN);
    const client = createIpcClient(createBridge(ipc.ipcRenderer, noTextEditing));
    expect(client.shell).toBe('electron');
    await expect(client.api['products.list']({})).resolves.toMatchObject({ products: [{ id: 'civic-cloud' }] });
    await expect(client.api['product.create']({ name: 'Tiny Shop' })).resolves.toEqual({ id: 'tiny-shop' });
    const error = await client.api['product.open']({ id: 'missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not-found' });
    const bad = await client.api['product.open']({ id: '../../x' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'bad-request' });
  });

  it('is refused end to end when the page is not the app', async () => {
    const service = new FakeWorkspaceService();
    const ipc = fakeElectronIpc(foreignFrame);
    registerIpcHandlers(ipc.ipcMain, service, () => APP_ORIGIN);
    const client = createIpcClient(createBridge(ipc.ipcRenderer, noTextEditing));
    await expect(client.api['workspace.info']({})).rejects.toMatchObject({ code: 'unauthorized' });
    expect(service.calls).toEqual([]);
  });

  it('delivers service events as validated WorkspaceEvents, and unsubscribes', () => {
    const service = new FakeWorkspaceService();
    const ipc = fakeElectronIpc(appFrame);
    forwardServiceEvents(service, () => [ipc.webContents]);
    const client = createIpcClient(createBridge(ipc.ipcRenderer, noTextEditing));
    const received: WorkspaceEvent[] = [];
    const unsubscribe = client.subscribe((event) => received.push(event));
    const conflict: WorkspaceEvent = { type: 'product.conflict', id: 'civic-cloud', epoch: 'e1', conflict: { message: 'Changed on disk', disk: 'changed', canMerge: false } };
    service.emit(conflict);
    service.emit({ type: 'product.changed', id: 'BAD ID', epoch: 'e1', revision: 1 } as WorkspaceEvent);
    expect(received).toEqual([conflict]);
    unsubscribe();
    expect(ipc.rendererListeners.get(IPC_EVENT_CHANNEL)?.size).toBe(0);
    service.emit({ type: 'workspace.changed' });
    expect(received).toHaveLength(1);
  });
});
