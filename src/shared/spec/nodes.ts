/**
 * The spec document's own node types beyond tiptap's starter kit: the names and attributes that
 * the editor extensions, the exports and the checks agree on. Attributes are read defensively —
 * a product file is data a person may have edited by hand.
 */
import type { DocNode } from '../model/schema';

/** An inline chip that links a story or an epic (tiptap's Mention node, with a `kind` attribute). */
export const MENTION_NODE = 'mention';
/** A block that lists the spec's linked stories, rendered live from the product. */
export const LINKED_STORIES_NODE = 'linkedStories';
/** A block that shows the current RICE ranking (top N), rendered live from the product. */
export const RICE_RANKING_NODE = 'riceRanking';

export type MentionKind = 'story' | 'epic';

export interface MentionRef {
  kind: MentionKind;
  id: string;
}

/** The story or epic a mention node points at, or null when the node is not a usable mention. */
export function readMention(node: DocNode): MentionRef | null {
  if (node.type !== MENTION_NODE) return null;
  const id = node.attrs?.['id'];
  if (typeof id !== 'string' || id === '') return null;
  const kind = node.attrs?.['kind'] === 'epic' ? 'epic' : 'story';
  return { kind, id };
}

export const DEFAULT_RICE_LIMIT = 5;
export const MAX_RICE_LIMIT = 25;

/** How many ranked items a RICE ranking block shows (1–25; 5 when unset or unreadable). */
export function readRiceLimit(node: DocNode): number {
  const raw = node.attrs?.['limit'];
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) return DEFAULT_RICE_LIMIT;
  return Math.min(MAX_RICE_LIMIT, Math.max(1, Math.round(n)));
}

/** Visit every node depth-first, parents before children. */
export function walkDoc(node: DocNode, visit: (node: DocNode, parent: DocNode | null) => void, parent: DocNode | null = null): void {
  visit(node, parent);
  for (const child of node.content ?? []) walkDoc(child, visit, node);
}

/** The plain text of a node: text leaves joined, hard breaks as spaces, other inline atoms skipped. */
export function nodeText(node: DocNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  const parts: string[] = [];
  for (const child of node.content ?? []) parts.push(nodeText(child));
  return parts.join(isTextblock(node) || node.type === 'text' ? '' : ' ');
}

/** Nodes whose children are inline content (text, marks, mentions). */
export function isTextblock(node: DocNode): boolean {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock';
}

/** Every textblock inside `node` (including itself), in document order. */
export function textblocks(node: DocNode): DocNode[] {
  const out: DocNode[] = [];
  walkDoc(node, (n) => {
    if (isTextblock(n)) out.push(n);
  });
  return out;
}

/** Every mention inside `node`, in document order. */
export function mentionsIn(node: DocNode): MentionRef[] {
  const out: MentionRef[] = [];
  walkDoc(node, (n) => {
    const ref = readMention(n);
    if (ref) out.push(ref);
  });
  return out;
}

/** Whitespace collapsed, trimmed, lower-cased, curly quotes straightened: for comparing prose. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
