/**
 * The north-star check. A north star is defined when, in either place the rule allows:
 *
 * - a metric-tree spec's “North star metric” section holds a metric the learner wrote, and its
 *   “Input metrics” section lists at least `minInputs` written input metrics (list items, or table
 *   rows with something written besides the HEART category), covering at least `minCategories`
 *   different HEART categories (a row's category cell, or a category named in the item's text); or
 * - a goal whose title, metric or description says “north star” has a metric, and at least
 *   `minInputs` other goals have a metric, whose HEART categories (the goal's `heart` field)
 *   cover at least `minCategories` different ones.
 */
import type { DocNode, HeartCategorySchema, Product } from '../../model/schema';
import { nodeText, normalizeText } from '../../spec/nodes';
import { matchSections, sectionItems, writtenText } from '../../spec/sections';
import { SPEC_TEMPLATES } from '../../spec/templates';
import { listText, plural, quote, type RubricItem, type RuleResult } from './types';

type Heart = (typeof HeartCategorySchema)['options'][number];

export const HEART_NAMES: Record<Heart, string> = {
  happiness: 'Happiness',
  engagement: 'Engagement',
  adoption: 'Adoption',
  retention: 'Retention',
  'task-success': 'Task success',
};

const HEART_WORDS: readonly { category: Heart; re: RegExp }[] = [
  { category: 'happiness', re: /\bhappiness\b/ },
  { category: 'engagement', re: /\bengagement\b/ },
  { category: 'adoption', re: /\badoption\b/ },
  { category: 'retention', re: /\bretention\b/ },
  { category: 'task-success', re: /\btask[ -]success\b/ },
];

const NORTH_STAR = /north[ -]?star/i;

export interface InputMetric {
  text: string;
  category: Heart | null;
}

export interface NorthStarFacts {
  source: 'spec' | 'goals';
  /** The spec or goal that holds it (null when there is none). */
  holderId: string | null;
  holderTitle: string | null;
  northStar: string | null;
  inputs: InputMetric[];
  categories: Heart[];
}

function categoryOf(item: DocNode): Heart | null {
  if (item.type === 'tableRow') {
    for (const cell of item.content ?? []) {
      const t = normalizeText(nodeText(cell));
      const hit = HEART_WORDS.find((w) => t === HEART_NAMES[w.category].toLowerCase() || (t.length < 40 && w.re.test(t)));
      if (hit) return hit.category;
    }
    return null;
  }
  const t = normalizeText(nodeText(item));
  return HEART_WORDS.find((w) => w.re.test(t))?.category ?? null;
}

function distinctCategories(inputs: readonly InputMetric[]): Heart[] {
  const set = new Set(inputs.map((i) => i.category).filter((c): c is Heart => c !== null));
  return HEART_WORDS.map((w) => w.category).filter((c) => set.has(c));
}

/** The north star and inputs of each metric-tree spec. */
export function specNorthStars(product: Product): NorthStarFacts[] {
  const sections = SPEC_TEMPLATES['metric-tree'].sections;
  return product.specs
    .filter((s) => s.template === 'metric-tree')
    .map((spec) => {
      const matched = matchSections(spec.content, sections);
      const star = matched.get('north-star');
      const northStar = star ? (sectionItems(star.blocks).map(writtenText).find((t) => t !== '') ?? null) : null;
      const inputSection = matched.get('inputs');
      const inputs = inputSection
        ? sectionItems(inputSection.blocks)
            .map((item) => ({ text: writtenText(item), category: categoryOf(item) }))
            .filter((i) => i.text !== '')
        : [];
      return { source: 'spec' as const, holderId: spec.id, holderTitle: spec.title, northStar, inputs, categories: distinctCategories(inputs) };
    });
}

/** The north star and inputs written as goals. */
export function goalNorthStar(product: Product): NorthStarFacts {
  const star = product.goals.find((g) => g.metric.trim() !== '' && (NORTH_STAR.test(g.title) || NORTH_STAR.test(g.metric) || NORTH_STAR.test(g.description)));
  const inputs = product.goals.filter((g) => g !== star && g.metric.trim() !== '').map((g) => ({ text: `${g.title}: ${g.metric}`, category: g.heart }));
  return { source: 'goals', holderId: star?.id ?? null, holderTitle: star?.title ?? null, northStar: star ? star.metric : null, inputs, categories: distinctCategories(inputs) };
}

