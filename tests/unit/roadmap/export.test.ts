import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/shared/export/html';
import { escapeMarkdownCell, roadmapFileName, roadmapHtml, roadmapMarkdown } from '../../../src/shared/export/roadmap';
import { productWith, sample } from './builders';

const today = '2026-11-25';

describe('HTML export', () => {
  const larder = sample('larder');
  const html = roadmapHtml(larder, { today });

  it('is a standalone document with inline CSS, a print stylesheet, no scripts and nothing external', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/i);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import|https?:\/\/|javascript:/i);
    expect(html).not.toMatch(/\son[a-z]+=/i); // no event-handler attributes
  });

  it('shows the goals, every item with its outcome, links and dependencies, and the milestones', () => {
    for (const goal of larder.goals) expect(html).toContain(escapeHtml(goal.title));
    for (const item of larder.roadmap.items) expect(html).toContain(`<h3>${escapeHtml(item.title)}</h3>`);
    expect(html).toContain('Measured by: Share of new households with 15+ pantry items within 7 days of sign-up');
    expect(html).toContain('Epic: Scan to stock the pantry');
    expect(html).toMatch(/Story st-111: /);
    expect(html).toContain('Depends on: Barcode scanning for everyone');
    expect(html).toContain('No outcome linked yet'); // the widget
    for (const ms of larder.roadmap.milestones) expect(html).toContain(escapeHtml(ms.title));
    expect(html).toContain('Exported 25 Nov 2026');
  });

  it('orders the horizons Now, Next, Later with items by rank', () => {
    const now = html.indexOf('Barcode scanning for everyone');
    const next = html.indexOf('Receipt scanning as the headline Plus feature');
    const later = html.indexOf('Send the list to a grocer');
    expect(now).toBeGreaterThan(0);
    expect(now).toBeLessThan(next);
    expect(next).toBeLessThan(later);
  });

  it('draws a timeline with a bar for every dated item and none for undated ones', () => {
    const dated = larder.roadmap.items.filter((i) => i.start || i.end).length;
    expect(html.match(/class="tl-bar"/g)).toHaveLength(dated);
    expect(html).toContain('class="tl-today"');
  });

  it('escapes everything a learner typed', () => {
    const nasty = '<script>alert("x")</script> & \'quotes\'';
    const p = productWith({
      items: [{ id: 'a', title: nasty, description: '<img src=x onerror=alert(1)>' }],
      lanes: [{ id: 'l1', name: '"><b>lane</b>', color: '#112233' }],
    });
    const out = roadmapHtml({ ...p, name: '<i>Product</i>', summary: 'A & B' }, { today });
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<i>Product</i>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(out).toContain('<title>&lt;i&gt;Product&lt;/i&gt; — Roadmap</title>');
    expect(escapeHtml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('refuses a colour that is not #rrggbb in a style attribute', () => {
    const p = productWith({ items: [{ id: 'a', laneId: 'l1' }] });
    const tampered = { ...p, roadmap: { ...p.roadmap, lanes: [{ id: 'l1', name: 'L', color: 'red;background:url(http://x)', capacity: null }] } };
    const out = roadmapHtml(tampered, { today });
    expect(out).not.toContain('url(');
    expect(out).toContain('background:#6b7280');
  });
});

describe('Markdown export', () => {
  const larder = sample('larder');
  const md = roadmapMarkdown(larder, { today });

  it('has a table per horizon, each row an item with its outcome, theme and dates', () => {
    expect(md).toMatch(/^# Larder — Roadmap$/m);
    for (const heading of ['## Goals and outcomes', '## Now — committed and in flight', '## Next — planned, shaping now', '## Later — direction, not yet planned', '## Milestones']) {
      expect(md).toContain(heading);
    }
    const header = '| Item | Outcome | Theme | When | Status | Delivered by | Depends on | Progress |';
    expect(md.split(header)).toHaveLength(4);
    expect(md).toContain('| **Barcode scanning for everyone**<br>');
    expect(md).toContain('12 Oct 2026 – 18 Dec 2026');
    expect(md).toContain('_No outcome linked_');
    for (const item of larder.roadmap.items) expect(md).toContain(escapeMarkdownCell(item.title));
  });

  it('keeps every table row on one line with the right number of cells', () => {
    const rows = md.split('\n').filter((line) => line.startsWith('| **'));
    expect(rows).toHaveLength(larder.roadmap.items.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(8);
  });

  it('escapes pipes, line breaks, HTML and Markdown in cells', () => {
    expect(escapeMarkdownCell('a | b\nc *d* <e>')).toBe('a \\| b c \\*d\\* \\<e\\>');
    const p = productWith({ items: [{ id: 'a', title: 'Split | join', description: 'line one\nline two' }] });
    const out = roadmapMarkdown(p, { today });
    expect(out).toContain('| **Split \\| join**<br>line one line two |');
  });

  it('names the files after the product', () => {
    expect(roadmapFileName(larder, 'html')).toBe('larder-roadmap.html');
    expect(roadmapFileName(larder, 'md')).toBe('larder-roadmap.md');
  });
});
