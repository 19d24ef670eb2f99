/**
 * Rubric checks on stories, built on the refinement coach: the Definition of Ready, testable
 * acceptance criteria, estimates, and splitting a story that is too large.
 */
import { LINT_INFO, lintContext, lintStory, type LintCode } from '../../coach/lints';
import { readyChecks, storyReadiness } from '../../coach/readiness';
import { SPLIT_METHOD_LABELS, SPLIT_METHODS, type SplitMethod } from '../../edits/splitStory';
import { sortByRank } from '../../model/rank';
import type { Product, Story } from '../../model/schema';
import { scopedStories } from '../scope';
import { listText, plural, quote, type RubricItem, type RuleResult } from './types';

const DELETED = 'This story no longer exists. Reset the exercise to bring it back.';

function missingItems(ids: readonly string[]): RubricItem[] {
  return ids.map((id) => ({ id, title: id, problem: DELETED }));
}

/** Why-and-fix text of the coach for the lints found, most frequent first (at most three). */
function lintExplanation(codes: readonly LintCode[], fallback: string): string {
  const counts = new Map<LintCode, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  if (top.length === 0) return fallback;
  return top.map(([code]) => `${LINT_INFO[code].title}: ${LINT_INFO[code].why} ${LINT_INFO[code].fix}`).join(' ');
}

/** The stories meet every automatic check of the board's Definition of Ready. */
export function checkStoriesReady(product: Product, params: { storyIds: readonly string[] }): RuleResult {
  const { stories, missing } = scopedStories(product, params.storyIds);
  const ctx = lintContext(product);
  const checks = readyChecks(product.board.definitionOfReady);
  const items: RubricItem[] = [];
  const codes: LintCode[] = [];
  for (const story of stories) {
    const r = storyReadiness(story, ctx, checks);
    if (r.ready) continue;
    codes.push(...r.blocking.map((l) => l.code));
    items.push({ id: story.id, title: story.title, problem: r.blocking.map((l) => l.detail).join(' ') });
  }
  items.push(...missingItems(missing));
  const total = stories.length + missing.length;
  const ready = stories.length - (items.length - missing.length);
  const checkTitles = checks.map((c) => LINT_INFO[c].title.toLowerCase());
  return {
    passed: items.length === 0 && stories.length > 0,
    summary: `${ready} of ${plural(total, 'story', 'stories')} meet the Definition of Ready.`,
    items,
    explanation: lintExplanation(
      codes,
      `Each story passes the board's automatic Definition-of-Ready checks (none of: ${listText(checkTitles)}), so the team could start it tomorrow.`,
    ),
    noteId: 'definition-of-ready',
  };
}

const GIVEN_WHEN_THEN = /\bgiven\b[\s\S]*\bwhen\b[\s\S]*\bthen\b/i;

/** Each story has enough acceptance criteria, none of them vague (and, if asked, written as Given/When/Then). */
export function checkCriteriaTestable(product: Product, params: { storyIds: readonly string[]; minCriteria: number; givenWhenThen: boolean }): RuleResult {
  const { stories, missing } = scopedStories(product, params.storyIds);
  const ctx = lintContext(product);
  const items: RubricItem[] = [];
  const codes: LintCode[] = [];
  for (const story of stories) {
    const problems: string[] = [];
    const criteria = story.acceptanceCriteria.filter((c) => c.text.trim() !== '');
    if (criteria.length < params.minCriteria) {
      codes.push('no-acceptance-criteria');
      problems.push(criteria.length === 0 ? 'It has no acceptance criteria.' : `It has ${plural(criteria.length, 'criterion', 'criteria')}; write at least ${params.minCriteria}.`);
    }
    const vague = lintStory(story, ctx).find((l) => l.code === 'vague-criteria');
    if (vague) {
      codes.push('vague-criteria');
      problems.push(vague.detail);
    }
    if (params.givenWhenThen) {
      const loose = criteria.map((c, i) => ({ c, i })).filter(({ c }) => !GIVEN_WHEN_THEN.test(c.text));
      if (loose.length > 0) problems.push(`${loose.length === 1 ? 'Criterion' : 'Criteria'} ${listText(loose.map(({ i }) => String(i + 1)))} ${loose.length === 1 ? 'is' : 'are'} not written as Given … When … Then ….`);
    }
    if (problems.length > 0) items.push({ id: story.id, title: story.title, problem: problems.join(' ') });
  }
  items.push(...missingItems(missing));
  const total = stories.length + missing.length;
  const good = total - items.length;
  const format = params.givenWhenThen ? ', each as Given … When … Then …' : '';
  return {
    passed: items.length === 0 && stories.length > 0,
    summary: `${good} of ${plural(total, 'story', 'stories')} have at least ${params.minCriteria} testable criteria${format}.`,
    items,
    explanation: lintExplanation(codes, `Every story has at least ${params.minCriteria} acceptance criteria a tester could check, with no vague words.`),
    noteId: 'acceptance-criteria',
  };
}

