/**
 * Spec templates as pure data: a PRD, a one-page brief and a metric tree. Each section has a
 * heading, a short prompt that says what good looks like (written into the new document in
 * italics, for the learner to replace), and how the completeness checks recognise it — so a
 * learner may rename "Launch and experiment plan" to "Launch plan" and still be recognised.
 */
import type { DocNode, SpecTemplate } from '../model/schema';

/** What a section is for, when a check needs more than "present and non-empty". */
export type SectionRole = 'metrics' | 'scope' | 'requirements';

export interface TemplateSection {
  id: string;
  heading: string;
  /** What good looks like, in one or two sentences. */
  prompt: string;
  required: boolean;
  /** A heading belongs to this section when its text matches one of these (lower-cased). */
  match: readonly RegExp[];
  role?: SectionRole;
  /** Starter content after the prompt (a metrics table, an empty requirement list, …). */
  starter?: readonly DocNode[];
}

export interface SpecTemplateInfo {
  id: SpecTemplate;
  label: string;
  /** One line for the "new spec" chooser. */
  description: string;
  defaultTitle: string;
  sections: readonly TemplateSection[];
}

// --- tiny builders for tiptap JSON (attrs only where tiptap itself writes them) ---

const text = (value: string): DocNode => ({ type: 'text', text: value });
const paragraph = (value?: string): DocNode => (value ? { type: 'paragraph', content: [text(value)] } : { type: 'paragraph' });
const heading = (level: number, value: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const promptParagraph = (value: string): DocNode => ({ type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'italic' }], text: value }] });
const cell = (type: 'tableHeader' | 'tableCell', value?: string): DocNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [paragraph(value)],
});
const table = (header: readonly string[], rows: readonly (readonly string[])[]): DocNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
    ...rows.map((row) => ({ type: 'tableRow', content: header.map((_, i) => cell('tableCell', row[i])) })),
  ],
});
const bulletList = (...items: string[]): DocNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

const METRICS_TABLE_HEADER = ['Metric', 'Baseline', 'Target', 'By when'] as const;
const HEART_HEADER = ['HEART category', 'Signal', 'Input metric', 'Baseline', 'Target'] as const;
const HEART_CATEGORIES = ['Happiness', 'Engagement', 'Adoption', 'Retention', 'Task success'] as const;

/** Words that name a goal but not a non-goal. */
const GOAL = /(?<!non-)\bgoals?\b/;

const PRD_SECTIONS: readonly TemplateSection[] = [
  {
    id: 'problem',
    heading: 'Problem',
    prompt: 'Describe the problem in the user’s words, with evidence: how many people have it, how often, and what it costs them today. Do not describe the solution yet.',
    required: true,
    match: [/problem/, /\bwhy\b/, /background/],
  },
  {
    id: 'users',
    heading: 'Users and insights',
    prompt: 'Who has the problem (segments or personas) and what you learned from research, data and support. Good insights are specific and surprising, with a source.',
    required: true,
    match: [/\busers?\b/, /insight/, /customer/, /persona/, /audience/],
  },
  {
    id: 'goals',
    heading: 'Goals and success metrics',
    prompt: 'Outcomes, not outputs: each metric with a baseline, a target and a date (e.g. “activation from 31% to 55% by 31 March”), plus a guardrail that must not get worse.',
    required: true,
    match: [GOAL, /success/, /metric/, /\bkpis?\b/, /objective/],
    role: 'metrics',
    starter: [table(METRICS_TABLE_HEADER, [[]])],
  },
  {
    id: 'scope',
    heading: 'Scope and non-goals',
    prompt: 'What is in this release and, just as important, what is deliberately not — and why. Non-goals stop scope creep and tell reviewers what not to ask for.',
    required: true,
    match: [/scope/, /non-goal/],
    role: 'scope',
    starter: [heading(3, 'In scope'), bulletList(''), heading(3, 'Non-goals'), bulletList('')],
  },
  {
    id: 'requirements',
    heading: 'Requirements',
    prompt: 'One line per requirement, each linked to the story that delivers it: type # and pick the story. Say what must be true, not how to build it.',
    required: true,
    match: [/requirement/],
    role: 'requirements',
    starter: [bulletList('')],
  },
  {
    id: 'solution',
    heading: 'Solution and UX notes',
    prompt: 'The shape of the solution: the key flows, screens or states, accessibility, and the alternatives you considered and rejected.',
    required: true,
    match: [/solution/, /\bux\b/, /design/, /approach/],
  },
  {
    id: 'risks',
    heading: 'Risks and open questions',
    prompt: 'What could make this fail (value, usability, feasibility, viability) and what you still need to find out, each with an owner or a next step.',
    required: true,
    match: [/risk/, /open questions?/, /assumption/],
  },
  {
    id: 'launch',
    heading: 'Launch and experiment plan',
    prompt: 'How you will release and learn: the rollout steps or experiment design, who sees what when, and the result that would make you stop, iterate or scale.',
    required: true,
    match: [/launch/, /experiment/, /roll-?out/, /release/],
  },
];

