/**
 * Small products for the roadmap tests: a board with the four column categories, two goals, two
 * lanes, epics and stories, and roadmap items given per test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProductText } from '../../../src/shared/model/productFile';
import { ranksBetween } from '../../../src/shared/model/rank';
import { ProductSchema, type Product } from '../../../src/shared/model/schema';

export type ItemInput = { id: string; horizon?: 'now' | 'next' | 'later'; rank?: string } & Record<string, unknown>;
export type StoryInput = { id: string; status?: string } & Record<string, unknown>;

export function rice(reach: number, impact = 1, confidence = 100, effort = 1) {
  return { rice: { reach, impact, confidence, effort } };
}

export function productWith(options: {
  items?: ItemInput[];
  stories?: StoryInput[];
  lanes?: Record<string, unknown>[];
  milestones?: Record<string, unknown>[];
} = {}): Product {
  const itemRanks = ranksBetween(null, null, options.items?.length ?? 0);
  const storyRanks = ranksBetween(null, null, options.stories?.length ?? 0);
  const items = (options.items ?? []).map((item, i) => ({
    title: `Item ${item.id}`,
    horizon: 'now',
    rank: itemRanks[i],
    goalId: 'g1',
    ...item,
  }));
  const stories = (options.stories ?? []).map((story, i) => ({ title: `Story ${story.id}`, status: 'backlog', rank: storyRanks[i], ...story }));
  return ProductSchema.parse({
    schemaVersion: 2,
    id: 'roadmap-test',
    name: 'Roadmap test',
    goals: [
      { id: 'g1', title: 'More households plan weekly', metric: 'Weekly planners', baseline: '20%', target: '35%' },
      { id: 'g2', title: 'Less food binned', metric: 'Binned share', baseline: '18%', target: '12%' },
    ],
    epics: [
      { id: 'e1', title: 'Scanning', rank: 'a0', color: '#1c7ed6' },
      { id: 'e2', title: 'Reminders', rank: 'a1', color: '#d6336c' },
    ],
    stories,
    board: {
      columns: [
        { id: 'backlog', name: 'Backlog', category: 'backlog' },
        { id: 'ready', name: 'Ready', category: 'todo' },
        { id: 'doing', name: 'Doing', category: 'in-progress' },
        { id: 'done', name: 'Done', category: 'done' },
      ],
    },
    roadmap: {
      lanes: options.lanes ?? [
        { id: 'l1', name: 'Pantry', color: '#1c7ed6', capacity: 2 },
        { id: 'l2', name: 'Household', color: '#e8590c', capacity: null },
      ],
      items,
      milestones: options.milestones ?? [],
    },
  });
}

export function sample(id: string): Product {
  const result = parseProductText(readFileSync(join(__dirname, '../../../resources/samples', `${id}.product.json`), 'utf8'));
  if (!result.ok) throw new Error(result.reason);
  return result.product;
}
