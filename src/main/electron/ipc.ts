/**
 * The IPC transport: `pm:<method>` handlers that check the sender frame, then run the same
 * `dispatchApiCall` as the web host; and service events forwarded to every window as `pm:event`.
 * Electron objects come in as parameters (typed structurally), so this runs in unit tests.
 */
import { API_METHODS, type ApiMethod, type ApiResponse, type WorkspaceEvent } from '../../shared/api/contract';
import { dispatchApiCall } from '../../shared/api/dispatch';
import type { WorkspaceService } from '../core/service';
import { IPC_EVENT_CHANNEL, methodChannel } from '../../shared/ipc/channels';
import { isTrustedSender } from './security';

/** What the handler reads from an `IpcMainInvokeEvent`. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface EventRecipient {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

function senderFrameUrl(event: InvokeEventLike): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // accessing a frame that navigated away can throw
  }
}

/** The handler of one method: sender check, then dispatch. Never throws. */
export function createIpcHandler(service: WorkspaceService, method: ApiMethod, appOrigin: () => string) {
  return async (event: InvokeEventLike, input: unknown): Promise<ApiResponse> => {
    if (!isTrustedSender(senderFrameUrl(event), appOrigin())) {
      return { ok: false, error: { code: 'unauthorized', message: 'IPC calls are accepted only from the app’s own page.' } };
    }
    return dispatchApiCall(service, method, input);
  };
}

/** Register a handler for every contract method; returns the function that removes them. */
export function registerIpcHandlers(ipcMain: IpcMainLike, service: WorkspaceService, appOrigin: () => string): () => void {
  for (const method of API_METHODS) {
    const handler = createIpcHandler(service, method, appOrigin);
    ipcMain.handle(methodChannel(method), (event, input) => handler(event, input));
  }
  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(methodChannel(method));
  };
}

/** Send every service event to every live window; returns the unsubscribe function. */
export function forwardServiceEvents(service: Pick<WorkspaceService, 'subscribe'>, targets: () => readonly EventRecipient[]): () => void {
  return service.subscribe((event: WorkspaceEvent) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, event);
    }
  });
}
