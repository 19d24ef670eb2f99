import { useMemo } from 'react';
import type { Framework, Product } from '../../../../shared/model/schema';
import { FRAMEWORKS, rankBy } from '../../../../shared/scoring/frameworks';
import { prioritizationItems, type PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';

export interface PrioritizationData {
  items: PrioritizationItem[];
  rankings: Record<Framework, Ranking>;
}

/** The items in scope and their ranking under every framework, memoised on the product's lists. */
export function usePrioritization(product: Product, includeDone: boolean): PrioritizationData {
  const { stories, epics, board } = product;
  const scope = product.prioritization.scope;
  const items = useMemo(() => prioritizationItems({ stories, epics, board }, scope, includeDone), [stories, epics, board, scope, includeDone]);
  const rankings = useMemo(() => Object.fromEntries(FRAMEWORKS.map((f) => [f, rankBy(f, items)])) as Record<Framework, Ranking>, [items]);
  return { items, rankings };
}
