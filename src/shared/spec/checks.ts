/**
 * Completeness checks for a spec, shown beside the editor: each says what good looks like and
 * lists what is missing, section by section. Pure functions of the spec and the product.
 */
import type { DocNode, Product, Spec } from '../model/schema';
import { columnNames, resolveMention } from './links';
import { isTextblock, mentionsIn, nodeText, normalizeText, textblocks } from './nodes';
import { containsPrompt, excerpt, hasWrittenContent, headingLevel, isWrittenText, itemLabel, matchSections, sectionItems, splitSections, writtenText } from './sections';
import { SPEC_TEMPLATES, type SectionRole, type TemplateSection } from './templates';

export type CheckId = 'sections' | 'metrics' | 'non-goals' | 'requirements' | 'placeholders' | 'mentions';
export type CheckStatus = 'pass' | 'fail';

export interface CheckFinding {
  message: string;
  /** The heading of the section the finding is in, when there is one. */
  section?: string;
}

export interface SpecCheck {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** One line: what passed or how many problems there are. */
  summary: string;
  /** What good looks like, and why it matters. */
  explanation: string;
  findings: CheckFinding[];
}

type CheckProduct = Pick<Product, 'stories' | 'epics' | 'board'>;

const result = (id: CheckId, title: string, explanation: string, findings: CheckFinding[], passSummary: string, failSummary: (n: number) => string): SpecCheck => ({
  id,
  title,
  explanation,
  findings,
  status: findings.length === 0 ? 'pass' : 'fail',
  summary: findings.length === 0 ? passSummary : failSummary(findings.length),
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function sectionsOfRole(spec: Pick<Spec, 'template' | 'content'>, role: SectionRole): { template: TemplateSection; heading: string; blocks: DocNode[] }[] {
  const templateSections = SPEC_TEMPLATES[spec.template].sections;
  const matched = matchSections(spec.content, templateSections);
  const out: { template: TemplateSection; heading: string; blocks: DocNode[] }[] = [];
  for (const t of templateSections) {
    const found = matched.get(t.id);
    if (t.role === role && found) out.push({ template: t, heading: found.heading, blocks: found.blocks });
  }
  return out;
}

/** Required sections of the template are present and hold something the learner wrote. */
export function checkSections(spec: Pick<Spec, 'template' | 'content'>): SpecCheck {
  const sections = SPEC_TEMPLATES[spec.template].sections;
  const matched = matchSections(spec.content, sections);
  const findings: CheckFinding[] = [];
  for (const t of sections) {
    if (!t.required) continue;
    const found = matched.get(t.id);
    if (!found) findings.push({ message: `The “${t.heading}” section is missing. Add it with the / menu (Sections).` });
    else if (!hasWrittenContent(found.blocks)) findings.push({ section: found.heading, message: `“${found.heading}” is empty: ${t.prompt}` });
  }
  const required = sections.filter((s) => s.required).length;
  return result(
    'sections',
    'Required sections',
    'A reviewer reads a spec for the same things every time. Each required section should be there and say something specific — an empty heading reads as “not thought about yet”.',
    findings,
    `All ${required} required sections are written.`,
    (n) => `${plural(n, 'section')} missing or empty.`,
  );
}

/** A word or symbol that says which way a metric should move. */
const DIRECTION = /\b(increase[sd]?|increasing|grow(s|n|th)?|rais(e|es|ed)|rise|improve[sd]?|reduc(e|es|ed|tion)|decreas(e|es|ed)|lower|cut|drop|halve|double|maintain|keep|hold|stay|stays|above|below|under|over|at least|at most|no more than|no less than|more than|less than|fewer than|up|down)\b|[↑↓<>≤≥%]/i;
const NUMBER = /\d/;

interface MetricItem {
  /** The item's written text (what the check reads). */
  text: string;
  /** How a finding names the item. */
  label: string;
  /** In a table with a "Target" column: that cell's text ('' when empty); otherwise null. */
  target: string | null;
}

/** The metrics a section lists; in a table with a "Target" column, the target is what must be measurable. */
function metricItems(blocks: readonly DocNode[]): MetricItem[] {
  const out: MetricItem[] = [];
  for (const block of blocks) {
    let targetColumn = -1;
    if (block.type === 'table') {
      const header = (block.content ?? [])[0];
      const cells = header?.content ?? [];
      if (cells.length > 0 && cells.every((c) => c.type === 'tableHeader')) targetColumn = cells.findIndex((c) => /target|goal/i.test(nodeText(c)));
    }
    for (const item of sectionItems([block])) {
      const text = writtenText(item);
      if (text === '') continue;
      const cell = item.type === 'tableRow' && targetColumn >= 0 ? (item.content ?? [])[targetColumn] : undefined;
      out.push({ text, label: itemLabel(item), target: cell ? nodeText(cell).trim() : null });
    }
  }
  return out;
}

/** Success metrics each name a number or a direction (“from 31% to 55%”, “reduce”, “stays under”). */
export function checkMetrics(spec: Pick<Spec, 'template' | 'content'>): SpecCheck {
  const findings: CheckFinding[] = [];
  for (const section of sectionsOfRole(spec, 'metrics')) {
    const items = metricItems(section.blocks);
    if (items.length === 0) {
      findings.push({ section: section.heading, message: `No metric is written under “${section.heading}” yet.` });
      continue;
    }
    for (const item of items) {
      if (item.target === null) {
        if (!NUMBER.test(item.text) && !DIRECTION.test(item.text)) {
          findings.push({ section: section.heading, message: `“${excerpt(item.label)}” names no number or direction: how much, which way, by when?` });
        }
      } else if (item.target === '') {
        findings.push({ section: section.heading, message: `“${excerpt(item.label)}” has no target: how much, which way, by when?` });
      } else if (!NUMBER.test(item.target) && !DIRECTION.test(item.target)) {
        findings.push({ section: section.heading, message: `“${excerpt(item.label)}” has a target (“${excerpt(item.target, 40)}”) with no number or direction.` });
      }
    }
  }
  return result(
    'metrics',
    'Measurable success metrics',
    'A success metric you can check: what you measure, which way it should move, and by how much — ideally a baseline, a target and a date. “Users are happier” cannot fail; “NPS from 21 to 30 by June” can.',
    findings,
    'Every metric names a number or a direction.',
    (n) => `${plural(n, 'problem')} with metrics.`,
  );
}

const NON_GOAL_LABEL = /^(non[- ]?goals?|out of scope|not in scope|not doing|won'?t do)\b\s*[:\-–—]?\s*/;

/** Non-goals are written: a "Non-goals" heading with content, or a paragraph / item that starts "Non-goals:". */
export function checkNonGoals(spec: Pick<Spec, 'content'>): SpecCheck {
  const blocks = spec.content.content ?? [];
  let labelled = false;
  let written = false;
  blocks.forEach((block, index) => {
    if (block.type === 'heading' && NON_GOAL_LABEL.test(normalizeText(nodeText(block)))) {
      labelled = true;
      const level = headingLevel(block);
      const after: DocNode[] = [];
      for (const next of blocks.slice(index + 1)) {
        if (next.type === 'heading' && headingLevel(next) <= level) break;
        after.push(next);
      }
      if (after.some((b) => writtenText(b) !== '')) written = true;
      return;
    }
    // A paragraph (or list item) that starts with the label: the rest of it, or the list right after it.
    for (const tb of textblocks(block)) {
      if (!isTextblock(tb) || tb.type === 'codeBlock') continue;
      const t = normalizeText(nodeText(tb));
      const m = NON_GOAL_LABEL.exec(t);
      if (!m) continue;
      labelled = true;
      const rest = t.slice(m[0].length);
      const next = blocks[index + 1];
      if (isWrittenText(rest) || (rest === '' && next !== undefined && next.type !== 'heading' && writtenText(next) !== '')) written = true;
    }
  });
  const findings: CheckFinding[] = [];
  if (!labelled) findings.push({ message: 'There are no non-goals. Add a “Non-goals” list under Scope.' });
  else if (!written) findings.push({ message: 'The non-goals are empty: name at least one thing you are deliberately not doing.' });
  return result(
    'non-goals',
    'Non-goals',
    'Saying what you will not do is as useful as saying what you will: it keeps scope small, heads off “what about…?” in review, and shows you made trade-offs.',
    findings,
    'Non-goals are written.',
    () => 'Non-goals are missing.',
  );
}

const WORD = /[A-Za-z0-9][A-Za-z0-9_-]*/g;

/** Every requirement (list item or table row under a requirements section) mentions a story that exists. */
export function checkRequirements(spec: Pick<Spec, 'template' | 'content'>, product: CheckProduct): SpecCheck {
  const findings: CheckFinding[] = [];
  const storyIds = new Set(product.stories.map((s) => s.id));
  const columns = columnNames(product);
  for (const section of sectionsOfRole(spec, 'requirements')) {
    const items = sectionItems(section.blocks).filter((item) => writtenText(item) !== '' || mentionsIn(item).length > 0);
    if (items.length === 0) {
      findings.push({ section: section.heading, message: `No requirement is listed under “${section.heading}” yet.` });
      continue;
    }
    for (const item of items) {
      const text = excerpt(itemLabel(item));
      const mentions = mentionsIn(item);
      const stories = mentions.filter((m) => m.kind === 'story');
      const live = stories.filter((m) => !resolveMention(product, m, columns).deleted);
      if (live.length > 0) continue;
      if (stories.length > 0) {
        findings.push({ section: section.heading, message: `“${text}” links only a deleted story. Link the story that replaced it.` });
        continue;
      }
      const named = [...nodeText(item).matchAll(WORD)].map((m) => m[0]).find((id) => storyIds.has(id));
      if (named) findings.push({ section: section.heading, message: `“${text}” names ${named} as plain text. Type # and pick the story, so the link stays live.` });
      else if (mentions.length > 0) findings.push({ section: section.heading, message: `“${text}” links an epic, not a story. Link the story that delivers it.` });
      else findings.push({ section: section.heading, message: `“${text}” is not linked to a story. Type # and pick the story that delivers it.` });
    }
  }
  return result(
    'requirements',
    'Requirements linked to stories',
    'Each requirement should be traceable to the backlog story that delivers it, so nothing in the spec is forgotten in delivery and every story has a reason to exist.',
    findings,
    'Every requirement is linked to a story.',
    (n) => `${plural(n, 'requirement')} not linked to a story.`,
  );
}

const PLACEHOLDER_WORDS: readonly { re: RegExp; label: string }[] = [
  { re: /\bTBD\b/i, label: '“TBD”' },
  { re: /\bTODO\b/i, label: '“TODO”' },
  { re: /\bTBC\b/i, label: '“TBC”' },
  { re: /\blorem\b/i, label: '“lorem ipsum”' },
  { re: /…|\.\.\./, label: 'an ellipsis (…)' },
  { re: /\bx{3,}\b/i, label: '“XXX”' },
];

/** Template prompts, TBD/TODO, lorem ipsum and “…” left in the text. */
export function checkPlaceholders(spec: Pick<Spec, 'content'>): SpecCheck {
  const findings: CheckFinding[] = [];
  let section: string | undefined;
  const visit = (block: DocNode) => {
    for (const tb of textblocks(block)) {
      if (tb.type === 'codeBlock') continue;
      const t = nodeText(tb);
      if (t.trim() === '') continue;
      if (containsPrompt(t)) {
        findings.push({ section, message: `A template prompt is still in the text: “${excerpt(t, 60)}” Replace it with your own words.` });
        continue;
      }
      const words = PLACEHOLDER_WORDS.filter((w) => w.re.test(t)).map((w) => w.label);
      if (words.length > 0) findings.push({ section, message: `Placeholder ${words.join(' and ')} in “${excerpt(t, 60)}”.` });
    }
  };
  for (const block of spec.content.content ?? []) {
    if (block.type === 'heading' && headingLevel(block) <= 2) section = nodeText(block);
    visit(block);
  }
  return result(
    'placeholders',
    'No placeholders left',
    'Prompts, “TBD”, “TODO”, “lorem ipsum” and “…” tell a reader the thinking is unfinished. Replace each with a decision, or with an open question that has an owner.',
    findings,
    'No placeholder text is left.',
    (n) => `${plural(n, 'placeholder')} left in.`,
  );
}

/** Mentions point at stories and epics that still exist. */
export function checkMentions(spec: Pick<Spec, 'content'>, product: CheckProduct): SpecCheck {
  const columns = columnNames(product);
  const findings: CheckFinding[] = [];
  const seen = new Set<string>();
  for (const s of splitSectionsWithPreamble(spec.content)) {
    for (const ref of mentionsIn({ type: 'doc', content: s.blocks })) {
      const key = `${ref.kind}:${ref.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (resolveMention(product, ref, columns).deleted) {
        findings.push({ section: s.heading ?? undefined, message: `A mention points at ${ref.kind === 'epic' ? 'an' : 'a'} ${ref.kind} that was deleted (${ref.id}). Remove it or link what replaced it.` });
      }
    }
  }
  return result(
    'mentions',
    'Links are current',
    'Mentions show the story’s or epic’s current title and status. A link to something deleted is a sign the spec and the backlog have drifted apart.',
    findings,
    'Every link points at an existing story or epic.',
    (n) => `${plural(n, 'link')} to deleted work.`,
  );
}

function splitSectionsWithPreamble(doc: DocNode): { heading: string | null; blocks: DocNode[] }[] {
  const all = doc.content ?? [];
  const firstHeading = all.findIndex((b) => b.type === 'heading' && headingLevel(b) <= 2);
  const preamble = firstHeading < 0 ? all : all.slice(0, firstHeading);
  const sections: { heading: string | null; blocks: DocNode[] }[] = [{ heading: null, blocks: preamble }];
  for (const s of splitSections(doc)) sections.push({ heading: s.heading, blocks: s.blocks });
  return sections;
}

/** Every check that applies to the spec's template, in the order they are shown. */
export function specChecks(spec: Pick<Spec, 'template' | 'content'>, product: CheckProduct): SpecCheck[] {
  const sections = SPEC_TEMPLATES[spec.template].sections;
  const has = (role: SectionRole) => sections.some((s) => s.role === role);
  const checks: SpecCheck[] = [];
  if (sections.some((s) => s.required)) checks.push(checkSections(spec));
  if (has('metrics')) checks.push(checkMetrics(spec));
  if (has('scope')) checks.push(checkNonGoals(spec));
  if (has('requirements')) checks.push(checkRequirements(spec, product));
  checks.push(checkPlaceholders(spec));
  checks.push(checkMentions(spec, product));
  return checks;
}
