/**
 * Every exported HTML page carries the same Content Security Policy: the spec page, the portfolio
 * pack and the roadmap page (also what "PDF" prints). And no exporter builds a page of its own
 * around `htmlPage`, so a new HTML export cannot forget the policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_CONTENT_SECURITY_POLICY, EXPORT_CSP_META } from '../../../src/shared/export/html';
import { roadmapHtml } from '../../../src/shared/export/roadmap';
import { specToHtml } from '../../../src/shared/export/spec';
import { defaultPortfolioOptions, portfolioToHtml } from '../../../src/shared/export/specPortfolio';
import { sample } from '../roadmap/builders';
import { doc, p, spec, specProduct, t } from '../spec/specFixtures';

const exportDir = join(__dirname, '../../../src/shared/export');

/** The policy a browser would read from the page's `<meta http-equiv>` elements. */
function metaPolicies(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map((m) => (m[1] ?? '').replace(/&#39;/g, "'"));
}

describe('exported HTML pages', () => {
  const product = specProduct({ specs: [spec(doc(p(t('North star.'))), { id: 'sp1', title: 'PRD: Borrowing' })] });
  const pages: [string, string][] = [
    ['spec', specToHtml(spec(doc(p(t('Hello')))), product)],
    ['portfolio', portfolioToHtml(product, defaultPortfolioOptions(product))],
    ['roadmap', roadmapHtml(sample('larder'), { today: '2026-11-25' })],
  ];

  it.each(pages)('the %s page carries the export CSP once, in its head', (_name, html) => {
    expect(metaPolicies(html)).toEqual([EXPORT_CONTENT_SECURITY_POLICY]);
    expect(html).toContain(EXPORT_CSP_META);
  });

  it('the policy allows no scripts and loads nothing from anywhere', () => {
    expect(EXPORT_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
    expect(EXPORT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe-eval|https?:|\*/);
  });

  it('no export module writes a page of its own: only html.ts starts a document', () => {
    const modules = readdirSync(exportDir).filter((name) => name.endsWith('.ts'));
    expect(modules).toContain('roadmap.ts');
    const pageMakers = modules.filter((name) => /<!doctype|<html[\s>]|<head>/i.test(readFileSync(join(exportDir, name), 'utf8')));
    expect(pageMakers).toEqual(['html.ts']);
  });
});
