import { useId, useState } from 'react';
import type { RiceInputs } from '../../../../shared/model/schema';
import { formatNumber, formatScore } from '../../../../shared/scoring/format';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';
import { EFFORT_STEP, impactLabel, RICE_IMPACT_SCALE, type RiceFactor } from '../../../../shared/scoring/rice';
import { whatIf } from '../../../../shared/scoring/sensitivity';
import type { DocumentStore } from '../../state/documentStore';
import { setScores } from './dispatchEdit';
import './WhatIfPanel.css';

const IMPACTS: number[] = RICE_IMPACT_SCALE.map((s): number => s.value).sort((a, b) => a - b);

/** A step for the reach slider that gives about 200 stops up to `max`. */
function reachStep(max: number): number {
  const raw = max / 200;
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  return Math.max(1, Math.round(raw / magnitude) * magnitude);
}

/** Sliders that try other RICE inputs for one item; nothing changes until "Apply". */
export function WhatIfPanel({ store, item, ranking, order, reachPeriod }: { store: DocumentStore; item: PrioritizationItem; ranking: Ranking; order: number; reachPeriod: string }) {
  const saved = item.scores.rice;
  const [draft, setDraft] = useState<RiceInputs>(saved);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const current = ranking.byId.get(item.id);
  const result = whatIf(ranking, item.id, order, draft);
  const changed = (Object.keys(saved) as RiceFactor[]).filter((k) => saved[k] !== draft[k]);

  const reachMax = Math.max(10, (saved.reach ?? 0) * 3);
  const effortMax = Math.max(12, (saved.effort ?? 0) * 3);
  const set = (patch: Partial<RiceInputs>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setMessage(null);
  };

  const apply = () => {
    const patch: Partial<RiceInputs> = {};
    for (const k of changed) patch[k] = draft[k];
    const problem = setScores(store, item, { rice: patch }, `Apply what-if to “${item.title}”`);
    setMessage(problem ?? 'Applied. Undo brings the old inputs back.');
  };

  const impactIndex = Math.max(0, IMPACTS.indexOf(draft.impact ?? 1));
  return (
    <section className="pz-whatif" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>What if…</h4>
      <p className="muted">Try other inputs: the product does not change until you apply them.</p>
      <div className="pz-sliders">
        <label>
          <span>
            Reach <strong>{draft.reach === null ? '—' : formatNumber(draft.reach)}</strong> <span className="muted">{reachPeriod}</span>
          </span>
          <input type="range" min={0} max={reachMax} step={reachStep(reachMax)} value={draft.reach ?? 0} aria-valuetext={`${formatNumber(draft.reach ?? 0)} ${reachPeriod}`} onChange={(e) => set({ reach: Number(e.target.value) })} />
        </label>
        <label>
          <span>
            Impact <strong>{draft.impact === null ? '—' : `${formatNumber(draft.impact)} ${impactLabel(draft.impact) ?? ''}`}</strong>
          </span>
          <input
            type="range"
            min={0}
            max={IMPACTS.length - 1}
            step={1}
            value={impactIndex}
            aria-valuetext={`${IMPACTS[impactIndex] ?? ''} ${impactLabel(IMPACTS[impactIndex] ?? 1) ?? ''}`}
            onChange={(e) => set({ impact: IMPACTS[Number(e.target.value)] ?? 1 })}
          />
        </label>
        <label>
          <span>
            Confidence <strong>{draft.confidence === null ? '—' : `${formatNumber(draft.confidence)}%`}</strong>
          </span>
          <input type="range" min={0} max={100} step={5} value={draft.confidence ?? 0} aria-valuetext={`${draft.confidence ?? 0}%`} onChange={(e) => set({ confidence: Number(e.target.value) })} />
        </label>
        <label>
          <span>
            Effort <strong>{draft.effort === null ? '—' : formatNumber(draft.effort)}</strong> <span className="muted">person-months</span>
          </span>
          <input type="range" min={EFFORT_STEP} max={effortMax} step={EFFORT_STEP} value={draft.effort ?? EFFORT_STEP} aria-valuetext={`${draft.effort ?? EFFORT_STEP} person-months`} onChange={(e) => set({ effort: Number(e.target.value) })} />
        </label>
      </div>
      <p className="pz-whatif-result" role="status" aria-live="polite">
        {result.score === null ? (
          result.message
        ) : (
          <>
            Score {current ? formatScore(current.score) : '—'} → <strong>{formatScore(result.score)}</strong>, rank #{current?.position ?? '—'} → <strong>#{result.position}</strong>
            {changed.length === 0 && <span className="muted"> (unchanged)</span>}
          </>
        )}
      </p>
      <div className="actions">
        <button type="button" className="pz-primary" disabled={changed.length === 0 || result.score === null} onClick={apply}>
          Apply what-if
        </button>
        <button type="button" disabled={changed.length === 0} onClick={() => setDraft(saved)}>
          Reset
        </button>
        {message && <span className="muted">{message}</span>}
      </div>
    </section>
  );
}
