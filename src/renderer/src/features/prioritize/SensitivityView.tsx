import { useMemo, useState } from 'react';
import { formatPercent, formatScore } from '../../../../shared/scoring/format';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';
import { rankMargins, riceSensitivity, scenarioSentences, thresholdSentences } from '../../../../shared/scoring/sensitivity';
import type { DocumentStore } from '../../state/documentStore';
import { WhatIfPanel } from './WhatIfPanel';
import './SensitivityView.css';

const OVERVIEW_ROWS = 200;

/** A margin as a percentage; 0 (a tie decided by backlog order) reads "any change". */
function pct(margin: number | null): string {
  if (margin === null) return '—';
  if (margin < 1e-9) return 'any change';
  return formatPercent(Math.round(margin * 1000) / 10);
}

/** How fragile each RICE rank is, what would change one item's rank, and a what-if mode. */
export function SensitivityView({ store, items, ranking, reachPeriod }: { store: DocumentStore; items: readonly PrioritizationItem[]; ranking: Ranking; reachPeriod: string }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const margins = useMemo(() => rankMargins(ranking), [ranking]);
  const selectedId = chosen !== null && ranking.byId.has(chosen) ? chosen : (ranking.ordered[0]?.id ?? null);
  const item = selectedId ? byId.get(selectedId) : undefined;
  const sensitivity = useMemo(() => (item ? riceSensitivity(ranking, item.id, item.scores.rice, reachPeriod) : null), [item, ranking, reachPeriod]);

  if (ranking.ordered.length === 0) {
    return <p className="pz-empty">No item has a complete RICE score yet. Fill in reach, impact, confidence and effort in the RICE table first.</p>;
  }

  const thresholds = sensitivity ? thresholdSentences(sensitivity, reachPeriod) : [];
  const scenarios = sensitivity ? scenarioSentences(sensitivity) : [];

  return (
    <div className="pz-section pz-sensitivity">
      <div className="pz-sensitivity-list">
        <p className="muted pz-legend">How far each score may fall (or must rise) before the item changes place. Small margins are fragile ranks: check their inputs first.</p>
        <div className="pz-grid-wrap">
          <table className="pz-grid">
            <caption className="visually-hidden">Margin of each RICE rank</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Item</th>
                <th scope="col">Score</th>
                <th scope="col">Drops if score falls</th>
                <th scope="col">Rises if score grows</th>
              </tr>
            </thead>
            <tbody>
              {margins.slice(0, OVERVIEW_ROWS).map((m) => (
                <tr key={m.id} className={m.id === selectedId ? 'is-selected' : undefined} aria-selected={m.id === selectedId ? true : undefined}>
                  <td className="pz-rank">#{m.position}</td>
                  <th scope="row" className="pz-title">
                    <button type="button" className="pz-link" onClick={() => setChosen(m.id)} aria-pressed={m.id === selectedId}>
                      {byId.get(m.id)?.title ?? m.id}
                    </button>
                  </th>
                  <td className="pz-number">{formatScore(m.score)}</td>
                  <td className={`pz-number ${m.marginDown !== null && m.marginDown < 0.05 ? 'is-fragile' : ''}`}>{pct(m.marginDown)}</td>
                  <td className="pz-number">{pct(m.marginUp)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {margins.length > OVERVIEW_ROWS && <p className="muted">Showing the top {OVERVIEW_ROWS} of {margins.length} ranked items.</p>}
      </div>
      {item && sensitivity && (
        <section className="pz-detail" aria-labelledby="pz-sensitivity-title">
          <h3 id="pz-sensitivity-title">
            #{sensitivity.position} {item.title}
          </h3>
          <p className="muted">
            RICE score {formatScore(sensitivity.score)}, rank {sensitivity.position} of {sensitivity.of}.
          </p>
          <h4>What would change its rank</h4>
          <ul className="pz-sentences">
            {thresholds.map((t) => (
              <li key={t} className={t.startsWith('No ') ? 'muted' : undefined}>
                {t}
              </li>
            ))}
          </ul>
          <h4>At the usual alternative values</h4>
          {scenarios.length > 0 ? (
            <ul className="pz-sentences">
              {scenarios.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">None of the usual alternative values changes its place.</p>
          )}
          <WhatIfPanel key={item.id} store={store} item={item} ranking={ranking} order={items.indexOf(item)} reachPeriod={reachPeriod} />
        </section>
      )}
    </div>
  );
}
