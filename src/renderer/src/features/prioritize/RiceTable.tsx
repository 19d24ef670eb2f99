import { useId, useMemo } from 'react';
import { formatInput, formatScore } from '../../../../shared/scoring/format';
import { checkRiceInput, riceInputFlag } from '../../../../shared/scoring/inputs';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';
import { impactLabel, RICE_IMPACT_SCALE, riceExplanation, type RiceFactor } from '../../../../shared/scoring/rice';
import { scoreRows, scoreSortValue, type ScoreRow } from '../../../../shared/scoring/scoreTable';
import type { DocumentStore } from '../../state/documentStore';
import { setScores } from './dispatchEdit';
import { ScoreGrid, type GridColumn } from './ScoreGrid';

/** The RICE table: editable inputs per item, the score with its breakdown, and the rank. */
export function RiceTable({ store, items, ranking, reachPeriod }: { store: DocumentStore; items: readonly PrioritizationItem[]; ranking: Ranking; reachPeriod: string }) {
  const rows = useMemo(() => scoreRows(items, ranking), [items, ranking]);
  const columns = useMemo((): GridColumn[] => {
    const numberColumn = (factor: Exclude<RiceFactor, 'impact'>, header: string, hint: string, noun: string): GridColumn => ({
      kind: 'number',
      key: factor,
      header,
      hint,
      label: (item) => `${header} for ${item.title}`,
      value: (item) => item.scores.rice[factor],
      check: (raw) => checkRiceInput(factor, raw),
      warning: (value) => riceInputFlag(factor, value),
      format: formatInput,
      commit: (item, value) => setScores(store, item, { rice: { [factor]: value } }, `Set ${noun} of “${item.title}”`),
      sortValue: (row) => row.item.scores.rice[factor],
    });
    return [
      numberColumn('reach', 'Reach', reachPeriod, 'reach'),
      {
        kind: 'select',
        key: 'impact',
        header: 'Impact',
        hint: '3 massive … 0.25 minimal',
        label: (item) => `Impact for ${item.title}`,
        value: (item) => (item.scores.rice.impact === null ? '' : String(item.scores.rice.impact)),
        options: (item) => {
          const current = item.scores.rice.impact;
          const offScale = current !== null && impactLabel(current) === null ? [{ value: String(current), label: `${current} (off scale)` }] : [];
          return [{ value: '', label: '— missing' }, ...RICE_IMPACT_SCALE.map((s) => ({ value: String(s.value), label: `${s.value} ${s.label}` })), ...offScale];
        },
        commit: (item, value) => setScores(store, item, { rice: { impact: value === '' ? null : Number(value) } }, `Set impact of “${item.title}”`),
        sortValue: (row) => row.item.scores.rice.impact,
      },
      numberColumn('confidence', 'Confidence %', '100 high · 80 medium · 50 low', 'confidence'),
      numberColumn('effort', 'Effort', 'person-months, min 0.5', 'effort'),
      { kind: 'output', key: 'score', header: 'RICE score', hint: 'R × I × C ÷ E', render: (row) => <RiceScoreCell row={row} reachPeriod={reachPeriod} />, sortValue: scoreSortValue },
    ];
  }, [store, reachPeriod]);

  const counts = useMemo(() => {
    let missing = 0;
    let invalid = 0;
    for (const row of rows) {
      if (row.result.status === 'missing') missing += 1;
      if (row.result.status === 'invalid') invalid += 1;
    }
    return { scored: rows.length - missing - invalid, missing, invalid };
  }, [rows]);

  return (
    <div className="pz-section">
      <div className="pz-section-head">
        <p className="pz-summary">
          <strong>{counts.scored}</strong> of {rows.length} scored
          {counts.missing > 0 && <span className="pz-chip is-muted">{counts.missing} missing inputs</span>}
          {counts.invalid > 0 && <span className="pz-chip is-danger">{counts.invalid} invalid</span>}
        </p>
        <p className="muted pz-legend">
          Score = Reach × Impact × Confidence ÷ Effort. Enter or ↓ saves and moves down, Tab moves right, Escape undoes the typing. A missing input leaves the score missing, never zero.
        </p>
      </div>
      <ScoreGrid caption="RICE inputs, score and rank for each item" rows={rows} columns={columns} rankHeader="Rank" />
    </div>
  );
}

function RiceScoreCell({ row, reachPeriod }: { row: ScoreRow; reachPeriod: string }) {
  const id = useId();
  const { result } = row;
  const text = result.status === 'scored' ? formatScore(result.score) : result.status === 'missing' ? `Missing ${result.missing.join(', ')}` : result.message;
  return (
    <span className="pz-score-cell">
      <span className={`pz-score is-${result.status}`} tabIndex={0} aria-describedby={id} data-testid="rice-score">
        {text}
      </span>
      <span role="tooltip" id={id} className="pz-tooltip">
        {riceExplanation(row.item.scores.rice, reachPeriod)}
      </span>
    </span>
  );
}
