import { MarkdownManager } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlAttrs, safeHref } from '../../../src/shared/export/html';
import { specToHtml, specToMarkdown } from '../../../src/shared/export/spec';
import { portfolioToHtml } from '../../../src/shared/export/specPortfolio';
import type { DocNode } from '../../../src/shared/model/schema';
import { doc, h, mention, p, spec, specProduct, t, table, td, tr } from './specFixtures';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const link = (href: string, text = 'click me'): DocNode => t(text, { type: 'link', attrs: { href } });

/** A document written by an attacker: markup in text, script links, injected attributes, unknown nodes. */
function hostileDoc(): DocNode {
  return doc(
    { type: 'heading', attrs: { level: '2 onclick=alert(3)' }, content: [t(HOSTILE)] },
    p(t(HOSTILE), link('javascript:alert(4)'), link('JaVaScRiPt:alert(5)'), link('java\tscript:alert(6)'), link(' javascript:alert(7)'), link('data:text/html,<script>alert(8)</script>'), link('vbscript:msgbox(9)'), link('https://ok.example/"onmouseover="alert(10)', 'quoted')),
    p(t('x', { type: 'evil', attrs: { onclick: 'alert(11)' } }), t('styled', { type: 'link', attrs: { href: 'https://ok.example', onclick: 'alert(12)' } })),
    { type: 'codeBlock', attrs: { language: '"><script>alert(13)</script>' }, content: [t('</code></pre><script>alert(14)</script>')] },
    { type: 'html', attrs: { onload: 'alert(15)' }, content: [t('<b onmouseover=alert(16)>raw</b>')] },
    { type: 'rawHtml', content: [{ type: 'iframe', attrs: { src: 'javascript:alert(17)' } }] },
    { type: 'orderedList', attrs: { start: '1" onclick="alert(18)' }, content: [{ type: 'listItem', content: [p(t('item'))] }] },
    table(tr({ type: 'tableCell', attrs: { colspan: '2" onmouseover="alert(19)', rowspan: 1 }, content: [p(t('<svg onload=alert(20)>'))] })),
    p({ type: 'mention', attrs: { id: '"><img src=x onerror=alert(21)>', kind: 'story' } }),
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: 'true" onclick="alert(22)' }, content: [p(t('task'))] }] },
  );
}

/** Every tag the HTML has, with its attribute names. */
function tags(html: string): { name: string; attrs: string[] }[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: (m[1] ?? '').toLowerCase(),
    attrs: [...(m[2] ?? '').matchAll(/\s+([^\s=>]+)(?:="[^"]*")?/g)].map((a) => (a[1] ?? '').toLowerCase()),
  }));
}

function expectInert(html: string): void {
  const found = tags(html);
  const names = new Set(found.map((tag) => tag.name));
  for (const bad of ['script', 'img', 'iframe', 'svg', 'object', 'embed', 'link', 'b']) expect(names.has(bad), `<${bad}> in the export`).toBe(false);
  for (const tag of found) {
    for (const attr of tag.attrs) expect(attr.startsWith('on'), `event handler ${attr} on <${tag.name}>`).toBe(false);
  }
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:|mailto:|#)/);
}

describe('sanitising exports', () => {
  it('HTML export leaves no scripts, event handlers or script links', () => {
    const s = spec(hostileDoc(), { title: HOSTILE });
    const html = specToHtml(s, specProduct({ name: `Evil ${HOSTILE}`, author: HOSTILE }));
    expectInert(html);
    // The text is still there, as text.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(14)&lt;/script&gt;');
    // Script links lose their link but keep their text; the safe link keeps its (escaped) target.
    expect(html).toContain('click me');
    expect(html).toContain('href="https://ok.example/&quot;onmouseover=&quot;alert(10)"');
    expect(html).toContain('<a href="https://ok.example" rel="noopener noreferrer">styled</a>');
  });

  it('Markdown export escapes markup, so a Markdown renderer shows it as text', () => {
    const s = spec(hostileDoc(), { title: HOSTILE });
    const md = specToMarkdown(s, specProduct({ name: `Evil ${HOSTILE}`, author: HOSTILE }));
    // Outside code blocks (where a viewer shows text verbatim) no markup is left unescaped.
    const prose = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(prose).not.toMatch(/(?<!\\)<[a-z/]/i);
    expect(md).not.toMatch(/\]\(\s*(javascript|data|vbscript):/i);
    // Render it the way a Markdown viewer would (raw HTML allowed) and check the result is inert.
    const marked = new MarkdownManager({ extensions: [StarterKit] }).instance;
    const rendered = marked.parse(md, { async: false, gfm: true });
    expectInert(rendered);
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('the portfolio escapes product text too', () => {
    const product = specProduct({
      name: HOSTILE,
      author: HOSTILE,
      summary: HOSTILE,
      vision: { targetUsers: HOSTILE, needs: '', product: '', value: '' },
      specs: [{ id: 'sp1', title: HOSTILE, template: 'blank', content: hostileDoc(), linkedStoryIds: [] }],
      prioritization: { notes: HOSTILE },
      stories: [{ id: 's1', title: HOSTILE, status: 'backlog', rank: 'a0', scores: { rice: { reach: 1, impact: 1, confidence: 100, effort: 1 } } }],
      roadmap: { lanes: [{ id: 'l1', name: HOSTILE }], items: [{ id: 'i1', title: HOSTILE, horizon: 'now', rank: 'a0', laneId: 'l1' }], milestones: [] },
    });
    const html = portfolioToHtml(product, { cover: true, specIds: ['sp1'], roadmap: true, prioritization: true, backlog: true });
    expectInert(html);
  });

  it('safeHref keeps only absolute http, https and mailto URLs', () => {
    expect(safeHref('https://example.com/x?y=1#z')).toBe('https://example.com/x?y=1#z');
    expect(safeHref('HTTP://EXAMPLE.COM')).toBe('HTTP://EXAMPLE.COM');
    expect(safeHref('mailto:pm@example.com')).toBe('mailto:pm@example.com');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'java\u200bscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '/relative', '//evil.example', 'https://', '', null, 42]) {
      expect(safeHref(bad), String(bad)).toBeNull();
    }
  });

  it('escapeHtml and htmlAttrs escape quotes and brackets and drop odd attribute names', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    expect(htmlAttrs({ title: '"><script>', 'bad name': 'x', 'on"x': 'y', hidden: true, gone: null })).toBe(' title="&quot;&gt;&lt;script&gt;" hidden');
  });

  it('a document that uses level-1 headings is shifted under the page title', () => {
    const html = specToHtml(spec(doc(h(1, 'Own title'), h(2, 'Section'))), specProduct());
    expect(html).toContain('<h2>Own title</h2>');
    expect(html).toContain('<h3>Section</h3>');
    const md = specToMarkdown(spec(doc(h(1, 'Own title'), h(2, 'Section'), p(mention('s1')))), specProduct());
    expect(md).toContain('\n## Own title\n\n### Section\n');
    expect(td).toBeDefined();
  });
});
