/**
 * Rubric checks on the roadmap, built on the roadmap coach's checks: a goal planned across the
 * horizons, every item tied to an outcome, no dependency problems, no false precision in Later.
 */
import { HORIZONS, type Horizon, type Product } from '../../model/schema';
import { CHECKS, checkDependencyCycles, checkDependencyOrder, checkFalsePrecision, checkOutcomes, type RoadmapFinding } from '../../roadmap/checks';
import { listText, plural, quote, type RubricItem, type RuleResult } from './types';

export const HORIZON_NAMES: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

function findingItems(product: Product, findings: readonly RoadmapFinding[]): RubricItem[] {
  const byId = new Map(product.roadmap.items.map((i) => [i.id, i]));
  return findings.map((f) => {
    const id = f.itemIds[0] ?? f.key;
    return { id, title: byId.get(id)?.title ?? id, problem: f.message };
  });
}

/** The horizons that hold items for `goalId`, in Now/Next/Later order. */
export function goalHorizons(product: Product, goalId: string): Horizon[] {
  const used = new Set(product.roadmap.items.filter((i) => i.goalId === goalId).map((i) => i.horizon));
  return HORIZONS.filter((h) => used.has(h));
}

/** The goal has items in enough horizons (and in Now if asked), and every item is linked to a goal. */
export function checkRoadmapOutcomes(product: Product, params: { goalId: string; minHorizons: number; requireNow: boolean; allItemsLinked: boolean }): RuleResult {
  const goal = product.goals.find((g) => g.id === params.goalId);
  const items: RubricItem[] = [];
  const base = { explanation: `${CHECKS['no-goal'].explanation} A goal you are serious about has work in Now and the next bet lined up, not only wishes in Later.`, noteId: 'outcome-roadmaps' as const };
  if (!goal) {
    return { ...base, passed: false, summary: 'The goal no longer exists.', items: [{ id: params.goalId, title: params.goalId, problem: 'This goal no longer exists. Reset the exercise to bring it back.' }] };
  }
  const horizons = goalHorizons(product, goal.id);
  const count = product.roadmap.items.filter((i) => i.goalId === goal.id).length;
  const where = horizons.length === 0 ? 'no horizon' : listText(horizons.map((h) => HORIZON_NAMES[h]));
  if (horizons.length < params.minHorizons) {
    items.push({ id: goal.id, title: goal.title, problem: `Its items are in ${where}; plan it in at least ${params.minHorizons} of Now, Next and Later.` });
  }
  if (params.requireNow && !horizons.includes('now')) {
    items.push({ id: `${goal.id}-now`, title: goal.title, problem: 'Nothing for this goal is in Now: what is the team doing about it today?' });
  }
  const unlinked = params.allItemsLinked ? checkOutcomes(product) : [];
  items.push(...findingItems(product, unlinked));
  const linked = product.roadmap.items.length - unlinked.length;
  return {
    ...base,
    passed: items.length === 0,
    summary: `${quote(goal.title)} has ${plural(count, 'item')} in ${where}${params.allItemsLinked ? `; ${linked} of ${plural(product.roadmap.items.length, 'item')} are linked to a goal` : ''}.`,
    items,
  };
}

/** Nothing is scheduled before what it depends on, and no dependencies form a loop. */
export function checkRoadmapDependencies(product: Product): RuleResult {
  const order = checkDependencyOrder(product);
  const cycles = checkDependencyCycles(product);
  const items = findingItems(product, [...order, ...cycles]);
  const explanation = [order.length > 0 || cycles.length === 0 ? CHECKS['dependency-order'].explanation : null, cycles.length > 0 ? CHECKS['dependency-cycle'].explanation : null]
    .filter((t): t is string => t !== null)
    .join(' ');
  return {
    passed: items.length === 0,
    summary: items.length === 0 ? 'No item is planned before what it depends on, and there are no loops.' : `${plural(items.length, 'dependency problem')} on the roadmap.`,
    items,
    explanation,
    noteId: 'dependencies',
  };
}

/** Later items carry no exact dates. */
export function checkRoadmapLaterUndated(product: Product): RuleResult {
  const findings = checkFalsePrecision(product);
  return {
    passed: findings.length === 0,
    summary: findings.length === 0 ? 'Later items are undated.' : `${plural(findings.length, 'Later item')} with exact dates.`,
    items: findingItems(product, findings),
    explanation: CHECKS['false-precision'].explanation,
    noteId: 'outcome-roadmaps',
  };
}
