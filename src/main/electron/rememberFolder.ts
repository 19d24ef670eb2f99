/**
 * Remember the workspace folder the learner switched to (in the shell's settings), but only once
 * the service has actually switched: a folder that could not be opened is never remembered.
 * Wraps the service, so the menu and the renderer's own "choose folder" button both count.
 */
import { API_METHODS, type ApiMethod } from '../../shared/api/contract';
import type { WorkspaceService } from '../core/service';

export function withRememberedFolder(service: WorkspaceService, remember: (folder: string) => Promise<void>): WorkspaceService {
  const methods: Partial<Record<ApiMethod, (input: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const call = service[method] as (input: unknown) => Promise<unknown>;
    methods[method] = (input: unknown) => call.call(service, input);
  }
  methods['workspace.chooseFolder'] = async (input: unknown) => {
    const result = await service['workspace.chooseFolder'](input as Record<string, never>);
    if (result.folder !== null) {
      await remember(result.folder).catch((error: unknown) => console.error('Could not remember the workspace folder', error));
    }
    return result;
  };
  return {
    ...(methods as Pick<WorkspaceService, ApiMethod>),
    subscribe: (listener) => service.subscribe(listener),
    close: (options) => service.close(options),
  };
}
