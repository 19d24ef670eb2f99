/** The workspace itself: where it is, choosing another folder, and what it holds. */
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/api/contract';
import { toApiError } from '../fsErrors';
import type { Handlers, WorkspaceContext } from './context';

export function workspaceHandlers(ws: WorkspaceContext): Handlers<'workspace.info' | 'workspace.chooseFolder' | 'products.list'> {
  return {
    'workspace.info': async () => {
      ws.assertOpen();
      return { folder: ws.folder(), canChooseFolder: ws.options.chooseFolder !== undefined };
    },

    'workspace.chooseFolder': async () => {
      ws.assertOpen();
      const choose = ws.options.chooseFolder;
      if (!choose) throw new ApiError('unsupported', 'Choosing a workspace folder is only possible in the desktop app.');
      const chosen = await choose();
      if (chosen === null) return { folder: null };
      const folder = resolve(chosen);
      return ws.exclusive(async () => {
        if (folder !== ws.folder()) await ws.switchFolder(folder);
        return { folder };
      });
    },

    'products.list': async () => {
      ws.assertOpen();
      try {
        const products = await ws.listing.products(ws.folder(), (id) => ws.stores.view(id));
        const samples = await ws.listing.samples(ws.options.samplesFolder);
        return { products, samples };
      } catch (error) {
        throw toApiError(error, 'listing the workspace folder');
      }
    },
  };
}
