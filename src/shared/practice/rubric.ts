/**
 * The rubric: each rule of an exercise evaluated by a pure function of the product and the rule's
 * parameters — `(product, params) → { passed, summary, items, explanation, noteId }`. A rule that
 * names no stories uses the exercise's scope.
 */
import type { Product } from '../model/schema';
import type { ExerciseScope, RubricRule } from '../model/exerciseSchema';
import { checkCriteriaTestable, checkStoriesEstimated, checkStoriesReady, checkStorySplit } from './rules/backlog';
import { checkNorthStar } from './rules/northStar';
import { checkCapacityPlan, checkRiceScored } from './rules/prioritisation';
import { checkRoadmapDependencies, checkRoadmapLaterUndated, checkRoadmapOutcomes } from './rules/roadmap';
import { checkSpecComplete } from './rules/spec';
import type { RuleResult } from './rules/types';

export type { RubricItem, RuleResult } from './rules/types';
export { checkCriteriaTestable, checkStoriesEstimated, checkStoriesReady, checkStorySplit } from './rules/backlog';
export { checkNorthStar } from './rules/northStar';
export { checkCapacityPlan, checkRiceScored } from './rules/prioritisation';
export { checkRoadmapDependencies, checkRoadmapLaterUndated, checkRoadmapOutcomes } from './rules/roadmap';
export { checkSpecComplete } from './rules/spec';

/** The stories a rule is about: its own list, or the exercise's scope. */
export function ruleStoryIds(rule: RubricRule, scope: Pick<ExerciseScope, 'storyIds'>): string[] {
  if ('storyIds' in rule && rule.storyIds !== undefined) return rule.storyIds;
  return scope.storyIds;
}

export function evaluateRule(product: Product, rule: RubricRule, scope: Pick<ExerciseScope, 'storyIds'>): RuleResult {
  const storyIds = ruleStoryIds(rule, scope);
  switch (rule.check) {
    case 'stories-ready':
      return checkStoriesReady(product, { storyIds });
    case 'criteria-testable':
      return checkCriteriaTestable(product, { storyIds, minCriteria: rule.minCriteria, givenWhenThen: rule.givenWhenThen });
    case 'stories-estimated':
      return checkStoriesEstimated(product, { storyIds, maxEstimate: rule.maxEstimate });
    case 'story-split':
      return checkStorySplit(product, rule);
    case 'rice-scored':
      return checkRiceScored(product, { storyIds, intercomScales: rule.intercomScales });
    case 'capacity-plan':
      return checkCapacityPlan(product, { storyIds, capacity: rule.capacity, marker: rule.marker, minShareOfBest: rule.minShareOfBest });
    case 'roadmap-outcomes':
      return checkRoadmapOutcomes(product, rule);
    case 'roadmap-dependencies':
      return checkRoadmapDependencies(product);
    case 'roadmap-later-undated':
      return checkRoadmapLaterUndated(product);
    case 'spec-complete':
      return checkSpecComplete(product, rule);
    case 'north-star':
      return checkNorthStar(product, rule);
  }
}
