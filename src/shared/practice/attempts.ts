/** Recording "Check my work" results in the product's practice section (the last few per exercise). */
import type { Edit } from '../edits/editSchema';
import type { Practice } from '../model/schema';
import { ATTEMPTS_KEPT, type Attempt } from '../model/exerciseSchema';
import type { ExerciseResult } from './evaluate';

/** The attempt to store for a result; `now` is an ISO date-time (pure code is given the time). */
export function attemptOf(result: ExerciseResult, now: string): Attempt {
  return {
    exerciseId: result.exerciseId,
    at: now,
    score: result.score,
    passed: result.passed,
    criteria: result.criteria.map((c) => ({ id: c.id, passed: c.passed })),
  };
}

/** The attempts of one exercise, oldest first. */
export function attemptsFor(practice: Pick<Practice, 'attempts'>, exerciseId: string): Attempt[] {
  return practice.attempts.filter((a) => a.exerciseId === exerciseId);
}

/** The practice section's attempts with `attempt` added, keeping the last `ATTEMPTS_KEPT` of its exercise. */
export function withAttempt(attempts: readonly Attempt[], attempt: Attempt, keep: number = ATTEMPTS_KEPT): Attempt[] {
  const mine = [...attempts.filter((a) => a.exerciseId === attempt.exerciseId), attempt];
  const dropped = new Set(mine.slice(0, Math.max(0, mine.length - keep)));
  return [...attempts.filter((a) => !dropped.has(a)), attempt];
}

/** The edit that records an attempt (dispatched outside the undo history: undo should not erase a check). */
export function recordAttemptEdit(practice: Pick<Practice, 'attempts'>, attempt: Attempt): Edit {
  return { type: 'practice.update', patch: { attempts: withAttempt(practice.attempts, attempt) } };
}
