/** Small text helpers for the coach: words, crude stems, vague-word search. */

const STOPWORDS = new Set(
  'a an the and or but to of in on for with from by at as is are be can could should would will i we you they it its my our their this that these those so when then if into via per not no all any each more less than up out about after before user users'.split(
    ' ',
  ),
);

/** Lower-case word tokens (letters and digits). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/** Words that teams use for the same thing in backlogs, folded to one form before comparing. */
const SYNONYMS: Record<string, string> = {
  photo: 'photograph',
  picture: 'photograph',
  preprod: 'staging',
  alert: 'notify',
  notification: 'notify',
  reminder: 'remind',
  mute: 'silence',
  find: 'search',
  lookup: 'search',
  delete: 'remove',
  environment: 'space',
  till: 'receipt',
};

/** A small English stemmer so "exports", "exported", "exporting" and "export" meet. */
export function basicStem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  // "scann" → "scan", but keep "ll"/"ss" ("install", "access").
  if (/([b-df-hj-km-rt-vz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

const STEMMED_SYNONYMS = new Map(Object.entries(SYNONYMS).map(([from, to]) => [basicStem(from), basicStem(to)]));

/** The stem of a word, with common backlog synonyms folded together. */
export function stem(word: string): string {
  const base = basicStem(word);
  return STEMMED_SYNONYMS.get(base) ?? base;
}

/** Content-word stems of a text, without stopwords. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (!STOPWORDS.has(w) && w.length > 1) out.add(stem(w));
  }
  return out;
}

/**
 * Words and phrases that make a criterion or title untestable: nobody can check "fast" or
 * "user-friendly" without a number or an observable behaviour.
 */
export const VAGUE_TERMS = [
  'fast',
  'faster',
  'quick',
  'quickly',
  'easy',
  'easily',
  'easier',
  'simple',
  'simply',
  'user-friendly',
  'intuitive',
  'seamless',
  'seamlessly',
  'etc',
  'and so on',
  'as needed',
  'as appropriate',
  'if necessary',
  'improve',
  'improved',
  'better',
  'efficient',
  'efficiently',
  'robust',
  'flexible',
  'nice',
  'modern',
  'clean',
  'smooth',
  'optimal',
  'optimised',
  'optimized',
  'reasonable',
  'appropriate',
  'several',
  'various',
  'good',
  'properly',
  'works well',
] as const;

/** The longest plain word of a term: any text the term's pattern matches contains it. */
function needleOf(term: string): string {
  return (term.match(/[a-z]+/g) ?? [term]).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** A term as a regex body: a hyphen may also be a space or nothing, a space any run of spaces. */
function termPattern(term: string): string {
  return term.replace(/[-\s]/g, (c) => (c === '-' ? '[-\\s]?' : '\\s+'));
}

const VAGUE_PATTERNS = VAGUE_TERMS.map((term) => ({
  term,
  needle: needleOf(term),
  pattern: new RegExp(`(?<![\\w-])${termPattern(term)}(?![\\w-])`, 'i'),
}));

/** Matches where any one of the patterns above does: one scan rules out most texts at once. */
const ANY_VAGUE_TERM = new RegExp(`(?<![\\w-])(?:${VAGUE_TERMS.map(termPattern).join('|')})(?![\\w-])`, 'i');

/** The vague terms found in `text`, in the order of `VAGUE_TERMS`. */
export function findVagueTerms(text: string): string[] {
  // The coach checks every story's title and criteria (35,000 texts at 10,000 stories).
  if (!ANY_VAGUE_TERM.test(text)) return [];
  const found: string[] = [];
  const lower = text.toLowerCase();
  for (const { term, pattern, needle } of VAGUE_PATTERNS) {
    // The regex (with look-behind) is the costly part at 10,000 stories; most texts lack the word.
    if (lower.includes(needle) && pattern.test(text)) found.push(term);
  }
  return found;
}
