/** Progress through a product's exercises: attempted, passed, best scores. */
import type { Practice } from '../model/schema';
import type { Attempt } from '../model/exerciseSchema';

export interface ExerciseStatus {
  attempts: number;
  /** The best score so far, or null before the first attempt. */
  best: number | null;
  /** Passed at least once. */
  passed: boolean;
  last: Attempt | null;
}

export function exerciseStatus(practice: Pick<Practice, 'attempts'>, exerciseId: string): ExerciseStatus {
  const mine = practice.attempts.filter((a) => a.exerciseId === exerciseId);
  return {
    attempts: mine.length,
    best: mine.length === 0 ? null : Math.max(...mine.map((a) => a.score)),
    passed: mine.some((a) => a.passed),
    last: mine[mine.length - 1] ?? null,
  };
}

export interface PracticeProgress {
  exercises: number;
  attempted: number;
  passed: number;
  /** The mean of the best score of each attempted exercise (0–100), or null when none was attempted. */
  averageScore: number | null;
}

export function practiceProgress(practice: Pick<Practice, 'exercises' | 'attempts'>): PracticeProgress {
  let attempted = 0;
  let passed = 0;
  let bestSum = 0;
  for (const exercise of practice.exercises) {
    const status = exerciseStatus(practice, exercise.id);
    if (status.best === null) continue;
    attempted += 1;
    bestSum += status.best;
    if (status.passed) passed += 1;
  }
  return { exercises: practice.exercises.length, attempted, passed, averageScore: attempted === 0 ? null : Math.round(bestSum / attempted) };
}

/** Progress summed over several products (the average weighted by attempted exercises). */
export function combineProgress(list: readonly PracticeProgress[]): PracticeProgress {
  let exercises = 0;
  let attempted = 0;
  let passed = 0;
  let weighted = 0;
  for (const p of list) {
    exercises += p.exercises;
    attempted += p.attempted;
    passed += p.passed;
    if (p.averageScore !== null) weighted += p.averageScore * p.attempted;
  }
  return { exercises, attempted, passed, averageScore: attempted === 0 ? null : Math.round(weighted / attempted) };
}
