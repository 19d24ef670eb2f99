/**
 * The items the prioritizer scores: the product's stories or its epics (`prioritization.scope`), in
 * backlog order (by rank). Finished work (a story in a "done" column, a done epic) is left out unless
 * asked for: there is nothing left to prioritise about it.
 */
import { sortByRank } from '../model/rank';
import type { Epic, Prioritization, Product, Scores, Story } from '../model/schema';

export type PrioritizationScope = Prioritization['scope'];

export interface PrioritizationItem {
  id: string;
  kind: 'story' | 'epic';
  title: string;
  /** A line that says what the item is about (the story's "I want", the epic's description). */
  summary: string;
  /** The backlog rank (fractional index). */
  rank: string;
  scores: Scores;
  done: boolean;
  /** The story's board column, or null for an epic. */
  status: string | null;
}

function storyItem(story: Story, doneColumns: ReadonlySet<string>): PrioritizationItem {
  const summary = story.iWant.trim() !== '' ? `I want ${story.iWant.trim()}` : story.description.trim();
  return { id: story.id, kind: 'story', title: story.title, summary, rank: story.rank, scores: story.scores, done: doneColumns.has(story.status), status: story.status };
}

function epicItem(epic: Epic): PrioritizationItem {
  return { id: epic.id, kind: 'epic', title: epic.title, summary: epic.description.trim(), rank: epic.rank, scores: epic.scores, done: epic.status === 'done', status: null };
}

/** The product's items in `scope`, in backlog order; done items only when `includeDone`. */
export function prioritizationItems(product: Pick<Product, 'stories' | 'epics' | 'board'>, scope: PrioritizationScope, includeDone: boolean): PrioritizationItem[] {
  if (scope === 'epics') {
    return sortByRank(product.epics.map(epicItem)).filter((item) => includeDone || !item.done);
  }
  const doneColumns = new Set(product.board.columns.filter((c) => c.category === 'done').map((c) => c.id));
  return sortByRank(product.stories.map((s) => storyItem(s, doneColumns))).filter((item) => includeDone || !item.done);
}
