import { MarkdownManager } from '@tiptap/markdown';
import { TableKit } from '@tiptap/extension-table';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { specToHtml, specToMarkdown } from '../../../src/shared/export/spec';
import { docToMarkdown } from '../../../src/shared/export/specMarkdown';
import { docToHtml } from '../../../src/shared/export/specHtml';
import { renderContext } from '../../../src/shared/export/specRender';
import type { DocNode } from '../../../src/shared/model/schema';
import { doc, h, li, mention, p, spec, specProduct, standardNodesDoc, t, ul } from './specFixtures';

const markdown = new MarkdownManager({ extensions: [StarterKit, TableKit, TaskList, TaskItem.configure({ nested: true })] });

type Mark = NonNullable<DocNode['marks']>[number];

/** Attributes that carry meaning; tiptap's defaults (colspan 1, list type null, …) are dropped. */
function meaningfulAttrs(node: DocNode): Record<string, unknown> | undefined {
  const a = node.attrs ?? {};
  switch (node.type) {
    case 'heading':
      return { level: a['level'] };
    case 'orderedList':
      return { start: a['start'] ?? 1 };
    case 'taskItem':
      return { checked: a['checked'] === true };
    case 'codeBlock':
      return { language: a['language'] ?? null };
    default:
      return undefined;
  }
}

