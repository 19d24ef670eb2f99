/** Edits of an open product from many windows: apply, catch up, and resolve a conflict with the disk. */
import { withSuffix } from '../newProducts';
import type { Handlers, WorkspaceContext } from './context';

export function editHandlers(ws: WorkspaceContext): Handlers<'product.applyEdits' | 'product.sync' | 'product.resolveConflict'> {
  return {
    'product.applyEdits': async ({ id, baseRevision, edits, clientId, seq, epoch, touched }) => {
      ws.assertOpen();
      const store = await ws.stores.get(id);
      if (clientId === undefined) return { status: 'applied', revision: store.applyEdits(baseRevision, edits) };
      return store.applyClientEdits({ baseRevision, edits, clientId, seq, epoch, touched });
    },

    'product.sync': async ({ id, epoch, knownRevision, clientId, seq }) => {
      ws.assertOpen();
      const store = await ws.stores.get(id);
      return store.syncFrom(epoch, knownRevision, clientId, seq);
    },

    'product.resolveConflict': async ({ id, choice }) => {
      ws.assertOpen();
      const store = await ws.stores.get(id);
      // The workspace lock first, then the store's (the order a delete takes them in).
      const answer = await ws.exclusive(() => store.resolveConflict(choice, (product) => ws.newProducts.writeCopy(product, withSuffix(product.name, ' (my copy)'))));
      ws.emit({ type: 'workspace.changed' });
      return answer;
    },
  };
}
