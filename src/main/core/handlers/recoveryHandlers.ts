/** Versions the app set aside instead of losing them (`.backups/recovered/`). */
import { toApiError } from '../fsErrors';
import { withSuffix } from '../newProducts';
import { deleteRecoveredVersion, listRecoveredVersions, readRecoveredVersion } from '../recoveredVersions';
import type { Handlers, WorkspaceContext } from './context';

export function recoveryHandlers(ws: WorkspaceContext): Handlers<'recovery.list' | 'recovery.restore' | 'recovery.delete'> {
  return {
    'recovery.list': async () => {
      ws.assertOpen();
      try {
        return { entries: await listRecoveredVersions(ws.fs, ws.folder()) };
      } catch (error) {
        throw toApiError(error, 'listing the recovered versions');
      }
    },

    /** A recovered version as a new product (its own id taken or not); the version itself stays. */
    'recovery.restore': async ({ recoveryId, name }) => {
      ws.assertOpen();
      return ws.exclusive(async () => {
        const product = await readRecoveredVersion(ws.fs, ws.folder(), recoveryId);
        return { id: await ws.newProducts.writeCopy(product, name ?? withSuffix(product.name, ' (recovered)')) };
      });
    },

    'recovery.delete': async ({ recoveryId }) => {
      ws.assertOpen();
      return ws.exclusive(async () => {
        await deleteRecoveredVersion(ws.fs, ws.folder(), recoveryId);
        ws.emit({ type: 'workspace.changed' });
        return {};
      });
    },
  };
}
