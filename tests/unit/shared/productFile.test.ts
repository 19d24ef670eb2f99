import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  describeIssues,
  jsonDepth,
  MAX_FILE_DEPTH,
  parseProductJson,
  parseProductText,
  serializeProduct,
} from '../../../src/shared/model/productFile';
import { exceedsJsonDepth, parsedJsonExceedsDepth } from '../../../src/shared/model/jsonDepth';
import { ProductSchema } from '../../../src/shared/model/schema';
import { minimalInput, richInput, richProduct } from './productBuilders';

function reasonOf(text: string): string {
  const result = parseProductText(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

describe('parseProductText', () => {
  const good = serializeProduct(richProduct());

  it('loads a valid file', () => {
    expect(parseProductText(good)).toEqual({ ok: true, product: richProduct(), migratedFrom: null, sameAsFile: null });
  });

  it('says, when asked, whether the file\'s JSON already is the product', () => {
    expect(parseProductText(good, { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: true });
    // Defaults filled in, an unknown key dropped, keys reordered: the product is not the file's JSON.
    const short = JSON.stringify(minimalInput());
    expect(parseProductText(short, { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: false });
    const extra = JSON.stringify({ ...JSON.parse(good), extra: 1 });
    expect(parseProductText(extra, { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: false });
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(good) as Record<string, unknown>).reverse()));
    expect(parseProductText(reordered, { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: false });
    // Whitespace does not matter.
    expect(parseProductText(JSON.stringify(JSON.parse(good)), { checkSameAsFile: true })).toMatchObject({ ok: true, sameAsFile: true });
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n  '],
    ['a BOM and nothing else', '\uFEFF'],
  ])('refuses an %s file as empty', (_name, text) => {
    expect(reasonOf(text)).toBe('The file is empty.');
  });

  it('refuses a file with NUL bytes', () => {
    expect(reasonOf(`${good.slice(0, 40)}\u0000${good.slice(40)}`)).toMatch(/NUL/);
    expect(reasonOf('\u0000\u0000\u0000\u0000')).toMatch(/NUL/);
  });

  it('refuses truncated JSON and says it may be truncated', () => {
    for (const cut of [1, 10, Math.floor(good.length / 2), good.length - 3]) {
      expect(reasonOf(good.slice(0, cut))).toMatch(/not valid JSON.*truncated/);
    }
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const result = parseProductText(`\uFEFF${good}`);
    expect(result.ok && result.product).toEqual(richProduct());
  });

  it('refuses valid JSON with a wrong schema, naming the path of the bad field', () => {
    const input = richInput();
    const stories = input['stories'] as Record<string, unknown>[];
    Object.assign(stories[1] ?? {}, { title: 42 });
    const reason = reasonOf(JSON.stringify(input));
    expect(reason).toMatch(/^The file does not match the product format: /);
    expect(reason).toContain('stories.1.title');
  });

  it('refuses a JSON value that is not an object', () => {
    expect(reasonOf('[1, 2, 3]')).toMatch(/not a JSON object/);
    expect(reasonOf('"a product"')).toMatch(/not a JSON object/);
    expect(reasonOf('null')).toMatch(/not a JSON object/);
  });

  it('refuses 100,000 levels of nesting without a stack overflow', () => {
    const depth = 100_000;
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(() => parseProductText(arrays)).not.toThrow();
    expect(reasonOf(arrays)).toMatch(/nested deeper than/);
    const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    expect(reasonOf(objects)).toMatch(/nested deeper than/);
  });

  it('refuses deep nesting hidden inside an otherwise valid product', () => {
    const depth = 5_000;
    const input = { ...minimalInput(), summary: 'x', extra: 0 };
    const text = JSON.stringify(input).replace('"extra":0', `"extra":${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(reasonOf(text)).toMatch(new RegExp(`nested deeper than ${MAX_FILE_DEPTH} levels`));
  });
});

describe('parseProductJson', () => {
  it('refuses a cyclic value (not JSON) instead of hanging', () => {
    const input: Record<string, unknown> = { ...minimalInput() };
    input['self'] = input;
    const result = parseProductJson(input);
    expect(result.ok).toBe(false);
  });

  it('accepts a value parsed elsewhere', () => {
    expect(parseProductJson(minimalInput())).toEqual({ ok: true, product: ProductSchema.parse(minimalInput()), migratedFrom: null, sameAsFile: null });
  });
});

describe('jsonDepth', () => {
  it.each<[unknown, number]>([
    [1, 0],
    ['text', 0],
    [null, 0],
    [{}, 1],
    [[], 1],
    [[1, 2], 1],
    [[[]], 2],
    [{ a: [{ b: 1 }] }, 3],
    [{ a: 1, b: { c: { d: [] } }, e: [] }, 4],
  ])('jsonDepth(%j) is %i', (value, depth) => {
    expect(jsonDepth(value)).toBe(depth);
  });

  it('measures 100,000 levels without recursion', () => {
    let value: unknown = [];
    for (let i = 1; i < 100_000; i += 1) value = [value];
    expect(jsonDepth(value)).toBe(100_000);
  });

  it('a valid product is far from the file depth limit', () => {
    expect(jsonDepth(richProduct())).toBeLessThan(MAX_FILE_DEPTH);
  });
});

describe('exceedsJsonDepth and parsedJsonExceedsDepth', () => {
  const values: unknown[] = [1, null, {}, [], [[1]], { a: [{ b: 1 }] }, { a: 1, b: { c: { d: [] } }, e: [] }, richProduct()];

  it('agree with jsonDepth at every limit around the depth', () => {
    for (const value of values) {
      const depth = jsonDepth(value);
      for (const max of [depth - 1, depth, depth + 1].filter((m) => m >= 0)) {
        expect(exceedsJsonDepth(value, max)).toBe(depth > max);
        expect(parsedJsonExceedsDepth(JSON.parse(JSON.stringify(value)), max)).toBe(depth > max);
      }
    }
  });

  it('stop at the limit on 100,000 levels (no stack overflow)', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parsedJsonExceedsDepth(JSON.parse(text), MAX_FILE_DEPTH)).toBe(true);
    expect(exceedsJsonDepth(JSON.parse(text), MAX_FILE_DEPTH)).toBe(true);
  });

  it('exceedsJsonDepth treats a cycle as too deep and a shared object as its deepest use', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(exceedsJsonDepth(cyclic, 50)).toBe(true);
    const shared = { leaf: [1] };
    expect(exceedsJsonDepth({ a: shared, b: { c: shared } }, 3)).toBe(true);
    expect(exceedsJsonDepth({ a: shared, b: { c: shared } }, 4)).toBe(false);
  });
});

describe('describeIssues', () => {
  const Schema = z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })), d: z.boolean(), e: z.literal(1) });

  it('names the path of each issue', () => {
    const result = Schema.safeParse({ a: 'ok', b: [{ c: 1 }, { c: 'x' }], d: true, e: 1 });
    if (result.success) throw new Error('expected issues');
    expect(describeIssues(result.error)).toMatch(/^b\.1\.c: /);
  });

  it('lists the first three and counts the rest', () => {
    const result = Schema.safeParse({ a: 1, b: 'x', d: 'no', e: 2 });
    if (result.success) throw new Error('expected issues');
    const text = describeIssues(result.error);
    expect(text.split('; ')).toHaveLength(3);
    expect(text).toMatch(/^a: .*; b: .*; d: .* \(and 1 more\)$/);
    expect(describeIssues(result.error, 10)).not.toContain('more');
    expect(describeIssues(result.error, 10).split('; ')).toHaveLength(4);
  });

  it('uses the bare message for an issue at the root', () => {
    const result = z.string().safeParse(1);
    if (result.success) throw new Error('expected issues');
    expect(describeIssues(result.error)).toBe(result.error.issues[0]?.message);
  });
});
