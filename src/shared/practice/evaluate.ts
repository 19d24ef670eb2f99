/**
 * "Check my work": every rubric criterion evaluated, the score (the weighted share of criteria
 * passed, 0–100) and whether the exercise is passed (every required criterion passes).
 */
import type { Product } from '../model/schema';
import type { Criterion, Exercise } from '../model/exerciseSchema';
import { evaluateRule, type RuleResult } from './rubric';

export interface CriterionResult extends RuleResult {
  id: string;
  label: string;
  weight: number;
  required: boolean;
  check: Criterion['rule']['check'];
}

export interface ExerciseResult {
  exerciseId: string;
  score: number;
  passed: boolean;
  criteria: CriterionResult[];
}

export function scoreOf(criteria: readonly Pick<CriterionResult, 'weight' | 'passed'>[]): number {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return 0;
  const earned = criteria.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0);
  return Math.round((100 * earned) / total);
}

export function evaluateExercise(product: Product, exercise: Exercise): ExerciseResult {
  const criteria = exercise.rubric.map((criterion): CriterionResult => ({
    ...evaluateRule(product, criterion.rule, exercise.scope),
    id: criterion.id,
    label: criterion.label,
    weight: criterion.weight,
    required: criterion.required,
    check: criterion.rule.check,
  }));
  return {
    exerciseId: exercise.id,
    score: scoreOf(criteria),
    passed: criteria.every((c) => !c.required || c.passed),
    criteria,
  };
}
