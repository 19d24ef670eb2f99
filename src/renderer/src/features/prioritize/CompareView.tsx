import { useMemo, useState } from 'react';
import type { Framework } from '../../../../shared/model/schema';
import { describeAgreement } from '../../../../shared/scoring/agreement';
import { compareFrameworks, DISAGREEMENT_SPREAD, type ComparisonCell } from '../../../../shared/scoring/compare';
import { FRAMEWORK_LABELS, FRAMEWORKS } from '../../../../shared/scoring/frameworks';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';
import './CompareView.css';

/** Rows shown at first (and added by "Show more"), so a very large backlog stays quick. */
const PAGE = 200;

function Cell({ cell, extreme }: { cell: ComparisonCell | null; extreme: 'high' | 'low' | null }) {
  if (!cell) return <span className="muted">not scored</span>;
  return (
    <span className={`pz-place ${extreme ? `is-${extreme}` : ''}`}>
      #{cell.position} <span className="muted">of {cell.of}</span>
      {extreme && <span className="visually-hidden">{extreme === 'high' ? ' (highest)' : ' (lowest)'}</span>}
    </span>
  );
}

/** Every item's place under RICE, ICE, WSJF and MoSCoW, with large disagreements highlighted. */
export function CompareView({ items, rankings, primary }: { items: readonly PrioritizationItem[]; rankings: Record<Framework, Ranking>; primary: Framework }) {
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const { rows, agreements } = useMemo(() => compareFrameworks(items, rankings, primary), [items, rankings, primary]);
  const shown = onlyDisagreements ? rows.filter((r) => r.disagreement) : rows;
  const flagged = rows.filter((r) => r.disagreement).length;
  const ordered = [primary, ...FRAMEWORKS.filter((f) => f !== primary)];

  return (
    <div className="pz-section">
      <div className="pz-section-head">
        <ul className="pz-agreements" aria-label={`Agreement with ${FRAMEWORK_LABELS[primary]}`}>
          {agreements.map((a) => (
            <li key={a.b} className="pz-agreement">
              <span className="pz-agreement-pair">
                {FRAMEWORK_LABELS[a.a]} vs {FRAMEWORK_LABELS[a.b]}
              </span>
              {a.tau === null ? (
                <span className="muted">{a.n < 2 ? `too few items scored by both (${a.n})` : 'not defined'}</span>
              ) : (
                <span>
                  Kendall’s τ <strong>{a.tau.toFixed(2)}</strong> <span className="muted">over {a.n} items · {describeAgreement(a.tau)}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
        <div className="pz-toolbar">
          <p className="muted pz-legend">
            Places are compared as a share of each framework’s own ranking; items in one MoSCoW bucket share a place. A row is flagged when two frameworks place it at least {Math.round(DISAGREEMENT_SPREAD * 100)}% of the ranking apart. {flagged} flagged.
          </p>
          <label className="pz-check">
            <input type="checkbox" checked={onlyDisagreements} onChange={(e) => setOnlyDisagreements(e.target.checked)} /> Only large disagreements
          </label>
        </div>
      </div>
      <div className="pz-grid-wrap">
        <table className="pz-grid pz-compare">
          <caption className="visually-hidden">Rank of each item under each framework</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {ordered.map((f) => (
                <th scope="col" key={f}>
                  {FRAMEWORK_LABELS[f]}
                  {f === primary && <span className="pz-col-hint">chosen</span>}
                </th>
              ))}
              <th scope="col">Disagreement</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((row) => (
              <tr key={row.id} className={row.disagreement ? 'is-disagreement' : undefined}>
                <th scope="row" className="pz-title">
                  {row.title}
                </th>
                {ordered.map((f) => (
                  <td key={f}>
                    <Cell cell={row.cells[f]} extreme={row.highest === f ? 'high' : row.lowest === f ? 'low' : null} />
                  </td>
                ))}
                <td>
                  {row.disagreement && row.highest && row.lowest ? (
                    <span className="pz-flag">
                      Large: {FRAMEWORK_LABELS[row.highest]} #{row.cells[row.highest]?.position} vs {FRAMEWORK_LABELS[row.lowest]} #{row.cells[row.lowest]?.position}
                    </span>
                  ) : row.spread === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className="muted">{Math.round(row.spread * 100)}%</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <div className="actions">
          <span className="muted">
            Showing {limit} of {shown.length}.
          </span>
          <button type="button" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, shown.length - limit)} more
          </button>
        </div>
      )}
    </div>
  );
}
