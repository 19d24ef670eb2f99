/**
 * New product files: a free id chosen from a name (never one in use, whatever its case, nor a
 * Windows device name), and the file written crash-safely without replacing one that appeared
 * meanwhile. Callers hold the workspace lock, so two of them never choose the same id.
 */
import type { WorkspaceEvent } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/contract';
import { slugify, uniqueId } from '../../shared/model/ids';
import { serializeProduct } from '../../shared/model/productFile';
import { LIMITS, type Product } from '../../shared/model/schema';
import { atomicWrite } from './atomicWrite';
import { oversizeReason } from './diskProduct';
import type { FsAdapter } from './fsAdapter';
import { statOrNull, toApiError } from './fsErrors';
import { checkPortableFileName, isPortableProductId, PRODUCT_SUFFIX, productFileName, productPath } from './paths';
import { readFolder } from './workspaceListing';

/** `name` shortened so that `name + suffix` fits a product name. */
export function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, LIMITS.shortText - suffix.length).trimEnd()}${suffix}`;
}

export interface NewProductsOptions {
  fs: FsAdapter;
  folder: () => string;
  /** Ids of the open products (taken even while their file is being replaced). */
  openIds: () => string[];
  emit: (event: WorkspaceEvent) => void;
  maxFileBytes?: number | undefined;
}

export class NewProducts {
  constructor(private readonly options: NewProductsOptions) {}

  /** Ids in use: every product-like file name (case-folded) and every open product. */
  async takenIds(): Promise<Set<string>> {
    const taken = new Set<string>(this.options.openIds());
    for (const d of await readFolder(this.options.fs, this.options.folder())) {
      if (d.name.endsWith(PRODUCT_SUFFIX)) taken.add(d.name.slice(0, -PRODUCT_SUFFIX.length).toLowerCase());
    }
    return taken;
  }

  /** A free id made from `name` (or `base` as it is). */
  async freeId(base: string): Promise<string> {
    return uniqueId(base, await this.takenIds(), isPortableProductId);
  }

  /** Write `product` as a new file under its id; `exists` if a file already has that name. */
  async write(product: Product): Promise<void> {
    const { fs } = this.options;
    checkPortableFileName(productFileName(product.id));
    const path = productPath(this.options.folder(), product.id);
    const data = Buffer.from(serializeProduct(product), 'utf8');
    const tooLarge = oversizeReason(data.byteLength, this.options.maxFileBytes);
    if (tooLarge !== null) throw new ApiError('bad-request', `"${product.name}" was not saved: ${tooLarge}`);
    const assertNoFile = async (): Promise<void> => {
      if ((await statOrNull(fs, path, `checking ${productFileName(product.id)}`)) !== null) {
        throw new ApiError('exists', `A product file named "${productFileName(product.id)}" already exists.`);
      }
    };
    await assertNoFile();
    try {
      // Look again right before the rename: another program may have made the file meanwhile.
      await atomicWrite(fs, path, data, { beforeReplace: assertNoFile });
    } catch (error) {
      throw toApiError(error, `saving ${productFileName(product.id)}`);
    }
  }

  /** Save `product` under a new unique id derived from `name`, and announce it. */
  async writeCopy(product: Product, name: string): Promise<string> {
    const id = await this.freeId(slugify(name));
    await this.write({ ...product, id, name });
    this.options.emit({ type: 'workspace.changed' });
    return id;
  }
}
