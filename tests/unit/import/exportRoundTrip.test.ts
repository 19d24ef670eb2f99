/**
 * The stories CSV export and its re-import: every story field comes back (property test over
 * random stories with awkward text — commas, quotes, line breaks, formulas, accents, emoji — and
 * random scores), through the same path the app takes (bytes → decode → parse → batch edit).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { backlogCsv, backlogFileName, guardCell } from '../../../src/shared/export/backlogCsv';
import { importIntoProductEdit } from '../../../src/shared/import/applyImport';
import { readImportFile } from '../../../src/shared/import/readImportFile';
import { unguardCell } from '../../../src/shared/import/genericCsv';
import { ranksBetween, sortByRank } from '../../../src/shared/model/rank';
import { ColumnCategorySchema, MoscowSchema, ProductSchema, type Product, type Story } from '../../../src/shared/model/schema';

/** Export `product`'s stories, import the file into the same product without stories, return the stories. */
function roundTrip(product: Product): Story[] {
  const csv = backlogCsv(product);
  const preview = readImportFile({ fileName: backlogFileName(product, 'csv'), bytes: new TextEncoder().encode(csv) });
  if (preview.kind !== 'csv') throw new Error(`read as ${preview.kind}`);
  expect(preview.result.skipped).toEqual([]);
  const empty: Product = { ...product, stories: [], roadmap: { ...product.roadmap, items: [] }, specs: [] };
  const edit = importIntoProductEdit(empty, preview.result);
  const imported = applyEdit(empty, edit).product;
  expect(imported.board.columns).toEqual(product.board.columns);
  expect(imported.epics).toEqual(product.epics);
  return sortByRank(imported.stories);
}

describe('export → import round trip', () => {
  it('restores every story of the Larder sample exactly', () => {
    const larder = ProductSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../resources/samples/larder.product.json'), 'utf8')));
    expect(larder.stories.length).toBeGreaterThan(10);
    expect(roundTrip(larder)).toEqual(sortByRank(larder.stories));
  });

  it('guards cells a spreadsheet would run as formulas, and the import takes the guard off', () => {
    for (const value of ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tx', "'=x", "''+y", 'plain', "'quoted'"]) {
      const guarded = guardCell(value);
      expect(guarded).not.toMatch(/^[=+\-@\t]/);
      expect(unguardCell(guarded)).toBe(value);
    }
  });

  const special = fc.constantFrom(',', '"', '""', '\n', '\n\n', ';', "'", '=', '+', '-', '@', '\t', ' ', 'é', '€', '🥚', '“', '’', '|', '#', '*', '- ', '1. ', 'Given ', 'Then ', 'As a ', 'I want ', 'so that ');
  const unit = fc.oneof({ weight: 2, arbitrary: special }, { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) });
  const text = (maxLength: number) =>
    fc
      .array(unit, { maxLength })
      .map((parts) => parts.join('').replaceAll('\r', '').replaceAll('\u0000', ''))
      .filter((s) => s.length <= maxLength * 9);
  const trimmedText = (maxLength: number) =>
    text(maxLength)
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= 300);
  const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,14}$/);
  const nonNeg = (max: number) => fc.double({ min: 0, max, noNaN: true }).map((n) => n + 0);
  const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
  const RANKS = [...ranksBetween(null, null, 40), ...ranksBetween('a0', 'a1', 20)];
  const COLUMN_NAMES = ['Backlog', 'Ready', 'Doing', 'In review', 'Done', 'Icebox', 'Blocked', 'QA', 'Shipped', 'Ideas'];

  const productArb = fc
    .record({
      columnNames: fc.uniqueArray(fc.constantFrom(...COLUMN_NAMES), { minLength: 1, maxLength: 5 }),
      columnIds: fc.uniqueArray(id, { minLength: 5, maxLength: 5 }),
      epicTitles: fc.uniqueArray(trimmedText(6), { maxLength: 3, selector: (t) => t.toLowerCase().replace(/\s+/g, ' ') }),
      epicIds: fc.uniqueArray(id, { minLength: 3, maxLength: 3 }),
      storyIds: fc.uniqueArray(id, { minLength: 1, maxLength: 8 }),
    })
    .chain(({ columnNames, columnIds, epicTitles, epicIds, storyIds }) => {
      const columns = columnNames.map((name, i) => ({ id: columnIds[i] ?? `c${i}`, name, category: 'todo' as const, wipLimit: null }));
      const epics = epicTitles.map((title, i) => ({ id: epicIds[i] ?? `e${i}`, title }));
      const storyArb = (storyId: string) =>
        fc.record({
          id: fc.constant(storyId),
          title: trimmedText(12),
          asA: text(8).filter((s) => s.length <= 300),
          iWant: text(20),
          soThat: text(20),
          description: text(40),
          acceptanceCriteria: fc.uniqueArray(fc.record({ id, text: text(15) }), { maxLength: 4, selector: (c) => c.id }),
          estimate: nullable(fc.oneof(fc.constantFrom(0, 1, 2, 3, 5, 8, 13), nonNeg(1000))),
          status: fc.constantFrom(...columns.map((c) => c.id)),
          epicId: epics.length > 0 ? nullable(fc.constantFrom(...epics.map((e) => e.id))) : fc.constant(null),
          labels: fc.uniqueArray(trimmedText(4), { maxLength: 4 }),
          scores: fc.record({
            rice: fc.record({ reach: nullable(nonNeg(1e6)), impact: nullable(nonNeg(3)), confidence: nullable(nonNeg(100)), effort: nullable(nonNeg(50)) }),
            ice: fc.record({ impact: nullable(nonNeg(10)), confidence: nullable(nonNeg(10)), ease: nullable(nonNeg(10)) }),
            wsjf: fc.record({ businessValue: nullable(nonNeg(100)), timeCriticality: nullable(nonNeg(100)), riskReduction: nullable(nonNeg(100)), jobSize: nullable(nonNeg(100)) }),
            moscow: nullable(fc.constantFrom(...MoscowSchema.options)),
          }),
          splitFrom: nullable(id),
          splitInto: fc.uniqueArray(id, { maxLength: 3 }),
          notes: text(30),
        });
      return fc.record({
        columns: fc.constant(columns),
        categories: fc.array(fc.constantFrom(...ColumnCategorySchema.options), { minLength: columns.length, maxLength: columns.length }),
        epics: fc.constant(epics),
        stories: fc.tuple(...storyIds.map(storyArb)),
        ranks: fc.shuffledSubarray(RANKS, { minLength: storyIds.length, maxLength: storyIds.length }),
      });
    })
    .map(({ columns, categories, epics, stories, ranks }) =>
      ProductSchema.parse({
        schemaVersion: 2,
        id: 'round-trip',
        name: 'Round trip',
        board: { columns: columns.map((c, i) => ({ ...c, category: categories[i] ?? 'todo' })) },
        epics: epics.map((e, i) => ({ ...e, rank: RANKS[i] ?? 'a0' })),
        stories: stories.map((s, i) => ({ ...s, rank: ranks[i] ?? 'a0' })),
      }),
    );

  it('restores every field of random stories (property)', () => {
    fc.assert(
      fc.property(productArb, (product) => {
        expect(roundTrip(product)).toEqual(sortByRank(product.stories));
      }),
      { numRuns: 150 },
    );
  });
});
