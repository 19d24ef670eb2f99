/** The Electron transport: the preload's bridge (`window.pmWorkspace`) as a `WorkspaceClient`. */
import { WorkspaceEventSchema, type WorkspaceClient, type WorkspaceEvent } from '../../../shared/api/contract';
import { unwrapResponse } from '../../../shared/api/dispatch';
import type { PmWorkspaceBridge } from './bridge';
import { createApi } from './createApi';

export function createIpcClient(bridge: PmWorkspaceBridge): WorkspaceClient {
  const api = createApi(async (method, input) => unwrapResponse(await bridge[method](input)));
  return {
    api,
    shell: 'electron',
    subscribe(listener: (event: WorkspaceEvent) => void) {
      return bridge.onEvent((raw) => {
        const parsed = WorkspaceEventSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}
