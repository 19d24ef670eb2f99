/**
 * The backlog as Markdown: one section per board column (in board order), stories in backlog
 * order with their user-story sentence, epic, estimate, labels, description and acceptance
 * criteria as a checklist. Pure string building; user text is escaped so it cannot turn into
 * headings, lists, links or HTML.
 */
import { sortByRank } from '../model/rank';
import type { Epic, Product, Story } from '../model/schema';

/** Text safe inside a Markdown paragraph or list item: Markdown and HTML punctuation escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([`*_{}[\]()#+!|~>])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/^(\s*)-/gm, '$1\\-')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}

/** A multi-line text as a block that stays inside its list item (lines indented). */
function block(text: string, indent: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `${indent}${escapeMarkdown(line)}`))
    .join('\n');
}

function storySentence(s: Story): string | null {
  if (!s.asA.trim() && !s.iWant.trim() && !s.soThat.trim()) return null;
  const parts = [s.asA.trim() && `As ${/^an?\s/i.test(s.asA.trim()) ? '' : 'a '}${s.asA.trim()}`, s.iWant.trim() && `I want ${s.iWant.trim()}`, s.soThat.trim() && `so that ${s.soThat.trim()}`];
  return parts.filter(Boolean).join(', ');
}

function storyMarkdown(s: Story, epics: Map<string, Epic>): string {
  const lines: string[] = [`### ${escapeMarkdown(s.title || 'Untitled story')}`];
  const meta = [
    `\`${s.id}\``,
    s.epicId && epics.get(s.epicId) ? `Epic: ${escapeMarkdown(epics.get(s.epicId)?.title ?? '')}` : null,
    s.estimate === null ? 'Not estimated' : `${s.estimate} ${s.estimate === 1 ? 'point' : 'points'}`,
    s.scores.moscow ? `MoSCoW: ${{ must: 'Must', should: 'Should', could: 'Could', wont: 'Won’t' }[s.scores.moscow]}` : null,
    s.labels.length > 0 ? `Labels: ${s.labels.map(escapeMarkdown).join(', ')}` : null,
  ].filter((m): m is string => m !== null);
  lines.push('', meta.join(' · '));
  const sentence = storySentence(s);
  if (sentence) lines.push('', `> ${escapeMarkdown(sentence)}`);
  if (s.description.trim()) lines.push('', block(s.description, ''));
  if (s.acceptanceCriteria.length > 0) {
    lines.push('', '**Acceptance criteria**', '');
    for (const c of s.acceptanceCriteria) {
      const [first = '', ...rest] = c.text.trim().split('\n');
      lines.push(`- [ ] ${escapeMarkdown(first)}`);
      for (const line of rest) if (line.trim()) lines.push(`      ${escapeMarkdown(line)}`);
    }
  }
  if (s.notes.trim()) lines.push('', '**Notes**', '', block(s.notes, ''));
  return lines.join('\n');
}

/** The backlog of `product` as a Markdown document. */
export function backlogMarkdown(product: Product): string {
  const epics = new Map(product.epics.map((e) => [e.id, e]));
  const stories = sortByRank(product.stories);
  const out: string[] = [`# ${escapeMarkdown(product.name)} — backlog`, ''];
  if (product.summary.trim()) out.push(block(product.summary, ''), '');
  const points = stories.reduce((sum, s) => sum + (s.estimate ?? 0), 0);
  out.push(`${stories.length} ${stories.length === 1 ? 'story' : 'stories'} · ${points} points estimated · ${product.epics.length} ${product.epics.length === 1 ? 'epic' : 'epics'}`, '');
  if (product.epics.length > 0) {
    out.push('## Epics', '');
    for (const e of sortByRank(product.epics)) {
      const count = stories.filter((s) => s.epicId === e.id).length;
      out.push(`- **${escapeMarkdown(e.title)}**${e.status === 'done' ? ' (done)' : ''} — ${count} ${count === 1 ? 'story' : 'stories'}`);
    }
    out.push('');
  }
  for (const column of product.board.columns) {
    const inColumn = stories.filter((s) => s.status === column.id);
    out.push(`## ${escapeMarkdown(column.name)} (${inColumn.length})`, '');
    if (inColumn.length === 0) out.push('_No stories._', '');
    for (const s of inColumn) out.push(storyMarkdown(s, epics), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
