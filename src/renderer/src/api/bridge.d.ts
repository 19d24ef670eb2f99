/** `window.pmWorkspace`, present only in the Electron shell (see `src/shared/ipc/bridge.ts`). */
import type { PmWorkspaceBridge } from '../../../shared/ipc/bridge';

export type { AppCommand } from '../../../shared/ipc/channels';
export type { PmWorkspaceBridge } from '../../../shared/ipc/bridge';

declare global {
  interface Window {
    /** Present only in the Electron shell. */
    readonly pmWorkspace?: PmWorkspaceBridge;
  }
}
