/**
 * What every group of handlers works with: the workspace folder and its file system, the open
 * products, new-file naming, the listing, events, and the lock that makes workspace-level
 * operations (those that pick ids or move files) run one at a time.
 */
import type { ApiHandlers, ApiMethod, WorkspaceEvent } from '../../../shared/api/contract';
import type { Product } from '../../../shared/model/schema';
import type { FsAdapter } from '../fsAdapter';
import type { NewProducts } from '../newProducts';
import type { OpenProducts } from '../openProducts';
import type { FolderScan } from '../folderScan';
import type { WorkspaceServiceOptions } from '../service';
import type { WorkspaceListing } from '../workspaceListing';

export interface WorkspaceContext {
  readonly fs: FsAdapter;
  readonly options: WorkspaceServiceOptions;
  readonly now: () => number;
  readonly stores: OpenProducts;
  readonly newProducts: NewProducts;
  readonly listing: WorkspaceListing;
  readonly folderScan: FolderScan;
  /** The workspace folder now (it changes with `workspace.chooseFolder`). */
  folder(): string;
  emit(event: WorkspaceEvent): void;
  /** Run a workspace-level operation alone. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Throws once the service has been closed. */
  assertOpen(): void;
  /** Save everything, then work in `folder` (for `workspace.chooseFolder`; inside `exclusive`). */
  switchFolder(folder: string): Promise<void>;
  /** The product as the learner sees it: the open document (with unsaved edits) or the file. */
  currentProduct(id: string): Promise<Product>;
}

/** The handlers of some methods. */
export type Handlers<M extends ApiMethod> = Pick<ApiHandlers, M>;
