/**
 * Products and documents for the spec tests: a small product with stories, epics and RICE scores,
 * and a "kitchen sink" document holding every node and mark the editor can make.
 */
import { ProductSchema, type DocNode, type Product, type Spec } from '../../../src/shared/model/schema';

export function specProduct(overrides: Record<string, unknown> = {}): Product {
  return ProductSchema.parse({
    schemaVersion: 2,
    id: 'tool-library',
    name: 'Tool Library',
    author: 'Ada Learner',
    summary: 'Lend and borrow tools between neighbours.',
    vision: { targetUsers: 'Neighbours', needs: 'Occasional tools', product: 'A lending app', value: 'Less waste' },
    goals: [{ id: 'g1', title: 'More loans', metric: 'Loans per week', baseline: '10', target: '50', timeframe: 'Q3' }],
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog' },
        { id: 'doing', name: 'In progress', category: 'in-progress' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
    },
    epics: [
      { id: 'e1', title: 'Borrowing', rank: 'a0' },
      { id: 'e2', title: 'Reminders', rank: 'a1', status: 'done' },
    ],
    stories: [
      { id: 's1', title: 'Search tools', status: 'backlog', rank: 'a0', epicId: 'e1', estimate: 3, scores: { rice: { reach: 100, impact: 1, confidence: 100, effort: 1 } } },
      { id: 's2', title: 'Request a loan', status: 'doing', rank: 'a1', epicId: 'e1', estimate: 5, scores: { rice: { reach: 400, impact: 2, confidence: 80, effort: 2 } } },
      { id: 's3', title: 'Reminder before pickup', status: 'backlog', rank: 'a2', epicId: 'e2', scores: { rice: { reach: 100, impact: 1, confidence: 100, effort: 1 } } },
      { id: 's4', title: 'Sign up', status: 'backlog', rank: 'a3' },
      { id: 's5', title: 'Old finished work', status: 'done', rank: 'a4', scores: { rice: { reach: 9999, impact: 3, confidence: 100, effort: 1 } } },
    ],
    roadmap: {
      lanes: [{ id: 'l1', name: 'Core' }],
      items: [
        { id: 'i1', title: 'Borrowing MVP', horizon: 'now', rank: 'a0', laneId: 'l1', goalId: 'g1' },
        { id: 'i2', title: 'Smart reminders', horizon: 'next', rank: 'a0' },
        { id: 'i3', title: 'Tool insurance', horizon: 'later', rank: 'a0', status: 'at-risk' },
      ],
      milestones: [{ id: 'm1', title: 'Public beta', date: '2026-09-01' }],
    },
    ...overrides,
  });
}

export const t = (text: string, ...marks: (string | { type: string; attrs?: Record<string, unknown> })[]): DocNode => {
  const node: DocNode = { type: 'text', text };
  if (marks.length > 0) node.marks = marks.map((m) => (typeof m === 'string' ? { type: m } : m));
  return node;
};
export const p = (...content: DocNode[]): DocNode => (content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
export const h = (level: number, text: string): DocNode => ({ type: 'heading', attrs: { level }, content: [t(text)] });
export const li = (...content: DocNode[]): DocNode => ({ type: 'listItem', content });
export const ul = (...items: DocNode[]): DocNode => ({ type: 'bulletList', content: items });
export const ol = (start: number, ...items: DocNode[]): DocNode => ({ type: 'orderedList', attrs: { start, type: null }, content: items });
export const task = (checked: boolean, ...content: DocNode[]): DocNode => ({ type: 'taskItem', attrs: { checked }, content });
export const mention = (id: string, kind: 'story' | 'epic' = 'story'): DocNode => ({ type: 'mention', attrs: { id, kind, mentionSuggestionChar: '#' } });
const cellAttrs = { colspan: 1, rowspan: 1, colwidth: null };
export const th = (text: string): DocNode => ({ type: 'tableHeader', attrs: cellAttrs, content: [text ? p(t(text)) : p()] });
export const td = (...content: DocNode[]): DocNode => ({ type: 'tableCell', attrs: cellAttrs, content: content.length > 0 ? content : [p()] });
export const tr = (...cells: DocNode[]): DocNode => ({ type: 'tableRow', content: cells });
export const table = (...rows: DocNode[]): DocNode => ({ type: 'table', content: rows });
export const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content });

/** Every standard (tiptap starter kit + tables + task lists) node and mark. */
export function standardNodesDoc(): DocNode {
  return doc(
    h(1, 'Heading one'),
    h(2, 'Heading two'),
    h(3, 'Heading three'),
    p(t('Plain, '), t('bold', 'bold'), t(', '), t('italic', 'italic'), t(', '), t('struck', 'strike'), t(', '), t('underlined', 'underline'), t(', '), t('code()', 'code'), t(' and '), t('a link', { type: 'link', attrs: { href: 'https://example.com/a?b=c' } }), t('.')),
    p(t('Bold '), t('and italic', 'bold', 'italic'), t(' together, and '), t('bold ', 'bold'), t('across', 'bold', 'italic'), t(' nodes', 'bold'), t('.')),
    p(t('Special characters: * _ [x] <b> | # 1. ~ ` \\ & done.')),
    p(t('Line one'), { type: 'hardBreak' }, t('line two')),
    ul(li(p(t('First bullet'))), li(p(t('Second bullet')), ul(li(p(t('Nested bullet')))))),
    ol(3, li(p(t('Third'))), li(p(t('Fourth')))),
    { type: 'taskList', content: [task(false, p(t('Open task'))), task(true, p(t('Done task')))] },
    { type: 'blockquote', content: [p(t('A quoted paragraph.'))] },
    { type: 'codeBlock', attrs: { language: 'ts' }, content: [t('const x = `tick`;\n```\nif (a < b) {}')] },
    { type: 'horizontalRule' },
    table(tr(th('Metric'), th('Target')), tr(td(p(t('Loans | week'))), td(p(t('50', 'bold')))), tr(td(p(t('No-shows'))), td(p(t('under 5%'))))),
    p(t('The end.')),
  );
}

export function spec(content: DocNode, overrides: Partial<Spec> = {}): Spec {
  return { id: 'sp1', title: 'PRD: Borrowing', template: 'prd', content, linkedStoryIds: [], ...overrides };
}
