import { useId, useMemo, useState } from 'react';
import type { Product, ScopeSnapshot } from '../../../../shared/model/schema';
import { referenceDifferences } from '../../../../shared/practice/compare';
import type { Exercise } from '../../../../shared/model/exerciseSchema';
import { referenceProduct } from '../../../../shared/practice/reference';

/** The reference answer, shown on request after a first attempt: what it did and why, and how it differs from the learner's work. */
export function ReferenceAnswer({ product, exercise, snapshot }: { product: Product; exercise: Exercise; snapshot: ScopeSnapshot | null }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const bodyId = useId();
  const comparison = useMemo(() => {
    if (!open) return null;
    const ref = referenceProduct(product, exercise, snapshot);
    return ref.ok ? { ok: true as const, differences: referenceDifferences(product, ref.value, exercise) } : ref;
  }, [open, product, exercise, snapshot]);
  if (exercise.reference === null) return null;
  return (
    <section className="pr-reference" aria-labelledby={headingId}>
      <h4 id={headingId}>Reference answer</h4>
      <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        {open ? 'Hide the reference answer' : 'Show the reference answer'}
      </button>
      <div id={bodyId} hidden={!open}>
        {open && (
          <>
            <p className="pr-reference-summary">{exercise.reference.summary}</p>
            {comparison && !comparison.ok && <p className="muted">{comparison.reason}</p>}
            {comparison?.ok && (
              <>
                <h5>What the reference did differently</h5>
                <ul className="pr-differences">
                  {comparison.differences.map((d) => (
                    <li key={d.criterionId}>
                      <strong>{d.label}</strong>
                      <ul>
                        {d.lines.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
