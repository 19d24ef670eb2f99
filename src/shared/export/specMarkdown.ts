/**
 * A spec document (tiptap JSON) as GitHub-flavoured Markdown: headings, marks, lists, task
 * lists, quotes, code, tables, rules — and the live parts (mentions, linked stories, RICE
 * ranking) rendered from the product at export time. Text is escaped so that nothing a learner
 * (or a hostile file) typed becomes markup: `<script>` stays text, and only http(s) / mailto
 * links are written as links.
 */
import type { DocNode } from '../model/schema';
import { deletedLabel } from '../spec/links';
import { clampHeading, codeLanguage, isChecked, linkedStoriesTable, listStart, mentionOf, riceRankingTable, type PlainTable, type RenderContext } from './specRender';
import { safeHref } from './html';
import { LINKED_STORIES_NODE, MENTION_NODE, nodeText, RICE_RANKING_NODE } from '../spec/nodes';

type Mark = NonNullable<DocNode['marks']>[number];

/** Markdown delimiters for the marks that have them, outermost first. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline'] as const;
type StackMark = (typeof MARK_ORDER)[number];

interface ActiveMark {
  type: StackMark;
  href: string | null;
}

/** Escape text so Markdown reads it as text (inline positions). */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/&(?=[#A-Za-z0-9]+;)/g, '\\&');
}

/** Escape what would start a block construct at the start of a line (`# `, `- `, `1. `, `> `, …). */
function escapeLineStart(line: string): string {
  return line
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function linkDestination(href: string): string {
  return href.replace(/[\s()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function stackMarks(marks: readonly Mark[] | undefined): { stack: ActiveMark[]; code: boolean } {
  const stack: ActiveMark[] = [];
  let code = false;
  for (const type of MARK_ORDER) {
    const mark = (marks ?? []).find((m) => m.type === type);
    if (!mark) continue;
    if (type === 'link') {
      const href = safeHref(mark.attrs?.['href']);
      if (href) stack.push({ type, href });
    } else {
      stack.push({ type, href: null });
    }
  }
  if ((marks ?? []).some((m) => m.type === 'code')) code = true;
  return { stack, code };
}

const sameMark = (a: ActiveMark, b: ActiveMark) => a.type === b.type && a.href === b.href;

function openMark(m: ActiveMark): string {
  switch (m.type) {
    case 'link':
      return '[';
    case 'bold':
      return '**';
    case 'italic':
      return '*';
    case 'strike':
      return '~~';
    case 'underline':
      return '<u>';
  }
}

function closeMark(m: ActiveMark): string {
  switch (m.type) {
    case 'link':
      return `](${linkDestination(m.href ?? '')})`;
    case 'bold':
      return '**';
    case 'italic':
      return '*';
    case 'strike':
      return '~~';
    case 'underline':
      return '</u>';
  }
}

/** One inline piece: already-escaped Markdown, with its marks. */
interface InlinePiece {
  md: string;
  stack: ActiveMark[];
  /** A hard break: marks close before it and reopen after. */
  lineBreak?: boolean;
}

function mentionMarkdown(node: DocNode, ctx: RenderContext): string {
  const m = mentionOf(node, ctx);
  if (!m) return escapeMarkdownText(nodeText(node));
  if (m.deleted) return `~~${escapeMarkdownText(deletedLabel(m.kind))}~~ (${escapeMarkdownText(m.id)})`;
  const noun = m.kind === 'epic' ? 'epic ' : '';
  return `**${escapeMarkdownText(m.title)}** (${noun}${escapeMarkdownText(m.id)}, ${escapeMarkdownText(m.status)})`;
}

/**
 * Inline content as Markdown. Marks are opened and closed as a stack (a link outermost), so
 * adjacent text with shared marks stays inside one delimiter pair, and whitespace at a mark's
 * edge is moved outside it (CommonMark does not allow `** bold**`).
 */
export function inlineMarkdown(nodes: readonly DocNode[], ctx: RenderContext, breakAs = '\\\n'): string {
  const pieces: InlinePiece[] = [];
  for (const node of nodes) {
    const { stack, code } = stackMarks(node.marks);
    if (node.type === 'text') {
      const text = node.text ?? '';
      if (code) pieces.push({ md: text === '' ? '' : codeSpan(text), stack });
      else pieces.push({ md: escapeMarkdownText(text), stack });
    } else if (node.type === 'hardBreak') {
      pieces.push({ md: breakAs, stack: [], lineBreak: true });
    } else if (node.type === MENTION_NODE) {
      // A mention is bold already: other marks around it would only tangle the delimiters.
      pieces.push({ md: mentionMarkdown(node, ctx), stack: stack.filter((m) => m.type === 'link') });
    } else {
      pieces.push({ md: escapeMarkdownText(nodeText(node)), stack });
    }
  }

  let out = '';
  let active: ActiveMark[] = [];
  let pendingSpace = '';
  for (const piece of pieces) {
    const lead = /^\s*/.exec(piece.md)?.[0] ?? '';
    const rest = piece.md.slice(lead.length);
    const trail = piece.lineBreak ? '' : (/\s*$/.exec(rest)?.[0] ?? '');
    const core = piece.lineBreak ? piece.md : rest.slice(0, rest.length - trail.length);
    let keep = 0;
    while (keep < active.length && keep < piece.stack.length && sameMark(active[keep] as ActiveMark, piece.stack[keep] as ActiveMark)) keep += 1;
    if (core === '') {
      // Whitespace only: it belongs wherever the surrounding marks put it.
      pendingSpace += lead;
      continue;
    }
    out += active.slice(keep).reverse().map(closeMark).join('');
    out += pendingSpace + lead;
    out += piece.stack.slice(keep).map(openMark).join('');
    out += core;
    active = piece.stack;
    pendingSpace = trail;
  }
  out += [...active].reverse().map(closeMark).join('');
  out += pendingSpace;
  return out;
}

function textblockMarkdown(node: DocNode, ctx: RenderContext): string {
  const md = inlineMarkdown(node.content ?? [], ctx);
  return md
    .split('\n')
    .map((line) => escapeLineStart(line.replace(/^\s+/, '').replace(/(?<!\\)\s+$/, '')))
    .join('\n');
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : by + line))
    .join('\n');
}

function listItemMarkdown(item: DocNode, marker: string, ctx: RenderContext): string {
  const children = item.content ?? [];
  const pad = ' '.repeat(marker.length);
  if (children.length === 0) return marker.trimEnd();
  let out = '';
  children.forEach((child, i) => {
    const md = blockMarkdown(child, ctx);
    if (i === 0) {
      out += marker + indent(md, pad).slice(pad.length);
    } else {
      const isList = child.type === 'bulletList' || child.type === 'orderedList' || child.type === 'taskList';
      out += (isList ? '\n' : '\n\n') + indent(md, pad);
    }
  });
  return out;
}

function listMarkdown(node: DocNode, ctx: RenderContext): string {
  const items = node.content ?? [];
  const start = listStart(node);
  const loose = items.some((item) => (item.content ?? []).filter((c) => c.type !== 'bulletList' && c.type !== 'orderedList' && c.type !== 'taskList').length > 1);
  return items
    .map((item, i) => {
      let marker = '- ';
      if (node.type === 'orderedList') marker = `${start + i}. `;
      else if (node.type === 'taskList') marker = `- [${isChecked(item) ? 'x' : ' '}] `;
      return listItemMarkdown(item, marker, ctx);
    })
    .join(loose ? '\n\n' : '\n');
}

function cellMarkdown(cell: DocNode, ctx: RenderContext): string {
  const parts: string[] = [];
  const collect = (node: DocNode) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      const md = node.type === 'codeBlock' ? codeSpan(nodeText(node).replace(/\n/g, ' ')) : inlineMarkdown(node.content ?? [], ctx, '<br>');
      parts.push(md);
      return;
    }
    for (const child of node.content ?? []) collect(child);
  };
  for (const child of cell.content ?? []) collect(child);
  return parts
    .filter((p) => p !== '')
    .join('<br>')
    .replace(/\n/g, ' ')
    .replace(/(?<!\\)\|/g, '\\|');
}

function gfmTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = Math.max(1, header.length, ...rows.map((r) => r.length));
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const line = (cells: readonly string[]) => `| ${pad(cells).map((c) => (c === '' ? ' ' : c)).join(' | ')} |`.replace(/ {2,}\|/g, '  |');
  return [line(header), `|${' --- |'.repeat(width)}`, ...rows.map(line)].join('\n');
}

