/**
 * Frameworks side by side: each item's place under RICE, ICE, WSJF and MoSCoW, and where they
 * disagree. Places are compared as percentiles of each framework's own ranking (frameworks score
 * different numbers of items), and items that tie under a framework (one MoSCoW bucket, equal
 * scores) share the average of their places, so a bucket does not pretend to an order it lacks.
 */
import type { Framework } from '../model/schema';
import { kendallTau } from './agreement';
import { FRAMEWORKS } from './frameworks';
import type { PrioritizationItem } from './items';
import type { Ranking } from './ranking';

/** Items whose percentile places differ by at least this much (0–1) are flagged as a large disagreement. */
export const DISAGREEMENT_SPREAD = 0.4;

export interface ComparisonCell {
  /** 1-based place in the framework's ranking. */
  position: number;
  /** How many items the framework ranks. */
  of: number;
  /** 0 = top, 1 = bottom; ties share the average place. */
  percentile: number;
}

export interface ComparisonRow {
  id: string;
  title: string;
  cells: Record<Framework, ComparisonCell | null>;
  /** Largest minus smallest percentile over the frameworks that rank the item (null if fewer than two). */
  spread: number | null;
  disagreement: boolean;
  /** The frameworks that place the item highest and lowest, when they disagree. */
  highest: Framework | null;
  lowest: Framework | null;
}

export interface PairAgreement {
  a: Framework;
  b: Framework;
  /** Kendall's tau-b over the items both frameworks score, or null when undefined. */
  tau: number | null;
  /** How many items both score. */
  n: number;
}

export interface FrameworkComparison {
  rows: ComparisonRow[];
  /** `primary` against each other framework. */
  agreements: PairAgreement[];
}

/** Average 1-based places of tied scores in `ranking`. */
function tiedPositions(ranking: Ranking): Map<string, number> {
  const out = new Map<string, number>();
  const ordered = ranking.ordered;
  let i = 0;
  while (i < ordered.length) {
    let j = i;
    while (j + 1 < ordered.length && (ordered[j + 1] as { score: number }).score === (ordered[i] as { score: number }).score) j += 1;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) out.set((ordered[k] as { id: string }).id, average);
    i = j + 1;
  }
  return out;
}

export function compareFrameworks(items: readonly PrioritizationItem[], rankings: Record<Framework, Ranking>, primary: Framework): FrameworkComparison {
  const tied = Object.fromEntries(FRAMEWORKS.map((f) => [f, tiedPositions(rankings[f])])) as Record<Framework, Map<string, number>>;
  const rows = items.map((item): ComparisonRow => {
    const cells = {} as Record<Framework, ComparisonCell | null>;
    for (const f of FRAMEWORKS) {
      const entry = rankings[f].byId.get(item.id);
      const of = rankings[f].ordered.length;
      const average = tied[f].get(item.id);
      cells[f] = entry && average !== undefined ? { position: entry.position, of, percentile: of > 1 ? (average - 1) / (of - 1) : 0 } : null;
    }
    const present = FRAMEWORKS.filter((f) => cells[f] !== null);
    let spread: number | null = null;
    let highest: Framework | null = null;
    let lowest: Framework | null = null;
    if (present.length >= 2) {
      const pct = (f: Framework) => cells[f]?.percentile ?? 0;
      highest = present.reduce((best, f) => (pct(f) < pct(best) ? f : best));
      lowest = present.reduce((worst, f) => (pct(f) > pct(worst) ? f : worst));
      spread = pct(lowest) - pct(highest);
    }
    const disagreement = spread !== null && spread >= DISAGREEMENT_SPREAD - 1e-9;
    return { id: item.id, title: item.title, cells, spread, disagreement, highest: disagreement ? highest : null, lowest: disagreement ? lowest : null };
  });

  const primaryRanking = rankings[primary];
  rows.sort((a, b) => {
    const pa = primaryRanking.byId.get(a.id)?.position ?? Number.MAX_SAFE_INTEGER;
    const pb = primaryRanking.byId.get(b.id)?.position ?? Number.MAX_SAFE_INTEGER;
    return pa - pb;
  });

  const agreements = FRAMEWORKS.filter((f) => f !== primary).map((other): PairAgreement => {
    const x: number[] = [];
    const y: number[] = [];
    for (const entry of primaryRanking.ordered) {
      const o = rankings[other].byId.get(entry.id);
      if (o) {
        x.push(entry.score);
        y.push(o.score);
      }
    }
    return { a: primary, b: other, tau: x.length >= 2 ? kendallTau(x, y) : null, n: x.length };
  });
  return { rows, agreements };
}
