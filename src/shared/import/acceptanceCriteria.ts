/**
 * Acceptance criteria out of a description, where they are clearly marked:
 * - a section headed "Acceptance criteria" (Jira `h3.` / `*bold*`, Markdown `##` / `**bold**`, or a
 *   line "Acceptance criteria:") whose list items, Given/When/Then scenarios or lines are the criteria;
 * - Given … When … Then … scenarios anywhere (a "Given" line followed by lines starting with When /
 *   Then / And / But, with at least one "Then").
 * Bullet lists without such a heading are left in the description: they may be anything. What is
 * taken out as criteria is removed from the description, so nothing is duplicated or lost.
 */

/** Jira writes wiki markup (`h3.`, `#` numbered items, `*bold*`); Trello and CSV write Markdown. */
export type MarkupDialect = 'jira' | 'markdown';

export interface ExtractedCriteria {
  criteria: string[];
  /** The description without the extracted parts. */
  description: string;
}

const AC_TITLES = /^(acceptance criteria|acceptance criterion|acceptance criterias|acceptance tests?|ac|acs|a\/c)$/i;
const GIVEN = /^(given)\b/i;
const CONTINUE = /^(when|then|and|but)\b/i;
const THEN = /^then\b/i;
const SCENARIO = /^(scenario( outline)?|example)\s*:/i;

/** The text of a heading line, or null if the line is not a heading. */
function headingText(line: string, dialect: MarkupDialect): string | null {
  const t = line.trim();
  let m = /^h[1-6]\.\s*(.+)$/i.exec(t);
  if (m?.[1] && dialect === 'jira') return m[1];
  m = /^#{1,6}\s+(.+?)\s*#*$/.exec(t);
  if (m?.[1] && dialect === 'markdown') return m[1];
  m = /^(\*\*|\*|__|_)([^*_].*?)\1\s*:?$/.exec(t);
  if (m?.[2]) return m[2];
  return null;
}

function cleanTitle(text: string): string {
  return text
    .replace(/[*_]+/g, '')
    .replace(/[:：]\s*$/, '')
    .trim();
}

/** Whether the line opens an acceptance-criteria section. */
function isAcHeading(line: string, dialect: MarkupDialect): boolean {
  const heading = headingText(line, dialect);
  if (heading !== null) return AC_TITLES.test(cleanTitle(heading));
  const plain = /^(.+?)\s*:?\s*$/.exec(line.trim());
  return plain?.[1] !== undefined && line.trim().length <= 40 && AC_TITLES.test(cleanTitle(plain[1]));
}

function isHeading(line: string, dialect: MarkupDialect): boolean {
  return headingText(line, dialect) !== null;
}

interface ListItem {
  text: string;
  nested: boolean;
}

