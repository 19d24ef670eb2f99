/**
 * A window's copy of the product as the service ordered it: the confirmed product at a revision
 * of an epoch, what is on disk, the confirmed versions since the last save (to find which one is
 * on disk after the service restarted), and this window's own accepted batches not yet on disk.
 * Pure state, no I/O: the document store feeds it batches, saves and snapshots.
 */
import type { ApiOutput, SyncBatch } from '../../../shared/api/contract';
import type { Edit } from '../../../shared/edits/editSchema';
import type { Product } from '../../../shared/model/schema';
import { matchingRevision, replay } from '../../../shared/sync/rebase';

/** Confirmed versions kept to find which one is on disk after the service restarted. */
const MAX_HISTORY = 200;

export type Snapshot = Pick<ApiOutput<'product.open'>, 'product' | 'revision' | 'savedRevision' | 'epoch'>;

/** A batch this window sent whose fate is unknown (see `onDisk`). */
export interface SentEdits {
  edits: readonly Edit[];
  /** The confirmed product it went out on. */
  base: Product;
}

export class ServiceCopy {
  epoch: string;
  product: Product;
  revision: number;
  savedRevision: number;
  private history: { revision: number; product: Product }[];
  private ownUnsaved: { revision: number; edits: Edit[] }[] = [];

  constructor(
    snapshot: Snapshot,
    private readonly clientId: string,
  ) {
    this.epoch = snapshot.epoch;
    this.product = snapshot.product;
    this.revision = snapshot.revision;
    this.savedRevision = snapshot.savedRevision;
    this.history = [{ revision: snapshot.revision, product: snapshot.product }];
  }

  /** Whether `batch` is the next one in the service's order. */
  isNext(batch: { revision: number }): boolean {
    return batch.revision === this.revision + 1;
  }

  /** Apply the next batch; answers whether it was this window's own. */
  apply(batch: SyncBatch): boolean {
    this.product = replay(this.product, batch.edits).product;
    this.revision = batch.revision;
    this.history.push({ revision: this.revision, product: this.product });
    this.trimHistory();
    if (batch.clientId !== this.clientId) return false;
    this.ownUnsaved.push({ revision: batch.revision, edits: batch.edits });
    return true;
  }

  /** The service wrote revision `savedRevision` (and all before it) to disk. */
  saved(savedRevision: number): void {
    if (savedRevision <= this.savedRevision) return;
    this.savedRevision = savedRevision;
    this.ownUnsaved = this.ownUnsaved.filter((b) => b.revision > savedRevision);
    this.trimHistory();
  }

  /** This window's accepted edits that are not on disk yet, in order. */
  unsavedOwnEdits(): Edit[] {
    return this.ownUnsaved.filter((b) => b.revision > this.savedRevision).flatMap((b) => b.edits);
  }

  hasUnsavedOwnEdits(): boolean {
    return this.ownUnsaved.some((b) => b.revision > this.savedRevision);
  }

  /** The confirmed product at `revision` if still known, else the latest. */
  productAt(revision: number): Product {
    return this.history.find((h) => h.revision === revision)?.product ?? this.product;
  }

  /**
   * After the service restarted (`snapshot` of a new epoch): which of this window's edits are not
   * in the file it read, to be sent again. The newest known version equal to the file tells; a
   * batch whose answer was lost may be in the file too.
   */
  notOnDisk(snapshot: Snapshot, lost: SentEdits | null): Edit[] {
    const known = matchingRevision(snapshot.product, [...this.history].reverse());
    const lostOnDisk = lost !== null && known === null && matchingRevision(snapshot.product, [{ revision: -1, product: replay(lost.base, lost.edits).product }]) !== null;
    if (lostOnDisk) return [];
    const after = known ?? this.savedRevision;
    return [...this.ownUnsaved.filter((b) => b.revision > after).flatMap((b) => b.edits), ...(lost?.edits ?? [])];
  }

  /** Start again from the service's whole product. */
  reset(snapshot: Snapshot): void {
    this.epoch = snapshot.epoch;
    this.product = snapshot.product;
    this.revision = snapshot.revision;
    this.savedRevision = snapshot.savedRevision;
    this.ownUnsaved = [];
    this.history = [{ revision: snapshot.revision, product: snapshot.product }];
  }

  private trimHistory(): void {
    const firstNeeded = this.history.findIndex((h) => h.revision >= this.savedRevision);
    if (firstNeeded > 0) this.history.splice(0, firstNeeded);
    if (this.history.length > MAX_HISTORY) this.history.splice(0, this.history.length - MAX_HISTORY);
  }
}
