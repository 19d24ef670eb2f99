import { useMemo } from 'react';
import { riceScore } from '../../../../shared/scoring/rice';
import type { Product, RiceInputs, Story } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';

const FIELDS: { key: keyof RiceInputs; label: string; step: number; min: number }[] = [
  { key: 'reach', label: 'Reach', step: 1, min: 0 },
  { key: 'impact', label: 'Impact', step: 0.25, min: 0 },
  { key: 'confidence', label: 'Confidence %', step: 10, min: 0 },
  { key: 'effort', label: 'Effort (person-months)', step: 0.5, min: 0.5 },
];

/** The RICE table: inputs per story, the score and the rank, best first. */
export function PrioritizeView({ store, product }: { store: DocumentStore; product: Product }) {
  const rows = useMemo(() => {
    const scored = product.stories.map((story) => ({ story, result: riceScore(story.scores.rice) }));
    scored.sort((a, b) => {
      const sa = a.result.ok ? a.result.score : -Infinity;
      const sb = b.result.ok ? b.result.score : -Infinity;
      return sb - sa || a.story.rank.localeCompare(b.story.rank);
    });
    return scored;
  }, [product.stories]);

  const set = (story: Story, key: keyof RiceInputs, raw: string) => {
    const value = raw.trim() === '' ? null : Number(raw);
    if (value !== null && !Number.isFinite(value)) return;
    if (story.scores.rice[key] === value) return;
    store.dispatch({ type: 'score.set', target: 'story', id: story.id, patch: { rice: { [key]: value } } }, `Set ${key}`);
  };

  let rank = 0;
  return (
    <section className="prioritize" aria-labelledby="rice-heading">
      <h2 id="rice-heading">RICE — {product.prioritization.reachPeriod}</h2>
      <p className="muted">Score = Reach × Impact × Confidence ÷ Effort. A missing input leaves the score missing, never zero.</p>
      <div className="table-wrap">
        <table className="rice-table">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Story</th>
              {FIELDS.map((f) => (
                <th key={f.key} scope="col">
                  {f.label}
                </th>
              ))}
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ story, result }) => (
              <tr key={story.id}>
                <td>{result.ok ? (rank += 1) : '—'}</td>
                <th scope="row">{story.title}</th>
                {FIELDS.map((f) => (
                  <td key={f.key}>
                    <input
                      type="number"
                      aria-label={`${f.label} for ${story.title}`}
                      defaultValue={story.scores.rice[f.key] ?? ''}
                      key={String(story.scores.rice[f.key])}
                      step={f.step}
                      min={f.min}
                      placeholder="missing"
                      onBlur={(e) => set(story, f.key, e.target.value)}
                      onKeyDown={(e) => e.key === 'Enter' && set(story, f.key, e.currentTarget.value)}
                    />
                  </td>
                ))}
                <td className="score">{result.ok ? result.score.toFixed(1) : result.invalid ? <span className="field-error">{result.invalid}</span> : <span className="muted">missing {result.missing.join(', ')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
