/**
 * Large, realistic products for the performance bench (`npm run bench`), generated from a seed.
 *
 * Pure and deterministic: the same options give the same product, byte for byte, on any machine
 * (all randomness comes from one mulberry32 sequence; no clock, no `Math.random`). The result
 * passes `ProductSchema`: ids are unique, every reference points at something that exists, ranks
 * come from `ranksBetween`, and roadmap dependencies form no cycle (an item only depends on items
 * generated before it).
 */
import { ranksBetween } from '../../../src/shared/model/rank';
import {
  CURRENT_SCHEMA_VERSION,
  ESTIMATE_SCALE,
  type AcceptanceCriterion,
  type Column,
  type Epic,
  type Goal,
  type Horizon,
  type Lane,
  type Milestone,
  type Persona,
  type Product,
  type RoadmapItem,
  type Scores,
  type Spec,
  type Story,
} from '../../../src/shared/model/schema';
import { generateSpecDoc } from './generateSpec';
import { Random } from './prng';
import {
  ACTIONS,
  BENEFITS,
  BUG_CONDITIONS,
  BUG_SYMPTOMS,
  COMPONENTS,
  CONTEXTS,
  CUSTOMERS,
  DESCRIPTION_SENTENCES,
  EPIC_COLORS,
  EPIC_PHASES,
  EPIC_THEMES,
  GOALS,
  LABELS,
  LANES,
  LOOSE_CRITERIA,
  NOTES,
  OBJECTS,
  OUTCOMES,
  PERSONAS,
  PRODUCT_NAME,
  QUALIFIERS,
  ROADMAP_VERBS,
  ROLES,
  SCREENS,
  SPEC_TOPICS,
  SPIKE_QUESTIONS,
  TECH_SUFFIXES,
  TECH_VERBS,
  TRIGGERS,
} from './vocabulary';

export interface GenerateProductOptions {
  /** How many stories (the bench uses 1,000, 5,000 and 10,000). */
  stories: number;
  seed: number;
  /** Roadmap items (default 300). */
  roadmapItems?: number;
  /** Specs (default 20). */
  specs?: number;
  /** The product id, also the file stem (default `bench-<stories>`). */
  id?: string;
  /** The product name (default "Fieldline (<stories> stories)"). */
  name?: string;
}

/** The board of a generated product, and how the stories spread over it (weights). */
const COLUMNS: readonly (Column & { share: number })[] = [
  { id: 'backlog', name: 'Backlog', category: 'backlog', wipLimit: null, share: 55 },
  { id: 'ready', name: 'Ready', category: 'todo', wipLimit: null, share: 14 },
  { id: 'in-progress', name: 'In progress', category: 'in-progress', wipLimit: null, share: 4 },
  { id: 'review', name: 'In review', category: 'in-progress', wipLimit: null, share: 2 },
  { id: 'done', name: 'Done', category: 'done', wipLimit: null, share: 25 },
];

/** The day the generated roadmap starts (a Monday); dates are offsets from it. */
const ROADMAP_START_UTC = Date.UTC(2026, 0, 5);
const DAY_MS = 24 * 60 * 60 * 1000;

