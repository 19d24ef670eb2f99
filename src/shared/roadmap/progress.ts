/**
 * Progress of a roadmap item, rolled up from the statuses of the stories that deliver it: the
 * stories it links directly plus the stories of the epics it links.
 */
import type { Product, RoadmapItem } from '../model/schema';

export interface Progress {
  done: number;
  total: number;
  /** 0–1, or null when no stories are linked. */
  ratio: number | null;
}

export function itemProgress(product: Product, item: RoadmapItem): Progress {
  const doneColumns = new Set(product.board.columns.filter((c) => c.category === 'done').map((c) => c.id));
  const epicIds = new Set(item.epicIds);
  const storyIds = new Set(item.storyIds);
  let done = 0;
  let total = 0;
  for (const story of product.stories) {
    if (!storyIds.has(story.id) && !(story.epicId !== null && epicIds.has(story.epicId))) continue;
    total += 1;
    if (doneColumns.has(story.status)) done += 1;
  }
  return { done, total, ratio: total === 0 ? null : done / total };
}
