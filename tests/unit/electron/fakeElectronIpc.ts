/** Electron's IPC faked in one process, for tests of the IPC handlers with one or more renderers. */
import type { EventRecipient, InvokeEventLike, IpcMainLike } from '../../../src/main/electron/ipc';
import type { IpcRendererLike } from '../../../src/preload/bridge';

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}

/** One renderer over a shared `FakeIpcMain`: invoke → registered handler (with `frame`), send → its listeners. */
export function fakeRenderer(ipcMain: FakeIpcMain, frame: InvokeEventLike) {
  const rendererListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const handler = ipcMain.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      // Electron passes the handler's return value through structured clone.
      return structuredClone(await handler(frame, ...args));
    },
    on(channel, listener) {
      const set = rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      rendererListeners.set(channel, set);
    },
    removeListener(channel, listener) {
      rendererListeners.get(channel)?.delete(listener);
    },
  };
  const webContents: EventRecipient = {
    send(channel, payload) {
      for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: 'ipcRenderer-would-leak-here' }, structuredClone(payload));
    },
    isDestroyed: () => false,
  };
  return { ipcRenderer, webContents, rendererListeners };
}

/** Electron's IPC with one renderer. */
export function fakeElectronIpc(frame: InvokeEventLike) {
  const ipcMain = new FakeIpcMain();
  return { ipcMain, ...fakeRenderer(ipcMain, frame) };
}
