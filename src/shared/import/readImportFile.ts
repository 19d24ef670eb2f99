/**
 * One entry point for a file the learner picks or drops: decode it, tell what it is (a Jira CSV, a
 * Trello board, another CSV, or a product file), and parse it into a preview. Pure, so it runs the
 * same in the import Web Worker, on the main thread as a fallback, and in unit tests.
 */
import { parseProductJson, type ParseResult } from '../model/productFile';
import type { Product } from '../model/schema';
import { guessMapping, type FieldMapping } from './csvFields';
import { parseCsvTable, type ProgressCallback } from './csvRows';
import { decodeBytes } from './decode';
import { parseGenericCsv } from './genericCsv';
import { parseJiraCsv } from './jira';
import { DEFAULT_TRELLO_OPTIONS, isTrelloBoard, parseTrelloJson, type TrelloOptions } from './trello';
import { ImportError, type ImportResult, type TextEncodingName } from './types';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportKind = 'jira' | 'trello' | 'csv' | 'product';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  /** Read the file as this kind instead of the detected one (CSV only: Jira ↔ other CSV). */
  kind?: 'jira' | 'csv' | null;
  trello?: TrelloOptions;
  /** The CSV column mapping; null for the guessed one. */
  mapping?: FieldMapping | null;
}

export type ImportPreview =
  | { kind: 'jira' | 'trello'; fileName: string; result: ImportResult }
  | { kind: 'csv'; fileName: string; result: ImportResult; header: string[]; mapping: FieldMapping; samples: string[] }
  | { kind: 'product'; fileName: string; product: Product; migratedFrom: number | null; encoding: TextEncodingName };

/** "PROJ export (2).csv" → "PROJ export" */
export function fileStem(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/\s*\(\d+\)$/, '')
    .trim();
}

const JIRA_MARKERS = ['issue key', 'issue id', 'issue type'];

/** Whether a CSV header is Jira's: a Summary column and one of Issue key / Issue id / Issue Type. */
export function looksLikeJira(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return names.has('summary') && JIRA_MARKERS.some((m) => names.has(m));
}

function looksLikeJson(fileName: string, text: string): boolean {
  return /\.json$/i.test(fileName) || /^\s*[{[]/.test(text);
}

/** The first value of each column (shortened), shown beside it in the mapping step. */
function sampleValues(header: readonly string[], rows: readonly { cells: string[] }[]): string[] {
  return header.map((_, i) => {
    const row = rows.slice(0, 200).find((r) => (r.cells[i] ?? '').trim() !== '');
    const value = (row?.cells[i] ?? '').trim().replace(/\s+/g, ' ');
    return value.length > 60 ? `${value.slice(0, 59)}…` : value;
  });
}

export function readImportFile(request: ImportRequest, onProgress?: ProgressCallback): ImportPreview {
  if (request.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(`The file is ${(request.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; files up to 50 MB can be imported.`);
  }
  if (request.bytes.byteLength === 0) throw new ImportError('The file is empty.');
  const decoded = decodeBytes(request.bytes);
  const { text, encoding } = decoded;
  if (text.includes('\u0000')) throw new ImportError('The file contains NUL bytes: it is not a text file (an Excel .xlsx workbook, perhaps?). Save it as CSV first.');
  const fallbackName = fileStem(request.fileName);

  if (looksLikeJson(request.fileName, text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ImportError(`The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    onProgress?.(0.5);
    if (isTrelloBoard(json)) {
      const result = parseTrelloJson(json, request.trello ?? DEFAULT_TRELLO_OPTIONS);
      onProgress?.(1);
      return { kind: 'trello', fileName: request.fileName, result: { ...result, encoding, suggestedName: result.suggestedName || fallbackName } };
    }
    if (typeof json === 'object' && json !== null && 'schemaVersion' in json) {
      const parsed: ParseResult = parseProductJson(json);
      if (!parsed.ok) throw new ImportError(`This product file cannot be imported: ${parsed.reason}`);
      onProgress?.(1);
      return { kind: 'product', fileName: request.fileName, product: parsed.product, migratedFrom: parsed.migratedFrom, encoding };
    }
    throw new ImportError('This JSON file is neither a Trello board export (it has no “lists” and “cards”) nor a product file.');
  }

  const table = parseCsvTable(text, onProgress);
  if (table.header.length === 0) throw new ImportError('The file is empty: there is no header row.');
  const kind = request.kind ?? (looksLikeJira(table.header) ? 'jira' : 'csv');
  if (kind === 'jira') {
    const result = parseJiraCsv(text, { table });
    return { kind: 'jira', fileName: request.fileName, result: { ...result, encoding, suggestedName: result.suggestedName || fallbackName } };
  }
  const mapping = request.mapping ?? guessMapping(table.header);
  const result = parseGenericCsv(text, mapping, { table });
  return { kind: 'csv', fileName: request.fileName, result: { ...result, encoding, suggestedName: fallbackName }, header: table.header, mapping, samples: sampleValues(table.header, table.rows) };
}
