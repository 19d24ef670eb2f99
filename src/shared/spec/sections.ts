/**
 * A spec document read as sections: each level-1 or level-2 heading starts a section that runs
 * to the next one (deeper headings stay inside). Template sections are found by their headings'
 * wording, so a learner can rename or reorder them.
 */
import type { DocNode } from '../model/schema';
import { isTextblock, LINKED_STORIES_NODE, mentionsIn, nodeText, normalizeText, RICE_RANKING_NODE, textblocks, walkDoc } from './nodes';
import { TEMPLATE_PROMPTS, TEMPLATE_SCAFFOLD_TEXT, type TemplateSection } from './templates';

export interface DocSection {
  /** The heading's text as written. */
  heading: string;
  level: number;
  /** The blocks after the heading, up to the next section. */
  blocks: DocNode[];
}

/** The heading level that starts a section: 1 or 2. */
const SECTION_LEVEL = 2;

export function headingLevel(node: DocNode): number {
  const level = Number(node.attrs?.['level']);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

/** The document's top-level blocks grouped into sections (blocks before the first heading are left out). */
export function splitSections(doc: DocNode): DocSection[] {
  const sections: DocSection[] = [];
  let current: DocSection | null = null;
  for (const block of doc.content ?? []) {
    if (block.type === 'heading' && headingLevel(block) <= SECTION_LEVEL) {
      current = { heading: nodeText(block), level: headingLevel(block), blocks: [] };
      sections.push(current);
    } else if (current) {
      current.blocks.push(block);
    }
  }
  return sections;
}

/**
 * Which document section each template section is: template sections are taken in order, each
 * claiming the first section (in document order) whose heading matches and that no earlier
 * template section claimed.
 */
export function matchSections(doc: DocNode, templateSections: readonly TemplateSection[]): Map<string, DocSection> {
  const sections = splitSections(doc);
  const claimed = new Set<DocSection>();
  const out = new Map<string, DocSection>();
  for (const t of templateSections) {
    const found = sections.find((s) => !claimed.has(s) && t.match.some((re) => re.test(normalizeText(s.heading))));
    if (found) {
      claimed.add(found);
      out.set(t.id, found);
    }
  }
  return out;
}

const PROMPTS = new Set(TEMPLATE_PROMPTS.map(normalizeText));
const SCAFFOLD = new Set(TEMPLATE_SCAFFOLD_TEXT.map(normalizeText));

/** True when `text` is (or contains) one of the templates' prompts. */
export function containsPrompt(text: string): boolean {
  const n = normalizeText(text);
  if (n === '') return false;
  for (const p of PROMPTS) if (n.includes(p)) return true;
  return false;
}

/** Text a learner wrote: not empty, not a template prompt, not template scaffolding. */
export function isWrittenText(text: string): boolean {
  const n = normalizeText(text);
  return n !== '' && !SCAFFOLD.has(n) && !containsPrompt(n);
}

/** True when `blocks` hold something the learner wrote: prose, a mention, or a live embed. */
export function hasWrittenContent(blocks: readonly DocNode[]): boolean {
  for (const block of blocks) {
    let found = false;
    walkDoc(block, (n) => {
      if (found) return;
      if (n.type === LINKED_STORIES_NODE || n.type === RICE_RANKING_NODE || n.type === 'horizontalRule') {
        found = n.type !== 'horizontalRule';
        return;
      }
      if (isTextblock(n) && (isWrittenText(nodeText(n)) || mentionsIn(n).length > 0)) found = true;
    });
    if (found) return true;
  }
  return false;
}

/**
 * The items a section lists: the top-level items of its lists and the body rows of its tables
 * (a first row of header cells is not an item), and its other paragraphs.
 */
export function sectionItems(blocks: readonly DocNode[]): DocNode[] {
  const items: DocNode[] = [];
  for (const block of blocks) {
    if (block.type === 'bulletList' || block.type === 'orderedList' || block.type === 'taskList') {
      items.push(...(block.content ?? []));
    } else if (block.type === 'table') {
      (block.content ?? []).forEach((row, i) => {
        const isHeader = (row.content ?? []).length > 0 && (row.content ?? []).every((c) => c.type === 'tableHeader');
        if (!(i === 0 && isHeader)) items.push(row);
      });
    } else if (block.type === 'paragraph' || block.type === 'blockquote') {
      items.push(block);
    }
  }
  return items;
}

/** An item's text, leaving out template scaffolding (e.g. a HEART category cell). */
export function writtenText(node: DocNode): string {
  return textblocks(node)
    .map(nodeText)
    .filter(isWrittenText)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How a finding names an item: a table row by its longest written cell (the requirement or the
 * metric, not the row's id, priority or date), anything else by its written text.
 */
export function itemLabel(item: DocNode): string {
  if (item.type === 'tableRow') {
    const cells = (item.content ?? []).map(writtenText).filter((t) => t !== '');
    const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest !== '') return longest;
  }
  return writtenText(item) || nodeText(item);
}

/** An item's text for a finding: the first 80 characters. */
export function excerpt(text: string, max = 80): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}
