/**
 * Unsaved edits kept in the tab's storage: written and cleared with what is unsaved, offered back
 * on the next open unless they change nothing any more, never offered from a damaged entry.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { UnsavedKeeper } from '../../../src/renderer/src/state/unsavedKeeper';
import { MAX_STASH_CHARS, readStash, writeStash, type StashStorage } from '../../../src/renderer/src/state/unsavedStash';
import { richProduct } from '../shared/productBuilders';

const title = (id: string, text: string): Edit => ({ type: 'story.update', id, patch: { title: text } });

function memoryStorage(): StashStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

afterEach(() => vi.useRealTimers());

describe('UnsavedKeeper', () => {
  it('keeps the unsaved edits a moment after a change, and clears them once saved', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    let unsaved: Edit[] = [title('s1', 'Typed')];
    const keeper = new UnsavedKeeper(storage, 'rich', richProduct(), { productName: () => 'Rich', unsavedEdits: () => unsaved }, () => 1000);
    keeper.keepSoon();
    expect(readStash(storage, 'rich')).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(readStash(storage, 'rich')).toMatchObject({ productName: 'Rich', savedAt: 1000, edits: unsaved });
    unsaved = [];
    keeper.keepNow();
    expect(readStash(storage, 'rich')).toBeNull();
  });

  it('offers what an earlier session left, keeps it while offered, and applies what still applies', () => {
    const storage = memoryStorage();
    writeStash(storage, { productId: 'rich', productName: 'Rich', savedAt: 5, edits: [title('s1', 'From before'), title('gone', 'No such story')] });
    const opened = richProduct();
    const keeper = new UnsavedKeeper(storage, 'rich', opened, { productName: () => 'Rich', unsavedEdits: () => [] }, () => 9);
    expect(keeper.offer).toEqual({ edits: 2, savedAt: 5 });
    keeper.keepNow();
    expect(readStash(storage, 'rich')?.edits).toHaveLength(2);
    expect(keeper.recovered(opened)?.product.stories[0]?.title).toBe('From before');
    const taken = keeper.take(opened);
    expect(taken).toEqual({ applied: [title('s1', 'From before')], skipped: 1 });
    expect(keeper.offer).toBeNull();
  });

  it('drops a stash whose edits are already in the product, and one it cannot read', () => {
    const storage = memoryStorage();
    const opened = richProduct();
    writeStash(storage, { productId: 'rich', productName: 'Rich', savedAt: 5, edits: [title('s1', opened.stories[0]?.title ?? '')] });
    expect(new UnsavedKeeper(storage, 'rich', opened, { productName: () => 'Rich', unsavedEdits: () => [] }, () => 9).offer).toBeNull();
    expect(storage.items.size).toBe(0);
    storage.setItem('pm-practice-workspace.unsaved.rich', '{"productId":"rich","edits":[{"type":"nonsense"}]}');
    expect(new UnsavedKeeper(storage, 'rich', opened, { productName: () => 'Rich', unsavedEdits: () => [] }, () => 9).offer).toBeNull();
  });

  it('does not keep more than the storage holds, and says so', () => {
    const storage = memoryStorage();
    const huge = [title('s1', 'x'.repeat(MAX_STASH_CHARS))];
    expect(writeStash(storage, { productId: 'rich', productName: 'Rich', savedAt: 1, edits: huge })).toBe(false);
    expect(storage.items.size).toBe(0);
    const refusing: StashStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(writeStash(refusing, { productId: 'rich', productName: 'Rich', savedAt: 1, edits: [title('s1', 'a')] })).toBe(false);
  });
});
