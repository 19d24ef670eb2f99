/**
 * The property required by the issue: for a random valid product and a random valid edit of every
 * kind, applying the edit and then its inverse gives back the product exactly; the result is a
 * valid product (that survives being written to a file and read back); the inverse is itself a
 * valid edit (also after a trip through JSON, as it travels to the service); and applying the
 * inverse of the inverse gives the edited product again (redo).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { EDIT_TYPES, EditSchema, type Edit, type EditType } from '../../../src/shared/edits/editSchema';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { deepFreeze } from './productBuilders';
import { possibleKinds, productAndEdit, productArbitrary } from './productArbitraries';

/** Runs per edit kind (batches get three times as many); about 3,300 products and edits in all. */
const RUNS_PER_KIND = 80;

const generated = new Set<EditType>();
const generatedInBatches = new Set<EditType>();

function wire(edit: Edit): unknown {
  return JSON.parse(JSON.stringify(edit));
}

function checkRoundTrip(product: Product, edit: Edit): void {
  generated.add(edit.type);
  if (edit.type === 'batch') for (const inner of edit.edits) generatedInBatches.add(inner.type);

  // The edit is what a client may send: the schema accepts it as it is.
  const parsed = EditSchema.safeParse(wire(edit));
  expect(parsed.success ? 'ok' : parsed.error.issues).toBe('ok');
  if (!parsed.success) return;
  expect(parsed.data).toEqual(edit);

  const before = structuredClone(product);
  const { product: after, inverse } = applyEdit(deepFreeze(product), parsed.data);

  // The result is a valid product, already in canonical form, and can be saved and reopened.
  expect(ProductSchema.parse(after)).toEqual(after);
  const reread = parseProductText(serializeProduct(after));
  expect(reread.ok ? reread.product : reread.reason).toEqual(after);

  // The inverse is a valid edit, also after travelling as JSON; applying it restores the product.
  const parsedInverse = EditSchema.safeParse(wire(inverse));
  expect(parsedInverse.success ? 'ok' : parsedInverse.error.issues).toBe('ok');
  if (!parsedInverse.success) return;
  const undone = applyEdit(deepFreeze(after), parsedInverse.data);
  expect(undone.product).toEqual(before);
  expect(applyEdit(after, inverse).product).toEqual(before);

  // Redo: the inverse of the inverse applies the edit again.
  expect(EditSchema.safeParse(wire(undone.inverse)).success).toBe(true);
  const redone = applyEdit(deepFreeze(undone.product), undone.inverse);
  expect(redone.product).toEqual(after);
}

describe('applyEdit: edit then inverse is the identity (property)', () => {
  it('generates valid products', () => {
    fc.assert(
      fc.property(productArbitrary, (p) => {
        expect(ProductSchema.safeParse(p).success).toBe(true);
        expect(possibleKinds(p)).toHaveLength(EDIT_TYPES.length - 1);
      }),
      { numRuns: 50 },
    );
  });

  it.each([...EDIT_TYPES])('%s', (kind) => {
    fc.assert(
      fc.property(productAndEdit(kind as EditType), ({ product, edit }) => {
        expect(edit.type).toBe(kind);
        checkRoundTrip(product, edit);
      }),
      { numRuns: kind === 'batch' ? RUNS_PER_KIND * 3 : RUNS_PER_KIND },
    );
  });

  it('generated every edit kind in EDIT_TYPES, and batches mixing many kinds', () => {
    expect([...EDIT_TYPES].filter((t) => !generated.has(t))).toEqual([]);
    expect(generatedInBatches.size).toBeGreaterThanOrEqual(20);
  });
});
