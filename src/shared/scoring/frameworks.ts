/** The prioritisation frameworks side by side: how each scores an item, and rankings per framework. */
import type { Framework, Scores } from '../model/schema';
import { iceScore } from './ice';
import type { PrioritizationItem } from './items';
import { memoizeLast } from './memo';
import { moscowScore } from './moscow';
import { rankItems, type Ranking } from './ranking';
import { riceScore } from './rice';
import type { ScoreResult } from './score';
import { wsjfScore } from './wsjf';

export const FRAMEWORKS: readonly Framework[] = ['rice', 'ice', 'wsjf', 'moscow'];

export const FRAMEWORK_LABELS: Record<Framework, string> = {
  rice: 'RICE',
  ice: 'ICE',
  wsjf: 'WSJF',
  moscow: 'MoSCoW',
};

export const FRAMEWORK_FORMULAS: Record<Framework, string> = {
  rice: 'Reach × Impact × Confidence ÷ Effort',
  ice: 'Impact × Confidence × Ease (each 1–10)',
  wsjf: '(Business value + Time criticality + Risk reduction/opportunity enablement) ÷ Job size',
  moscow: 'Must > Should > Could > Won’t; backlog order within a bucket',
};

export function frameworkScore(framework: Framework, scores: Scores): ScoreResult {
  switch (framework) {
    case 'rice':
      return riceScore(scores.rice);
    case 'ice':
      return iceScore(scores.ice);
    case 'wsjf':
      return wsjfScore(scores.wsjf);
    case 'moscow':
      return moscowScore(scores.moscow);
  }
}

const rankers: Record<Framework, (items: readonly PrioritizationItem[]) => Ranking> = {
  rice: memoizeLast((items: readonly PrioritizationItem[]) => rankItems(items, (i) => riceScore(i.scores.rice))),
  ice: memoizeLast((items: readonly PrioritizationItem[]) => rankItems(items, (i) => iceScore(i.scores.ice))),
  wsjf: memoizeLast((items: readonly PrioritizationItem[]) => rankItems(items, (i) => wsjfScore(i.scores.wsjf))),
  moscow: memoizeLast((items: readonly PrioritizationItem[]) => rankItems(items, (i) => moscowScore(i.scores.moscow))),
};

/** The ranking of `items` (in backlog order) under `framework`; memoised on the list's identity. */
export function rankBy(framework: Framework, items: readonly PrioritizationItem[]): Ranking {
  return rankers[framework](items);
}
