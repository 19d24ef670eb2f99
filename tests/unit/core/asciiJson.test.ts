import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson, asciiJsonBytes } from '../../../src/main/core/asciiJson';

describe('asciiJson', () => {
  it('escapes every character above U+007F and leaves ASCII alone', () => {
    const json = JSON.stringify({ title: 'It’s “done” — café 😀', plain: 'a "quoted" \\ back\nslash' });
    const ascii = asciiJson(json);
    expect(ascii).toMatch(/^[\x20-\x7f]*$/);
    expect(ascii).toContain('It\\u2019s \\u201cdone\\u201d \\u2014 caf\\u00e9 \\ud83d\\ude00');
    expect(ascii).toContain('"plain":"a \\"quoted\\" \\\\ back\\nslash"');
    expect(JSON.parse(ascii)).toEqual(JSON.parse(json));
  });

  it('parses back to the same value for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'grapheme' }), (value, text) => {
        const json = JSON.stringify({ value, text });
        const ascii = asciiJson(json);
        expect(ascii).toMatch(/^[\x20-\x7f]*$/);
        expect(JSON.parse(ascii)).toEqual(JSON.parse(json));
      }),
      { numRuns: 300 },
    );
  });

  it('gives one byte per character, which a UTF-8 reader decodes to the same text', () => {
    const json = JSON.stringify(['Zoë', '✓']);
    const bytes = asciiJsonBytes(json);
    expect(bytes.length).toBe(asciiJson(json).length);
    expect(JSON.parse(new TextDecoder('utf-8').decode(bytes))).toEqual(['Zoë', '✓']);
  });
});
