/**
 * The ranking exercise: the learner orders a sample of scored items by judgement, then compares the
 * order with RICE's. Agreement is Kendall's tau (and Spearman's rho); the largest disagreements are
 * explained by the input that most pushes RICE the other way (compared with the sample's median).
 */
import type { RiceInputs } from '../model/schema';
import { kendallTau, spearmanRho } from './agreement';
import { formatNumber, formatPercent } from './format';
import type { Ranking } from './ranking';
import type { RiceFactor } from './rice';

export const EXERCISE_SAMPLE_SIZE = 8;
export const MIN_EXERCISE_ITEMS = 3;

/** A small deterministic PRNG (mulberry32), so a sample can be made again from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A sample of up to `size` RICE-ranked items for the exercise: one from each of `size` equal slices of
 * the ranking (so it spans top to bottom), in a shuffled order that is not already the RICE order.
 */
export function exerciseSample(ranking: Ranking, size: number = EXERCISE_SAMPLE_SIZE, seed = 1): string[] {
  const ids = ranking.ordered.map((e) => e.id);
  const n = ids.length;
  const random = seededRandom(seed);
  const count = Math.min(size, n);
  const picked: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const start = Math.floor((i * n) / count);
    const end = Math.floor(((i + 1) * n) / count);
    const index = start + Math.floor(random() * Math.max(1, end - start));
    picked.push(ids[Math.min(index, n - 1)] as string);
  }
  for (let i = picked.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [picked[i], picked[j]] = [picked[j] as string, picked[i] as string];
  }
  const inRiceOrder = picked.every((id, i) => i === 0 || (ranking.byId.get(id)?.position ?? 0) > (ranking.byId.get(picked[i - 1] as string)?.position ?? 0));
  if (inRiceOrder && picked.length > 1) picked.reverse();
  return picked;
}

/** The learner's saved ranking with ids that are no longer ranked by RICE left out. */
export function usableLearnerRanking(saved: readonly string[] | null, ranking: Ranking): string[] | null {
  if (saved === null) return null;
  const seen = new Set<string>();
  const out = saved.filter((id) => ranking.byId.has(id) && !seen.has(id) && (seen.add(id), true));
  return out.length >= MIN_EXERCISE_ITEMS ? out : null;
}

export interface ExerciseDriver {
  factor: RiceFactor;
  value: number;
  /** The median of this input over the sample. */
  median: number;
  /** Whether the input works for the item ("favours") or against it, relative to the median. */
  effect: 'favours' | 'holds back';
}

export interface ExerciseDisagreement {
  id: string;
  learnerPosition: number;
  ricePosition: number;
  /** How many places higher the learner put it than RICE (negative: lower). */
  shift: number;
  driver: ExerciseDriver | null;
  explanation: string;
}

export interface ExerciseResult {
  n: number;
  tau: number | null;
  rho: number | null;
  /** The sample's ids in RICE order. */
  riceOrder: string[];
  /** The three largest disagreements (fewer if the orders mostly agree). */
  disagreements: ExerciseDisagreement[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const FACTORS: readonly RiceFactor[] = ['reach', 'impact', 'confidence', 'effort'];

/** How strongly each input favours (positive) or holds back (negative) an item against the sample median. */
function leanings(inputs: RiceInputs, medians: Record<RiceFactor, number>): { factor: RiceFactor; lean: number }[] {
  return FACTORS.map((factor) => {
    const value = inputs[factor] ?? 0;
    const typical = medians[factor];
    const epsilon = Math.max(Math.abs(typical), Math.abs(value)) * 1e-6 + 1e-12;
    const ratio = Math.log((value + epsilon) / (typical + epsilon));
    return { factor, lean: factor === 'effort' ? -ratio : ratio };
  });
}

function describeValue(factor: RiceFactor, value: number, reachPeriod: string): string {
  switch (factor) {
    case 'reach':
      return `${formatNumber(value)}${reachPeriod ? ` ${reachPeriod}` : ''}`;
    case 'confidence':
      return formatPercent(value);
    case 'effort':
      return `${formatNumber(value)} person-months`;
    case 'impact':
      return formatNumber(value);
  }
}

function explain(d: Omit<ExerciseDisagreement, 'explanation'>, reachPeriod: string): string {
  const placed = d.shift > 0 ? `You put it ${d.shift} place${d.shift === 1 ? '' : 's'} higher than RICE (#${d.learnerPosition} vs #${d.ricePosition})` : `You put it ${-d.shift} place${d.shift === -1 ? '' : 's'} lower than RICE (#${d.learnerPosition} vs #${d.ricePosition})`;
  if (!d.driver) return `${placed}.`;
  const { factor, value, median: typical, effect } = d.driver;
  const comparison = value === typical ? 'equal to' : (factor === 'effort') === (effect === 'favours') ? 'below' : 'above';
  return `${placed}: its ${factor} (${describeValue(factor, value, reachPeriod)}) is ${comparison} the sample's median (${describeValue(factor, typical, reachPeriod)}), which works ${effect === 'favours' ? 'for' : 'against'} it in RICE.`;
}

/** Compare the learner's order of a sample with RICE's. `rice` gives each item's inputs. */
export function scoreExercise(learnerOrder: readonly string[], ranking: Ranking, rice: (id: string) => RiceInputs, reachPeriod = ''): ExerciseResult {
  const ids = learnerOrder.filter((id) => ranking.byId.has(id));
  const riceOrder = [...ids].sort((a, b) => (ranking.byId.get(a)?.position ?? 0) - (ranking.byId.get(b)?.position ?? 0));
  const ricePos = new Map(riceOrder.map((id, i) => [id, i + 1]));
  const learner = ids.map((_, i) => i + 1);
  const machine = ids.map((id) => ricePos.get(id) ?? 0);
  const medians = Object.fromEntries(FACTORS.map((f) => [f, median(ids.map((id) => rice(id)[f] ?? 0))])) as Record<RiceFactor, number>;

  const disagreements = ids
    .map((id, i) => {
      const learnerPosition = i + 1;
      const ricePosition = ricePos.get(id) ?? 0;
      const shift = ricePosition - learnerPosition;
      let driver: ExerciseDriver | null = null;
      if (shift !== 0) {
        const leans = leanings(rice(id), medians);
        // Learner ranked it higher: RICE is held back by its weakest input; lower: RICE is lifted by its strongest.
        const pick = leans.reduce((best, l) => (shift > 0 ? (l.lean < best.lean ? l : best) : l.lean > best.lean ? l : best));
        driver = { factor: pick.factor, value: rice(id)[pick.factor] ?? 0, median: medians[pick.factor], effect: pick.lean >= 0 ? 'favours' : 'holds back' };
      }
      return { id, learnerPosition, ricePosition, shift, driver };
    })
    .filter((d) => d.shift !== 0)
    .sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift) || a.ricePosition - b.ricePosition)
    .slice(0, 3)
    .map((d) => ({ ...d, explanation: explain(d, reachPeriod) }));

  return { n: ids.length, tau: kendallTau(learner, machine), rho: spearmanRho(learner, machine), riceOrder, disagreements };
}
