/**
 * The object exposed to the page as `window.pmWorkspace`, built from what it needs (so it is
 * testable without Electron): one function per contract method that invokes `pm:<method>`,
 * `onEvent` / `onCommand` subscriptions that hand the page plain data (never the IPC event, which
 * would leak `ipcRenderer` via `event.sender`), and the shell name. `ipcRenderer` itself is never
 * exposed.
 */
import { API_METHOD_NAMES, type ApiMethodName } from '../shared/api/methodNames';
import type { PmWorkspaceBridge } from '../shared/ipc/bridge';
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL, isAppCommand, methodChannel, type AppCommand } from '../shared/ipc/channels';

export type { PmWorkspaceBridge } from '../shared/ipc/bridge';

/** The part of `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** How the page's focus is inspected for Undo/Redo from the menu. */
export interface TextEditingHooks {
  /** True when the focused element edits text (input, textarea, contenteditable). */
  isEditingText(): boolean;
  /** Run the browser's own undo/redo in that element. */
  runNativeEdit(command: 'undo' | 'redo'): void;
}

export function createBridge(ipc: IpcRendererLike, textEditing: TextEditingHooks): PmWorkspaceBridge {
  const methods: Partial<Record<ApiMethodName, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHOD_NAMES) {
    methods[method] = (input: unknown) => ipc.invoke(methodChannel(method), input);
  }

  function subscribe(channel: string, deliver: (payload: unknown) => void): () => void {
    const handler = (_event: unknown, payload: unknown): void => deliver(payload);
    ipc.on(channel, handler);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      ipc.removeListener(channel, handler);
    };
  }

  const extras = {
    onEvent(listener: (event: unknown) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      return subscribe(IPC_EVENT_CHANNEL, (payload) => listener(payload));
    },
    onCommand(listener: (command: AppCommand) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
      return subscribe(IPC_COMMAND_CHANNEL, (payload) => {
        if (!isAppCommand(payload)) return;
        if ((payload === 'undo' || payload === 'redo') && textEditing.isEditingText()) {
          // A text field has its own undo history; the menu's Undo/Redo act there, as they would natively.
          textEditing.runNativeEdit(payload);
          return;
        }
        listener(payload);
      });
    },
    shell: 'electron' as const,
  };
  return Object.freeze({ ...methods, ...extras }) as PmWorkspaceBridge;
}

/** The focus checks against the page's DOM (the preload shares the DOM, not the page's JS world). */
export function domTextEditingHooks(doc: Document): TextEditingHooks {
  return {
    isEditingText() {
      const el = doc.activeElement;
      if (el === null) return false;
      if (el instanceof HTMLElement && el.isContentEditable) return true;
      if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
      if (el instanceof HTMLInputElement) {
        const textTypes = ['text', 'search', 'url', 'tel', 'email', 'password', 'number'];
        return textTypes.includes(el.type) && !el.readOnly && !el.disabled;
      }
      return false;
    },
    runNativeEdit(command) {
      doc.execCommand(command);
    },
  };
}
