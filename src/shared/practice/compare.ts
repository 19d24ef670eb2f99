/**
 * "What the reference did differently": the learner's state and the reference answer's, compared
 * in each rubric criterion's own terms — counts, the split method read from the parts'
 * descriptions, the chosen set against the reference's set, horizons, metrics.
 */
import type { Product, RoadmapItem, Story } from '../model/schema';
import { formatRange } from '../roadmap/dates';
import { formatNumber, formatScore } from '../scoring/format';
import { riceScore } from '../scoring/rice';
import { scoreValue } from '../scoring/score';
import { matchSections, sectionItems, writtenText } from '../spec/sections';
import { SPEC_TEMPLATES } from '../spec/templates';
import type { Exercise, RubricRule } from '../model/exerciseSchema';
import { evaluateRule, ruleStoryIds } from './rubric';
import { splitMethodOf, splitMethodText, splitParts } from './rules/backlog';
import { bestNorthStar, HEART_NAMES } from './rules/northStar';
import { planFacts } from './rules/prioritisation';
import { goalHorizons, HORIZON_NAMES } from './rules/roadmap';
import { bestSpec } from './rules/spec';
import { listText, plural, quote } from './rules/types';
import { scopedStories } from './scope';

export interface CriterionDifference {
  criterionId: string;
  label: string;
  lines: string[];
}

const MAX_LINES = 6;

