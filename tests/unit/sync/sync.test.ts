import { describe, expect, it } from 'vitest';
import { applyEdit, applyEdits } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { describeConflicts, valueInWords } from '../../../src/shared/sync/conflicts';
import { DISK_WRITER, EditLog } from '../../../src/shared/sync/editLog';
import { changedFields, footprintEntries, ORDER, overlap, sameValue, WHOLE } from '../../../src/shared/sync/footprint';
import { matchingRevision, replay, touchedFields, withoutFields } from '../../../src/shared/sync/rebase';
import { richProduct } from '../shared/productBuilders';

const base = richProduct();
const after = (...edits: Edit[]) => applyEdits(base, edits).product;

describe('footprint: what a change touched, field by field', () => {
  it('a title edit touches only that story’s title', () => {
    const next = after({ type: 'story.update', id: 's1', patch: { title: 'Find tools' } });
    expect(footprintEntries(changedFields(base, next))).toEqual([{ entity: 'story:s1', field: 'title' }]);
  });

  it('setting a field to the value it has is no change', () => {
    const next = after({ type: 'story.update', id: 's1', patch: { title: 'Search tools' } });
    expect(changedFields(base, next).size).toBe(0);
  });

  it('adding and deleting are changes to the whole entity; a delete also names the references it cleared', () => {
    const first = base.stories[0];
    if (!first) throw new Error('the rich product has stories');
    const added = applyEdit(base, { type: 'story.add', story: { ...first, id: 's9', title: 'New' } }).product;
    expect(footprintEntries(changedFields(base, added))).toEqual([{ entity: 'story:s9', field: WHOLE }]);
    const deleted = after({ type: 'story.delete', id: 's1' });
    const entries = footprintEntries(changedFields(base, deleted));
    expect(entries).toContainEqual({ entity: 'story:s1', field: WHOLE });
    expect(entries).toContainEqual({ entity: 'roadmapItem:i3', field: 'storyIds' });
  });

  it('reordering columns is a change of the list’s order', () => {
    const next = after({ type: 'column.move', id: 'done', index: 0 });
    expect(footprintEntries(changedFields(base, next))).toEqual([{ entity: 'column', field: ORDER }]);
  });

  it('a product read afresh from disk differs only where its content differs, whatever the key order', () => {
    const reread = JSON.parse(JSON.stringify(base)) as typeof base;
    expect(changedFields(base, reread).size).toBe(0);
    reread.vision = { ...reread.vision, value: 'Something else' };
    expect(footprintEntries(changedFields(base, reread))).toEqual([{ entity: 'vision', field: 'value' }]);
    expect(sameValue({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
  });

  it('two writers meet only on the same field of the same entity, or on an entity one removed', () => {
    const title = changedFields(base, after({ type: 'story.update', id: 's1', patch: { title: 'A' } }));
    const description = changedFields(base, after({ type: 'story.update', id: 's1', patch: { description: 'B' } }));
    const otherTitle = changedFields(base, after({ type: 'story.update', id: 's2', patch: { title: 'C' } }));
    const deleted = changedFields(base, after({ type: 'story.delete', id: 's1' }));
    expect(overlap(title, description)).toEqual([]);
    expect(overlap(title, otherTitle)).toEqual([]);
    expect(overlap(title, changedFields(base, after({ type: 'story.update', id: 's1', patch: { title: 'D' } })))).toEqual([{ entity: 'story:s1', field: 'title' }]);
    expect(overlap(title, deleted)).toEqual([{ entity: 'story:s1', field: WHOLE }]);
  });
});

describe('edit log: what a client has not seen, and who changed what since', () => {
  const fp = (edit: Edit) => changedFields(base, applyEdit(base, edit).product);
  const rename: Edit = { type: 'story.update', id: 's1', patch: { title: 'A' } };

  it('answers the batches after a revision, and nothing it no longer has', () => {
    const log = new EditLog(10, { maxBatches: 2 });
    log.append({ revision: 11, clientId: 'win-a', seq: 1, edits: [rename], footprint: fp(rename) });
    log.append({ revision: 12, clientId: 'win-b', edits: [rename], footprint: fp(rename) });
    expect(log.since(10)?.map((b) => b.revision)).toEqual([11, 12]);
    expect(log.since(11)?.map((b) => b.revision)).toEqual([12]);
    log.append({ revision: 13, clientId: DISK_WRITER, edits: null, footprint: new Map() });
    expect(log.since(10)).toBeNull();
    expect(log.since(11)?.map((b) => b.revision)).toEqual([12, 13]);
  });

  it('a client’s own batches are not someone else’s change, and a resend is recognised', () => {
    const log = new EditLog(0);
    log.append({ revision: 1, clientId: 'win-a', seq: 7, edits: [rename], footprint: fp(rename) });
    expect(log.othersSince(0, 'win-a')?.size).toBe(0);
    expect(footprintEntries(log.othersSince(0, 'win-b') ?? new Map())).toEqual([{ entity: 'story:s1', field: 'title' }]);
    expect(footprintEntries(log.othersSince(0, null) ?? new Map())).toHaveLength(1);
    expect(log.findSent('win-a', 7)).toBe(1);
    expect(log.findSent('win-a', 8)).toBeUndefined();
  });
});

describe('conflicts in words', () => {
  it('names the story, the field and both values', () => {
    const theirs = after({ type: 'story.update', id: 's1', patch: { title: 'Their title' } });
    const mine = after({ type: 'story.update', id: 's1', patch: { title: 'My title' } });
    expect(describeConflicts([{ entity: 'story:s1', field: 'title' }], theirs, mine)).toEqual([
      { entity: 'story:s1', field: 'title', where: 'Story “My title”', what: 'Title', theirs: 'Their title', mine: 'My title' },
    ]);
    const [deleted] = describeConflicts([{ entity: 'story:s1', field: WHOLE }], after({ type: 'story.delete', id: 's1' }), mine);
    expect(deleted?.theirs).toBe('(deleted)');
    expect(valueInWords([{ id: 'c1', text: 'Given a' }, { id: 'c2', text: 'then b' }])).toBe('Given a; then b');
    expect(valueInWords('')).toBe('(empty)');
  });
});

describe('rebase: a window’s own edits on top of others’', () => {
  it('replays what still applies and reports what no longer does', () => {
    const theirs = after({ type: 'story.delete', id: 's1' });
    const result = replay(theirs, [
      { type: 'story.update', id: 's1', patch: { title: 'Gone' } },
      { type: 'story.update', id: 's2', patch: { title: 'Kept' } },
    ]);
    expect(result.failed.map((f) => f.edit)).toEqual([{ type: 'story.update', id: 's1', patch: { title: 'Gone' } }]);
    expect(result.product.stories.find((s) => s.id === 's2')?.title).toBe('Kept');
  });

  it('keeping their value removes only that field from my edit', () => {
    const mine: Edit = { type: 'story.update', id: 's1', patch: { title: 'Mine', description: 'Also mine' } };
    expect(withoutFields(mine, [{ entity: 'story:s1', field: 'title' }], base)).toEqual({ type: 'story.update', id: 's1', patch: { description: 'Also mine' } });
    expect(withoutFields({ type: 'story.update', id: 's1', patch: { title: 'Mine' } }, [{ entity: 'story:s1', field: 'title' }], base)).toBeNull();
    const move: Edit = { type: 'story.move', id: 's1', status: 'done', rank: 'b0' };
    expect(withoutFields(move, [{ entity: 'story:s1', field: 'status' }], base)).toBeNull();
    expect(withoutFields(move, [{ entity: 'story:s2', field: 'status' }], base)).toEqual(move);
  });

  it('finds which known version the file on disk is', () => {
    const v1 = after({ type: 'story.update', id: 's1', patch: { title: 'One' } });
    const v2 = applyEdit(v1, { type: 'story.update', id: 's1', patch: { title: 'Two' } }).product;
    const disk = JSON.parse(JSON.stringify(v1)) as typeof v1;
    expect(matchingRevision(disk, [{ revision: 2, product: v2 }, { revision: 1, product: v1 }])).toBe(1);
    expect(matchingRevision(base, [{ revision: 2, product: v2 }])).toBeNull();
    expect(touchedFields(v1, v2)).toEqual([{ entity: 'story:s1', field: 'title' }]);
  });
});