/** A list item's text (marker and checkbox removed), or null if the line is not a list item. */
function listItem(line: string, dialect: MarkupDialect): ListItem | null {
  const jira = dialect === 'jira' ? /^(\s*)([*#-]+)\s+(.*)$/.exec(line) : null;
  if (jira?.[2] !== undefined && jira[3] !== undefined) {
    return { text: stripCheckbox(jira[3]), nested: jira[2].length > 1 || (jira[1]?.length ?? 0) >= 2 };
  }
  const md = /^(\s*)(?:[*+\-•]|\d{1,3}[.)])\s+(.*)$/.exec(line);
  if (md?.[2] !== undefined) return { text: stripCheckbox(md[2]), nested: (md[1]?.length ?? 0) >= 2 };
  return null;
}

function stripCheckbox(text: string): string {
  return text.replace(/^\[[ xX✓]?\]\s*/, '').trim();
}

/** A line without a leading list marker or emphasis, for keyword checks ("* *Given* a user"). */
function bare(line: string, dialect: MarkupDialect): string {
  const item = listItem(line, dialect);
  return (item ? item.text : line.trim()).replace(/^[*_]+/, '').replace(/^([A-Za-z]+)[*_]+/, '$1');
}

/** Group Given/When/Then lines into scenarios; returns [criteria, indexes of the lines used]. */
function scenarios(lines: readonly string[], dialect: MarkupDialect, from = 0, to = lines.length): { criteria: string[]; used: Set<number> } {
  const criteria: string[] = [];
  const used = new Set<number>();
  let i = from;
  while (i < to) {
    const startLine = lines[i] ?? '';
    const startsScenario = SCENARIO.test(bare(startLine, dialect)) && GIVEN.test(bare(lines[i + 1] ?? '', dialect));
    if (!GIVEN.test(bare(startLine, dialect)) && !startsScenario) {
      i += 1;
      continue;
    }
    const group = [i];
    let j = startsScenario ? i + 2 : i + 1;
    if (startsScenario) group.push(i + 1);
    while (j < to && CONTINUE.test(bare(lines[j] ?? '', dialect))) {
      group.push(j);
      j += 1;
    }
    if (group.some((k) => THEN.test(bare(lines[k] ?? '', dialect)))) {
      criteria.push(group.map((k) => bare(lines[k] ?? '', dialect)).join('\n'));
      for (const k of group) used.add(k);
    }
    i = j;
  }
  return { criteria, used };
}

/** The criteria in a section body (lines `from`..`to`): list items, else scenarios, else lines. */
function sectionCriteria(lines: readonly string[], from: number, to: number, dialect: MarkupDialect): string[] {
  const first = lines.slice(from, to).find((l) => l.trim() !== '');
  if (first === undefined) return [];
  if (listItem(first, dialect) && !GIVEN.test(bare(first, dialect))) {
    const items: string[] = [];
    for (let i = from; i < to; i += 1) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      const item = listItem(line, dialect);
      if (item && !item.nested) items.push(item.text);
      else if (items.length > 0) items[items.length - 1] = `${items[items.length - 1] ?? ''}\n${item ? item.text : line.trim()}`;
      else items.push(line.trim());
    }
    return items.filter((t) => t !== '');
  }
  const found = scenarios(lines, dialect, from, to);
  if (found.criteria.length > 0) {
    const rest = [];
    for (let i = from; i < to; i += 1) if (!found.used.has(i) && (lines[i] ?? '').trim() !== '') rest.push((lines[i] ?? '').trim());
    return [...found.criteria, ...rest];
  }
  return lines
    .slice(from, to)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Where a section that starts at `start` (the line after its heading) ends. */
function sectionEnd(lines: readonly string[], start: number, dialect: MarkupDialect): number {
  const first = lines.slice(start).find((l) => l.trim() !== '');
  const listMode = first !== undefined && listItem(first, dialect) !== null;
  for (let i = start; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (isHeading(line, dialect) && listItem(line, dialect) === null) return i;
    // In a list, a blank line followed by a paragraph that is not part of the list ends it.
    if (listMode && line.trim() === '') {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next !== undefined && listItem(next, dialect) === null && !/^\s{2,}/.test(next)) return i;
    }
  }
  return lines.length;
}

function tidy(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Take clearly marked acceptance criteria out of `description`. */
export function extractAcceptanceCriteria(description: string, dialect: MarkupDialect): ExtractedCriteria {
  const lines = description.split('\n');
  const remove = new Set<number>();
  const criteria: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (remove.has(i) || !isAcHeading(lines[i] ?? '', dialect)) continue;
    const end = sectionEnd(lines, i + 1, dialect);
    const found = sectionCriteria(lines, i + 1, end, dialect);
    if (found.length === 0) continue;
    criteria.push(...found);
    for (let k = i; k < end; k += 1) remove.add(k);
    i = end - 1;
  }
  const remaining = lines.map((line, i) => (remove.has(i) ? null : line));
  const kept = remaining.filter((l): l is string => l !== null);
  const gwt = scenarios(kept, dialect);
  criteria.push(...gwt.criteria);
  const rest = kept.filter((_, i) => !gwt.used.has(i));
  if (criteria.length === 0) return { criteria: [], description };
  return { criteria, description: tidy(rest) };
}

/** Criteria from a field that holds only criteria (Jira's "Acceptance Criteria" custom field, a CSV column): items, scenarios or lines. */
export function criteriaFromField(text: string, dialect: MarkupDialect): string[] {
  const lines = text.split('\n');
  return sectionCriteria(lines, 0, lines.length, dialect);
}
