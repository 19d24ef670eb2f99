import { useId } from 'react';
import { findingsByCheck } from '../../../../shared/roadmap/checks';
import { formatDate } from '../../../../shared/roadmap/dates';
import type { RoadmapData } from './useRoadmapData';
import './ChecksPanel.css';

/** Every roadmap check with its explanation and findings; a finding focuses its item. */
export function ChecksPanel({ data, onFocusItem }: { data: RoadmapData; onFocusItem: (id: string) => void }) {
  const titleId = useId();
  const groups = findingsByCheck(data.findings);
  const total = data.findings.length;
  return (
    <aside className="rm-panel rm-checks" aria-labelledby={titleId}>
      <div className="rm-panel-header">
        <h2 id={titleId}>Roadmap checks</h2>
        <span className={`rm-checks-total${total > 0 ? ' warn' : ''}`}>{total === 0 ? 'All clear' : `${total} to look at`}</span>
      </div>
      <p className="field-hint">
        A coach&apos;s eye on the roadmap as of {formatDate(data.today)}. Select a finding to go to its item.
      </p>
      <ul className="rm-check-list">
        {groups.map(({ check, findings }) => (
          <li key={check.code} className={`rm-check-group${findings.length > 0 ? ' failing' : ' passing'}`}>
            <h3>
              <span className="rm-check-icon" aria-hidden="true">
                {findings.length > 0 ? '!' : '✓'}
              </span>
              {check.title}
              <span className="visually-hidden">: </span>
              <span className="rm-check-count">{findings.length > 0 ? `${findings.length} found` : 'passes'}</span>
            </h3>
            {findings.length > 0 ? (
              <>
                <p className="rm-check-why">{check.explanation}</p>
                <ul className="rm-findings">
                  {findings.map((f) => {
                    const target = f.itemIds[0];
                    return (
                      <li key={f.key}>
                        {target ? (
                          <button type="button" className="rm-finding" onClick={() => onFocusItem(target)}>
                            {f.message}
                          </button>
                        ) : (
                          <span className="rm-finding">{f.message}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : (
              <details className="rm-check-details">
                <summary>Why this matters</summary>
                <p className="rm-check-why">{check.explanation}</p>
              </details>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
