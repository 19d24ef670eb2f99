/**
 * The orderer's judgement of a window's batch, what a window is missing, and merging the unsaved
 * edits onto another program's version, as pure functions of the edit log.
 */
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import { EditLog } from '../../../src/shared/sync/editLog';
import { changedFields } from '../../../src/shared/sync/footprint';
import { judgeBatch, mergeUnsaved, missingBatches } from '../../../src/shared/sync/serverOrder';
import { richProduct } from '../shared/productBuilders';

const title = (id: string, text: string): Edit => ({ type: 'story.update', id, patch: { title: text } });
const description = (id: string, text: string): Edit => ({ type: 'story.update', id, patch: { description: text } });

/** A log in which window B changed s1's title as revision 2. */
function afterTheirEdit() {
  const start = richProduct();
  const log = new EditLog(1);
  const theirs = [title('s1', 'Theirs')];
  const product = applyEdits(start, theirs).product;
  log.append({ revision: 2, clientId: 'window-b', seq: 1, edits: theirs, footprint: changedFields(start, product) });
  return { start, log, state: { product, revision: 2, epoch: 'e1' } };
}

describe('judgeBatch', () => {
  it('applies a batch made on the latest revision, or on an older one that touches other fields', () => {
    const { log, state } = afterTheirEdit();
    expect(judgeBatch(log, state, { baseRevision: 2, edits: [title('s1', 'Mine')], clientId: 'window-a' })).toEqual({ kind: 'apply' });
    expect(judgeBatch(log, state, { baseRevision: 1, edits: [description('s1', 'Mine')], clientId: 'window-a' })).toEqual({ kind: 'apply' });
  });

  it('names the fields another writer changed since the window looked', () => {
    const { log, state } = afterTheirEdit();
    expect(judgeBatch(log, state, { baseRevision: 1, edits: [title('s1', 'Mine')], clientId: 'window-a' })).toEqual({ kind: 'conflict', fields: [{ entity: 'story:s1', field: 'title' }] });
    // The window's own earlier batch is no conflict with itself.
    expect(judgeBatch(log, state, { baseRevision: 1, edits: [title('s1', 'Again')], clientId: 'window-b' })).toEqual({ kind: 'apply' });
    // The fields the window saw count, even when its edit no longer applies as it did.
    expect(judgeBatch(log, state, { baseRevision: 1, edits: [description('s1', 'x')], clientId: 'window-a', touched: [{ entity: 'story:s1', field: 'title' }] })).toMatchObject({ kind: 'conflict' });
  });

  it('recognises a resend, and asks for a snapshot across epochs, from the future or beyond the log', () => {
    const { log, state } = afterTheirEdit();
    expect(judgeBatch(log, state, { baseRevision: 1, edits: [title('s1', 'Theirs')], clientId: 'window-b', seq: 1 })).toEqual({ kind: 'resent', revision: 2 });
    expect(judgeBatch(log, state, { baseRevision: 2, edits: [title('s1', 'x')], clientId: 'window-a', epoch: 'e0' })).toEqual({ kind: 'resync' });
    expect(judgeBatch(log, state, { baseRevision: 3, edits: [title('s1', 'x')], clientId: 'window-a' })).toEqual({ kind: 'resync' });
    expect(judgeBatch(log, state, { baseRevision: 0, edits: [title('s1', 'x')], clientId: 'window-a' })).toEqual({ kind: 'resync' });
  });
});

describe('missingBatches', () => {
  it('answers the batches after what the window knows, or null for a snapshot', () => {
    const { log, state } = afterTheirEdit();
    expect(missingBatches(log, state, 'e1', 1)).toEqual([{ revision: 2, clientId: 'window-b', seq: 1, edits: [title('s1', 'Theirs')] }]);
    expect(missingBatches(log, state, 'e1', 2)).toEqual([]);
    expect(missingBatches(log, state, 'e0', 1)).toBeNull();
    expect(missingBatches(log, state, 'e1', 3)).toBeNull();
    log.append({ revision: 3, clientId: 'disk', edits: null, footprint: new Map() });
    expect(missingBatches(log, { ...state, revision: 3 }, 'e1', 2)).toBeNull();
  });
});

describe('mergeUnsaved', () => {
  it('replays the unsaved edits on the other version when they changed different fields', () => {
    const saved = richProduct();
    const edits = [title('s1', 'Mine')];
    const mine = applyEdits(saved, edits).product;
    const disk = applyEdits(saved, [title('s2', 'Theirs')]).product;
    const merged = mergeUnsaved(saved, mine, disk, edits);
    expect(merged?.stories.map((s) => s.title).slice(0, 2)).toEqual(['Mine', 'Theirs']);
  });

  it('refuses when both changed the same field, when an edit no longer applies, or without the edits', () => {
    const saved = richProduct();
    const edits = [title('s1', 'Mine')];
    const mine = applyEdits(saved, edits).product;
    expect(mergeUnsaved(saved, mine, applyEdits(saved, [title('s1', 'Theirs')]).product, edits)).toBeNull();
    expect(mergeUnsaved(saved, mine, applyEdits(saved, [{ type: 'story.delete', id: 's1' }]).product, edits)).toBeNull();
    expect(mergeUnsaved(saved, mine, applyEdits(saved, [title('s2', 'Theirs')]).product, null)).toBeNull();
  });
});