function clip(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

const criteriaCount = (s: Story) => s.acceptanceCriteria.filter((c) => c.text.trim() !== '').length;

/** What the reference did to one story that the learner did differently. */
function storyDifference(mine: Story | undefined, ref: Story, product: Product): string | null {
  const parts: string[] = [];
  if (!mine) {
    return ref.splitFrom !== null
      ? `${quote(ref.title)}: a part the reference split off (${ref.estimate ?? '?'} points, ${plural(criteriaCount(ref), 'criterion', 'criteria')}); yours has no such part.`
      : `${quote(ref.title)}: the reference kept this story; yours no longer has it.`;
  }
  if (ref.title !== mine.title) parts.push(`retitled it ${quote(ref.title)}`);
  if (ref.soThat.trim() !== '' && ref.soThat.trim() !== mine.soThat.trim()) parts.push(`wrote the benefit “so that ${clip(ref.soThat, 80)}”${mine.soThat.trim() === '' ? ' (yours has none)' : ''}`);
  if (ref.acceptanceCriteria.map((c) => c.text).join('\n') !== mine.acceptanceCriteria.map((c) => c.text).join('\n')) {
    const first = ref.acceptanceCriteria[0]?.text;
    const example = first ? `, e.g. “${clip(first, 80)}”` : '';
    parts.push(
      criteriaCount(ref) === criteriaCount(mine)
        ? `worded its ${plural(criteriaCount(ref), 'criterion', 'criteria')} differently${example}`
        : `wrote ${plural(criteriaCount(ref), 'criterion', 'criteria')} (yours: ${criteriaCount(mine)})${example}`,
    );
  }
  if (ref.estimate !== mine.estimate) parts.push(`estimated it at ${ref.estimate ?? '?'} (yours: ${mine.estimate ?? '?'})`);
  if (ref.epicId !== mine.epicId) {
    const epic = product.epics.find((e) => e.id === ref.epicId);
    parts.push(epic ? `put it under the epic ${quote(epic.title)}` : 'left it without an epic');
  }
  if (parts.length === 0) return null;
  return `${quote(mine.title)}: the reference ${listText(parts)}.`;
}

function storyLines(learner: Product, reference: Product, ids: readonly string[]): string[] {
  const refStories = scopedStories(reference, ids).stories;
  const mine = new Map(learner.stories.map((s) => [s.id, s]));
  return refStories.map((ref) => storyDifference(mine.get(ref.id), ref, reference)).filter((l): l is string => l !== null);
}

function riceText(story: Story): string {
  const r = story.scores.rice;
  const score = scoreValue(riceScore(r));
  if (score === null) return 'no complete score';
  return `${formatScore(score)} (${formatNumber(r.reach ?? 0)} × ${formatNumber(r.impact ?? 0)} × ${formatNumber(r.confidence ?? 0)}% ÷ ${formatNumber(r.effort ?? 0)})`;
}

function riceLines(learner: Product, reference: Product, ids: readonly string[]): string[] {
  const mine = new Map(learner.stories.map((s) => [s.id, s]));
  const rows: { line: string; gap: number }[] = [];
  for (const ref of scopedStories(reference, ids).stories) {
    const own = mine.get(ref.id);
    if (!own) continue;
    const a = scoreValue(riceScore(own.scores.rice));
    const b = scoreValue(riceScore(ref.scores.rice));
    if (b === null) continue;
    const gap = a === null || a <= 0 || b <= 0 ? Number.POSITIVE_INFINITY : Math.max(a / b, b / a);
    if (gap < 1.5) continue;
    rows.push({ gap, line: `${quote(ref.title)}: the reference scores ${riceText(ref)}; yours ${riceText(own)}.` });
  }
  return rows.sort((x, y) => y.gap - x.gap).map((r) => r.line);
}

function splitLines(learner: Product, reference: Product, storyId: string): string[] {
  const original = reference.stories.find((s) => s.id === storyId);
  if (!original) return [];
  const describe = (parts: Story[]) => {
    const methods = [...new Set(parts.map(splitMethodOf))];
    const how = methods.length === 1 ? splitMethodText(methods[0] ?? null) : 'in more than one way';
    const sizes = parts.map((p) => p.estimate ?? '?').join(', ');
    return `${how} into ${plural(parts.length, 'story', 'stories')} (${sizes} points: ${listText(parts.map((p) => quote(p.title)))})`;
  };
  const refParts = splitParts(reference, storyId);
  const mine = splitParts(learner, storyId);
  const yours = mine.length === 0 ? 'you have not split it yet' : `you split it ${describe(mine)}`;
  return [`The reference split ${quote(original.title)} ${describe(refParts)}; ${yours}.`];
}

function planLines(learner: Product, reference: Product, rule: Extract<RubricRule, { check: 'capacity-plan' }>, ids: readonly string[]): string[] {
  const params = { storyIds: ids, capacity: rule.capacity, marker: rule.marker };
  const ref = planFacts(reference, params);
  const mine = planFacts(learner, params);
  const titles = (stories: readonly Story[]) => (stories.length === 0 ? 'nothing' : listText(stories.map((s) => quote(s.title))));
  const lines = [
    `The reference chose ${plural(ref.chosen.length, 'story', 'stories')} (${formatNumber(ref.effort)} person-months, RICE total ${formatScore(ref.total)}); you chose ${plural(mine.chosen.length, 'story', 'stories')} (${formatNumber(mine.effort)} person-months, RICE total ${formatScore(mine.total)}).`,
  ];
  const onlyRef = ref.chosen.filter((s) => !mine.chosen.some((m) => m.id === s.id));
  const onlyMine = mine.chosen.filter((s) => !ref.chosen.some((r) => r.id === s.id));
  if (onlyRef.length > 0) lines.push(`Only in the reference: ${titles(onlyRef)}.`);
  if (onlyMine.length > 0) lines.push(`Only in yours: ${titles(onlyMine)}.`);
  if (onlyRef.length === 0 && onlyMine.length === 0) lines.push('You chose the same stories.');
  return lines;
}

function itemText(item: RoadmapItem): string {
  const dates = formatRange(item.start, item.end);
  return `${HORIZON_NAMES[item.horizon]}${dates ? `, ${dates}` : ', undated'}${item.dependsOn.length > 0 ? `, after ${plural(item.dependsOn.length, 'item')}` : ''}`;
}

function roadmapItemLines(learner: Product, reference: Product, keys: readonly (keyof RoadmapItem)[]): string[] {
  const mine = new Map(learner.roadmap.items.map((i) => [i.id, i]));
  const lines: string[] = [];
  for (const ref of reference.roadmap.items) {
    const own = mine.get(ref.id);
    if (!own) {
      lines.push(`${quote(ref.title)}: the reference has it (${itemText(ref)}); your roadmap does not.`);
      continue;
    }
    if (keys.every((k) => JSON.stringify(own[k]) === JSON.stringify(ref[k]))) continue;
    if (keys.includes('goalId') && ref.goalId !== own.goalId) {
      const goal = reference.goals.find((g) => g.id === ref.goalId);
      lines.push(`${quote(ref.title)}: the reference links it to ${goal ? quote(goal.title) : 'no goal'}${own.goalId === null ? '; yours to none' : ''}.`);
    } else {
      lines.push(`${quote(ref.title)}: the reference has it in ${itemText(ref)}; yours in ${itemText(own)}.`);
    }
  }
  const refIds = new Set(reference.roadmap.items.map((i) => i.id));
  for (const own of learner.roadmap.items) if (!refIds.has(own.id)) lines.push(`${quote(own.title)}: yours adds it (${itemText(own)}); the reference does not.`);
  return lines;
}

function goalLines(learner: Product, reference: Product, rule: Extract<RubricRule, { check: 'roadmap-outcomes' }>): string[] {
  const goal = reference.goals.find((g) => g.id === rule.goalId);
  if (!goal) return [];
  const where = (p: Product) => {
    const h = goalHorizons(p, goal.id);
    const n = p.roadmap.items.filter((i) => i.goalId === goal.id).length;
    return `${plural(n, 'item')} in ${h.length === 0 ? 'no horizon' : listText(h.map((x) => HORIZON_NAMES[x]))}`;
  };
  return [`The reference plans ${quote(goal.title)} with ${where(reference)}; yours with ${where(learner)}.`, ...roadmapItemLines(learner, reference, ['goalId', 'horizon'])];
}

function specLines(learner: Product, reference: Product, rule: Extract<RubricRule, { check: 'spec-complete' }>): string[] {
  const ref = bestSpec(reference, rule);
  const mine = bestSpec(learner, rule);
  if (!ref) return [];
  const passing = (a: NonNullable<typeof ref>) => `${a.checks.length - a.failing.length} of ${a.checks.length} checks pass`;
  const lines = [`The reference ${quote(ref.spec.title)}: ${passing(ref)}; ${mine ? `yours (${quote(mine.spec.title)}): ${passing(mine)}` : 'you have no such spec yet'}.`];
  const sections = SPEC_TEMPLATES[ref.spec.template].sections;
  const matched = matchSections(ref.spec.content, sections);
  const metric = sections.filter((s) => s.role === 'metrics').map((s) => matched.get(s.id)).find((s) => s !== undefined);
  const firstMetric = metric ? sectionItems(metric.blocks).map(writtenText).find((t) => t !== '') : undefined;
  if (firstMetric) lines.push(`Its success metric: “${clip(firstMetric, 140)}”.`);
  return lines;
}

function northStarLines(learner: Product, reference: Product, rule: Extract<RubricRule, { check: 'north-star' }>): string[] {
  const describe = (p: Product) => {
    const { facts } = bestNorthStar(p, rule);
    if (facts.northStar === null) return 'no north star yet';
    const cats = facts.categories.map((c) => HEART_NAMES[c]);
    return `“${clip(facts.northStar, 100)}” with ${plural(facts.inputs.length, 'input')}${cats.length > 0 ? ` (${listText(cats)})` : ''}`;
  };
  return [`The reference's north star: ${describe(reference)}. Yours: ${describe(learner)}.`];
}

function countLine(learner: Product, reference: Product, rule: RubricRule, scope: Exercise['scope']): string {
  const a = evaluateRule(reference, rule, scope);
  const b = evaluateRule(learner, rule, scope);
  return `Reference: ${a.summary} Yours: ${b.summary}`;
}

/** For each criterion, what the reference answer did differently from the learner's current state. */
export function referenceDifferences(learner: Product, reference: Product, exercise: Exercise): CriterionDifference[] {
  // Story-by-story differences are listed once, under the first story criterion they apply to.
  const described = new Set<string>();
  const storyLinesOnce = (ids: readonly string[]) => {
    const key = [...ids].sort().join(',');
    if (described.has(key)) return [];
    described.add(key);
    return storyLines(learner, reference, ids);
  };
  return exercise.rubric.map((criterion) => {
    const rule = criterion.rule;
    const ids = ruleStoryIds(rule, exercise.scope);
    let lines: string[];
    switch (rule.check) {
      case 'stories-ready':
      case 'criteria-testable':
      case 'stories-estimated':
        lines = [countLine(learner, reference, rule, exercise.scope), ...storyLinesOnce(ids)];
        break;
      case 'rice-scored':
        lines = [countLine(learner, reference, rule, exercise.scope), ...riceLines(learner, reference, ids)];
        break;
      case 'story-split':
        lines = splitLines(learner, reference, rule.storyId);
        break;
      case 'capacity-plan':
        lines = planLines(learner, reference, rule, ids);
        break;
      case 'roadmap-outcomes':
        lines = goalLines(learner, reference, rule);
        break;
      case 'roadmap-dependencies':
        lines = [countLine(learner, reference, rule, exercise.scope), ...roadmapItemLines(learner, reference, ['horizon', 'start', 'end', 'dependsOn'])];
        break;
      case 'roadmap-later-undated':
        lines = [countLine(learner, reference, rule, exercise.scope)];
        break;
      case 'spec-complete':
        lines = specLines(learner, reference, rule);
        break;
      case 'north-star':
        lines = northStarLines(learner, reference, rule);
        break;
    }
    return { criterionId: criterion.id, label: criterion.label, lines: lines.slice(0, MAX_LINES) };
  });
}
