/**
 * From an import proposal to data: a new product (validated like any product file) or one
 * undoable batch edit on the open product; the status mapping; all-or-nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/shared/edits/applyEdit';
import { EditSchema } from '../../../src/shared/edits/editSchema';
import { buildImportedProduct, importIntoProductEdit, planImport, resolveImport } from '../../../src/shared/import/applyImport';
import { BLANK_COLUMNS } from '../../../src/shared/model/blankBoard';
import { ImportError, type ImportResult } from '../../../src/shared/import/types';
import { compareRanks, sortByRank } from '../../../src/shared/model/rank';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';
import { resultOf } from './importFixtures';

function larder(): Product {
  return ProductSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../../resources/samples/larder.product.json'), 'utf8')));
}

const columnOf = (p: Product, storyId: string) => {
  const s = p.stories.find((x) => x.id === storyId);
  return p.board.columns.find((c) => c.id === s?.status)?.name;
};

describe('a new product from an import', () => {
  it('starts from the blank board and maps Jira statuses onto its columns by name and meaning', () => {
    const product = buildImportedProduct(resultOf('jira-cloud-all-fields.csv'), 'Shopfront practice');
    expect(ProductSchema.safeParse(product).success).toBe(true);
    expect(product.name).toBe('Shopfront practice');
    expect(product.board.columns.map((c) => c.name)).toEqual(BLANK_COLUMNS.map((c) => c.name));
    expect(product.board.definitionOfReady.length).toBeGreaterThan(0);
    expect(columnOf(product, 'shop-13')).toBe('Backlog');
    expect(columnOf(product, 'shop-15')).toBe('Backlog');
    expect(columnOf(product, 'shop-14')).toBe('Ready');
    expect(columnOf(product, 'shop-11')).toBe('In progress');
    expect(columnOf(product, 'shop-12')).toBe('Done');
    expect(sortByRank(product.stories).map((s) => s.id)).toEqual(['shop-12', 'shop-11', 'shop-14', 'shop-13', 'shop-15']);
    expect(sortByRank(product.epics).map((e) => e.title)).toEqual(['Checkout revamp', 'Loyalty programme', 'Gift cards']);
  });

  it('adds a column for each status that matches none, placed by its category', () => {
    const product = buildImportedProduct(resultOf('jira-server-hierarchy.csv'), 'Library');
    expect(product.board.columns.map((c) => c.name)).toEqual(['Backlog', 'Ready', 'Awaiting Design', 'In progress', 'In review', 'Blocked', 'Done']);
    expect(columnOf(product, 'lib-33')).toBe('In review');
    expect(columnOf(product, 'lib-32')).toBe('Blocked');
  });

  it('follows an edited status mapping (Blocked into In progress: no Blocked column)', () => {
    const result = resultOf('jira-server-hierarchy.csv');
    const plan = planImport(result, null);
    const mapping = plan.mapping.map((e) => (e.sourceStatus === 'Blocked' ? { ...e, columnId: 'in-progress' } : e));
    const product = buildImportedProduct(result, 'Library', mapping);
    expect(product.board.columns.map((c) => c.name)).not.toContain('Blocked');
    expect(columnOf(product, 'lib-32')).toBe('In progress');
  });

  it('makes a Trello board’s lists the columns, in order', () => {
    const product = buildImportedProduct(resultOf('trello-board.json'), '');
    expect(product.name).toBe('Reader app');
    expect(product.board.columns.map((c) => [c.name, c.category])).toEqual([
      ['Icebox', 'backlog'],
      ['Backlog', 'backlog'],
      ['Up next', 'todo'],
      ['Doing', 'in-progress'],
      ['Done ✅', 'done'],
    ]);
    expect(columnOf(product, 'trello-dk7mq2pl')).toBe('Up next');
  });

  it('refuses, with the reason, data that would not make a valid product', () => {
    const result = resultOf('jira-cloud-bom.csv');
    const first = result.stories[0];
    if (!first) throw new Error('no story');
    const broken: ImportResult = { ...result, stories: [{ ...first, story: { ...first.story, title: 'x'.repeat(400) } }] };
    expect(() => buildImportedProduct(broken, 'Broken')).toThrow(ImportError);
    expect(() => buildImportedProduct(broken, 'Broken')).toThrow(/stories\.0\.title/);
  });
});

describe('importing into the open product', () => {
  it('is one batch edit that the service would accept, adding after the existing backlog; its inverse restores the product', () => {
    const product = larder();
    const result = resultOf('jira-cloud-all-fields.csv');
    const edit = importIntoProductEdit(product, result);
    expect(edit.type).toBe('batch');
    expect(edit.label).toBe('Import 5 stories from Jira');
    expect(EditSchema.safeParse(edit).success).toBe(true);
    const { product: after, inverse } = applyEdit(product, edit);
    expect(ProductSchema.safeParse(after).success).toBe(true);
    expect(after.stories).toHaveLength(product.stories.length + 5);
    const lastExisting = sortByRank(product.stories).at(-1)?.rank ?? '';
    const imported = after.stories.filter((s) => s.id.startsWith('shop-'));
    expect(imported.every((s) => compareRanks(s.rank, lastExisting) > 0)).toBe(true);
    expect(sortByRank(imported).map((s) => s.id)).toEqual(['shop-12', 'shop-11', 'shop-14', 'shop-13', 'shop-15']);
    expect(columnOf(after, 'shop-11')).toBe('In progress');
    expect(applyEdit(after, inverse).product).toEqual(product);
  });

  it('gives colliding ids new ones (links follow) and reuses epics with the same title when imported twice', () => {
    const result = resultOf('jira-cloud-all-fields.csv');
    const once = applyEdit(larder(), importIntoProductEdit(larder(), result)).product;
    const twice = applyEdit(once, importIntoProductEdit(once, result)).product;
    expect(twice.stories.filter((s) => s.title === 'Pay with Apple Pay').map((s) => s.id).sort()).toEqual(['shop-11', 'shop-11-2']);
    expect(twice.epics.filter((e) => e.title === 'Checkout revamp')).toHaveLength(1);
    expect(twice.stories.find((s) => s.id === 'shop-11-2')?.epicId).toBe('shop-1');
  });

  it('adds the columns the mapping needs, between the existing ones by category', () => {
    const product = larder();
    const result = resultOf('jira-server-hierarchy.csv');
    const edit = importIntoProductEdit(product, result);
    const added = edit.edits.filter((e) => e.type === 'column.add');
    expect(added.map((e) => (e.type === 'column.add' ? e.column.name : ''))).toEqual(['Awaiting Design', 'Blocked']);
    const after = applyEdit(product, edit).product;
    expect(after.board.columns.map((c) => c.name)).toEqual(['Backlog', 'Ready', 'Awaiting Design', 'In progress', 'In review', 'Blocked', 'Done']);
  });

  it('maps Trello lists onto the open product’s columns by name and meaning', () => {
    const product = larder();
    const result = resultOf('trello-board.json');
    const plan = planImport(result, product);
    const byStatus = new Map(plan.mapping.map((e) => [e.sourceStatus, e.columnId]));
    expect(byStatus.get('Backlog')).toBe('backlog');
    expect(byStatus.get('Up next')).toBe('ready');
    expect(byStatus.get('Doing')).toBe('in-progress');
    expect(byStatus.get('Done ✅')).toBe('done');
    expect(byStatus.get('Icebox')).toBe('backlog');
    const after = applyEdit(product, importIntoProductEdit(product, result)).product;
    expect(after.board.columns.map((c) => c.name)).toEqual(product.board.columns.map((c) => c.name));
  });

  it('changes nothing when the mapping names a column that is not offered (all or nothing)', () => {
    const product = larder();
    const result = resultOf('jira-server-hierarchy.csv');
    const plan = planImport(result, product);
    const bad = plan.mapping.map((e, i) => (i === 0 ? { ...e, columnId: 'no-such-column' } : e));
    expect(() => importIntoProductEdit(product, result, bad)).toThrow(ImportError);
    expect(() => resolveImport({ columns: product.board.columns, epics: product.epics, stories: product.stories }, result, plan, bad)).toThrow(/is not mapped to a column/);
  });
});
