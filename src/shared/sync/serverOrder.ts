/**
 * How the one orderer (the service) judges what windows send, as pure functions of its edit log:
 * whether a batch applies, is a resend, conflicts with what another writer changed since the
 * window looked, or needs the window to take a snapshot; and what a window is missing.
 */
import type { Edit } from '../edits/editSchema';
import type { Product } from '../model/schema';
import type { EditLog } from './editLog';
import { changedFields, footprintFrom, overlap, type FieldRef, type Footprint } from './footprint';
import { replay } from './rebase';

/** A window's batch as it arrives. */
export interface IncomingBatch {
  /** The newest revision the window had seen when it made the edits. */
  baseRevision: number;
  edits: readonly Edit[];
  clientId: string;
  seq?: number | undefined;
  epoch?: string | undefined;
  /** The fields the edits change, as the window saw them. */
  touched?: readonly FieldRef[] | undefined;
}

/** Where the orderer stands: its product at `revision` of `epoch`. */
export interface OrderState {
  product: Product;
  revision: number;
  epoch: string;
}

export type Verdict =
  | { kind: 'apply' }
  /** Already applied, as `revision` (a resend after a lost answer). */
  | { kind: 'resent'; revision: number }
  | { kind: 'conflict'; fields: FieldRef[] }
  /** Another epoch, a revision from the future, or a history that no longer reaches back. */
  | { kind: 'resync' };

/** The fields a batch changes: as the window saw them, else as they apply now. */
function footprintOf(batch: IncomingBatch, product: Product): Footprint {
  if (batch.touched !== undefined) return footprintFrom(batch.touched);
  return changedFields(product, replay(product, batch.edits).product);
}

/**
 * A batch applies on top of the current revision unless another writer changed one of its fields
 * after `baseRevision`.
 */
export function judgeBatch(log: EditLog, state: OrderState, batch: IncomingBatch): Verdict {
  if (batch.epoch !== undefined && batch.epoch !== state.epoch) return { kind: 'resync' };
  if (batch.seq !== undefined) {
    const sent = log.findSent(batch.clientId, batch.seq);
    if (sent !== undefined) return { kind: 'resent', revision: sent };
  }
  if (batch.baseRevision > state.revision) return { kind: 'resync' };
  if (batch.baseRevision < state.revision) {
    const others = log.othersSince(batch.baseRevision, batch.clientId);
    if (others === null) return { kind: 'resync' };
    const fields = others.size === 0 ? [] : overlap(footprintOf(batch, state.product), others);
    if (fields.length > 0) return { kind: 'conflict', fields };
  }
  return { kind: 'apply' };
}

/** A logged batch as a window receives it. */
export interface OrderedBatch {
  revision: number;
  clientId: string;
  seq?: number | undefined;
  edits: Edit[];
}

/**
 * What a window that knows `knownRevision` of `epoch` is missing, as batches; null when it must
 * take a snapshot (another epoch, or the log no longer has them all as edits).
 */
export function missingBatches(log: EditLog, state: Pick<OrderState, 'revision' | 'epoch'>, epoch: string, knownRevision: number): OrderedBatch[] | null {
  if (epoch !== state.epoch || knownRevision > state.revision) return null;
  const batches = log.since(knownRevision);
  if (batches === null || batches.some((b) => b.edits === null)) return null;
  return batches.map((b) => ({ revision: b.revision, clientId: b.clientId, seq: b.seq, edits: [...(b.edits ?? [])] }));
}

/**
 * Both versions in one: the unsaved edits (`edits`, made from `saved` to `mine`) replayed on
 * `disk`, when the two sides changed different fields and every edit still applies. Null
 * otherwise (the caller still validates the result).
 */
export function mergeUnsaved(saved: Product, mine: Product, disk: Product, edits: readonly Edit[] | null): Product | null {
  if (edits === null) return null;
  if (overlap(changedFields(saved, mine), changedFields(saved, disk)).length > 0) return null;
  const { product, failed } = replay(disk, edits);
  return failed.length > 0 || product.id !== disk.id ? null : product;
}
