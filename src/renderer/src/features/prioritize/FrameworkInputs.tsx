import { useMemo, useState } from 'react';
import type { Framework, Moscow } from '../../../../shared/model/schema';
import { formatInput, formatScore } from '../../../../shared/scoring/format';
import { FRAMEWORK_FORMULAS, FRAMEWORK_LABELS } from '../../../../shared/scoring/frameworks';
import { ICE_FACTOR_LABELS, ICE_FACTORS } from '../../../../shared/scoring/ice';
import { checkIceInput, checkWsjfInput } from '../../../../shared/scoring/inputs';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import { MOSCOW_BUCKETS } from '../../../../shared/scoring/moscow';
import type { Ranking } from '../../../../shared/scoring/ranking';
import { scoreRows, scoreSortValue, type ScoreRow } from '../../../../shared/scoring/scoreTable';
import { costOfDelay, WSJF_FACTOR_LABELS, WSJF_FACTOR_SHORT_LABELS, WSJF_FACTORS } from '../../../../shared/scoring/wsjf';
import type { DocumentStore } from '../../state/documentStore';
import { setScores } from './dispatchEdit';
import { Segmented } from '../../components/Segmented';
import { ScoreGrid, type GridColumn } from './ScoreGrid';

type Other = Exclude<Framework, 'rice'>;
const OTHERS: readonly Other[] = ['ice', 'wsjf', 'moscow'];

function ScoreCell({ row }: { row: ScoreRow }) {
  const r = row.result;
  if (r.status === 'scored') return <span className="pz-score is-scored">{formatScore(r.score)}</span>;
  if (r.status === 'missing') return <span className="pz-score is-missing">Missing {r.missing.map((m) => m.replace(/([A-Z])/g, ' $1').toLowerCase()).join(', ')}</span>;
  return <span className="pz-score is-invalid">{r.message}</span>;
}

/** Inputs for ICE, WSJF and MoSCoW, edited like the RICE table. */
export function FrameworkInputs({ store, items, rankings }: { store: DocumentStore; items: readonly PrioritizationItem[]; rankings: Record<Framework, Ranking> }) {
  const [framework, setFramework] = useState<Other>('ice');
  const ranking = rankings[framework];
  const rows = useMemo(() => scoreRows(items, ranking), [items, ranking]);

  const columns = useMemo((): GridColumn[] => {
    if (framework === 'ice') {
      return [
        ...ICE_FACTORS.map(
          (factor): GridColumn => ({
            kind: 'number',
            key: factor,
            header: `${ICE_FACTOR_LABELS[factor]}`,
            hint: '1–10',
            label: (item) => `ICE ${ICE_FACTOR_LABELS[factor].toLowerCase()} for ${item.title}`,
            value: (item) => item.scores.ice[factor],
            check: (raw) => checkIceInput(factor, raw),
            format: formatInput,
            commit: (item, value) => setScores(store, item, { ice: { [factor]: value } }, `Set ICE ${factor} of “${item.title}”`),
            sortValue: (row) => row.item.scores.ice[factor],
          }),
        ),
        { kind: 'output', key: 'score', header: 'ICE score', hint: 'I × C × E', render: (row) => <ScoreCell row={row} />, sortValue: scoreSortValue },
      ];
    }
    if (framework === 'wsjf') {
      return [
        ...WSJF_FACTORS.map(
          (factor): GridColumn => ({
            kind: 'number',
            key: factor,
            header: WSJF_FACTOR_SHORT_LABELS[factor],
            hint: factor === 'jobSize' ? 'relative size' : WSJF_FACTOR_LABELS[factor].toLowerCase(),
            label: (item) => `WSJF ${WSJF_FACTOR_LABELS[factor].toLowerCase()} for ${item.title}`,
            value: (item) => item.scores.wsjf[factor],
            check: (raw) => checkWsjfInput(factor, raw),
            format: formatInput,
            commit: (item, value) => setScores(store, item, { wsjf: { [factor]: value } }, `Set WSJF ${WSJF_FACTOR_LABELS[factor].toLowerCase()} of “${item.title}”`),
            sortValue: (row) => row.item.scores.wsjf[factor],
          }),
        ),
        {
          kind: 'output',
          key: 'cod',
          header: 'Cost of delay',
          hint: 'BV + TC + RR/OE',
          render: (row) => {
            const cod = costOfDelay(row.item.scores.wsjf);
            return cod === null ? <span className="muted">—</span> : <span className="pz-number">{formatScore(cod)}</span>;
          },
          sortValue: (row) => costOfDelay(row.item.scores.wsjf),
        },
        { kind: 'output', key: 'score', header: 'WSJF', hint: 'CoD ÷ size', render: (row) => <ScoreCell row={row} />, sortValue: scoreSortValue },
      ];
    }
    return [
      {
        kind: 'select',
        key: 'moscow',
        header: 'Bucket',
        hint: 'Must · Should · Could · Won’t',
        label: (item) => `MoSCoW bucket for ${item.title}`,
        value: (item) => item.scores.moscow ?? '',
        options: () => [{ value: '', label: '— not sorted' }, ...MOSCOW_BUCKETS.map((b) => ({ value: b.value, label: b.label }))],
        commit: (item, value) => setScores(store, item, { moscow: value === '' ? null : (value as Moscow) }, `Set MoSCoW of “${item.title}”`),
        sortValue: (row) => (row.result.status === 'scored' ? row.result.score : null),
      },
    ];
  }, [framework, store]);

  return (
    <div className="pz-section">
      <div className="pz-section-head">
        <Segmented label="Framework to edit" value={framework} options={OTHERS.map((f) => ({ value: f, label: FRAMEWORK_LABELS[f] }))} onChange={setFramework} />
        <p className="muted pz-legend">
          <strong>{FRAMEWORK_LABELS[framework]}</strong>: {FRAMEWORK_FORMULAS[framework]}. {ranking.ordered.length} of {items.length} scored.
          {framework === 'wsjf' && ' Use relative values, e.g. 1, 2, 3, 5, 8, 13, 20.'}
        </p>
      </div>
      <ScoreGrid key={framework} caption={`${FRAMEWORK_LABELS[framework]} inputs, score and rank for each item`} rows={rows} columns={columns} rankHeader="Rank" />
    </div>
  );
}
