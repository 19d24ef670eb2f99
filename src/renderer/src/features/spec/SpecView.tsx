import { useState } from 'react';
import type { Product } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import { DocPreview } from './DocPreview';

const TEMPLATE_LABELS = { prd: 'PRD', 'one-pager': 'One-page brief', 'metric-tree': 'Metric tree', blank: 'Blank' } as const;

/** The product's specs: a list, and the selected spec's document. */
export function SpecView({ product }: { store: DocumentStore; product: Product }) {
  const [selected, setSelected] = useState<string | null>(product.specs[0]?.id ?? null);
  const spec = product.specs.find((s) => s.id === selected);
  return (
    <div className="spec-layout">
      <nav aria-label="Specs" className="spec-list">
        <h2>Specs</h2>
        {product.specs.length === 0 && <p className="muted">No specs yet.</p>}
        <ul>
          {product.specs.map((s) => (
            <li key={s.id}>
              <button type="button" aria-current={s.id === selected ? 'true' : undefined} onClick={() => setSelected(s.id)}>
                {s.title} <span className="muted">{TEMPLATE_LABELS[s.template]}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {spec && (
        <article className="spec-doc" aria-label={spec.title}>
          <h1>{spec.title}</h1>
          <DocPreview doc={spec.content} />
        </article>
      )}
    </div>
  );
}
