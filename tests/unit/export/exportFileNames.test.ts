/**
 * Every export the app offers is named so that `export.save` / `export.pdf` accept it
 * (`ExportFileNameSchema`): whatever the product id, spec title or product name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiMethods, ExportFileNameSchema } from '../../../src/shared/api/contract';
import { backlogFileName } from '../../../src/shared/export/backlogCsv';
import { fileNameFrom } from '../../../src/shared/export/html';
import { prioritizationFileName } from '../../../src/shared/export/prioritization';
import { roadmapFileName } from '../../../src/shared/export/roadmap';
import { specFileName } from '../../../src/shared/export/spec';
import { portfolioFileName } from '../../../src/shared/export/specPortfolio';
import { isPortableFileName } from '../../../src/shared/model/portableFileName';
import { parseProductText } from '../../../src/shared/model/productFile';
import { FrameworkSchema, ProductIdSchema, type Product } from '../../../src/shared/model/schema';

const samplesDir = join(__dirname, '../../../resources/samples');
const samples: Product[] = readdirSync(samplesDir)
  .filter((f) => f.endsWith('.product.json'))
  .map((f) => {
    const parsed = parseProductText(readFileSync(join(samplesDir, f), 'utf8'));
    if (!parsed.ok) throw new Error(`${f}: ${parsed.reason}`);
    return parsed.product;
  });

/** The names of everything exported from one product (what the views pass to the exporter). */
function exportNames(product: Pick<Product, 'id' | 'name'>, specTitles: readonly string[]): { save: string[]; pdf: string[] } {
  return {
    save: [
      ...specTitles.flatMap((title) => [specFileName({ title }, 'md'), specFileName({ title }, 'html')]),
      portfolioFileName(product, 'html'),
      roadmapFileName(product, 'html'),
      roadmapFileName(product, 'md'),
      ...FrameworkSchema.options.flatMap((f) => [prioritizationFileName(product.id, f, 'csv'), prioritizationFileName(product.id, f, 'md')]),
      backlogFileName(product, 'csv'),
      backlogFileName(product, 'md'),
    ],
    pdf: [...specTitles.map((title) => specFileName({ title }, 'pdf')), portfolioFileName(product, 'pdf'), roadmapFileName(product, 'pdf')],
  };
}

function expectAccepted(names: { save: string[]; pdf: string[] }, id: string): void {
  for (const fileName of names.save) {
    const answer = apiMethods['export.save'].input.safeParse({ productId: id, fileName, content: '' });
    expect(answer.success, fileName).toBe(true);
  }
  for (const fileName of names.pdf) {
    const answer = apiMethods['export.pdf'].input.safeParse({ productId: id, fileName, html: '' });
    expect(answer.success, fileName).toBe(true);
  }
}

const productId = fc.stringMatching(/^[a-z0-9]{1,20}(?:-[a-z0-9]{1,20}){0,2}$/).filter((id) => ProductIdSchema.safeParse(id).success);
const anyText = fc.string({ unit: 'grapheme', maxLength: 200 });

describe('export file names', () => {
  it('the samples: every spec, the portfolio, roadmap, prioritisation and backlog exports are accepted', () => {
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const product of samples) {
      const names = exportNames(product, product.specs.map((s) => s.title));
      expect(names.save).toContain(`${product.id}-roadmap.html`);
      expectAccepted(names, product.id);
    }
  });

  it('any product id, product name and spec title gives accepted names', () => {
    fc.assert(
      fc.property(productId, anyText, fc.array(anyText, { maxLength: 4 }), (id, name, titles) => {
        expectAccepted(exportNames({ id, name }, titles), id);
      }),
      { numRuns: 400 },
    );
  });

  it('titles that are paths, dots or nothing still make a plain name in the folder', () => {
    for (const title of ['../../etc/passwd', '..', '   ', '', '.hidden', 'CON', 'a/b\\c', '\u0000\u202e', '—', 'com0', 'LPT9', 'nul.', 'Aux ', 'prn?']) {
      const name = fileNameFrom(title, 'md', 'spec');
      expect(ExportFileNameSchema.safeParse(name).success, `${JSON.stringify(title)} → ${name}`).toBe(true);
      expect(isPortableFileName(name), name).toBe(true);
      expect(name).not.toMatch(/[/\\]/);
    }
    expect(fileNameFrom('CON', 'md', 'spec')).toBe('con-spec.md');
    expect(portfolioFileName({ name: 'Larder' }, 'pdf')).toBe('larder-portfolio.pdf');
    expect(roadmapFileName({ id: 'larder' }, 'pdf')).toBe('larder-roadmap.pdf');
  });
});