/** Each story is estimated, and no larger than the limit (the board's split threshold by default). */
export function checkStoriesEstimated(product: Product, params: { storyIds: readonly string[]; maxEstimate: number | null }): RuleResult {
  const { stories, missing } = scopedStories(product, params.storyIds);
  const max = params.maxEstimate ?? product.board.splitThreshold;
  const items: RubricItem[] = [];
  const codes: LintCode[] = [];
  for (const story of stories) {
    if (story.estimate === null) {
      codes.push('not-estimated');
      items.push({ id: story.id, title: story.title, problem: 'Not estimated: the estimate is “?”.' });
    } else if (story.estimate > max) {
      codes.push('too-large');
      items.push({ id: story.id, title: story.title, problem: `${story.estimate} points is above ${max}: split it, or question the size.` });
    }
  }
  items.push(...missingItems(missing));
  const total = stories.length + missing.length;
  return {
    passed: items.length === 0 && stories.length > 0,
    summary: `${total - items.length} of ${plural(total, 'story', 'stories')} are estimated at ${max} points or fewer.`,
    items,
    explanation: lintExplanation(codes, `Every story has an estimate of at most ${max} points, so it can be planned into a sprint.`),
    noteId: 'estimation',
  };
}

/** The split method recorded in a part's description ("Split from “…” (by workflow step).") or null. */
export function splitMethodOf(story: Pick<Story, 'description'>): SplitMethod | null {
  const text = story.description.toLowerCase();
  return SPLIT_METHODS.find((m) => text.includes(`(${SPLIT_METHOD_LABELS[m].toLowerCase()})`)) ?? null;
}

/** "by workflow step", or "in your own way" when the description does not say. */
export function splitMethodText(method: SplitMethod | null): string {
  return method === null ? 'in a way of your own' : SPLIT_METHOD_LABELS[method].toLowerCase();
}

/** The parts a story was split into (stories whose `splitFrom` is it), in backlog order. */
export function splitParts(product: Pick<Product, 'stories'>, storyId: string): Story[] {
  return sortByRank(product.stories.filter((s) => s.splitFrom === storyId));
}

/** The story was split into enough parts, each estimated within the limit and with its own criteria. */
export function checkStorySplit(product: Product, params: { storyId: string; minParts: number; maxPartEstimate: number | null }): RuleResult {
  const max = params.maxPartEstimate ?? product.board.splitThreshold;
  const original = product.stories.find((s) => s.id === params.storyId);
  const base = { explanation: `${LINT_INFO['too-large'].why} ${LINT_INFO['too-large'].fix}`, noteId: 'story-splitting' as const };
  if (!original) {
    return { ...base, passed: false, summary: 'The story to split no longer exists.', items: [{ id: params.storyId, title: params.storyId, problem: DELETED }] };
  }
  const parts = splitParts(product, original.id);
  const items: RubricItem[] = [];
  if (parts.length < params.minParts) {
    items.push({
      id: original.id,
      title: original.title,
      problem:
        parts.length === 0
          ? `Not split yet (${original.estimate ?? '?'} points). Use “Split story” in the story editor.`
          : `Split into ${plural(parts.length, 'part')}; split it into at least ${params.minParts}.`,
    });
  }
  for (const part of parts) {
    const problems: string[] = [];
    if (part.estimate === null) problems.push('Not estimated.');
    else if (part.estimate > max) problems.push(`${part.estimate} points is above ${max}: split this part again.`);
    if (part.acceptanceCriteria.every((c) => c.text.trim() === '')) problems.push('No acceptance criteria: move or write the criteria this part must meet.');
    if (part.title.trim().toLowerCase() === original.title.trim().toLowerCase()) problems.push('Same title as the original: say what this part delivers.');
    if (problems.length > 0) items.push({ id: part.id, title: part.title, problem: problems.join(' ') });
  }
  const methods = [...new Set(parts.map(splitMethodOf))];
  const how = parts.length === 0 ? '' : ` ${methods.length === 1 ? splitMethodText(methods[0] ?? null) : 'in more than one way'}`;
  return {
    ...base,
    passed: items.length === 0,
    summary: parts.length === 0 ? `${quote(original.title)} is not split yet.` : `${quote(original.title)} is split${how} into ${plural(parts.length, 'part')}.`,
    items,
  };
}
