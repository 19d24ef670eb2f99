/**
 * Definition of Ready, INVEST, and the backlog's refinement health — all derived from the lints.
 */
import type { Product, ReadyItem, Story } from '../model/schema';
import { isLintCode, LINT_CODES, lintContext, lintStory, type Lint, type LintCode, type LintContext } from './lints';

/** The Definition of Ready used when a product does not configure one. */
export const DEFAULT_READY_CHECKS: readonly LintCode[] = [
  'missing-user',
  'missing-benefit',
  'no-acceptance-criteria',
  'vague-criteria',
  'not-estimated',
  'too-large',
];

/** The lint codes a product's Definition of Ready checks automatically. */
export function readyChecks(definition: readonly ReadyItem[]): LintCode[] {
  const codes = definition.map((item) => item.check).filter(isLintCode);
  return codes.length > 0 ? [...new Set(codes)] : [...DEFAULT_READY_CHECKS];
}

export interface StoryReadiness {
  ready: boolean;
  lints: Lint[];
  /** The lints that block the Definition of Ready. */
  blocking: Lint[];
}

export function storyReadiness(story: Story, ctx: LintContext, checks: readonly LintCode[]): StoryReadiness {
  const lints = lintStory(story, ctx);
  const blocking = lints.filter((l) => checks.includes(l.code));
  return { ready: blocking.length === 0, lints, blocking };
}

export type InvestLetter = 'independent' | 'negotiable' | 'valuable' | 'estimable' | 'small' | 'testable';
export interface InvestCheck {
  letter: InvestLetter;
  label: string;
  /** `judge`: a person has to decide; the coach cannot tell from the text. */
  status: 'pass' | 'fail' | 'judge';
  note: string;
}

const DEPENDENCY_WORDS = /\b(?:after|once|depends on|blocked by|requires|until)\b/i;

/** The INVEST checklist for one story: what the coach can check, and what needs judgement. */
export function investChecklist(story: Story, lints: readonly Lint[], splitThreshold: number): InvestCheck[] {
  const has = (code: LintCode) => lints.some((l) => l.code === code);
  const dependent = DEPENDENCY_WORDS.test(`${story.iWant} ${story.description}`);
  return [
    {
      letter: 'independent',
      label: 'Independent',
      status: dependent ? 'fail' : 'judge',
      note: dependent ? 'The text mentions depending on other work; can it be delivered on its own?' : 'Can it be built and released without another story?',
    },
    { letter: 'negotiable', label: 'Negotiable', status: 'judge', note: 'Does it leave the team room to choose how, or does it dictate a solution?' },
    {
      letter: 'valuable',
      label: 'Valuable',
      status: has('missing-benefit') || has('missing-user') ? 'fail' : 'pass',
      note: has('missing-benefit') || has('missing-user') ? 'Say who benefits and why.' : 'It says who benefits and why.',
    },
    {
      letter: 'estimable',
      label: 'Estimable',
      status: has('not-estimated') ? 'fail' : 'pass',
      note: has('not-estimated') ? 'It has no estimate yet.' : `Estimated at ${story.estimate ?? '?'} points.`,
    },
    {
      letter: 'small',
      label: 'Small',
      status: has('too-large') ? 'fail' : story.estimate === null ? 'judge' : 'pass',
      note: has('too-large') ? `Above the split threshold of ${splitThreshold} points.` : 'Fits within a sprint.',
    },
    {
      letter: 'testable',
      label: 'Testable',
      status: has('no-acceptance-criteria') || has('vague-criteria') ? 'fail' : 'pass',
      note: has('no-acceptance-criteria') ? 'It has no acceptance criteria.' : has('vague-criteria') ? 'Some wording cannot be tested.' : 'Its criteria can be checked.',
    },
  ];
}

export interface BacklogHealth {
  /** Stories not in a done column. */
  considered: number;
  ready: number;
  /** How many open stories each lint flags, most frequent first. */
  problems: { code: LintCode; count: number }[];
  /** Readiness of every story (done stories included), by id. */
  byStory: Map<string, StoryReadiness>;
}

/**
 * Sum up a backlog's health from each story's readiness (`readinessOf` may come from a cache): the
 * open stories (not in a done column), how many are ready, and the problems by frequency.
 */
export function summariseHealth(product: Product, readinessOf: (story: Story) => StoryReadiness): BacklogHealth {
  const doneColumns = new Set(product.board.columns.filter((c) => c.category === 'done').map((c) => c.id));
  const counts = new Map<LintCode, number>(LINT_CODES.map((c) => [c, 0]));
  const byStory = new Map<string, StoryReadiness>();
  let considered = 0;
  let ready = 0;
  for (const story of product.stories) {
    const r = readinessOf(story);
    byStory.set(story.id, r);
    if (doneColumns.has(story.status)) continue;
    considered += 1;
    if (r.ready) ready += 1;
    for (const l of r.lints) counts.set(l.code, (counts.get(l.code) ?? 0) + 1);
  }
  const problems = [...counts.entries()]
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || LINT_CODES.indexOf(a.code) - LINT_CODES.indexOf(b.code));
  return { considered, ready, problems, byStory };
}

/** The backlog's refinement health: how many open stories are ready, and the top problems. */
export function backlogHealth(product: Product): BacklogHealth {
  const ctx = lintContext(product);
  const checks = readyChecks(product.board.definitionOfReady);
  return summariseHealth(product, (story) => storyReadiness(story, ctx, checks));
}
