/** Products as documents: open, close, create, copy, rename, flush. */
import { ApiError } from '../../../shared/api/contract';
import { slugify } from '../../../shared/model/ids';
import { blankProduct } from '../blankProduct';
import { readDiskProduct } from '../diskProduct';
import { toApiError } from '../fsErrors';
import { withSuffix } from '../newProducts';
import { childPath, PRODUCT_SUFFIX } from '../paths';
import type { Handlers, WorkspaceContext } from './context';

type ProductMethods = 'product.open' | 'product.close' | 'product.create' | 'product.createFromSample' | 'product.duplicate' | 'product.rename' | 'product.saveCopy' | 'product.flush';

export function productHandlers(ws: WorkspaceContext): Handlers<ProductMethods> {
  return {
    'product.open': async ({ id }) => {
      ws.assertOpen();
      const store = await ws.stores.get(id);
      try {
        // Make sure what we hand out is what is on disk now, not what the last poll saw. (A product
        // in conflict opens with its unsaved edits and the conflict, for the learner to choose.)
        const check = await store.checkDisk();
        ws.folderScan.handle(store, check);
        if (check.kind === 'gone') throw new ApiError('not-found', `There is no product "${id}" in the workspace any more.`);
        if (check.kind === 'broken') throw new ApiError('broken-file', `${store.fileName}: ${check.reason}`);
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'not-found' || error.code === 'broken-file')) ws.stores.forget(store);
        throw toApiError(error, `opening ${store.fileName}`);
      }
      ws.stores.shown(store);
      return store.snapshot();
    },

    /** A client stopped showing the product; the last one lets it go once it is saved. */
    'product.close': async ({ id }) => {
      await ws.stores.hidden(id);
      return {};
    },

    'product.create': async ({ name }) => {
      ws.assertOpen();
      return ws.exclusive(async () => {
        const id = await ws.newProducts.freeId(slugify(name));
        await ws.newProducts.write(blankProduct(id, name));
        ws.emit({ type: 'workspace.changed' });
        return { id };
      });
    },

    'product.createFromSample': async ({ sampleId, name }) => {
      ws.assertOpen();
      // The sample is only read, never written.
      const path = childPath(ws.options.samplesFolder, sampleId, PRODUCT_SUFFIX);
      let disk;
      try {
        disk = await readDiskProduct(ws.fs, path, sampleId);
      } catch (error) {
        throw toApiError(error, `reading the sample "${sampleId}"`);
      }
      if (disk.kind === 'missing') throw new ApiError('not-found', `There is no sample "${sampleId}".`);
      if (disk.kind === 'broken') throw new ApiError('broken-file', `The sample "${sampleId}" is damaged: ${disk.reason}`);
      const sample = disk.product;
      return ws.exclusive(async () => ({ id: await ws.newProducts.writeCopy(sample, name ?? sample.name) }));
    },

    'product.duplicate': async ({ id, name }) => {
      ws.assertOpen();
      const source = await ws.currentProduct(id);
      return ws.exclusive(async () => ({ id: await ws.newProducts.writeCopy(source, name ?? withSuffix(source.name, ' (copy)')) }));
    },

    'product.rename': async ({ id, name }) => {
      ws.assertOpen();
      const store = await ws.stores.get(id);
      const revision = store.applyOwnEdits([{ type: 'product.update', patch: { name } }]);
      ws.emit({ type: 'workspace.changed' });
      return { revision };
    },

    'product.saveCopy': async ({ product, name }) => {
      ws.assertOpen();
      return ws.exclusive(async () => ({ id: await ws.newProducts.writeCopy(product, name) }));
    },

    'product.flush': async ({ id }) => {
      ws.assertOpen();
      const store = await ws.stores.get(id);
      return { revision: await store.flush() };
    },
  };
}
