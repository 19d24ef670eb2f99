/**
 * The edits of a window that are not on disk yet, kept in the tab's `sessionStorage` so that a
 * reload, a crash of the page or a host that went away does not lose them: the next open of the
 * product offers them back (apply, save as a copy, download, discard). Per tab, so two tabs on one
 * product never offer each other's work.
 */
import { z } from 'zod';
import { EditSchema, type Edit } from '../../../shared/edits/editSchema';

const KEY_PREFIX = 'pm-practice-workspace.unsaved.';
/** Beyond this the stash is not kept (sessionStorage holds about 5 MB per origin). */
export const MAX_STASH_CHARS = 4_000_000;

const StashSchema = z.object({
  productId: z.string(),
  productName: z.string(),
  /** When the edits were stashed (ms since 1970). */
  savedAt: z.number(),
  edits: z.array(EditSchema).min(1),
});
export type UnsavedStash = z.infer<typeof StashSchema>;

export type StashStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function browserStashStorage(): StashStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: nothing is stashed, the "Not saved" banner still offers a download
  }
}

/** Write the stash; false when it is too large or storage refused it. */
export function writeStash(storage: StashStorage | null, stash: UnsavedStash): boolean {
  if (storage === null) return false;
  const text = JSON.stringify(stash);
  if (text.length > MAX_STASH_CHARS) return false;
  try {
    storage.setItem(KEY_PREFIX + stash.productId, text);
    return true;
  } catch {
    return false;
  }
}

export function readStash(storage: StashStorage | null, productId: string): UnsavedStash | null {
  let text: string | null;
  try {
    text = storage?.getItem(KEY_PREFIX + productId) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = StashSchema.safeParse(raw);
  return parsed.success && parsed.data.productId === productId ? parsed.data : null;
}

export function clearStash(storage: StashStorage | null, productId: string): void {
  try {
    storage?.removeItem(KEY_PREFIX + productId);
  } catch {
    // nothing to clear
  }
}

export function stashOf(productId: string, productName: string, edits: readonly Edit[], now: number): UnsavedStash {
  return { productId, productName, savedAt: now, edits: [...edits] };
}