function isoDate(dayOffset: number): string {
  return new Date(ROADMAP_START_UTC + dayOffset * DAY_MS).toISOString().slice(0, 10);
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** "10,000": fixed formatting, independent of the machine's locale. */
function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function scores(random: Random): Scores {
  const missingRice = random.chance(0.08);
  return {
    rice: {
      reach: missingRice && random.chance(0.5) ? null : random.pick([50, 120, 300, 800, 1500, 4000, 9000, 25_000]) * random.int(1, 4),
      impact: random.pick([3, 2, 1, 0.5, 0.25]),
      confidence: missingRice && random.chance(0.5) ? null : random.weighted([100, 80, 50], [3, 5, 2]),
      effort: random.pick([0.5, 1, 1.5, 2, 3, 5, 8]),
    },
    ice: random.chance(0.5)
      ? { impact: random.int(1, 10), confidence: random.int(1, 10), ease: random.int(1, 10) }
      : { impact: null, confidence: null, ease: null },
    wsjf: random.chance(0.3)
      ? { businessValue: random.pick([1, 2, 3, 5, 8, 13, 20]), timeCriticality: random.pick([1, 2, 3, 5, 8, 13, 20]), riskReduction: random.pick([1, 2, 3, 5, 8]), jobSize: random.pick([1, 2, 3, 5, 8, 13]) }
      : { businessValue: null, timeCriticality: null, riskReduction: null, jobSize: null },
    moscow: random.chance(0.7) ? random.weighted(['must', 'should', 'could', 'wont'] as const, [2, 4, 3, 1]) : null,
  };
}

function criteria(random: Random, storyId: string): AcceptanceCriterion[] {
  const count = random.weighted([0, 1, 2, 3, 4, 5], [1, 2, 4, 4, 2, 1]);
  const list: AcceptanceCriterion[] = [];
  for (let i = 0; i < count; i += 1) {
    const text = random.chance(0.8)
      ? `Given ${random.pick(CONTEXTS)}, when ${random.pick(TRIGGERS)}, then ${random.pick(OUTCOMES)}`
      : random.pick(LOOSE_CRITERIA);
    list.push({ id: `${storyId}-ac${i + 1}`, text });
  }
  return list;
}

function goals(): Goal[] {
  return GOALS.map((g, i) => ({
    id: `goal-${i + 1}`,
    title: g.title,
    description: '',
    metric: g.metric,
    baseline: g.baseline,
    target: g.target,
    direction: 'increase',
    timeframe: 'By the end of next year',
    heart: g.heart,
  }));
}

function personas(random: Random): Persona[] {
  return PERSONAS.map((p, i) => ({
    id: `persona-${i + 1}`,
    name: p.name,
    role: p.role,
    description: `${p.name.split(' ')[0] ?? p.name} works as a ${p.role.toLowerCase()}. ${random.pick(DESCRIPTION_SENTENCES)}`,
    goals: random.sample(BENEFITS, 2).map(capitalise),
    frustrations: random.sample(DESCRIPTION_SENTENCES, 2),
  }));
}

function epics(random: Random, count: number, goalIds: readonly string[]): Epic[] {
  const ranks = ranksBetween(null, null, count);
  const list: Epic[] = [];
  for (let i = 0; i < count; i += 1) {
    const theme = EPIC_THEMES[i % EPIC_THEMES.length] ?? 'Epic';
    const phase = EPIC_PHASES[Math.floor(i / EPIC_THEMES.length) % EPIC_PHASES.length] ?? '';
    const round = Math.floor(i / (EPIC_THEMES.length * EPIC_PHASES.length));
    list.push({
      id: `ep-${pad(i + 1, 3)}`,
      title: `${theme}${phase}${round > 0 ? ` (${round + 1})` : ''}`,
      description: `${random.pick(DESCRIPTION_SENTENCES)} ${random.pick(DESCRIPTION_SENTENCES)}`,
      color: random.pick(EPIC_COLORS),
      goalId: random.chance(0.85) ? random.pick(goalIds) : null,
      status: random.chance(0.15) ? 'done' : 'open',
      rank: ranks[i] ?? 'a0',
      scores: scores(random),
    });
  }
  return list;
}

/** What a backlog item says: a user story, a bug, a technical task or a spike, as exported backlogs mix them. */
interface StoryText {
  title: string;
  asA: string;
  iWant: string;
  soThat: string;
}

function storyText(random: Random): StoryText {
  const kind = random.weighted(['feature', 'bug', 'tech', 'spike'] as const, [58, 25, 11, 6]);
  switch (kind) {
    case 'feature': {
      const qualifier = random.chance(0.3) ? '' : random.pick(QUALIFIERS);
      const what = `${random.pick(ACTIONS)} ${random.pick(OBJECTS)}${qualifier ? ` ${qualifier}` : ''}`;
      // Real titles often say where, and sometimes who asked.
      const where = random.chance(0.5) ? ` ${random.pick(['on', 'from', 'in'])} ${random.pick(SCREENS)}` : '';
      const customer = random.chance(0.1) ? ` (${random.pick(CUSTOMERS)})` : '';
      return {
        title: `${capitalise(what)}${where}${customer}`,
        asA: random.chance(0.9) ? random.pick(ROLES) : '',
        iWant: `to ${what}`,
        soThat: random.chance(0.85) ? random.pick(BENEFITS) : '',
      };
    }
    case 'bug': {
      const screen = random.pick(SCREENS);
      const condition = random.pick(BUG_CONDITIONS);
      return {
        title: `${random.pick(BUG_SYMPTOMS)} ${screen} when ${condition}`,
        asA: random.chance(0.4) ? random.pick(ROLES) : '',
        iWant: `${screen} to work when ${condition}`,
        soThat: random.chance(0.4) ? random.pick(BENEFITS) : '',
      };
    }
    case 'tech': {
      const verb = random.pick(TECH_VERBS);
      const component = random.pick(COMPONENTS);
      return {
        title: `${verb} ${component}${random.pick(TECH_SUFFIXES)}`,
        asA: random.chance(0.3) ? 'developer' : '',
        iWant: random.chance(0.5) ? `to ${verb.toLowerCase()} ${component}` : '',
        soThat: random.chance(0.3) ? 'we can keep shipping without incidents' : '',
      };
    }
    case 'spike':
      return { title: `Spike: ${random.pick(SPIKE_QUESTIONS)}?`, asA: '', iWant: '', soThat: '' };
  }
}

function stories(random: Random, count: number, epicIds: readonly string[]): Story[] {
  // Backlog order (rank) differs from file order, as in a file the app has edited for a while.
  const ranks = random.shuffle(ranksBetween(null, null, count));
  const width = String(count).length;
  const list: Story[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `st-${pad(i + 1, width)}`;
    const text = storyText(random);
    const column = random.weighted(COLUMNS, COLUMNS.map((c) => c.share));
    const sentences = random.weighted([0, 1, 2, 3], [2, 3, 3, 1]);
    list.push({
      id,
      ...text,
      description: random.sample(DESCRIPTION_SENTENCES, sentences).join(' '),
      acceptanceCriteria: criteria(random, id),
      estimate: random.chance(0.15) ? null : random.weighted(ESTIMATE_SCALE, [1, 6, 8, 9, 8, 5, 3, 1, 0.5, 0.2]),
      status: column.id,
      rank: ranks[i] ?? 'a0',
      epicId: random.chance(0.9) ? random.pick(epicIds) : null,
      labels: random.sample(LABELS, random.weighted([0, 1, 2, 3], [3, 4, 2, 1])),
      scores: scores(random),
      splitFrom: null,
      splitInto: [],
      notes: random.chance(0.1) ? random.pick(NOTES) : '',
    });
  }
  // About 1% of stories were split into two or three smaller ones (history links, both ways).
  for (let i = 0; i + 3 < list.length; i += 97) {
    const parent = list[i];
    const parts = list.slice(i + 1, i + 1 + random.int(2, 3));
    if (!parent) continue;
    parent.splitInto = parts.map((p) => p.id);
    for (const part of parts) part.splitFrom = parent.id;
  }
  return list;
}

function roadmapItems(random: Random, count: number, laneIds: readonly string[], goalIds: readonly string[], epicIds: readonly string[], storyIds: readonly string[]): RoadmapItem[] {
  const ranks = ranksBetween(null, null, count);
  const items: RoadmapItem[] = [];
  // Items are generated roughly in delivery order: item i starts around week i * 52 / count.
  for (let i = 0; i < count; i += 1) {
    const progress = i / Math.max(1, count);
    const horizon: Horizon = progress < 0.3 ? 'now' : progress < 0.65 ? 'next' : 'later';
    const scheduled = horizon !== 'later' || random.chance(0.3);
    const startDay = Math.floor(progress * 540) + random.int(0, 20);
    const length = random.pick([10, 14, 21, 28, 42, 56, 70]);
    // Dependencies point only backwards (to lower indices), so there is never a cycle.
    const dependsOn: string[] = [];
    if (i > 0 && random.chance(0.45)) {
      for (let d = random.int(1, 3); d > 0; d -= 1) {
        const target = `rm-${pad(Math.max(0, i - random.int(1, 12)) + 1, 3)}`;
        if (!dependsOn.includes(target)) dependsOn.push(target);
      }
    }
    items.push({
      id: `rm-${pad(i + 1, 3)}`,
      title: `${random.pick(ROADMAP_VERBS)} ${random.pick(OBJECTS)} ${random.pick(QUALIFIERS)}`,
      description: `${random.pick(DESCRIPTION_SENTENCES)} ${random.pick(DESCRIPTION_SENTENCES)}`,
      laneId: random.chance(0.95) ? random.pick(laneIds) : null,
      goalId: random.chance(0.7) ? random.pick(goalIds) : null,
      horizon,
      rank: ranks[i] ?? 'a0',
      start: scheduled ? isoDate(startDay) : null,
      end: scheduled ? isoDate(startDay + length) : null,
      status: horizon === 'now' ? random.weighted(['in-progress', 'done', 'at-risk', 'planned'] as const, [5, 2, 1, 2]) : 'planned',
      confidence: horizon === 'now' ? 'high' : horizon === 'next' ? 'medium' : 'low',
      epicIds: random.sample(epicIds, random.int(0, 2)),
      storyIds: random.sample(storyIds.slice(0, Math.min(storyIds.length, 4000)), random.int(0, 6)),
      dependsOn,
    });
  }
  return items;
}

function milestones(random: Random): Milestone[] {
  const list: Milestone[] = [];
  for (let i = 0; i < 12; i += 1) {
    list.push({
      id: `ms-${pad(i + 1, 2)}`,
      title: `Release ${2026 + Math.floor(i / 6)}.${(i % 6) + 1}`,
      date: isoDate(i * 45 + random.int(0, 10)),
      description: random.pick(DESCRIPTION_SENTENCES),
    });
  }
  return list;
}

function specs(random: Random, count: number, storyIds: readonly string[]): Spec[] {
  const templates = ['prd', 'prd', 'one-pager', 'prd', 'metric-tree'] as const;
  const list: Spec[] = [];
  for (let i = 0; i < count; i += 1) {
    const topic = SPEC_TOPICS[i % SPEC_TOPICS.length] ?? 'a feature';
    const round = Math.floor(i / SPEC_TOPICS.length);
    const title = `PRD: ${capitalise(topic)}${round > 0 ? ` (${round + 1})` : ''}`;
    list.push({
      id: `spec-${pad(i + 1, 2)}`,
      title,
      template: templates[i % templates.length] ?? 'prd',
      content: generateSpecDoc(random, title),
      linkedStoryIds: random.sample(storyIds, random.int(3, 10)),
    });
  }
  return list;
}

/** A product of `options.stories` stories and everything around them; see the module comment. */
export function generateProduct(options: GenerateProductOptions): Product {
  const count = Math.max(0, Math.floor(options.stories));
  const random = new Random(options.seed);
  const goalList = goals();
  const goalIds = goalList.map((g) => g.id);
  const epicList = epics(random, Math.min(150, Math.max(6, Math.round(count / 80))), goalIds);
  const epicIds = epicList.map((e) => e.id);
  const storyList = stories(random, count, epicIds);
  const storyIds = storyList.map((s) => s.id);
  const laneList: Lane[] = LANES.map((l, i) => ({ id: `lane-${i + 1}`, name: l.name, color: l.color, capacity: random.int(3, 8) }));
  const items = roadmapItems(random, Math.max(0, Math.floor(options.roadmapItems ?? 300)), laneList.map((l) => l.id), goalIds, epicIds, storyIds);
  const specList = specs(random, Math.max(0, Math.floor(options.specs ?? 20)), storyIds);

  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: options.id ?? `bench-${count}`,
    name: options.name ?? `${PRODUCT_NAME} (${withThousands(count)} stories)`,
    summary: 'Field-service management for trades businesses: jobs, dispatch, quotes, invoices and the technician app. A generated product for the performance bench.',
    author: 'Bench generator',
    vision: {
      targetUsers: 'Trades businesses with 5 to 200 technicians: plumbing, heating, electrical, facilities maintenance.',
      needs: 'Plan the day, get the right person and parts to the site, and get paid for the work without paperwork.',
      product: `${PRODUCT_NAME} is a dispatch board, a technician app that works offline, and quoting and invoicing in one.`,
      value: 'Jobs invoiced the day they are done, fewer repeat visits, and dispatchers who plan a day in minutes.',
    },
    personas: personas(random),
    goals: goalList,
    epics: epicList,
    stories: storyList,
    board: {
      columns: COLUMNS.map(({ id, name, category, wipLimit }) => ({ id, name, category, wipLimit })),
      definitionOfReady: [
        { id: 'dor-1', text: 'The story says who benefits and why', check: 'missing-benefit' },
        { id: 'dor-2', text: 'It has acceptance criteria a tester can check', check: 'no-acceptance-criteria' },
        { id: 'dor-3', text: 'The team has estimated it', check: 'not-estimated' },
        { id: 'dor-4', text: 'It sits under an epic', check: 'no-epic' },
      ],
      splitThreshold: 8,
    },
    roadmap: { lanes: laneList, items, milestones: milestones(random) },
    specs: specList,
    prioritization: { scope: 'stories', framework: 'rice', reachPeriod: 'jobs per quarter', learnerRanking: null, notes: '' },
    practice: {
      brief: `You have just joined ${PRODUCT_NAME} as product owner. The backlog was exported from the old tracker: refine it, prioritise it and plan the next two quarters.`,
      exercises: [],
      attempts: [],
      snapshots: [],
    },
  };
}
