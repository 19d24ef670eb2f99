/** Seeded randomness for reproducible reliability tests (mulberry32, shared with the bench). */
export { mulberry32 } from '../../bench/generate/prng';

export type Rng = () => number;

/** An integer in [min, max]. */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

const WORDS = ['learner', 'backlog', 'roadmap', 'refine', 'story', 'value', 'metric', 'outcome', 'éàü', '“quoted”', 'emoji 🚲', 'tab\there', 'line\nbreak', '\\back', '{json}'];

/** Text of roughly `length` characters made of words (including non-ASCII and JSON-escaped ones). */
export function randText(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += `${pick(rng, WORDS)} `;
  return out.slice(0, length);
}
