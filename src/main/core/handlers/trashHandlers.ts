/** Deleting a product moves its file into `.trash/`; the trash lists and restores. */
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/contract';
import { NOT_A_FILE_REASON, readDiskProduct, SYMLINK_REASON } from '../diskProduct';
import { ensureRealFolder } from '../ensureFolder';
import { statOrNull, toApiError } from '../fsErrors';
import { isPortableProductId, parseTrashFileName, PRODUCT_SUFFIX, productFileName, productPath, TRASH_DIR, trashPath, trashTimestamp } from '../paths';
import type { Handlers, WorkspaceContext } from './context';

export function trashHandlers(ws: WorkspaceContext): Handlers<'product.delete' | 'trash.list' | 'trash.restore'> {
  /** Rename the product file into `.trash/` under a free trash id, and return that id. */
  async function moveToTrash(id: string, path: string): Promise<string> {
    const folder = ws.folder();
    await ensureRealFolder(ws.fs, join(folder, TRASH_DIR));
    let stamp = ws.now();
    let trashId = `${id}.${trashTimestamp(stamp)}`;
    while ((await statOrNull(ws.fs, trashPath(folder, trashId), 'choosing a trash name')) !== null) {
      stamp += 1;
      trashId = `${id}.${trashTimestamp(stamp)}`;
    }
    await ws.fs.rename(path, trashPath(folder, trashId));
    return trashId;
  }

  return {
    'product.delete': async ({ id }) => {
      ws.assertOpen();
      return ws.exclusive(async () => {
        const folder = ws.folder();
        const path = productPath(folder, id);
        const stats = await statOrNull(ws.fs, path, `deleting ${productFileName(id)}`);
        if (stats === null) throw new ApiError('not-found', `There is no product "${id}" in the workspace.`);
        if (stats.isSymbolicLink) throw new ApiError('broken-file', `${productFileName(id)}: ${SYMLINK_REASON}`);
        if (!stats.isFile) throw new ApiError('broken-file', `${productFileName(id)}: ${NOT_A_FILE_REASON}`);
        const store = ws.stores.ids().includes(id) ? await ws.stores.get(id).catch(() => null) : null;
        // Put the latest saved version in the trash. If it cannot be saved (disk full, or the file
        // changed on disk), the version on disk is what goes to the trash.
        if (store) await store.flush().catch(() => undefined);
        let trashId: string;
        try {
          // The product stays open until its file has moved: if the move fails (a read-only
          // folder, a file in use), it keeps its unsaved edits and the error is the move's own.
          // Its writes wait meanwhile, so none can land after the file has gone.
          trashId = store ? await store.whileNotWriting(() => moveToTrash(id, path)) : await moveToTrash(id, path);
        } catch (error) {
          throw toApiError(error, `moving ${productFileName(id)} to the trash`);
        }
        if (store) ws.stores.forget(store);
        ws.emit({ type: 'workspace.changed' });
        try {
          await ws.fs.fsyncDir(folder);
          await ws.fs.fsyncDir(join(folder, TRASH_DIR));
        } catch (error) {
          throw toApiError(error, `making the move of ${productFileName(id)} to the trash durable`);
        }
        return { trashId };
      });
    },

    'trash.list': async () => {
      ws.assertOpen();
      try {
        return { entries: await ws.listing.trash(ws.folder()) };
      } catch (error) {
        throw toApiError(error, 'listing the trash');
      }
    },

    'trash.restore': async ({ trashId }) => {
      ws.assertOpen();
      return ws.exclusive(async () => {
        const folder = ws.folder();
        const source = trashPath(folder, trashId);
        const parsed = parseTrashFileName(`${trashId}${PRODUCT_SUFFIX}`);
        const stats = await statOrNull(ws.fs, source, 'restoring from the trash');
        if (parsed === null || stats === null) throw new ApiError('not-found', 'That product is no longer in the trash.');
        if (stats.isSymbolicLink || !stats.isFile) throw new ApiError('broken-file', `The trash entry is not a regular file: ${NOT_A_FILE_REASON}`);
        const taken = await ws.newProducts.takenIds();
        try {
          if (!taken.has(parsed.productId) && isPortableProductId(parsed.productId)) {
            // Its own name is free: put the file back exactly as it was.
            await ws.fs.rename(source, productPath(folder, parsed.productId));
            await ws.fs.fsyncDir(folder);
            await ws.fs.fsyncDir(join(folder, TRASH_DIR));
            ws.emit({ type: 'workspace.changed' });
            return { id: parsed.productId };
          }
          const disk = await readDiskProduct(ws.fs, source, parsed.productId);
          if (disk.kind === 'missing') throw new ApiError('not-found', 'That product is no longer in the trash.');
          if (disk.kind === 'broken') {
            throw new ApiError('broken-file', `"${parsed.productId}" is taken, and the trashed file cannot be restored under a new name because it is damaged: ${disk.reason}`);
          }
          const id = await ws.newProducts.freeId(parsed.productId);
          await ws.newProducts.write({ ...disk.product, id });
          await ws.fs.unlink(source);
          ws.emit({ type: 'workspace.changed' });
          return { id };
        } catch (error) {
          throw toApiError(error, 'restoring from the trash');
        }
      });
    },
  };
}
