import { useMemo } from 'react';
import type { Epic, Goal, Lane, Product, RoadmapItem } from '../../../../shared/model/schema';
import { checkRoadmap, findingsByItem, type RoadmapFinding } from '../../../../shared/roadmap/checks';
import type { IsoDate } from '../../../../shared/roadmap/dates';
import { progressByItem, type Progress } from '../../../../shared/roadmap/progress';

/** Everything the roadmap views derive from the product, memoised per part of the product it depends on. */
export interface RoadmapData {
  today: IsoDate;
  goals: Map<string, Goal>;
  lanes: Map<string, Lane>;
  epics: Map<string, Epic>;
  items: Map<string, RoadmapItem>;
  progress: Map<string, Progress>;
  findings: RoadmapFinding[];
  findingsByItem: Map<string, RoadmapFinding[]>;
}

export function useRoadmapData(product: Product, today: IsoDate): RoadmapData {
  const goals = useMemo(() => new Map(product.goals.map((g) => [g.id, g])), [product.goals]);
  const lanes = useMemo(() => new Map(product.roadmap.lanes.map((l) => [l.id, l])), [product.roadmap.lanes]);
  const epics = useMemo(() => new Map(product.epics.map((e) => [e.id, e])), [product.epics]);
  const items = useMemo(() => new Map(product.roadmap.items.map((i) => [i.id, i])), [product.roadmap.items]);
  // The product is immutable: a new product means something changed (one pass each, cheap even at 300 items).
  const progress = useMemo(() => progressByItem(product), [product]);
  const findings = useMemo(() => checkRoadmap(product, { today }), [product, today]);
  const byItem = useMemo(() => findingsByItem(findings), [findings]);
  return useMemo(
    () => ({ today, goals, lanes, epics, items, progress, findings, findingsByItem: byItem }),
    [today, goals, lanes, epics, items, progress, findings, byItem],
  );
}
