/**
 * Roadmap checks: the mistakes a roadmap coach points out, each a pure function of the product
 * (and of "today", passed in so that the checks are testable). Every finding names the items it is
 * about, and every kind of check carries an explanation of why it matters.
 */
import { type Horizon, type Product, type RoadmapItem } from '../model/schema';
import { riceScore } from '../scoring/rice';
import { scoreValue } from '../scoring/score';
import { addDays, formatDate, formatRange, type IsoDate } from './dates';
import { dependencyCycles } from './dependencies';
import { itemsInRoadmapOrder } from './grouping';
import { indexStories, linkedStories, storyIsDone } from './progress';

export const CHECK_CODES = [
  'dependency-order',
  'dependency-cycle',
  'no-goal',
  'lane-capacity',
  'low-priority-now',
  'false-precision',
  'past-dates',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export interface CheckInfo {
  code: CheckCode;
  title: string;
  /** Why it matters and what to do about it, for the learner. */
  explanation: string;
}

export const CHECKS: Record<CheckCode, CheckInfo> = {
  'dependency-order': {
    code: 'dependency-order',
    title: 'Scheduled before what it depends on',
    explanation:
      'An item that needs another one finished first cannot sensibly start before that one ends. Either the dependency is not real, the dates are wishful, or the order has to change. With dates, an item should start after its dependency ends; without dates, it should not sit in an earlier horizon than its dependency.',
  },
  'dependency-cycle': {
    code: 'dependency-cycle',
    title: 'Dependency cycle',
    explanation:
      'These items each wait for another one in the loop, so none of them can start. Usually one link means "would be nicer after", not "needs". Remove that link, or split an item so that part of it can go first.',
  },
  'no-goal': {
    code: 'no-goal',
    title: 'Output, not outcome',
    explanation:
      'An item without a goal is a feature on a list, not a bet on an outcome. Link it to the goal it should move, so that its success metric says when it worked — or ask whether it belongs on the roadmap at all.',
  },
  'lane-capacity': {
    code: 'lane-capacity',
    title: 'Lane over capacity',
    explanation:
      'You set how many items this theme can carry at once. More than that in Now, or running at the same time, means context switching and everything finishing late. Move something to Next, or re-sequence the dates. (Done items do not count.)',
  },
  'low-priority-now': {
    code: 'low-priority-now',
    title: 'Now, but low-priority work',
    explanation:
      'The stories that deliver this Now item score in the bottom third of the backlog by RICE. Either the scores miss something (say what, and rescore), or higher-value work should take its place in Now.',
  },
  'false-precision': {
    code: 'false-precision',
    title: 'False precision in Later',
    explanation:
      'Later means "we believe this matters, but not yet". Exact dates on it promise a precision nobody has that far out, and people will read them as commitments. Keep Later items undated, or move the item to Next if it really is planned.',
  },
  'past-dates': {
    code: 'past-dates',
    title: 'Dates in the past',
    explanation:
      'This item should have finished (or started) by now but is not done. Stale dates cost a roadmap its credibility: update the dates, the status or the plan.',
  },
};

export interface RoadmapFinding {
  /** Unique among the findings of one run (stable across runs for the same problem). */
  key: string;
  code: CheckCode;
  /** The items the finding is about (badged in the views); the first is the one to focus. */
  itemIds: string[];
  /** Other items the message mentions (e.g. the dependency). */
  relatedIds: string[];
  laneId: string | null;
  message: string;
}

export interface CheckOptions {
  /** Today's date, `YYYY-MM-DD`. */
  today: IsoDate;
}

const HORIZON_INDEX: Record<Horizon, number> = { now: 0, next: 1, later: 2 };
const HORIZON_LABEL: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

function quote(item: Pick<RoadmapItem, 'title'>): string {
  return `“${item.title}”`;
}

/** An item starts before something it depends on ends (or sits in an earlier horizon when undated). */
export function checkDependencyOrder(product: Product): RoadmapFinding[] {
  const byId = new Map(product.roadmap.items.map((i) => [i.id, i]));
  const out: RoadmapFinding[] = [];
  for (const item of itemsInRoadmapOrder(product.roadmap.items)) {
    for (const depId of item.dependsOn) {
      const dep = byId.get(depId);
      if (!dep || dep.id === item.id) continue;
      const starts = item.start ?? item.end;
      const depEnds = dep.end ?? dep.start;
      let message: string | null = null;
      if (starts !== null && depEnds !== null) {
        if (starts <= depEnds) {
          message = `${quote(item)} starts on ${formatDate(starts)}, but depends on ${quote(dep)}, which ${dep.end ? 'ends' : 'starts'} on ${formatDate(depEnds)}.`;
        }
      } else if (HORIZON_INDEX[item.horizon] < HORIZON_INDEX[dep.horizon]) {
        message = `${quote(item)} is in ${HORIZON_LABEL[item.horizon]}, but depends on ${quote(dep)} in ${HORIZON_LABEL[dep.horizon]}.`;
      }
      if (message !== null) {
        out.push({ key: `dependency-order:${item.id}:${dep.id}`, code: 'dependency-order', itemIds: [item.id], relatedIds: [dep.id], laneId: item.laneId, message });
      }
    }
  }
  return out;
}

function listTitles(items: readonly RoadmapItem[]): string {
  const titles = items.map(quote);
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1] ?? ''}`;
}

/** Items that depend on each other in a loop. */
export function checkDependencyCycles(product: Product): RoadmapFinding[] {
  const byId = new Map(product.roadmap.items.map((i) => [i.id, i]));
  return dependencyCycles(product.roadmap.items).map((ids) => {
    const items = ids.map((id) => byId.get(id)).filter((i): i is RoadmapItem => i !== undefined);
    const message =
      items.length === 1 ? `${listTitles(items)} depends on itself.` : `${listTitles(items)} depend on each other in a loop, so none of them can start.`;
    return { key: `dependency-cycle:${ids.join(',')}`, code: 'dependency-cycle', itemIds: ids, relatedIds: [], laneId: null, message };
  });
}

/** Items with no goal: output, not outcome. */
export function checkOutcomes(product: Product): RoadmapFinding[] {
  return itemsInRoadmapOrder(product.roadmap.items)
    .filter((item) => item.goalId === null)
    .map((item) => ({
      key: `no-goal:${item.id}`,
      code: 'no-goal' as const,
      itemIds: [item.id],
      relatedIds: [],
      laneId: item.laneId,
      message: `${quote(item)} is not linked to a goal: which outcome should it move, and how will you know?`,
    }));
}

/**
 * The most items of `items` running on one day (counting only items with both dates), the first
 * day that happens, and which items they are.
 */
export function peakOverlap(items: readonly RoadmapItem[]): { count: number; date: IsoDate | null; itemIds: string[] } {
  const dated = items.filter((i): i is RoadmapItem & { start: string; end: string } => i.start !== null && i.end !== null);
  const events: { date: IsoDate; delta: number }[] = [];
  for (const item of dated) {
    events.push({ date: item.start, delta: 1 });
    events.push({ date: addDays(item.end, 1), delta: -1 });
  }
  // On the same day, an item ending (the day after its end) frees its place before another starts.
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.delta - b.delta));
  let running = 0;
  let best = 0;
  let bestDate: IsoDate | null = null;
  for (const event of events) {
    running += event.delta;
    if (running > best) {
      best = running;
      bestDate = event.date;
    }
  }
  const at = bestDate;
  const itemIds = at === null ? [] : dated.filter((i) => i.start <= at && at <= i.end).map((i) => i.id);
  return { count: best, date: bestDate, itemIds };
}

/** Lanes that carry more unfinished items in Now, or at the same time, than the capacity the learner set. */
export function checkLaneCapacity(product: Product): RoadmapFinding[] {
  const out: RoadmapFinding[] = [];
  const ordered = itemsInRoadmapOrder(product.roadmap.items);
  for (const lane of product.roadmap.lanes) {
    const capacity = lane.capacity;
    if (capacity === null) continue;
    const active = ordered.filter((i) => i.laneId === lane.id && i.status !== 'done');
    const inNow = active.filter((i) => i.horizon === 'now');
    if (inNow.length > capacity) {
      out.push({
        key: `lane-capacity:${lane.id}:now`,
        code: 'lane-capacity',
        itemIds: inNow.map((i) => i.id),
        relatedIds: [],
        laneId: lane.id,
        message: `The lane “${lane.name}” has ${inNow.length} unfinished items in Now; you set its capacity to ${capacity}.`,
      });
    }
    const peak = peakOverlap(active);
    if (peak.count > capacity && peak.date !== null) {
      out.push({
        key: `lane-capacity:${lane.id}:overlap`,
        code: 'lane-capacity',
        itemIds: peak.itemIds,
        relatedIds: [],
        laneId: lane.id,
        message: `The lane “${lane.name}” has ${peak.count} items running at the same time from ${formatDate(peak.date)}; you set its capacity to ${capacity}.`,
      });
    }
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** The least number of scored stories for "the bottom third" to mean anything. */
export const MIN_SCORED_STORIES = 3;

/**
 * Now items whose linked, unfinished stories have a median RICE score in the bottom third of the
 * backlog's scored, unfinished stories (fewer than a third of them score lower).
 */
export function checkLowPriorityNow(product: Product): RoadmapFinding[] {
  const index = indexStories(product);
  const scoreOf = new Map<string, number>();
  for (const story of product.stories) {
    if (storyIsDone(index, story)) continue;
    const score = scoreValue(riceScore(story.scores.rice));
    if (score !== null) scoreOf.set(story.id, score);
  }
  const pool = [...scoreOf.values()];
  if (pool.length < MIN_SCORED_STORIES) return [];
  const out: RoadmapFinding[] = [];
  for (const item of itemsInRoadmapOrder(product.roadmap.items)) {
    if (item.horizon !== 'now') continue;
    const scores = linkedStories(index, item)
      .map((s) => scoreOf.get(s.id))
      .filter((s): s is number => s !== undefined);
    if (scores.length === 0) continue;
    const m = median(scores);
    const below = pool.filter((s) => s < m).length;
    if (below * 3 >= pool.length) continue;
    const what = scores.length === 1 ? 'its one scored story has a RICE score of' : `its ${scores.length} scored stories have a median RICE score of`;
    out.push({
      key: `low-priority-now:${item.id}`,
      code: 'low-priority-now',
      itemIds: [item.id],
      relatedIds: [],
      laneId: item.laneId,
      message: `${quote(item)} is in Now, but ${what} ${formatScore(m)}: the bottom third of the ${pool.length} scored stories in the backlog.`,
    });
  }
  return out;
}

/** Later items with exact dates. */
export function checkFalsePrecision(product: Product): RoadmapFinding[] {
  return itemsInRoadmapOrder(product.roadmap.items)
    .filter((item) => item.horizon === 'later' && (item.start !== null || item.end !== null))
    .map((item) => ({
      key: `false-precision:${item.id}`,
      code: 'false-precision' as const,
      itemIds: [item.id],
      relatedIds: [],
      laneId: item.laneId,
      message: `${quote(item)} is in Later but has exact dates (${formatRange(item.start, item.end)}).`,
    }));
}

/** Unfinished items whose end date has passed, or planned items whose start date has passed. */
export function checkPastDates(product: Product, today: IsoDate): RoadmapFinding[] {
  const out: RoadmapFinding[] = [];
  for (const item of itemsInRoadmapOrder(product.roadmap.items)) {
    if (item.status === 'done') continue;
    let message: string | null = null;
    if (item.end !== null && item.end < today) {
      message = `${quote(item)} was due to end on ${formatDate(item.end)} but is not done.`;
    } else if (item.start !== null && item.start < today && item.status === 'planned') {
      message = `${quote(item)} was due to start on ${formatDate(item.start)} but is still only planned.`;
    }
    if (message !== null) out.push({ key: `past-dates:${item.id}`, code: 'past-dates', itemIds: [item.id], relatedIds: [], laneId: item.laneId, message });
  }
  return out;
}

/** Every check, in the order of `CHECK_CODES`. */
export function checkRoadmap(product: Product, options: CheckOptions): RoadmapFinding[] {
  return [
    ...checkDependencyOrder(product),
    ...checkDependencyCycles(product),
    ...checkOutcomes(product),
    ...checkLaneCapacity(product),
    ...checkLowPriorityNow(product),
    ...checkFalsePrecision(product),
    ...checkPastDates(product, options.today),
  ];
}

/** The findings about each item (for badges), by item id. */
export function findingsByItem(findings: readonly RoadmapFinding[]): Map<string, RoadmapFinding[]> {
  const out = new Map<string, RoadmapFinding[]>();
  for (const finding of findings) {
    for (const id of finding.itemIds) {
      const list = out.get(id);
      if (list) list.push(finding);
      else out.set(id, [finding]);
    }
  }
  return out;
}

/** The findings grouped by check, in check order (every check listed, with an empty list when it passes). */
export function findingsByCheck(findings: readonly RoadmapFinding[]): { check: CheckInfo; findings: RoadmapFinding[] }[] {
  return CHECK_CODES.map((code) => ({ check: CHECKS[code], findings: findings.filter((f) => f.code === code) }));
}
