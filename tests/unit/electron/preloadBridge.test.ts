/**
 * The preload's `window.pmWorkspace` object, built with a fake ipcRenderer: one function per API
 * method invoking `pm:<method>`, subscriptions that hand the page plain data only, menu commands
 * (with Undo/Redo left to focused text fields), and no way to reach ipcRenderer.
 */
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../src/shared/api/contract';
import { createBridge, type IpcRendererLike, type TextEditingHooks } from '../../../src/preload/bridge';
import type { PmWorkspaceBridge as RendererBridgeType } from '../../../src/renderer/src/api/bridge';

function fakeIpcRenderer() {
  const invoked: Array<[string, unknown[]]> = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    async invoke(channel, ...args) {
      invoked.push([channel, args]);
      return { ok: true, result: channel };
    },
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: { send: 'the ipcRenderer' } }, payload);
  };
  return { ipc, invoked, listeners, emit };
}

function fakeTextEditing(editing: boolean) {
  const native: string[] = [];
  const hooks: TextEditingHooks = { isEditingText: () => editing, runNativeEdit: (command) => native.push(command) };
  return { hooks, native };
}

describe('createBridge', () => {
  it('has exactly one function per API method plus onEvent, onCommand and shell — no ipcRenderer', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc, fakeTextEditing(false).hooks);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onCommand', 'onEvent', 'shell'].sort());
    expect(bridge.shell).toBe('electron');
    for (const key of ['ipcRenderer', 'invoke', 'send', 'on', 'sendSync']) expect(key in bridge).toBe(false);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('matches the type the renderer declares for window.pmWorkspace', () => {
    // A compile-time check (tsc): the preload's object is what the renderer expects.
    const bridge: RendererBridgeType = createBridge(fakeIpcRenderer().ipc, fakeTextEditing(false).hooks);
    expect(typeof bridge['product.open']).toBe('function');
  });

  it('invokes pm:<method> with the input only', async () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc, fakeTextEditing(false).hooks);
    for (const method of API_METHODS) {
      await expect(bridge[method]({ probe: method })).resolves.toEqual({ ok: true, result: `pm:${method}` });
    }
    expect(fake.invoked).toEqual(API_METHODS.map((method) => [`pm:${method}`, [{ probe: method }]]));
  });

  it('hands event listeners the payload, never the IPC event, and unsubscribes', () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc, fakeTextEditing(false).hooks);
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => received.push(args));
    fake.emit('pm:event', { type: 'workspace.changed' });
    expect(received).toEqual([[{ type: 'workspace.changed' }]]);
    unsubscribe();
    unsubscribe();
    expect(fake.listeners.get('pm:event')?.size).toBe(0);
    expect(() => bridge.onEvent('not a function' as unknown as () => void)).toThrow(TypeError);
  });

  it('passes menu commands to the page and drops unknown ones', () => {
    const fake = fakeIpcRenderer();
    const bridge = createBridge(fake.ipc, fakeTextEditing(false).hooks);
    const commands: string[] = [];
    const unsubscribe = bridge.onCommand((command) => commands.push(command));
    fake.emit('pm:command', 'new-product');
    fake.emit('pm:command', 'undo');
    fake.emit('pm:command', 'redo');
    fake.emit('pm:command', 'rm -rf');
    fake.emit('pm:command', { evil: true });
    expect(commands).toEqual(['new-product', 'undo', 'redo']);
    unsubscribe();
    fake.emit('pm:command', 'undo');
    expect(commands).toHaveLength(3);
  });

  it('lets a focused text field run its own Undo/Redo instead of the document store', () => {
    const fake = fakeIpcRenderer();
    const editing = fakeTextEditing(true);
    const bridge = createBridge(fake.ipc, editing.hooks);
    const commands: string[] = [];
    bridge.onCommand((command) => commands.push(command));
    fake.emit('pm:command', 'undo');
    fake.emit('pm:command', 'redo');
    fake.emit('pm:command', 'new-product');
    expect(editing.native).toEqual(['undo', 'redo']);
    expect(commands).toEqual(['new-product']);
  });
});
