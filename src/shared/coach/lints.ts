/**
 * The refinement coach: checks on one story, each with a short explanation of why it matters and a
 * suggested fix. Pure functions; the board, the list and practice mode all use them.
 */
import type { Product, Story } from '../model/schema';
import { findDuplicateGroups } from './duplicates';
import { findVagueTerms, words } from './text';

export const LINT_CODES = [
  'missing-user',
  'missing-benefit',
  'no-acceptance-criteria',
  'vague-criteria',
  'not-estimated',
  'too-large',
  'long-title',
  'title-not-action',
  'possible-duplicate',
  'no-epic',
] as const;
export type LintCode = (typeof LINT_CODES)[number];

export function isLintCode(value: unknown): value is LintCode {
  return typeof value === 'string' && (LINT_CODES as readonly string[]).includes(value);
}

export interface LintInfo {
  /** A short name for filters and summaries. */
  title: string;
  /** Why it matters, for someone new to product work. */
  why: string;
  /** What to do about it. */
  fix: string;
}

export const LINT_INFO: Record<LintCode, LintInfo> = {
  'missing-user': {
    title: 'No user',
    why: 'A story without "As a …" does not say whose problem it solves, so the team cannot check the solution against a real person.',
    fix: 'Name the persona or role who benefits, e.g. "As a site manager".',
  },
  'missing-benefit': {
    title: 'No benefit ("so that")',
    why: 'Without "so that …" the story states a feature, not a reason. The benefit is what lets the team find a smaller or better solution, and what the PO prioritises by.',
    fix: 'Add the outcome the user gets, e.g. "so that I can cover a sick colleague without calling round".',
  },
  'no-acceptance-criteria': {
    title: 'No acceptance criteria',
    why: 'Acceptance criteria define when the story is done. Without them, "done" is a matter of opinion and testing is guesswork.',
    fix: 'Add 2–5 testable criteria, e.g. "Given …, when …, then …".',
  },
  'vague-criteria': {
    title: 'Untestable wording',
    why: 'Words like "fast", "easy" or "user-friendly" cannot be tested: two people will disagree about whether they are met.',
    fix: 'Replace the vague word with something observable or measurable, e.g. "loads in under 2 seconds on 4G" instead of "fast".',
  },
  'not-estimated': {
    title: 'Not estimated',
    why: 'An unestimated story cannot be planned into a sprint, and the size conversation often reveals hidden work.',
    fix: 'Estimate it with the team (story points on the Fibonacci scale), or mark what you need to learn first.',
  },
  'too-large': {
    title: 'Too large',
    why: 'Large stories hide risk and rarely finish within a sprint. Small stories give faster feedback.',
    fix: 'Split it: by acceptance criterion, by workflow step, or by data variation (see "Split story").',
  },
  'long-title': {
    title: 'Title too long',
    why: 'A title is read on the board hundreds of times. Long titles bury the point and usually mix in detail that belongs in the description.',
    fix: 'Keep the title under 80 characters: a verb and an object. Move detail to the description or criteria.',
  },
  'title-not-action': {
    title: 'Title is not an action',
    why: 'A noun like "Notifications" names an area, not a piece of work. Nobody can tell when "Notifications" is done.',
    fix: 'Start the title with a verb that says what the user can do, e.g. "Remind shift workers of tomorrow\'s shift".',
  },
  'possible-duplicate': {
    title: 'Possible duplicate',
    why: 'Two stories asking for the same thing split the team\'s attention and the backlog\'s order stops meaning anything.',
    fix: 'Compare them; merge into one story (keep the better criteria) or make the difference explicit in both titles.',
  },
  'no-epic': {
    title: 'No epic',
    why: 'A story outside any epic is not traceable to a goal, so nobody can say which outcome it serves.',
    fix: 'Link it to the epic it contributes to, or question whether it is needed.',
  },
};

export interface Lint {
  code: LintCode;
  /** The specific problem in this story, e.g. the vague words found. */
  detail: string;
  /** For duplicates: the other story ids. */
  related?: string[];
}

export const LONG_TITLE_CHARS = 80;

