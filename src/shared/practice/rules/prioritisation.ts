/**
 * Rubric checks on prioritisation: complete RICE inputs on Intercom's scales, and a plan chosen
 * within a capacity that captures most of the value that could fit.
 */
import type { Product, Story } from '../../model/schema';
import { formatNumber, formatScore } from '../../scoring/format';
import { EFFORT_STEP, impactLabel, RICE_IMPACT_SCALE, riceScore } from '../../scoring/rice';
import type { PlanMarker } from '../../model/exerciseSchema';
import { bestWithinCapacity } from '../knapsack';
import { scopedStories } from '../scope';
import { listText, plural, quote, type RubricItem, type RuleResult } from './types';

const IMPACT_VALUES = RICE_IMPACT_SCALE.map((s) => s.value).join(', ');

/** The problems with one story's RICE inputs ([] when it can be scored on the usual scales). */
export function riceProblems(story: Story, intercomScales: boolean): string[] {
  const rice = story.scores.rice;
  const result = riceScore(rice);
  const problems: string[] = [];
  if (result.status === 'missing') problems.push(`Missing ${listText(result.missing)}.`);
  if (result.status === 'invalid') problems.push(result.message);
  if (intercomScales) {
    if (rice.impact !== null && impactLabel(rice.impact) === null) problems.push(`Impact ${formatNumber(rice.impact)} is not on Intercom's scale (${IMPACT_VALUES}).`);
    if (rice.effort !== null && rice.effort > 0 && rice.effort < EFFORT_STEP) problems.push(`Effort ${formatNumber(rice.effort)} is below the smallest effort RICE counts (${EFFORT_STEP} person-months).`);
  }
  return problems;
}

/** Every story has complete RICE inputs (on Intercom's scales, unless switched off). */
export function checkRiceScored(product: Product, params: { storyIds: readonly string[]; intercomScales: boolean }): RuleResult {
  const { stories, missing } = scopedStories(product, params.storyIds);
  const items: RubricItem[] = [];
  for (const story of stories) {
    const problems = riceProblems(story, params.intercomScales);
    if (problems.length > 0) items.push({ id: story.id, title: story.title, problem: problems.join(' ') });
  }
  for (const id of missing) items.push({ id, title: id, problem: 'This story no longer exists. Reset the exercise to bring it back.' });
  const total = stories.length + missing.length;
  return {
    passed: items.length === 0 && stories.length > 0,
    summary: `${total - items.length} of ${plural(total, 'story', 'stories')} have a complete RICE score.`,
    items,
    explanation:
      `RICE compares ideas only when every input is filled in, on the same scales: reach in ${product.prioritization.reachPeriod}, impact ${IMPACT_VALUES} (massive to minimal), confidence as a percentage (100 high, 80 medium, 50 low), and effort in person-months (at least ${EFFORT_STEP}). A missing input is not a zero — it makes the score unknown.`,
    noteId: 'rice',
  };
}

/** Whether the learner marked `story` as part of the plan. */
export function isMarked(story: Story, marker: PlanMarker): boolean {
  if (marker.kind === 'moscow') return story.scores.moscow === marker.value;
  const wanted = marker.label.trim().toLowerCase();
  return story.labels.some((l) => l.trim().toLowerCase() === wanted);
}

/** "MoSCoW “Must have”", "the label “next-quarter”". */
export function markerText(marker: PlanMarker): string {
  if (marker.kind === 'label') return `the label “${marker.label}”`;
  const names = { must: 'Must have', should: 'Should have', could: 'Could have', wont: "Won't have" } as const;
  return `MoSCoW “${names[marker.value]}”`;
}

export interface PlanFacts {
  chosen: Story[];
  /** Chosen stories that have a complete RICE score. */
  scoredChosen: { story: Story; score: number; effort: number }[];
  effort: number;
  total: number;
  best: { ids: string[]; value: number; weight: number };
  candidates: { story: Story; score: number; effort: number }[];
}

