/**
 * A spec document (tiptap JSON) as HTML, built element by element from the JSON with every text
 * and attribute escaped — raw HTML in a document is never passed through, event-handler
 * attributes cannot appear (the exporter writes only its own attributes), and links keep only
 * http(s) / mailto targets. Live parts (mentions, linked stories, RICE ranking) are rendered from
 * the product at export time.
 */
import type { DocNode } from '../model/schema';
import { deletedLabel } from '../spec/links';
import { LINKED_STORIES_NODE, MENTION_NODE, nodeText, RICE_RANKING_NODE } from '../spec/nodes';
import { escapeHtml, htmlAttrs, safeHref } from './html';
import { clampHeading, codeLanguage, isChecked, linkedStoriesTable, listStart, mentionOf, riceRankingTable, spanAttr, type PlainTable, type RenderContext } from './specRender';

type Mark = NonNullable<DocNode['marks']>[number];

/** Marks as elements, outermost first. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'underline', 'code'] as const;

function wrapMarks(inner: string, marks: readonly Mark[] | undefined): string {
  let out = inner;
  for (const type of [...MARK_ORDER].reverse()) {
    const mark = (marks ?? []).find((m) => m.type === type);
    if (!mark) continue;
    switch (type) {
      case 'bold':
        out = `<strong>${out}</strong>`;
        break;
      case 'italic':
        out = `<em>${out}</em>`;
        break;
      case 'strike':
        out = `<s>${out}</s>`;
        break;
      case 'underline':
        out = `<u>${out}</u>`;
        break;
      case 'code':
        out = `<code>${out}</code>`;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.['href']);
        out = href ? `<a${htmlAttrs({ href, rel: 'noopener noreferrer' })}>${out}</a>` : out;
        break;
      }
    }
  }
  return out;
}

function mentionHtml(node: DocNode, ctx: RenderContext): string {
  const m = mentionOf(node, ctx);
  if (!m) return escapeHtml(nodeText(node));
  if (m.deleted) {
    return `<span${htmlAttrs({ class: `mention mention-${m.kind} mention-deleted`, title: `${m.id} no longer exists` })}><s>${escapeHtml(deletedLabel(m.kind))}</s> <span class="mention-meta">${escapeHtml(m.id)}</span></span>`;
  }
  const meta = `${m.kind === 'epic' ? 'epic · ' : ''}${m.id} · ${m.status}`;
  return `<span${htmlAttrs({ class: `mention mention-${m.kind}` })}><span class="mention-title">${escapeHtml(m.title)}</span> <span class="mention-meta">${escapeHtml(meta)}</span></span>`;
}

export function inlineHtml(nodes: readonly DocNode[], ctx: RenderContext): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return wrapMarks(escapeHtml(node.text ?? ''), node.marks);
      if (node.type === 'hardBreak') return '<br>';
      if (node.type === MENTION_NODE) return wrapMarks(mentionHtml(node, ctx), node.marks?.filter((m) => m.type === 'link'));
      return escapeHtml(nodeText(node));
    })
    .join('');
}

function plainTableHtml(table: PlainTable, className: string): string {
  const caption = `<p class="embed-title">${escapeHtml(table.caption)}</p>`;
  if (table.rows.length === 0) return `<div class="embed ${className}">${caption}<p class="embed-empty">${escapeHtml(table.empty)}</p></div>`;
  const head = `<thead><tr>${table.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`;
  const note = table.note ? `<p class="embed-note">${escapeHtml(table.note)}</p>` : '';
  return `<div class="embed ${className}">${caption}<table>${head}${body}</table>${note}</div>`;
}

function tableHtml(node: DocNode, ctx: RenderContext): string {
  const rows = node.content ?? [];
  const isHeaderRow = (row: DocNode | undefined) => row !== undefined && (row.content ?? []).length > 0 && (row.content ?? []).every((c) => c.type === 'tableHeader');
  const rowHtml = (row: DocNode, inHead: boolean) =>
    `<tr>${(row.content ?? [])
      .map((cell) => {
        const tag = cell.type === 'tableHeader' ? 'th' : 'td';
        const attrs = htmlAttrs({
          colspan: spanAttr(cell, 'colspan') > 1 ? spanAttr(cell, 'colspan') : null,
          rowspan: spanAttr(cell, 'rowspan') > 1 ? spanAttr(cell, 'rowspan') : null,
          scope: tag === 'th' ? (inHead ? 'col' : 'row') : null,
        });
        return `<${tag}${attrs}>${blocksHtml(cell.content ?? [], ctx)}</${tag}>`;
      })
      .join('')}</tr>`;
  const [first, ...rest] = rows;
  if (first && isHeaderRow(first)) {
    return `<table><thead>${rowHtml(first, true)}</thead><tbody>${rest.map((r) => rowHtml(r, false)).join('')}</tbody></table>`;
  }
  return `<table><tbody>${rows.map((r) => rowHtml(r, false)).join('')}</tbody></table>`;
}

function listItemHtml(item: DocNode, ctx: RenderContext, task: boolean): string {
  const inner = blocksHtml(item.content ?? [], ctx);
  if (!task) return `<li>${inner}</li>`;
  const checked = isChecked(item);
  const box = `<span${htmlAttrs({ class: checked ? 'task-box checked' : 'task-box', role: 'img', 'aria-label': checked ? 'Done' : 'Not done' })}></span>`;
  return `<li${htmlAttrs({ class: 'task-item', 'data-checked': checked ? 'true' : 'false' })}>${box}<div class="task-body">${inner}</div></li>`;
}

/** One block node as HTML. */
export function blockHtml(node: DocNode, ctx: RenderContext): string {
  const children = () => blocksHtml(node.content ?? [], ctx);
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineHtml(node.content ?? [], ctx)}</p>`;
    case 'heading': {
      const level = clampHeading(Number(node.attrs?.['level'] ?? 1) || 1, ctx.headingOffset);
      return `<h${level}>${inlineHtml(node.content ?? [], ctx)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${(node.content ?? []).map((i) => listItemHtml(i, ctx, false)).join('')}</ul>`;
    case 'orderedList': {
      const start = listStart(node);
      return `<ol${htmlAttrs({ start: start === 1 ? null : start })}>${(node.content ?? []).map((i) => listItemHtml(i, ctx, false)).join('')}</ol>`;
    }
    case 'taskList':
      return `<ul class="task-list">${(node.content ?? []).map((i) => listItemHtml(i, ctx, true)).join('')}</ul>`;
    case 'listItem':
      return listItemHtml(node, ctx, false);
    case 'taskItem':
      return listItemHtml(node, ctx, true);
    case 'blockquote':
      return `<blockquote>${children()}</blockquote>`;
    case 'codeBlock': {
      const lang = codeLanguage(node);
      return `<pre><code${htmlAttrs({ class: lang ? `language-${lang}` : null })}>${escapeHtml(nodeText(node))}</code></pre>`;
    }
    case 'horizontalRule':
      return '<hr>';
    case 'table':
      return tableHtml(node, ctx);
    case LINKED_STORIES_NODE:
      return plainTableHtml(linkedStoriesTable(ctx), 'embed-linked-stories');
    case RICE_RANKING_NODE:
      return plainTableHtml(riceRankingTable(node, ctx), 'embed-rice-ranking');
    default:
      // An unknown node: keep its text, never its markup.
      if ((node.content ?? []).some((c) => c.type === 'text' || c.type === 'hardBreak' || c.type === MENTION_NODE)) return `<p>${inlineHtml(node.content ?? [], ctx)}</p>`;
      if (node.type === 'text') return escapeHtml(node.text ?? '');
      return `<div>${children()}</div>`;
  }
}

export function blocksHtml(nodes: readonly DocNode[], ctx: RenderContext): string {
  return nodes.map((n) => blockHtml(n, ctx)).join('\n');
}

/** A document's content as an HTML fragment. */
export function docToHtml(doc: DocNode, ctx: RenderContext): string {
  return blocksHtml(doc.content ?? [], ctx);
}
