/**
 * The incremental serialiser writes exactly what `serializeProduct` (a full `ProductSchema.parse`
 * plus `JSON.stringify`) writes, refuses exactly what it refuses, and after an edit parses only
 * what the edit replaced.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import type { Edit } from '../../../src/shared/edits/editSchema';
import { parseProductText, serializeProduct } from '../../../src/shared/model/productFile';
import { createProductSerializer } from '../../../src/shared/model/productSerializer';
import { ProductSchema, StorySchema, type Product } from '../../../src/shared/model/schema';
import { deepFreeze, minimalInput, richProduct } from './productBuilders';
import { editSequence, productArbitrary } from './productArbitraries';

const SAMPLES = join(__dirname, '../../../resources/samples');

const decoder = new TextDecoder();
const text = (bytes: Uint8Array): string => decoder.decode(bytes);

function sample(file: string): Product {
  const parsed = parseProductText(readFileSync(join(SAMPLES, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.product;
}

/** The outcome of serialising: the text, or the first issue's path and message. */
function outcome(serialize: () => string): string {
  try {
    return serialize();
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const first = error.issues[0];
    return `invalid: ${first?.path.join('.') ?? ''}: ${first?.message ?? ''}`;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createProductSerializer', () => {
  it('writes the samples exactly as serializeProduct does, adopted or not', () => {
    const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.product.json'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const product = sample(file);
      const expected = serializeProduct(product);
      expect(text(createProductSerializer().serialize(product))).toBe(expected);
      const adopting = createProductSerializer();
      const job = adopting.adopt(product);
      expect(job.step(1_000)).toBe(true);
      expect(text(adopting.serialize(product))).toBe(expected);
      // The files in the repository are canonical: this is their text.
      expect(expected).toBe(readFileSync(join(SAMPLES, file), 'utf8'));
    }
  });

  it('canonicalises what it is given: defaults filled, unknown keys dropped, keys in schema order', () => {
    const input = { ...minimalInput(), extra: 'dropped' };
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as unknown as Product;
    const written = text(createProductSerializer().serialize(reordered));
    expect(written).toBe(serializeProduct(reordered));
    expect(written).not.toContain('extra');
    expect(written.indexOf('"schemaVersion"')).toBeLessThan(written.indexOf('"board"'));
  });

  it('agrees with serializeProduct along random edit sequences (property)', () => {
    fc.assert(
      fc.property(
        productArbitrary.chain((product) => editSequence(product, 6).map((edits) => ({ product, edits }))),
        fc.boolean(),
        ({ product, edits }, adopt) => {
          const serializer = createProductSerializer();
          if (adopt) serializer.adopt(ProductSchema.parse(product)).step(5);
          let current = deepFreeze(product);
          expect(text(serializer.serialize(current))).toBe(serializeProduct(current));
          for (const edit of edits) {
            current = deepFreeze(applyEdit(current, edit).product);
            expect(text(serializer.serialize(current))).toBe(serializeProduct(current));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('measures exactly the bytes it would write, before and between writes (property)', () => {
    fc.assert(
      fc.property(
        productArbitrary.chain((product) => editSequence(product, 6).map((edits) => ({ product, edits }))),
        fc.boolean(),
        ({ product, edits }, adopt) => {
          const serializer = createProductSerializer();
          let current = deepFreeze(adopt ? ProductSchema.parse(product) : product);
          if (adopt) serializer.adopt(current);
          const size = (p: Product): number => new TextEncoder().encode(serializeProduct(p)).byteLength;
          expect(serializer.byteLength(current)).toBe(size(current));
          edits.forEach((edit, i) => {
            current = deepFreeze(applyEdit(current, edit).product);
            expect(serializer.byteLength(current)).toBe(size(current));
            // Measuring leaves nothing behind that would change the next write.
            if (i % 2 === 0) expect(text(serializer.serialize(current))).toBe(serializeProduct(current));
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  const invalidEdits: { name: string; edit: unknown }[] = [
    { name: 'title too long', edit: { type: 'story.update', id: 's1', patch: { title: 'x'.repeat(301) } } },
    { name: 'negative estimate', edit: { type: 'story.update', id: 's1', patch: { estimate: -1 } } },
    { name: 'dangling column', edit: { type: 'story.update', id: 's2', patch: { status: 'nowhere' } } },
    { name: 'empty product name', edit: { type: 'product.update', patch: { name: '' } } },
    { name: 'confidence over 100', edit: { type: 'score.set', target: 'story', id: 's3', patch: { rice: { confidence: 101 } } } },
    { name: 'bad spec document', edit: { type: 'spec.add', spec: { id: 'sp-9', title: 'Spec', template: 'prd', content: { type: '' }, linkedStoryIds: [] } } },
    { name: 'no columns left', edit: { type: 'board.update', patch: { columns: [] } } },
  ];

  for (const c of invalidEdits) {
    it(`refuses what the full schema refuses, with the same first issue: ${c.name}`, () => {
      const base = ProductSchema.parse(richProduct());
      const serializer = createProductSerializer();
      serializer.adopt(base).step(1_000);
      serializer.serialize(base);
      let next: Product;
      try {
        next = applyEdit(base, c.edit as Edit).product;
      } catch {
        // applyEdit refuses some of these itself; build the invalid value directly instead.
        return;
      }
      const full = outcome(() => serializeProduct(next));
      expect(full).toMatch(/^invalid: /);
      expect(outcome(() => text(serializer.serialize(next)))).toBe(full);
      // Having measured it first (which leaves the containers' checks to the write) changes nothing.
      const measuredFirst = createProductSerializer();
      outcome(() => String(measuredFirst.byteLength(next)));
      expect(outcome(() => text(measuredFirst.serialize(next)))).toBe(full);
    });
  }

  it('the invalid cases reach the serialiser (applyEdit lets most of them through)', () => {
    const base = ProductSchema.parse(richProduct());
    const reached = invalidEdits.filter((c) => {
      try {
        applyEdit(base, c.edit as Edit);
        return true;
      } catch {
        return false;
      }
    });
    expect(reached.length).toBeGreaterThanOrEqual(5);
  });

  it('after a one-story edit parses that story only', () => {
    const base = ProductSchema.parse(richProduct());
    expect(base.stories.length).toBeGreaterThan(2);
    const serializer = createProductSerializer();
    serializer.serialize(base);
    const target = base.stories[1];
    if (!target) throw new Error('no story');
    const next = applyEdit(base, { type: 'story.update', id: target.id, patch: { title: 'Renamed' } }).product;
    const parses = vi.spyOn(StorySchema, 'safeParse');
    const written = text(serializer.serialize(next));
    expect(parses.mock.calls.map((call) => call[0])).toEqual([next.stories[1]]);
    expect(written).toBe(serializeProduct(next));
  });

  it('does not parse the parts of an adopted product', () => {
    const base = ProductSchema.parse(richProduct());
    const serializer = createProductSerializer();
    serializer.adopt(base);
    const parses = vi.spyOn(StorySchema, 'safeParse');
    const written = text(serializer.serialize(base));
    expect(parses).not.toHaveBeenCalled();
    expect(written).toBe(serializeProduct(base));
  });
});
