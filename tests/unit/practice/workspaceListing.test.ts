/** The start screen's practice progress comes from the workspace listing. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs } from '../../../src/main/core/fsAdapter';
import { WorkspaceListing } from '../../../src/main/core/workspaceListing';
import { serializeProduct } from '../../../src/shared/model/productFile';
import { exercise, product } from './fixtures';

const folders: string[] = [];
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

const ex = (id: string) =>
  exercise({ id, title: id, skill: 'refinement', brief: 'Do it.', view: 'backlog', scope: { storyIds: ['st-1'] }, rubric: [{ id: 'r', label: 'R', rule: { check: 'stories-ready' } }] });

describe('listing the workspace', () => {
  it('reports each product’s practice progress, from the file or from the open document', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'practice-listing-'));
    folders.push(folder);
    const p = product({
      id: 'with-practice',
      practice: {
        brief: '',
        exercises: [ex('a'), ex('b')],
        attempts: [
          { exerciseId: 'a', at: '2026-11-25T10:00:00.000Z', score: 50, passed: false },
          { exerciseId: 'a', at: '2026-11-25T11:00:00.000Z', score: 100, passed: true },
        ],
      },
    });
    writeFileSync(join(folder, 'with-practice.product.json'), serializeProduct(p));
    writeFileSync(join(folder, 'plain.product.json'), serializeProduct(product({ id: 'plain' })));
    const listing = new WorkspaceListing(nodeFs);

    const fromFiles = await listing.products(folder, () => null);
    expect(fromFiles.map((e) => (e.status === 'ok' ? [e.id, e.practice] : [e.file, null]))).toEqual([
      ['plain', { exercises: 0, attempted: 0, passed: 0, averageScore: null }],
      ['with-practice', { exercises: 2, attempted: 1, passed: 1, averageScore: 100 }],
    ]);

    // An open product: its own progress when the service gives it, else what is saved in the file.
    const open = { name: 'Open', summary: '', storyCount: 2, migratedFrom: null };
    const saved = await listing.products(folder, (id) => (id === 'with-practice' ? open : null));
    expect(saved.find((e) => e.status === 'ok' && e.id === 'with-practice')).toMatchObject({ name: 'Open', practice: { passed: 1 } });
    const live = await listing.products(folder, (id) => (id === 'with-practice' ? { ...open, practice: { exercises: 2, attempted: 2, passed: 2, averageScore: 90 } } : null));
    expect(live.find((e) => e.status === 'ok' && e.id === 'with-practice')).toMatchObject({ practice: { passed: 2, averageScore: 90 } });
  });
});
