/**
 * Turning a ranking into backlog order, as one undoable batch edit. The items keep the set of ranks
 * they already hold and swap them: the ranked items take the top places in ranking order, the
 * unscored items follow in their current order, and finished work (not in the list) stays where it
 * is. Stories keep their board column (`story.move` with the same status); epics get `epic.update`.
 */
import type { BatchEdit, Edit } from '../edits/editSchema';
import { ranksBetween } from '../model/rank';
import type { PrioritizationItem } from './items';
import { rankedIdsThenUnscored, type Ranking } from './ranking';

export interface BacklogMove {
  id: string;
  title: string;
  /** 1-based place in the backlog (among the prioritised items) now. */
  from: number;
  /** 1-based place after applying the ranking. */
  to: number;
}

export interface ApplyRankingPlan {
  /** The batch edit, or null when the backlog already follows the ranking. */
  edit: BatchEdit | null;
  /** Items whose place changes, by new place. */
  moves: BacklogMove[];
  /** Ranked items that go to the top. */
  ranked: number;
  /** Unscored items placed after them, in their current order. */
  unscored: number;
}

function strictlyIncreasing(ranks: readonly string[]): boolean {
  return ranks.every((r, i) => i === 0 || (ranks[i - 1] as string) < r);
}

/** The plan for giving `items` (in backlog order) the order of `ranking`. */
export function planApplyRanking(items: readonly PrioritizationItem[], ranking: Ranking, label: string): ApplyRankingPlan {
  const byId = new Map(items.map((item) => [item.id, item]));
  const order = rankedIdsThenUnscored(ranking).filter((id) => byId.has(id));
  const current = items.map((i) => i.rank);
  // Ranks are unique in a product the app wrote; a hand-edited file may repeat one: then fresh ranks.
  const slots = strictlyIncreasing(current) ? current : ranksBetween(null, null, items.length);
  const from = new Map(items.map((item, index) => [item.id, index + 1]));

  const edits: Edit[] = [];
  const moves: BacklogMove[] = [];
  order.forEach((id, index) => {
    const item = byId.get(id);
    const rank = slots[index];
    if (!item || rank === undefined) return;
    if (item.rank !== rank) {
      edits.push(item.kind === 'story' ? { type: 'story.move', id, status: item.status ?? '', rank } : { type: 'epic.update', id, patch: { rank } });
    }
    const was = from.get(id) ?? 0;
    if (was !== index + 1) moves.push({ id, title: item.title, from: was, to: index + 1 });
  });
  return {
    edit: edits.length > 0 ? { type: 'batch', label, edits } : null,
    moves,
    ranked: ranking.ordered.filter((e) => byId.has(e.id)).length,
    unscored: ranking.unscored.filter((id) => byId.has(id)).length,
  };
}