function problems(facts: NorthStarFacts, params: { minInputs: number; minCategories: number }): RubricItem[] {
  if (facts.source === 'spec' && facts.holderId === null) {
    return [
      {
        id: 'north-star',
        title: 'North-star metric',
        problem: 'There is no metric-tree spec yet. In the Spec view, choose “New spec” and the Metric tree template, then write the north-star metric and its input metrics.',
      },
    ];
  }
  const items: RubricItem[] = [];
  const where = facts.source === 'spec' ? (facts.holderTitle ? quote(facts.holderTitle) : 'a metric-tree spec') : 'the goals';
  if (facts.northStar === null) {
    items.push({
      id: 'north-star',
      title: 'North-star metric',
      problem:
        facts.source === 'spec'
          ? `${where} names no north-star metric yet: write it under “North star metric”.`
          : 'No goal is marked as the north star: say “North star” in its title or metric.',
    });
  }
  if (facts.inputs.length < params.minInputs) {
    items.push({ id: 'inputs', title: 'Input metrics', problem: `${where} ${facts.inputs.length === 0 ? 'lists no input metrics' : `lists ${plural(facts.inputs.length, 'input metric')}`}; name at least ${params.minInputs} that a team can move.` });
  }
  const uncategorised = facts.inputs.filter((i) => i.category === null);
  if (facts.categories.length < params.minCategories) {
    const covered = facts.categories.length === 0 ? 'no HEART category' : listText(facts.categories.map((c) => HEART_NAMES[c]));
    items.push({ id: 'heart', title: 'HEART categories', problem: `The inputs cover ${covered}; cover at least ${params.minCategories} different categories (Happiness, Engagement, Adoption, Retention, Task success).` });
  }
  for (const input of uncategorised.slice(0, 5)) {
    items.push({ id: `input-${input.text.slice(0, 40)}`, title: input.text.length > 80 ? `${input.text.slice(0, 79)}…` : input.text, problem: 'No HEART category: say which kind of metric it is.' });
  }
  return items;
}

/** The facts of the best north star the rule accepts, and what it still lacks. */
export function bestNorthStar(product: Product, params: { source: 'spec' | 'goals' | 'either'; minInputs: number; minCategories: number }): { facts: NorthStarFacts; items: RubricItem[] } {
  const options: NorthStarFacts[] = [];
  if (params.source !== 'goals') {
    const specs = specNorthStars(product);
    options.push(...(specs.length > 0 ? specs : [{ source: 'spec' as const, holderId: null, holderTitle: null, northStar: null, inputs: [], categories: [] }]));
  }
  if (params.source !== 'spec') options.push(goalNorthStar(product));
  let best: { facts: NorthStarFacts; items: RubricItem[] } | null = null;
  for (const facts of options) {
    const items = problems(facts, params);
    if (best === null || items.length < best.items.length) best = { facts, items };
  }
  return best ?? { facts: goalNorthStar(product), items: [] };
}

export function checkNorthStar(product: Product, params: { source: 'spec' | 'goals' | 'either'; minInputs: number; minCategories: number }): RuleResult {
  const { facts, items } = bestNorthStar(product, params);
  const categories = facts.categories.map((c) => HEART_NAMES[c]);
  return {
    passed: items.length === 0,
    summary:
      facts.northStar === null
        ? 'No north-star metric is named yet.'
        : `North star “${facts.northStar.length > 90 ? `${facts.northStar.slice(0, 89)}…` : facts.northStar}” with ${plural(facts.inputs.length, 'input metric')} across ${plural(categories.length, 'HEART category', 'HEART categories')}${categories.length > 0 ? ` (${listText(categories)})` : ''}.`,
    items,
    explanation:
      'A north-star metric captures the value users get and predicts the business result; it is too broad for one team to move, so break it into input metrics that teams can move. Classifying the inputs by HEART (Happiness, Engagement, Adoption, Retention, Task success) keeps the tree balanced — adoption without retention is a leaky bucket.',
    noteId: 'north-star',
  };
}
