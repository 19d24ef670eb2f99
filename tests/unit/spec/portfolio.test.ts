import { describe, expect, it } from 'vitest';
import { defaultPortfolioOptions, isEmptyPortfolio, portfolioFileName, portfolioToHtml } from '../../../src/shared/export/specPortfolio';
import { doc, h, mention, p, spec, specProduct, t } from './specFixtures';

const product = () =>
  specProduct({
    specs: [
      spec(doc(h(2, 'Problem'), p(t('Too few loans; see '), mention('s1'))), { id: 'sp1', title: 'PRD: Borrowing' }),
      spec(doc(p(t('North star.'))), { id: 'sp2', title: 'Metric tree: loans', template: 'metric-tree' }),
    ],
    prioritization: { notes: 'Reach counts households.' },
  });

describe('portfolioToHtml', () => {
  it('includes a cover, the chosen specs, the roadmap, the RICE ranking and a backlog summary', () => {
    const html = portfolioToHtml(product(), defaultPortfolioOptions(product()));
    // Cover: product, vision, goals, author, contents.
    expect(html).toContain('<p class="kicker">Product portfolio</p>\n<h1>Tool Library</h1>');
    expect(html).toContain('<dt>For</dt><dd>Neighbours</dd>');
    expect(html).toContain('<strong>More loans</strong> <span class="muted">— Loans per week · 10 → 50 · Q3</span>');
    expect(html).toContain('Prepared by <strong>Ada Learner</strong>');
    expect(html).toContain('<li><a href="#spec-1">PRD: Borrowing</a></li><li><a href="#spec-2">Metric tree: loans</a></li><li><a href="#roadmap">Roadmap</a></li>');
    // Specs, rendered live from the product.
    expect(html).toContain('<article class="page spec" id="spec-1">');
    expect(html).toContain('<span class="mention-title">Search tools</span>');
    // Roadmap: Now / Next / Later.
    expect(html).toContain('<th scope="col">Now</th><th scope="col">Next</th><th scope="col">Later</th>');
    expect(html).toContain('<strong>Borrowing MVP</strong><span class="item-meta">Core · planned · medium confidence · Goal: More loans</span>');
    expect(html).toContain('<td>2026-09-01</td><td>Public beta</td>');
    // Prioritisation.
    expect(html).toMatch(/<td class="num">1<\/td><td>Request a loan <span class="muted">\(s2\)<\/span><\/td>.*<strong>320<\/strong>/);
    expect(html).toContain('<p>Reach counts households.</p>');
    // Backlog: counts per column and top stories.
    expect(html).toContain('<tr><th scope="row">Backlog</th><td class="num">3</td><td class="num">3</td></tr>');
    expect(html).toContain('<tr><th scope="row">Total</th><td class="num"><strong>5</strong></td>');
    expect(html).toMatch(/Top of the backlog.*Search tools.*Request a loan.*Reminder before pickup.*Sign up/s);
    expect(html).not.toMatch(/Top of the backlog.*Old finished work/s);
  });

  it('leaves out what the learner unticks', () => {
    const html = portfolioToHtml(product(), { cover: false, specIds: ['sp2'], roadmap: false, prioritization: false, backlog: true });
    expect(html).not.toContain('Product portfolio');
    expect(html).not.toContain('PRD: Borrowing');
    expect(html).toContain('Metric tree: loans');
    expect(html).not.toContain('id="roadmap"');
    expect(html).not.toContain('id="prioritization"');
    expect(html).toContain('id="backlog"');
    expect(isEmptyPortfolio({ cover: false, specIds: [], roadmap: false, prioritization: false, backlog: false })).toBe(true);
    expect(portfolioFileName({ name: 'Tool Library' })).toBe('tool-library-portfolio.html');
  });
});
