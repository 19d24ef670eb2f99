import { memo, useId } from 'react';
import { LINT_INFO, type LintCode } from '../../../../shared/coach/lints';
import type { HealthSummary } from './healthTracker';

/** The backlog's refinement health: how many open stories are ready, and the top problems to filter by. */
export const CoachSummary = memo(function CoachSummary({ health, onFilter, activeLint }: { health: HealthSummary; onFilter: (code: LintCode | 'not-ready') => void; activeLint: string | null }) {
  const id = useId();
  const percent = health.considered === 0 ? 100 : Math.round((health.ready / health.considered) * 100);
  return (
    <section className="coach-summary" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Refinement health</h2>
      <p className="health-line">
        <strong>
          {health.ready} of {health.considered}
        </strong>{' '}
        open stories are ready ({percent}%).
        <meter min={0} max={100} value={percent} low={50} high={80} optimum={100} aria-label="Share of open stories that are ready" />
        {health.ready < health.considered && (
          <button type="button" className="link-button" onClick={() => onFilter('not-ready')}>
            Show the ones that are not
          </button>
        )}
      </p>
      {health.problems.length > 0 && (
        <ul className="problem-list" aria-label="Top problems">
          {health.problems.map((p) => (
            <li key={p.code}>
              <button type="button" className={`problem ${activeLint === p.code ? 'active' : ''}`} aria-pressed={activeLint === p.code} onClick={() => onFilter(p.code)} title={LINT_INFO[p.code].why}>
                {LINT_INFO[p.code].title} <span className="problem-count">{p.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