function tableMarkdown(node: DocNode, ctx: RenderContext): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map((cell) => cellMarkdown(cell, ctx)));
  const [header = [], ...body] = rows;
  return gfmTable(header, body);
}

function plainTableMarkdown(table: PlainTable): string {
  const esc = (s: string) => escapeMarkdownText(s);
  const caption = `**${esc(table.caption)}**`;
  if (table.rows.length === 0) return `${caption}\n\n_${esc(table.empty)}_`;
  const body = gfmTable(table.header.map(esc), table.rows.map((r) => r.map(esc)));
  return [caption, body, ...(table.note ? [`_${esc(table.note)}_`] : [])].join('\n\n');
}

function codeBlockMarkdown(node: DocNode): string {
  const text = nodeText(node);
  const longest = Math.max(0, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${codeLanguage(node) ?? ''}\n${text}\n${fence}`;
}

/** One block node as Markdown (no trailing newline). */
export function blockMarkdown(node: DocNode, ctx: RenderContext): string {
  switch (node.type) {
    case 'paragraph':
      return textblockMarkdown(node, ctx);
    case 'heading': {
      const level = clampHeading(Number(node.attrs?.['level'] ?? 1) || 1, ctx.headingOffset);
      const text = inlineMarkdown(node.content ?? [], ctx, ' ').replace(/#/g, '\\#');
      return `${'#'.repeat(level)} ${text}`.trimEnd();
    }
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return listMarkdown(node, ctx);
    case 'blockquote':
      return blocksMarkdown(node.content ?? [], ctx)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    case 'codeBlock':
      return codeBlockMarkdown(node);
    case 'horizontalRule':
      return '---';
    case 'table':
      return tableMarkdown(node, ctx);
    case LINKED_STORIES_NODE:
      return plainTableMarkdown(linkedStoriesTable(ctx));
    case RICE_RANKING_NODE:
      return plainTableMarkdown(riceRankingTable(node, ctx));
    case 'listItem':
    case 'taskItem':
      return listItemMarkdown(node, '- ', ctx);
    default:
      // An unknown block: keep its text, never its markup.
      if ((node.content ?? []).some((c) => c.type === 'text' || c.type === 'hardBreak' || c.type === MENTION_NODE)) return textblockMarkdown(node, ctx);
      return blocksMarkdown(node.content ?? [], ctx);
  }
}

export function blocksMarkdown(nodes: readonly DocNode[], ctx: RenderContext): string {
  return nodes
    .map((n) => blockMarkdown(n, ctx))
    .filter((md) => md !== '')
    .join('\n\n');
}

/** A whole document's content as Markdown, ending in one newline. */
export function docToMarkdown(doc: DocNode, ctx: RenderContext): string {
  const md = blocksMarkdown(doc.content ?? [], ctx).replace(/\n{3,}/g, '\n\n');
  return md === '' ? '' : `${md}\n`;
}
