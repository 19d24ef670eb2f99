import { LINT_INFO } from '../../../../shared/coach/lints';
import { investChecklist, type StoryReadiness } from '../../../../shared/coach/readiness';
import type { Product, Story } from '../../../../shared/model/schema';

/** What the coach says about one story: its problems with why and how to fix, and INVEST. */
export function CoachPanel({ story, product, readiness, onOpenStory }: { story: Story; product: Product; readiness: StoryReadiness | undefined; onOpenStory: (id: string) => void }) {
  if (!readiness) return null;
  const invest = investChecklist(story, readiness.lints, product.board.splitThreshold);
  const titleOf = (id: string) => product.stories.find((s) => s.id === id)?.title ?? id;
  return (
    <section className="coach-panel" aria-label="Refinement coach">
      <h3>
        Coach{' '}
        <span className={`ready-badge ${readiness.ready ? 'is-ready' : 'not-ready'}`}>{readiness.ready ? 'Meets the Definition of Ready' : 'Not ready yet'}</span>
      </h3>
      {readiness.lints.length === 0 ? (
        <p className="muted">No problems found. Check INVEST below with the team.</p>
      ) : (
        <ul className="lint-list">
          {readiness.lints.map((lint) => (
            <li key={lint.code} className={readiness.blocking.includes(lint) ? 'blocking' : ''}>
              <strong>{LINT_INFO[lint.code].title}</strong>
              {readiness.blocking.includes(lint) && <span className="muted"> · blocks readiness</span>}
              <p>{lint.detail}</p>
              <p className="why">
                <span className="muted">Why it matters:</span> {LINT_INFO[lint.code].why}
              </p>
              <p className="fix">
                <span className="muted">Try:</span> {LINT_INFO[lint.code].fix}
              </p>
              {lint.related && (
                <p>
                  Compare with:{' '}
                  {lint.related.map((id) => (
                    <button key={id} type="button" className="link-button" onClick={() => onOpenStory(id)}>
                      {titleOf(id)}
                    </button>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <details className="invest">
        <summary>INVEST checklist</summary>
        <ul>
          {invest.map((c) => (
            <li key={c.letter} className={`invest-${c.status}`}>
              <span className="invest-status">{c.status === 'pass' ? '✓' : c.status === 'fail' ? '✗' : '?'}</span> <strong>{c.label}</strong> — {c.note}
              {c.status === 'judge' && <span className="muted"> (your judgement)</span>}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