/** Common verbs that start an action-shaped story title. */
const ACTION_VERBS = new Set(
  (
    'accept access add adjust allow alert apply approve archive assign attach audit auto automate block book build bulk calculate cancel capture change check choose claim clean clear close collect compare configure confirm connect convert copy correct create cut deactivate decide define delete deliver deploy deprecate detect disable display download draft drop duplicate edit email enable encrypt enforce enter estimate expire explain export extend fetch fill filter find fix flag follow forecast forward generate get give group handle help hide highlight import improve include increase indicate introduce invite issue keep label launch let limit link list load localise localize lock log make manage map mark match measure merge migrate monitor move notify offer onboard open order organise organize pause pay pick pin plan populate predict prefill prepare prevent preview print prioritise prioritize process prompt protect provide publish purge push rate read record recover redirect reduce refresh register reject release remember remind remove rename reorder repeat replace report request require reschedule reset resolve restore restrict resume retire retry return reuse review revoke rotate route run save scale scan schedule search see select send separate set share show sign simplify skip snooze sort split start stop store stream submit suggest summarise summarize support suspend swap switch sync tag test track transfer translate trigger turn undo unify unlock update upgrade upload use validate verify view volunteer warn watch write'
  ).split(' '),
);

const NOUN_ENDINGS = /(?:tion|sion|ment|ness|ity|ance|ence|ism|ship|ings)$/;
const NON_ACTION_STARTS = new Set(['the', 'a', 'an', 'our', 'my', 'new', 'better', 'improved', 'more', 'faster', 'easier', 'all', 'some', 'as', 'bug', 'issue', 'problem']);

/** Whether a title reads as an action ("Export hours to payroll") rather than a topic ("Payroll"). */
export function isActionTitle(title: string): boolean {
  const ws = words(title);
  const first = ws[0];
  if (!first) return false;
  if (ACTION_VERBS.has(first)) return true;
  if (ws.length < 3) return false;
  if (NON_ACTION_STARTS.has(first) || NOUN_ENDINGS.test(first)) return false;
  return true;
}

export interface LintContext {
  /** Estimates above this should be split (the board's `splitThreshold`). */
  splitThreshold: number;
  /** Whether the product has epics at all (no-epic is meaningless otherwise). */
  hasEpics: boolean;
  /** Possible duplicates of each story id. */
  duplicates: ReadonlyMap<string, string[]>;
}

export function lintContext(product: Product): LintContext {
  return {
    splitThreshold: product.board.splitThreshold,
    hasEpics: product.epics.length > 0,
    duplicates: findDuplicateGroups(product.stories),
  };
}

/** Every lint that applies to `story`. */
export function lintStory(story: Story, ctx: LintContext): Lint[] {
  const lints: Lint[] = [];
  if (!story.asA.trim()) lints.push({ code: 'missing-user', detail: 'The "As a" part is empty.' });
  if (!story.soThat.trim()) lints.push({ code: 'missing-benefit', detail: 'The "so that" part is empty.' });
  const criteria = story.acceptanceCriteria.filter((c) => c.text.trim().length > 0);
  if (criteria.length === 0) lints.push({ code: 'no-acceptance-criteria', detail: 'The story has no acceptance criteria.' });

  const vague = new Set<string>();
  for (const text of [story.title, ...criteria.map((c) => c.text)]) for (const t of findVagueTerms(text)) vague.add(t);
  if (vague.size > 0) {
    lints.push({ code: 'vague-criteria', detail: `Untestable words: ${[...vague].map((t) => `"${t}"`).join(', ')}.` });
  }

  if (story.estimate === null) lints.push({ code: 'not-estimated', detail: 'The estimate is "?".' });
  else if (story.estimate > ctx.splitThreshold) {
    lints.push({ code: 'too-large', detail: `${story.estimate} points is above the split threshold of ${ctx.splitThreshold}.` });
  }

  if (story.title.length > LONG_TITLE_CHARS) {
    lints.push({ code: 'long-title', detail: `The title has ${story.title.length} characters (over ${LONG_TITLE_CHARS}).` });
  }
  if (!isActionTitle(story.title)) lints.push({ code: 'title-not-action', detail: `"${story.title}" does not start with what the user can do.` });

  const dupes = ctx.duplicates.get(story.id);
  if (dupes && dupes.length > 0) {
    lints.push({ code: 'possible-duplicate', detail: `Reads like ${dupes.length === 1 ? 'another story' : `${dupes.length} other stories`}.`, related: dupes });
  }
  if (ctx.hasEpics && story.epicId === null) lints.push({ code: 'no-epic', detail: 'The story is not linked to an epic.' });
  return lints;
}
