/** One async function per contract method, all routed through a transport's `call`. */
import { API_METHODS, type ApiMethod, type WorkspaceApi } from '../../../shared/api/contract';

export type TransportCall = (method: ApiMethod, input: unknown) => Promise<unknown>;

export function createApi(call: TransportCall): WorkspaceApi {
  const api: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    api[method] = (input: unknown) => call(method, input ?? {});
  }
  // Every key of WorkspaceApi is set above; each function resolves to that method's output
  // because the transport unwraps the service's answer for exactly that method.
  return Object.freeze(api) as WorkspaceApi;
}