const ONE_PAGER_SECTIONS: readonly TemplateSection[] = [
  {
    id: 'problem',
    heading: 'Problem',
    prompt: 'Two or three sentences: whose problem, how painful, and the evidence. A reader should agree it is worth solving before reading on.',
    required: true,
    match: [/problem/, /\bwhy\b/],
  },
  {
    id: 'audience',
    heading: 'Who it’s for',
    prompt: 'The one segment or persona you are serving first, and what they do today instead.',
    required: true,
    match: [/\bwho\b/, /\busers?\b/, /customer/, /audience/, /persona/],
  },
  {
    id: 'goal',
    heading: 'Goal and success metric',
    prompt: 'The single outcome that tells you it worked, with a number and a date (e.g. “cut time to first plan from 9 to 3 minutes by June”).',
    required: true,
    match: [GOAL, /success/, /metric/, /outcome/],
    role: 'metrics',
    starter: [bulletList('')],
  },
  {
    id: 'solution',
    heading: 'Proposed solution',
    prompt: 'The idea in a paragraph and the riskiest assumption in it. Sketch, don’t specify.',
    required: true,
    match: [/solution/, /approach/, /proposal/, /\bidea\b/],
  },
  {
    id: 'scope',
    heading: 'Scope and non-goals',
    prompt: 'The smallest version worth shipping, and what you are explicitly not doing.',
    required: true,
    match: [/scope/, /non-goal/],
    role: 'scope',
    starter: [heading(3, 'Non-goals'), bulletList('')],
  },
  {
    id: 'requirements',
    heading: 'What we’ll build',
    prompt: 'The stories that make up the first release — type # to link each one.',
    required: true,
    match: [/requirement/, /build/, /stories/, /deliver/],
    role: 'requirements',
    starter: [bulletList('')],
  },
  {
    id: 'risks',
    heading: 'Risks and open questions',
    prompt: 'What you do not know yet and how you will find out.',
    required: false,
    match: [/risk/, /open questions?/, /assumption/],
  },
];

const METRIC_TREE_SECTIONS: readonly TemplateSection[] = [
  {
    id: 'north-star',
    heading: 'North star metric',
    prompt: 'One metric that captures the value users get and predicts the business result, with its current value and a target (e.g. “households cooking 3+ planned meals a week: 12k → 20k by Q4”).',
    required: true,
    match: [/north[ -]?star/, /\bnsm\b/],
    role: 'metrics',
    starter: [bulletList('')],
  },
  {
    id: 'why',
    heading: 'Why this metric',
    prompt: 'How it reflects user value, why it leads (not lags) revenue, and what would make it go up without users being better off.',
    required: true,
    match: [/\bwhy\b/, /rationale/],
  },
  {
    id: 'inputs',
    heading: 'Input metrics',
    prompt: 'Break the north star into the inputs a team can move, one per HEART category where it fits (Happiness, Engagement, Adoption, Retention, Task success): the signal, the metric, a baseline and a target. Delete rows that do not apply.',
    required: true,
    match: [/input/, /\bheart\b/, /driver/, /tree/],
    role: 'metrics',
    starter: [table(HEART_HEADER, HEART_CATEGORIES.map((c) => [c]))],
  },
  {
    id: 'guardrails',
    heading: 'Guardrail metrics',
    prompt: 'The metrics that must not get worse while you push the inputs (e.g. “unsubscribe rate stays under 2%”).',
    required: true,
    match: [/guardrail/, /counter-?metric/],
    role: 'metrics',
    starter: [bulletList('')],
  },
  {
    id: 'levers',
    heading: 'Levers and experiments',
    prompt: 'For each input metric, the stories or experiments you expect to move it — type # to link them — and how you will measure the effect.',
    required: false,
    match: [/lever/, /experiment/, /initiative/, /bets?\b/],
  },
];

export const SPEC_TEMPLATES: Readonly<Record<SpecTemplate, SpecTemplateInfo>> = {
  prd: {
    id: 'prd',
    label: 'PRD',
    description: 'A product requirements document: problem, users, success metrics, scope, requirements linked to stories, risks and launch plan.',
    defaultTitle: 'PRD: ',
    sections: PRD_SECTIONS,
  },
  'one-pager': {
    id: 'one-pager',
    label: 'One-page brief',
    description: 'A short pitch for an idea: problem, audience, one success metric, the solution sketch and what is out of scope.',
    defaultTitle: 'Brief: ',
    sections: ONE_PAGER_SECTIONS,
  },
  'metric-tree': {
    id: 'metric-tree',
    label: 'Metric tree',
    description: 'A north-star metric broken into input metrics a team can move (Google’s HEART categories), with guardrails.',
    defaultTitle: 'Metric tree: ',
    sections: METRIC_TREE_SECTIONS,
  },
  blank: {
    id: 'blank',
    label: 'Blank',
    description: 'An empty document.',
    defaultTitle: 'Untitled spec',
    sections: [],
  },
};

export const TEMPLATE_ORDER: readonly SpecTemplate[] = ['prd', 'one-pager', 'metric-tree', 'blank'];

/** The section's blocks as a new document holds them: heading, prompt, starter content. */
export function sectionBlocks(section: TemplateSection): DocNode[] {
  return [heading(2, section.heading), promptParagraph(section.prompt), ...(section.starter ?? [])];
}

/** A new document for `template` (deep copies: the caller may keep or change it). */
export function templateDoc(template: SpecTemplate): DocNode {
  const sections = SPEC_TEMPLATES[template].sections;
  const content = sections.length === 0 ? [paragraph()] : sections.flatMap(sectionBlocks);
  return structuredClone({ type: 'doc', content });
}

/** Every template's prompts (text a learner is meant to replace). */
export const TEMPLATE_PROMPTS: readonly string[] = Object.values(SPEC_TEMPLATES).flatMap((t) => t.sections.map((s) => s.prompt));

/**
 * Text that templates put into a document as scaffolding (headings of starter tables, HEART
 * category names, sub-headings): present in a new document, so it does not make a section
 * "written".
 */
export const TEMPLATE_SCAFFOLD_TEXT: readonly string[] = [
  ...METRICS_TABLE_HEADER,
  ...HEART_HEADER,
  ...HEART_CATEGORIES,
  'In scope',
  'Non-goals',
];
