/** Decoding bytes (UTF-8, BOM, Windows-1252 fallback) and telling what kind of file it is. */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/shared/import/decode';
import { fileStem, looksLikeJira, MAX_IMPORT_BYTES, readImportFile } from '../../../src/shared/import/readImportFile';
import { ImportError } from '../../../src/shared/import/types';
import { previewOf } from './importFixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('reads UTF-8 and removes a byte-order mark', () => {
    expect(decodeBytes(bytes(0xef, 0xbb, 0xbf, 0x43, 0x61, 0x66, 0xc3, 0xa9))).toEqual({ text: 'Café', encoding: 'utf-8', hadBom: true });
    expect(decodeBytes(utf8('naïve'))).toEqual({ text: 'naïve', encoding: 'utf-8', hadBom: false });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8, with its punctuation and € sign', () => {
    // “Café” – €5 in Windows-1252
    expect(decodeBytes(bytes(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35))).toEqual({ text: '“Café” – €5', encoding: 'windows-1252', hadBom: false });
  });
});

describe('readImportFile', () => {
  it('tells a Jira CSV, a Trello board, another CSV and a product file apart', () => {
    expect(previewOf('jira-cloud-all-fields.csv').kind).toBe('jira');
    expect(previewOf('trello-board.json').kind).toBe('trello');
    expect(previewOf('generic-backlog-semicolon.csv').kind).toBe('csv');
    const sample = readFileSync(join(__dirname, '../../../resources/samples/shiftwise.product.json'));
    const product = readImportFile({ fileName: 'shiftwise.product.json', bytes: new Uint8Array(sample) });
    expect(product.kind).toBe('product');
  });

  it('reads a Jira file as a generic CSV when asked (and the other way round)', () => {
    expect(previewOf('jira-cloud-all-fields.csv', { kind: 'csv' }).kind).toBe('csv');
    expect(looksLikeJira(['Summary', 'Issue key'])).toBe(true);
    expect(looksLikeJira(['Summary', 'Owner'])).toBe(false);
  });

  it('refuses empty, binary, oversized and unknown JSON files with a reason', () => {
    expect(() => readImportFile({ fileName: 'a.csv', bytes: new Uint8Array() })).toThrow(/empty/);
    expect(() => readImportFile({ fileName: 'a.xlsx', bytes: bytes(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00) })).toThrow(/NUL bytes/);
    expect(() => readImportFile({ fileName: 'big.csv', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1) })).toThrow(/up to 50 MB/);
    expect(() => readImportFile({ fileName: 'x.json', bytes: utf8('{"hello": 1}') })).toThrow(ImportError);
    expect(() => readImportFile({ fileName: 'x.json', bytes: utf8('{"schemaVersion": 2, "id": "BAD ID"}') })).toThrow(/product file cannot be imported/);
  });

  it('names a product after the file when the file does not say', () => {
    expect(fileStem('C:\\Users\\me\\Downloads\\Jira export (3).csv')).toBe('Jira export');
    expect(previewOf('jira-trailing-blank-rows.csv').kind === 'jira' && previewOf('jira-trailing-blank-rows.csv')).toMatchObject({ result: { suggestedName: 'jira-trailing-blank-rows' } });
  });

  it('reports progress up to the end', () => {
    const seen: number[] = [];
    previewOf('jira-server-hierarchy.csv', {});
    readImportFile({ fileName: 'x.csv', bytes: utf8(`Summary,Issue key\n${Array.from({ length: 500 }, (_, i) => `Story ${i},X-${i}`).join('\n')}\n`) }, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
