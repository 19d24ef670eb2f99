/** Reading the import fixtures (tests/fixtures/import) and finding things in an import result. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Story } from '../../../src/shared/model/schema';
import { readImportFile, type ImportPreview } from '../../../src/shared/import/readImportFile';
import type { ImportResult } from '../../../src/shared/import/types';

const DIR = join(__dirname, '../../fixtures/import');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name)));
}

/** A fixture decoded as UTF-8 (for the parsers that take text). */
export function fixtureText(name: string): string {
  return new TextDecoder('utf-8').decode(fixtureBytes(name));
}

/** The preview of a fixture, through the same entry point the app uses. */
export function previewOf(name: string, request: Partial<Parameters<typeof readImportFile>[0]> = {}): ImportPreview {
  return readImportFile({ fileName: name, bytes: fixtureBytes(name), ...request });
}

export function resultOf(name: string, request: Partial<Parameters<typeof readImportFile>[0]> = {}): ImportResult {
  const preview = previewOf(name, request);
  if (preview.kind === 'product') throw new Error(`${name} is a product file`);
  return preview.result;
}

export function story(result: ImportResult, title: string): Story {
  const found = result.stories.find((s) => s.story.title === title);
  if (!found) throw new Error(`no story “${title}” in ${result.stories.map((s) => s.story.title).join(', ')}`);
  return found.story;
}

export function sourceStatusOf(result: ImportResult, title: string): string {
  const found = result.stories.find((s) => s.story.title === title);
  if (!found) throw new Error(`no story “${title}”`);
  return found.sourceStatus;
}
