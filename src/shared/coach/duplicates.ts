/**
 * Likely duplicate stories: pairs whose titles and "I want" share their rarer content words. The
 * score is the cosine of IDF-weighted word sets (a word most stories use says little; a rare word
 * two stories share says a lot). An inverted index keeps it near-linear: only stories that share a
 * reasonably rare word are compared.
 */
import type { Story } from '../model/schema';
import { contentStems } from './text';

export const DUPLICATE_THRESHOLD = 0.45;

/** Dice coefficient of two sets (used where no corpus weights are available). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

type StoryText = Pick<Story, 'id' | 'title' | 'iWant'>;

/** IDF-weighted cosine similarity of two stories' word sets. */
function weightedCosine(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: ReadonlyMap<string, number>, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  let dot = 0;
  for (const x of a) if (b.has(x)) dot += (idf.get(x) ?? 0) ** 2;
  return dot / (normA * normB);
}

/** Every compared pair of stories (indexes into `stories`) with its similarity. */
export function scoredPairs(stories: readonly StoryText[]): { i: number; j: number; score: number }[] {
  const full = scoredPairsOf(stories.map((s) => contentStems(`${s.title} ${s.iWant}`)));
  const titles = new Map(scoredPairsOf(stories.map((s) => contentStems(s.title))).map((p) => [`${p.i}:${p.j}`, p.score]));
  return full.map((p) => ({ ...p, score: Math.max(p.score, titles.get(`${p.i}:${p.j}`) ?? 0) }));
}

/** IDF-weighted cosine of every pair of word sets that share a reasonably rare word. */
function scoredPairsOf(stems: readonly Set<string>[]): { i: number; j: number; score: number }[] {
  const index = new Map<string, number[]>();
  stems.forEach((set, i) => {
    for (const s of set) {
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  });
  const n = stems.length;
  const idf = new Map<string, number>();
  for (const [word, postings] of index) idf.set(word, Math.log((n + 1) / postings.length));
  const norms = stems.map((set) => Math.sqrt([...set].reduce((sum, w) => sum + (idf.get(w) ?? 0) ** 2, 0)));
  const commonLimit = Math.max(8, Math.ceil(n * 0.05));

  const pairs: { i: number; j: number; score: number }[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i += 1) {
    const mine = stems[i];
    if (!mine || mine.size < 2) continue;
    seen.clear();
    for (const word of mine) {
      const postings = index.get(word);
      if (!postings || postings.length > commonLimit) continue;
      for (const j of postings) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        const theirs = stems[j];
        if (!theirs || theirs.size < 2) continue;
        pairs.push({ i, j, score: weightedCosine(mine, theirs, idf, norms[i] ?? 0, norms[j] ?? 0) });
      }
    }
  }
  return pairs;
}

/** For every story with likely duplicates, the ids of those duplicates (symmetric). */
export function findDuplicateGroups(stories: readonly StoryText[], threshold = DUPLICATE_THRESHOLD): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = result.get(a);
    if (list) list.push(b);
    else result.set(a, [b]);
  };
  for (const { i, j, score } of scoredPairs(stories)) {
    if (score < threshold) continue;
    const a = stories[i];
    const b = stories[j];
    if (a && b) {
      add(a.id, b.id);
      add(b.id, a.id);
    }
  }
  return result;
}
