/**
 * Progress of a roadmap item, rolled up from the statuses of the stories that deliver it: the
 * stories it links directly plus the stories of the epics it links (each story counted once).
 * A story's board column says whether it is done, in progress or not started.
 */
import type { ColumnCategory, Product, RoadmapItem, Story } from '../model/schema';

export interface Progress {
  done: number;
  inProgress: number;
  total: number;
  /** Done ÷ total, 0–1, or null when no stories are linked. */
  ratio: number | null;
}

const EMPTY: Progress = { done: 0, inProgress: 0, total: 0, ratio: null };

/** Index of a product's stories by epic and by id, and each board column's category. */
export interface StoryIndex {
  byId: Map<string, Story>;
  byEpic: Map<string, Story[]>;
  category: Map<string, ColumnCategory>;
}

export function indexStories(product: Product): StoryIndex {
  const byId = new Map<string, Story>();
  const byEpic = new Map<string, Story[]>();
  for (const story of product.stories) {
    byId.set(story.id, story);
    if (story.epicId !== null) {
      const list = byEpic.get(story.epicId);
      if (list) list.push(story);
      else byEpic.set(story.epicId, [story]);
    }
  }
  return { byId, byEpic, category: new Map(product.board.columns.map((c) => [c.id, c.category])) };
}

/** The stories that deliver `item`: its linked stories, then its epics' stories, without repeats. */
export function linkedStories(index: StoryIndex, item: Pick<RoadmapItem, 'storyIds' | 'epicIds'>): Story[] {
  const seen = new Set<string>();
  const out: Story[] = [];
  const add = (story: Story | undefined) => {
    if (story && !seen.has(story.id)) {
      seen.add(story.id);
      out.push(story);
    }
  };
  for (const id of item.storyIds) add(index.byId.get(id));
  for (const epicId of item.epicIds) for (const story of index.byEpic.get(epicId) ?? []) add(story);
  return out;
}

export function storyIsDone(index: StoryIndex, story: Story): boolean {
  return index.category.get(story.status) === 'done';
}

/** Progress over a set of stories. */
export function progressOf(index: StoryIndex, stories: readonly Story[]): Progress {
  if (stories.length === 0) return EMPTY;
  let done = 0;
  let inProgress = 0;
  for (const story of stories) {
    const category = index.category.get(story.status);
    if (category === 'done') done += 1;
    else if (category === 'in-progress') inProgress += 1;
  }
  return { done, inProgress, total: stories.length, ratio: done / stories.length };
}

export function itemProgress(product: Product, item: RoadmapItem): Progress {
  const index = indexStories(product);
  return progressOf(index, linkedStories(index, item));
}

/** Progress of every item, by id (one pass over the stories for the whole roadmap). */
export function progressByItem(product: Product): Map<string, Progress> {
  const index = indexStories(product);
  return new Map(product.roadmap.items.map((item) => [item.id, progressOf(index, linkedStories(index, item))]));
}

/** Progress of several items together (e.g. a horizon or a lane), each story counted once. */
export function rollupProgress(product: Product, items: readonly RoadmapItem[]): Progress {
  const index = indexStories(product);
  const seen = new Map<string, Story>();
  for (const item of items) for (const story of linkedStories(index, item)) seen.set(story.id, story);
  return progressOf(index, [...seen.values()]);
}
