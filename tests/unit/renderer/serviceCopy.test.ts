/**
 * A window's copy of the product as the service ordered it: batches in order, what is on disk,
 * and — after the service restarted — which of the window's own edits the file it read lacks.
 */
import { describe, expect, it } from 'vitest';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { applyEdits } from '../../../src/shared/edits/applyEdit';
import { ServiceCopy } from '../../../src/renderer/src/state/serviceCopy';
import { richProduct } from '../shared/productBuilders';

const title = (id: string, text: string): Edit => ({ type: 'story.update', id, patch: { title: text } });
const ME = 'window-a-0001';
const OTHER = 'window-b-0001';

function copyAt(revision = 1) {
  const product = richProduct();
  return { product, copy: new ServiceCopy({ product, revision, savedRevision: revision, epoch: 'e1' }, ME) };
}

describe('ServiceCopy', () => {
  it('applies batches in order and tells its own from others', () => {
    const { copy } = copyAt();
    expect(copy.isNext({ revision: 3 })).toBe(false);
    expect(copy.apply({ revision: 2, clientId: OTHER, edits: [title('s1', 'Theirs')] })).toBe(false);
    expect(copy.apply({ revision: 3, clientId: ME, seq: 1, edits: [title('s2', 'Mine')] })).toBe(true);
    expect(copy.revision).toBe(3);
    expect(copy.product.stories.map((s) => s.title).slice(0, 2)).toEqual(['Theirs', 'Mine']);
    expect(copy.unsavedOwnEdits()).toEqual([title('s2', 'Mine')]);
    copy.saved(3);
    expect(copy.hasUnsavedOwnEdits()).toBe(false);
    expect(copy.unsavedOwnEdits()).toEqual([]);
  });

  it('knows the versions since the last save, and falls back to the latest for older ones', () => {
    const { product, copy } = copyAt();
    copy.apply({ revision: 2, clientId: OTHER, edits: [title('s1', 'Two')] });
    expect(copy.productAt(1)).toBe(product);
    expect(copy.productAt(2).stories[0]?.title).toBe('Two');
    copy.saved(2);
    expect(copy.productAt(1)).toBe(copy.product);
  });

  it('after a restart: sends again only its own edits after the version the file holds', () => {
    const { product, copy } = copyAt();
    copy.apply({ revision: 2, clientId: ME, seq: 1, edits: [title('s1', 'Written')] });
    const onDisk = copy.product;
    copy.apply({ revision: 3, clientId: OTHER, edits: [title('s2', 'Theirs, lost')] });
    copy.apply({ revision: 4, clientId: ME, seq: 2, edits: [title('s1', 'Not written')] });
    // The new service read the file as it was at revision 2 (a fresh object: equal by value).
    const snapshot = { product: structuredClone(onDisk), revision: 0, savedRevision: 0, epoch: 'e2' };
    expect(copy.notOnDisk(snapshot, null)).toEqual([title('s1', 'Not written')]);
    // A file that is none of the known versions: everything after the last save goes again.
    expect(copy.notOnDisk({ ...snapshot, product }, null)).toEqual([title('s1', 'Written'), title('s1', 'Not written')]);
  });

  it('after a restart: a batch whose answer was lost is not sent twice when the file already has it', () => {
    const { copy } = copyAt();
    const lost = { edits: [title('s1', 'Answer lost')], base: copy.product };
    const written = applyEdits(copy.product, lost.edits).product;
    expect(copy.notOnDisk({ product: structuredClone(written), revision: 0, savedRevision: 0, epoch: 'e2' }, lost)).toEqual([]);
    expect(copy.notOnDisk({ product: structuredClone(copy.product), revision: 0, savedRevision: 0, epoch: 'e2' }, lost)).toEqual(lost.edits);
  });

  it('reset takes the whole product and forgets the rest', () => {
    const { copy } = copyAt();
    copy.apply({ revision: 2, clientId: ME, edits: [title('s1', 'Mine')] });
    const next = richProduct();
    copy.reset({ product: next, revision: 7, savedRevision: 7, epoch: 'e2' });
    expect([copy.epoch, copy.revision, copy.savedRevision, copy.product]).toEqual(['e2', 7, 7, next]);
    expect(copy.hasUnsavedOwnEdits()).toBe(false);
  });
});
