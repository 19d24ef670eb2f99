/**
 * The result of scoring one item under one framework. A missing input makes the score missing —
 * never zero — so unscored work is not mistaken for worthless work; an input that makes the formula
 * meaningless (an effort of 0, a job size of 0) makes it invalid, with a message that says why.
 */
export type ScoreResult =
  | { status: 'scored'; score: number }
  | { status: 'missing'; missing: string[] }
  | { status: 'invalid'; message: string };

/** The score, or null when the result is missing or invalid. */
export function scoreValue(result: ScoreResult): number | null {
  return result.status === 'scored' ? result.score : null;
}

/** The names of the keys of `inputs` whose value is null, in key order. */
export function missingKeys<T extends Record<string, number | null>>(inputs: T): (keyof T & string)[] {
  return (Object.keys(inputs) as (keyof T & string)[]).filter((key) => inputs[key] === null || inputs[key] === undefined);
}

/** A finite score, or an "invalid" result saying the numbers are too large to compare. */
export function finiteScore(score: number): ScoreResult {
  if (!Number.isFinite(score)) return { status: 'invalid', message: 'The inputs are too large to score: the result is not a finite number.' };
  return { status: 'scored', score };
}