function normalizeMarks(marks: readonly Mark[] | undefined): Mark[] {
  return [...(marks ?? [])]
    .map((m) => (m.type === 'link' ? { type: 'link', attrs: { href: m.attrs?.['href'] } } : { type: m.type }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** A document in a canonical form: meaningful attrs only, adjacent text with the same marks merged. */
function normalize(node: DocNode): DocNode {
  if (node.type === 'text') {
    const marks = normalizeMarks(node.marks);
    return marks.length > 0 ? { type: 'text', text: node.text ?? '', marks } : { type: 'text', text: node.text ?? '' };
  }
  const out: DocNode = { type: node.type };
  const attrs = meaningfulAttrs(node);
  if (attrs) out.attrs = attrs;
  const content: DocNode[] = [];
  for (const child of (node.content ?? []).map(normalize)) {
    const prev = content[content.length - 1];
    if (prev?.type === 'text' && child.type === 'text' && JSON.stringify(prev.marks ?? []) === JSON.stringify(child.marks ?? [])) {
      prev.text = `${prev.text ?? ''}${child.text ?? ''}`;
    } else {
      content.push(child);
    }
  }
  if (content.length > 0) out.content = content;
  return out;
}

describe('Markdown export', () => {
  it('round-trips every standard node and mark through a Markdown parser', () => {
    const original = standardNodesDoc();
    const md = docToMarkdown(original, renderContext(spec(original), specProduct(), 0));
    const parsed = markdown.parse(md) as DocNode;
    expect(normalize(parsed)).toEqual(normalize(original));
  });

  it('writes GitHub-flavoured constructs for each node type', () => {
    const md = docToMarkdown(standardNodesDoc(), renderContext(spec(doc()), specProduct(), 0));
    expect(md).toContain('# Heading one\n');
    expect(md).toContain('\n### Heading three\n');
    expect(md).toContain('**bold**');
    expect(md).toContain('*italic*');
    expect(md).toContain('~~struck~~');
    expect(md).toContain('<u>underlined</u>');
    expect(md).toContain('`code()`');
    expect(md).toContain('[a link](https://example.com/a?b=c)');
    expect(md).toContain('Line one\\\nline two');
    expect(md).toContain('- First bullet\n- Second bullet\n  - Nested bullet');
    expect(md).toContain('3. Third\n4. Fourth');
    expect(md).toContain('- [ ] Open task\n- [x] Done task');
    expect(md).toContain('> A quoted paragraph.');
    expect(md).toContain('````ts\nconst x = `tick`;\n```\nif (a < b) {}\n````');
    expect(md).toContain('\n---\n');
    expect(md).toContain('| Metric | Target |\n| --- | --- |\n| Loans \\| week | **50** |\n| No-shows | under 5% |');
  });

  it('starts with the spec title and a line naming the product, template and author', () => {
    const md = specToMarkdown(spec(doc(h(2, 'Problem'), p(t('Too few loans.')))), specProduct());
    expect(md.startsWith('# PRD: Borrowing\n\n*Tool Library · PRD · by Ada Learner*\n\n## Problem\n\nToo few loans.\n')).toBe(true);
  });

  it('renders mentions with the current title and status, and deleted ones visibly', () => {
    const product = specProduct();
    const content = doc(p(t('Delivered by '), mention('s2'), t(' in '), mention('e1', 'epic'), t(', was '), mention('gone-1'), t('.')));
    const md = specToMarkdown(spec(content), product);
    expect(md).toContain('Delivered by **Request a loan** (s2, In progress) in **Borrowing** (epic e1, Open), was ~~deleted story~~ (gone-1).');
    // The title comes from the product, not the document: rename the story and export again.
    const renamed = { ...product, stories: product.stories.map((s) => (s.id === 's2' ? { ...s, title: 'Ask to borrow' } : s)) };
    expect(specToMarkdown(spec(content), renamed)).toContain('**Ask to borrow** (s2, In progress)');
  });

  it('renders the linked-stories and RICE ranking blocks from the product', () => {
    const content = doc({ type: 'linkedStories' }, { type: 'riceRanking', attrs: { limit: 2 } });
    const md = specToMarkdown(spec(content, { linkedStoryIds: ['s4'] }), specProduct());
    expect(md).toContain('**Linked stories**\n\n| ID | Story | Status | Points |\n| --- | --- | --- | --- |\n| s4 | Sign up | Backlog | ? |');
    // s2: 400×2×0.8/2 = 320; s1 and s3 tie at 100 (backlog order); s5 is done and left out.
    expect(md).toContain('| 1 | Request a loan | 400 | 2 | 80% | 2 | 320 |\n| 2 | Search tools | 100 | 1 | 100% | 1 | 100 |');
    expect(md).not.toContain('Reminder before pickup |');
    expect(md).not.toContain('Old finished work');
    expect(md).toContain('Top 2 of 3 scored stories.');
  });
});

describe('HTML export', () => {
  it('renders every standard node and mark as the matching element', () => {
    const html = docToHtml(standardNodesDoc(), renderContext(spec(doc()), specProduct(), 1));
    for (const fragment of [
      '<h2>Heading one</h2>',
      '<h3>Heading two</h3>',
      '<h4>Heading three</h4>',
      '<strong>bold</strong>',
      '<em>italic</em>',
      '<s>struck</s>',
      '<u>underlined</u>',
      '<code>code()</code>',
      '<a href="https://example.com/a?b=c" rel="noopener noreferrer">a link</a>',
      '<strong><em>and italic</em></strong>',
      'Special characters: * _ [x] &lt;b&gt; | # 1. ~ ` \\ &amp; done.',
      'Line one<br>line two',
      '<ul><li><p>First bullet</p></li><li><p>Second bullet</p>\n<ul><li><p>Nested bullet</p></li></ul></li></ul>',
      '<ol start="3"><li><p>Third</p></li><li><p>Fourth</p></li></ol>',
      '<ul class="task-list"><li class="task-item" data-checked="false"><span class="task-box" role="img" aria-label="Not done"></span>',
      'data-checked="true"><span class="task-box checked" role="img" aria-label="Done"></span><div class="task-body"><p>Done task</p></div>',
      '<blockquote><p>A quoted paragraph.</p></blockquote>',
      '<pre><code class="language-ts">const x = `tick`;\n```\nif (a &lt; b) {}</code></pre>',
      '<hr>',
      '<table><thead><tr><th scope="col"><p>Metric</p></th><th scope="col"><p>Target</p></th></tr></thead><tbody><tr><td><p>Loans | week</p></td><td><p><strong>50</strong></p></td></tr>',
    ]) {
      expect(html).toContain(fragment);
    }
    expect(tagsBalanced(html)).toBe(true);
  });

  it('is a standalone page with inline CSS, a print stylesheet and no external resources', () => {
    const html = specToHtml(spec(standardNodesDoc()), specProduct());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>PRD: Borrowing — Tool Library</title>');
    expect(html).toContain('<h1>PRD: Borrowing</h1>');
    expect(html).toContain('<span>Tool Library</span><span>PRD</span><span>by Ada Learner</span>');
    expect(html).toContain('@media print');
    expect(html).toContain('@page');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(tagsBalanced(html.replace(/<style>[\s\S]*<\/style>/, '').replace(/<!DOCTYPE html>|<meta[^>]*>/g, ''))).toBe(true);
  });

  it('renders mentions from the product, including deleted ones', () => {
    const html = docToHtml(doc(p(mention('s1'), t(' '), mention('e2', 'epic'), t(' '), mention('gone-1'))), renderContext(spec(doc()), specProduct(), 1));
    expect(html).toContain('<span class="mention mention-story"><span class="mention-title">Search tools</span> <span class="mention-meta">s1 · Backlog</span></span>');
    expect(html).toContain('<span class="mention mention-epic"><span class="mention-title">Reminders</span> <span class="mention-meta">epic · e2 · Done</span></span>');
    expect(html).toContain('<span class="mention mention-story mention-deleted" title="gone-1 no longer exists"><s>deleted story</s> <span class="mention-meta">gone-1</span></span>');
  });

  it('renders the live blocks, with a message when they are empty', () => {
    const html = docToHtml(doc({ type: 'linkedStories' }, { type: 'riceRanking' }), renderContext(spec(doc(p(mention('s3')))), specProduct(), 1));
    expect(html).toContain('<p class="embed-title">Linked stories</p><table><thead><tr><th scope="col">ID</th>');
    expect(html).toContain('<td>s3</td><td>Reminder before pickup</td><td>Backlog</td><td>?</td>');
    expect(html).toContain('RICE ranking (top 5 stories)');
    const unscored = specProduct({ stories: [{ id: 'x1', title: 'Nothing scored', status: 'backlog', rank: 'a0' }] });
    const empty = docToHtml(doc({ type: 'linkedStories' }, { type: 'riceRanking' }), renderContext(spec(doc()), unscored, 1));
    expect(empty).toContain('No stories are linked to this spec yet.');
    expect(empty).toContain('No unfinished stories have a complete RICE score yet.');
  });
});

/** True when every opened element (other than void ones) is closed in order. */
function tagsBalanced(html: string): boolean {
  const voids = new Set(['br', 'hr', 'meta', 'input', 'img']);
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, close, rawName] = m;
    const name = (rawName ?? '').toLowerCase();
    if (voids.has(name)) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else {
      stack.push(name);
    }
  }
  return stack.length === 0;
}

export { tagsBalanced, ul, li };
