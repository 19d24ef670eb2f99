/**
 * The current RICE ranking, as a spec's ranking block and the portfolio show it: the items the
 * prioritizer scores (stories or epics, by `prioritization.scope`), unfinished work only, highest
 * RICE score first, equal scores in backlog order. Unscored items are counted, not ranked.
 */
import { sortByRank } from '../model/rank';
import type { Product, RiceInputs } from '../model/schema';
import { riceScore } from '../scoring/rice';

export interface RiceRankingRow {
  position: number;
  kind: 'story' | 'epic';
  id: string;
  title: string;
  /** The story's column name, or the epic's status. */
  status: string;
  rice: RiceInputs;
  score: number;
}

export interface RiceRanking {
  scope: 'stories' | 'epics';
  rows: RiceRankingRow[];
  /** How many ranked items there are in all (rows may be cut to a limit). */
  total: number;
  /** Unfinished items without a complete, valid RICE score. */
  unscored: number;
}

/** The RICE score, or null when an input is missing or makes the score invalid. */
export function riceValue(inputs: RiceInputs): number | null {
  const result = riceScore(inputs);
  return result.status === 'scored' ? result.score : null;
}

export function riceRanking(product: Pick<Product, 'stories' | 'epics' | 'board' | 'prioritization'>, limit = Number.POSITIVE_INFINITY): RiceRanking {
  const scope = product.prioritization.scope;
  const columns = new Map(product.board.columns.map((c) => [c.id, c]));
  const items =
    scope === 'epics'
      ? sortByRank(product.epics)
          .filter((e) => e.status !== 'done')
          .map((e) => ({ kind: 'epic' as const, id: e.id, title: e.title, status: 'Open', rice: e.scores.rice }))
      : sortByRank(product.stories)
          .filter((s) => columns.get(s.status)?.category !== 'done')
          .map((s) => ({ kind: 'story' as const, id: s.id, title: s.title, status: columns.get(s.status)?.name ?? s.status, rice: s.scores.rice }));
  const scored: (Omit<RiceRankingRow, 'position'> & { order: number })[] = [];
  let unscored = 0;
  items.forEach((item, order) => {
    const score = riceValue(item.rice);
    if (score === null) unscored += 1;
    else scored.push({ ...item, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const rows = scored.slice(0, Math.max(0, limit)).map(({ order: _order, ...row }, i) => ({ ...row, position: i + 1 }));
  return { scope, rows, total: scored.length, unscored };
}

/** A score for people: one decimal below 100, whole numbers above. */
export function formatScore(score: number): string {
  if (Math.abs(score) >= 100) return Math.round(score).toLocaleString('en-GB');
  return (Math.round(score * 10) / 10).toString();
}
