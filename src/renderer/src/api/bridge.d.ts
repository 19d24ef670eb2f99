/**
 * The object the Electron preload exposes as `window.pmWorkspace` (see `src/preload/bridge.ts`).
 * It is an untyped boundary: each method resolves to a structured `ApiResponse`, which
 * `createIpcClient` validates and unwraps. In the web shell `window.pmWorkspace` is undefined.
 */
import type { ApiMethod } from '../../../shared/api/contract';

/** Commands the native menu sends to the renderer. */
export type AppCommand = 'undo' | 'redo' | 'new-product' | 'import';

export type PmWorkspaceBridgeMethods = {
  readonly [M in ApiMethod]: (input: unknown) => Promise<unknown>;
};

export interface PmWorkspaceBridgeExtras {
  /** Service events (`WorkspaceEvent`, unvalidated); returns the unsubscribe function. */
  onEvent(listener: (event: unknown) => void): () => void;
  /** Menu commands; returns the unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  readonly shell: 'electron';
}

export type PmWorkspaceBridge = PmWorkspaceBridgeMethods & PmWorkspaceBridgeExtras;

declare global {
  interface Window {
    /** Present only in the Electron shell. */
    readonly pmWorkspace?: PmWorkspaceBridge;
  }
}
