import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId, slugify, uniqueId } from '../../../src/shared/model/ids';
import { EntityIdSchema, ProductIdSchema } from '../../../src/shared/model/schema';

/** A `random` that returns the given values in turn. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

describe('newId', () => {
  it('is the prefix, a hyphen and eight base-36 characters drawn from `random`', () => {
    expect(newId('story', sequence(0))).toBe('story-00000000');
    expect(newId('story', sequence(0.9999999))).toBe('story-zzzzzzzz');
    const digit = (k: number) => (k + 0.5) / 36;
    expect(newId('epic', sequence(...[0, 10, 35, 1, 18, 24, 9, 30].map(digit)))).toBe('epic-0az1io9u');
  });

  it('by default is random and a valid entity id', () => {
    const ids = Array.from({ length: 200 }, () => newId('story'));
    for (const id of ids) {
      expect(id).toMatch(/^story-[0-9a-z]{8}$/);
      expect(EntityIdSchema.safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(200);
  });
});

describe('slugify', () => {
  it.each([
    ['Civic Cloud!', 'civic-cloud'],
    ['Crème Brûlée Café', 'creme-brulee-cafe'],
    ['Ångström Über Niño', 'angstrom-uber-nino'],
    ['Straße & Smørrebrød', 'strasse-smorrebrod'],
    ['Hello,   World!!! (v2.0)', 'hello-world-v2-0'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['UPPER lower 123', 'upper-lower-123'],
    ['', 'product'],
    ['!!!', 'product'],
    ['日本語', 'product'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('caps the length at 48 without a trailing hyphen', () => {
    expect(slugify('a'.repeat(100))).toBe('a'.repeat(48));
    const words = slugify(`${'abcd '.repeat(9)}abc defgh`);
    expect(words.length).toBeLessThanOrEqual(48);
    expect(words.endsWith('-')).toBe(false);
    expect(slugify(`${'x'.repeat(47)} y`)).toBe('x'.repeat(47));
  });

  it('always gives a valid product id (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: 'grapheme' }), (name) => {
        expect(ProductIdSchema.safeParse(slugify(name)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('uniqueId', () => {
  it('keeps a free base', () => {
    expect(uniqueId('roadmap', new Set(['other']))).toBe('roadmap');
  });

  it('adds the first free number from 2', () => {
    expect(uniqueId('roadmap', new Set(['roadmap']))).toBe('roadmap-2');
    expect(uniqueId('roadmap', new Set(['roadmap', 'roadmap-2', 'roadmap-3']))).toBe('roadmap-4');
    expect(uniqueId('roadmap', new Set(['roadmap', 'roadmap-3']))).toBe('roadmap-2');
  });

  it('skips candidates the caller cannot use (such as device names)', () => {
    const usable = (id: string): boolean => !/^(con|con-2)$/.test(id);
    expect(uniqueId('con', new Set(), usable)).toBe('con-3');
    expect(uniqueId('roadmap', new Set(), usable)).toBe('roadmap');
  });

  it('gives a product id that stays valid for a slug of the longest length', () => {
    const base = slugify('z'.repeat(200));
    const taken = new Set([base, ...Array.from({ length: 98 }, (_, i) => `${base}-${i + 2}`)]);
    const id = uniqueId(base, taken);
    expect(id).toBe(`${base}-100`);
    expect(ProductIdSchema.safeParse(id).success).toBe(true);
  });
});