/** The learner's plan and the best plan over the candidates, from the current RICE inputs. */
export function planFacts(product: Product, params: { storyIds: readonly string[]; capacity: number; marker: PlanMarker }): PlanFacts {
  const { stories } = scopedStories(product, params.storyIds);
  const candidates: PlanFacts['candidates'] = [];
  for (const story of stories) {
    const result = riceScore(story.scores.rice);
    const effort = story.scores.rice.effort;
    if (result.status === 'scored' && effort !== null) candidates.push({ story, score: result.score, effort });
  }
  const chosen = stories.filter((s) => isMarked(s, params.marker));
  const scoredChosen = candidates.filter((c) => chosen.includes(c.story));
  const effort = scoredChosen.reduce((sum, c) => sum + c.effort, 0);
  const total = scoredChosen.reduce((sum, c) => sum + c.score, 0);
  const best = bestWithinCapacity(
    candidates.map((c) => ({ id: c.story.id, value: c.score, weight: c.effort })),
    params.capacity,
  );
  return { chosen, scoredChosen, effort, total, best, candidates };
}

/**
 * The stories marked as chosen fit the capacity (in RICE person-months) and their total RICE score
 * reaches `minShareOfBest` of the best total any set of candidates could reach within it.
 */
export function checkCapacityPlan(
  product: Product,
  params: { storyIds: readonly string[]; capacity: number; marker: PlanMarker; minShareOfBest: number },
): RuleResult {
  const facts = planFacts(product, params);
  const mark = markerText(params.marker);
  const items: RubricItem[] = [];
  const plan = 'Your plan';
  if (facts.chosen.length === 0) {
    items.push({ id: 'plan', title: plan, problem: `Nothing is chosen yet: mark the stories you would do this period with ${mark}.` });
  }
  for (const story of facts.chosen) {
    if (!facts.scoredChosen.some((c) => c.story === story)) {
      items.push({ id: story.id, title: story.title, problem: 'Chosen, but it has no complete RICE score, so its value cannot be weighed against its effort.' });
    }
  }
  if (facts.effort > params.capacity + 1e-9) {
    items.push({
      id: 'plan-capacity',
      title: plan,
      problem: `The chosen stories need ${formatNumber(facts.effort)} person-months; the capacity is ${formatNumber(params.capacity)}. Drop something, or split it.`,
    });
  }
  const share = facts.best.value > 0 ? facts.total / facts.best.value : 0;
  const enough = facts.best.value > 0 && facts.total >= params.minShareOfBest * facts.best.value - 1e-9;
  if (facts.chosen.length > 0 && !enough) {
    const worstRatio = Math.min(...facts.scoredChosen.map((c) => c.score / c.effort), Number.POSITIVE_INFINITY);
    const better = facts.candidates
      .filter((c) => !facts.chosen.includes(c.story) && c.score / c.effort > worstRatio)
      .sort((a, b) => b.score / b.effort - a.score / a.effort)
      .slice(0, 3)
      .map((c) => quote(c.story.title));
    items.push({
      id: 'plan-value',
      title: plan,
      problem:
        `Your plan's RICE total is ${formatScore(facts.total)}: ${Math.round(share * 100)}% of the ${formatScore(facts.best.value)} the best plan within ${formatNumber(params.capacity)} person-months reaches (aim for ${Math.round(params.minShareOfBest * 100)}%).` +
        (better.length > 0 ? ` More value per person-month, left out: ${listText(better)}.` : ''),
    });
  }
  return {
    passed: items.length === 0,
    summary:
      facts.chosen.length === 0
        ? `No story is marked with ${mark} yet.`
        : `${plural(facts.chosen.length, 'story', 'stories')} chosen: ${formatNumber(facts.effort)} of ${formatNumber(params.capacity)} person-months, RICE total ${formatScore(facts.total)} (${Math.round(share * 100)}% of the best that fits).`,
    items,
    explanation:
      `A plan is a choice within a fixed capacity: mark with ${mark} the stories you would do, so that their RICE effort fits ${formatNumber(params.capacity)} person-months and their total RICE score comes close to the best total that fits. Sorting by score is not enough — a large item can crowd out several smaller ones that are worth more together. If you leave out a high scorer on purpose (a legal duty, a dependency), say why in the prioritisation notes.`,
    noteId: 'capacity-planning',
  };
}
