/**
 * A window's unsaved edits kept in the tab's storage (`unsavedStash.ts`) so that a reload, a
 * crashed page or a host that went away loses nothing: written a second after a change and before
 * the page goes away, cleared once everything is on disk. What an earlier session of the tab left
 * is offered back until the learner applies or discards it (and is kept meanwhile).
 */
import type { Edit } from '../../../shared/edits/editSchema';
import type { Product } from '../../../shared/model/schema';
import { sameValue } from '../../../shared/sync/footprint';
import { replay } from '../../../shared/sync/rebase';
import { clearStash, readStash, stashOf, writeStash, type StashStorage, type UnsavedStash } from './unsavedStash';

const STASH_DELAY_MS = 1000;

export interface UnsavedSource {
  productName(): string;
  /** The edits not on disk yet, in order (none when everything is saved). */
  unsavedEdits(): Edit[];
}

export class UnsavedKeeper {
  private offered: UnsavedStash | null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly storage: StashStorage | null,
    private readonly productId: string,
    opened: Product,
    private readonly source: UnsavedSource,
    private readonly now: () => number,
  ) {
    this.offered = this.stillUnsaved(readStash(storage, productId), opened);
  }

  /** What an earlier session left, while it is offered. */
  get offer(): { edits: number; savedAt: number } | null {
    return this.offered ? { edits: this.offered.edits.length, savedAt: this.offered.savedAt } : null;
  }

  /** `product` with the offered edits replayed on it, and how many no longer apply. */
  recovered(product: Product): { product: Product; skipped: number } | null {
    if (this.offered === null) return null;
    const { product: result, failed } = replay(product, this.offered.edits);
    return { product: result, skipped: failed.length };
  }

  /** Take the offer (it is no longer offered): the edits that still apply to `product`, and how many do not. */
  take(product: Product): { applied: Edit[]; skipped: number } | null {
    if (this.offered === null) return null;
    const { applied, failed } = replay(product, this.offered.edits);
    this.offered = null;
    return { applied, skipped: failed.length };
  }

  discard(): void {
    this.offered = null;
    this.keepNow();
  }

  /** Keep the current state a moment from now (changes come in bursts). */
  keepSoon(): void {
    if (this.storage === null || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.keepNow();
    }, STASH_DELAY_MS);
  }

  /** Keep the unsaved edits now (before the page goes away), or clear them when there are none. */
  keepNow(): void {
    if (this.storage === null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const edits = [...(this.offered?.edits ?? []), ...this.source.unsavedEdits()];
    if (edits.length === 0) clearStash(this.storage, this.productId);
    else writeStash(this.storage, stashOf(this.productId, this.source.productName(), edits, this.now()));
  }

  /** A stash whose edits change nothing any more (they reached the disk after all) is dropped. */
  private stillUnsaved(stash: UnsavedStash | null, opened: Product): UnsavedStash | null {
    if (stash === null) return null;
    const { product, applied } = replay(opened, stash.edits);
    if (applied.length > 0 && !sameValue(product, opened)) return stash;
    clearStash(this.storage, this.productId);
    return null;
  }
}
