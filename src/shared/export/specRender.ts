/**
 * What the Markdown and HTML spec exporters share: the render context (the product that live
 * parts of the document are read from) and the data of the live blocks — mentions, the linked
 * stories list and the RICE ranking — computed once, so both formats say the same thing.
 */
import type { DocNode, Product, Spec } from '../model/schema';
import { columnNames, linkedStories, resolveMention, type ResolvedMention } from '../spec/links';
import { readMention, readRiceLimit } from '../spec/nodes';
import { formatScore, riceRanking } from '../spec/ranking';

export type RenderProduct = Pick<Product, 'stories' | 'epics' | 'board' | 'prioritization'>;

export interface RenderContext {
  product: RenderProduct;
  /** The spec whose linked stories a linked-stories block lists. */
  spec: Pick<Spec, 'content' | 'linkedStoryIds'>;
  /** Added to every heading level (the exported page's own title is the level-1 heading). */
  headingOffset: number;
  columns: Map<string, string>;
}

/**
 * The context for exporting `spec`. Headings are shifted so that the document's top level sits
 * just under the page title: a document whose sections are level 2 stays as it is, one that uses
 * level 1 moves down a level.
 */
export function renderContext(spec: Pick<Spec, 'content' | 'linkedStoryIds'>, product: RenderProduct, headingOffset = titleOffset(spec.content)): RenderContext {
  return { product, spec, headingOffset, columns: columnNames(product) };
}

/** How far to shift the document's headings to put its top level at level 2. */
export function titleOffset(doc: DocNode): number {
  let min = 7;
  for (const block of doc.content ?? []) {
    if (block.type !== 'heading') continue;
    const level = Number(block.attrs?.['level']);
    if (Number.isInteger(level) && level >= 1) min = Math.min(min, level);
  }
  return min === 1 ? 1 : 0;
}

export function mentionOf(node: DocNode, ctx: RenderContext): ResolvedMention | null {
  const ref = readMention(node);
  return ref ? resolveMention(ctx.product, ref, ctx.columns) : null;
}

/** A rendered table: a header row and body rows of plain text cells. */
export interface PlainTable {
  caption: string;
  header: string[];
  rows: string[][];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** A line under the table (e.g. how many items are unscored). */
  note: string | null;
}

export function linkedStoriesTable(ctx: RenderContext): PlainTable {
  const rows = linkedStories(ctx.spec, ctx.product).map(({ id, story }) => {
    if (!story) return [id, 'Deleted story', '—', '—'];
    return [id, story.title, ctx.columns.get(story.status) ?? story.status, story.estimate === null ? '?' : String(story.estimate)];
  });
  return {
    caption: 'Linked stories',
    header: ['ID', 'Story', 'Status', 'Points'],
    rows,
    empty: 'No stories are linked to this spec yet.',
    note: null,
  };
}

export function riceRankingTable(node: DocNode, ctx: RenderContext, limit = readRiceLimit(node)): PlainTable {
  const ranking = riceRanking(ctx.product, limit);
  const noun = ranking.scope === 'epics' ? 'epics' : 'stories';
  const rows = ranking.rows.map((r) => [
    String(r.position),
    r.title,
    String(r.rice.reach ?? ''),
    String(r.rice.impact ?? ''),
    r.rice.confidence === null ? '' : `${r.rice.confidence}%`,
    String(r.rice.effort ?? ''),
    formatScore(r.score),
  ]);
  const notes: string[] = [];
  if (ranking.total > ranking.rows.length) notes.push(`Top ${ranking.rows.length} of ${ranking.total} scored ${noun}.`);
  if (ranking.unscored > 0) notes.push(`${ranking.unscored} unfinished ${noun} have no complete RICE score.`);
  return {
    caption: `RICE ranking (top ${limit} ${noun})`,
    header: ['#', noun === 'epics' ? 'Epic' : 'Story', 'Reach', 'Impact', 'Confidence', 'Effort', 'RICE'],
    rows,
    empty: `No unfinished ${noun} have a complete RICE score yet.`,
    note: notes.length > 0 ? notes.join(' ') : null,
  };
}

export function clampHeading(level: number, offset: number): number {
  return Math.min(6, Math.max(1, level + offset));
}

/** A safe code-block language name, or null. */
export function codeLanguage(node: DocNode): string | null {
  const lang = node.attrs?.['language'];
  return typeof lang === 'string' && /^[A-Za-z0-9_+#.-]{1,32}$/.test(lang) ? lang : null;
}

/** An ordered list's first number (1 when unset or unreadable). */
export function listStart(node: DocNode): number {
  const start = Number(node.attrs?.['start']);
  return Number.isInteger(start) && start >= 0 && start < 1_000_000_000 ? start : 1;
}

/** A positive whole-number attribute (colspan, rowspan), or 1. */
export function spanAttr(node: DocNode, name: string): number {
  const n = Number(node.attrs?.[name]);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

export function isChecked(node: DocNode): boolean {
  return node.attrs?.['checked'] === true;
}
