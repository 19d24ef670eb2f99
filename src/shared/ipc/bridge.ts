/**
 * The object the Electron preload exposes as `window.pmWorkspace` (built by
 * `src/preload/bridge.ts`, used by the renderer's IPC client). An untyped boundary: each method
 * resolves to a structured `ApiResponse`, which `createIpcClient` validates and unwraps. In the web
 * shell `window.pmWorkspace` is undefined.
 */
import type { ApiMethodName } from '../api/methodNames';
import type { AppCommand } from './channels';

export type PmWorkspaceBridgeMethods = {
  readonly [M in ApiMethodName]: (input: unknown) => Promise<unknown>;
};

export interface PmWorkspaceBridgeExtras {
  /** Service events (`WorkspaceEvent`, unvalidated); returns the unsubscribe function. */
  onEvent(listener: (event: unknown) => void): () => void;
  /** Menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  readonly shell: 'electron';
}

export type PmWorkspaceBridge = PmWorkspaceBridgeMethods & PmWorkspaceBridgeExtras;
