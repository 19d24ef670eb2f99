/** Small builders for the scoring tests. */
import { EMPTY_SCORES, type IceInputs, type Moscow, type RiceInputs, type Scores, type WsjfInputs } from '../../../src/shared/model/schema';
import type { PrioritizationItem } from '../../../src/shared/scoring/items';

export function rice(reach: number | null, impact: number | null, confidence: number | null, effort: number | null): RiceInputs {
  return { reach, impact, confidence, effort };
}

export interface ItemScores {
  rice?: RiceInputs;
  ice?: IceInputs;
  wsjf?: WsjfInputs;
  moscow?: Moscow | null;
}

/** An item at backlog index `index` (its rank sorts in that order). */
export function item(id: string, index: number, scores: ItemScores = {}, overrides: Partial<PrioritizationItem> = {}): PrioritizationItem {
  const full: Scores = { ...EMPTY_SCORES, ...scores };
  return { id, kind: 'story', title: `Item ${id}`, summary: '', rank: `a${index.toString(36).padStart(3, '0')}`, scores: full, done: false, status: 'backlog', ...overrides };
}

/** Items with RICE inputs, in the order given. */
export function riceItems(list: [string, RiceInputs][]): PrioritizationItem[] {
  return list.map(([id, r], i) => item(id, i, { rice: r }));
}
