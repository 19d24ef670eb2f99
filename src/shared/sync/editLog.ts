/**
 * The recent history of one open product, as the service ordered it: each accepted batch of edits
 * with its revision, the client that sent it, and its footprint. It answers the two questions of
 * server-ordered editing (as in Replicache or Linear's sync): "what has this client not seen yet?"
 * (to bring a window up to date) and "did anyone else touch these fields since the client last
 * looked?" (a conflict). A reload from disk is logged without edits: clients then take a snapshot.
 */
import type { Edit } from '../edits/editSchema';
import { addFootprint, type Footprint } from './footprint';

export interface LoggedBatch {
  revision: number;
  /** Who made it: a window's client id, `disk` (another program), or `service`. */
  clientId: string;
  /** The sender's number for the batch (a resend after a lost answer is recognised by it). */
  seq?: number | undefined;
  /** The edits, or null when the product was replaced as a whole (a reload from disk, a merge). */
  edits: readonly Edit[] | null;
  footprint: Footprint;
}

export const DISK_WRITER = 'disk';
export const SERVICE_WRITER = 'service';

export interface EditLogLimits {
  /** Batches kept (default 1000). */
  maxBatches?: number;
  /** Edits kept across all batches (default 20,000: an import of a large backlog is one batch). */
  maxEdits?: number;
}

export class EditLog {
  private readonly batches: LoggedBatch[] = [];
  private editCount = 0;
  /** `since(r)` is complete for every r ≥ floor. */
  private floor: number;
  private readonly maxBatches: number;
  private readonly maxEdits: number;

  constructor(startRevision: number, limits: EditLogLimits = {}) {
    this.floor = startRevision;
    this.maxBatches = limits.maxBatches ?? 1000;
    this.maxEdits = limits.maxEdits ?? 20_000;
  }

  append(batch: LoggedBatch): void {
    this.batches.push(batch);
    this.editCount += batch.edits?.length ?? 0;
    while (this.batches.length > 1 && (this.batches.length > this.maxBatches || this.editCount > this.maxEdits)) {
      const dropped = this.batches.shift() as LoggedBatch;
      this.editCount -= dropped.edits?.length ?? 0;
      this.floor = dropped.revision;
    }
  }

  /** The batches after `revision`, oldest first; null when the log no longer reaches back that far. */
  since(revision: number): LoggedBatch[] | null {
    if (revision < this.floor) return null;
    let start = this.batches.length;
    while (start > 0 && (this.batches[start - 1] as LoggedBatch).revision > revision) start -= 1;
    return this.batches.slice(start);
  }

  /** The revision a client's batch `seq` was accepted as, if the log still has it. */
  findSent(clientId: string, seq: number): number | undefined {
    for (let i = this.batches.length - 1; i >= 0; i -= 1) {
      const batch = this.batches[i] as LoggedBatch;
      if (batch.clientId === clientId && batch.seq === seq) return batch.revision;
    }
    return undefined;
  }

  /**
   * Everything other writers changed after `revision` (what a client that last saw `revision` has
   * not seen), or null when that is no longer known. `clientId` null: every batch counts.
   */
  othersSince(revision: number, clientId: string | null): Footprint | null {
    const batches = this.since(revision);
    if (batches === null) return null;
    const union: Footprint = new Map();
    for (const batch of batches) if (clientId === null || batch.clientId !== clientId) addFootprint(union, batch.footprint);
    return union;
  }
}
