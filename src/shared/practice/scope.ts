/**
 * The stories an exercise is about, as they are now: a story that was split stands for its parts
 * (the original stays in the backlog as history), and a story that no longer exists is reported.
 */
import type { Product, Story } from '../model/schema';
import type { Exercise } from '../model/exerciseSchema';

export interface ScopedStories {
  /** The stories to check, in the order of the ids (split originals replaced by their parts). */
  stories: Story[];
  /** Ids that name no story any more. */
  missing: string[];
}

/** How deep a chain of splits is followed (a part that was split again, …). */
const MAX_SPLIT_DEPTH = 5;

function partsOf(byId: ReadonlyMap<string, Story>, story: Story, depth: number): Story[] {
  if (depth >= MAX_SPLIT_DEPTH) return [story];
  const parts = story.splitInto.map((id) => byId.get(id)).filter((s): s is Story => s !== undefined && s.splitFrom === story.id);
  if (parts.length === 0) return [story];
  return parts.flatMap((part) => partsOf(byId, part, depth + 1));
}

export function scopedStories(product: Pick<Product, 'stories'>, ids: readonly string[]): ScopedStories {
  const byId = new Map(product.stories.map((s) => [s.id, s]));
  const stories: Story[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  for (const id of ids) {
    const story = byId.get(id);
    if (!story) {
      missing.push(id);
      continue;
    }
    for (const s of partsOf(byId, story, 0)) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      stories.push(s);
    }
  }
  return { stories, missing };
}

/** The stories created by splitting `ids` (parts, parts of parts), whether or not the original still lists them. */
export function splitDescendants(product: Pick<Product, 'stories'>, ids: readonly string[]): Story[] {
  const roots = new Set(ids);
  const out: Story[] = [];
  let frontier = new Set(ids);
  for (let depth = 0; depth < MAX_SPLIT_DEPTH && frontier.size > 0; depth += 1) {
    const next = new Set<string>();
    for (const s of product.stories) {
      if (s.splitFrom !== null && frontier.has(s.splitFrom) && !roots.has(s.id) && !out.includes(s)) {
        out.push(s);
        next.add(s.id);
      }
    }
    frontier = next;
  }
  return out;
}

/** The story ids to highlight in the views: the scope's stories and the parts they were split into. */
export function highlightedStoryIds(product: Pick<Product, 'stories'>, exercise: Pick<Exercise, 'scope' | 'rubric'>): Set<string> {
  const ids = new Set(exercise.scope.storyIds);
  for (const criterion of exercise.rubric) {
    const rule = criterion.rule;
    if (rule.check === 'story-split') ids.add(rule.storyId);
    if ('storyIds' in rule && rule.storyIds) for (const id of rule.storyIds) ids.add(id);
  }
  for (const part of splitDescendants(product, [...ids])) ids.add(part.id);
  return ids;
}
