import { useMemo, useState } from 'react';
import { prioritizationCsv, prioritizationFileName, prioritizationMarkdown, type PrioritizationExport } from '../../../../shared/export/prioritization';
import type { Framework, Prioritization } from '../../../../shared/model/schema';
import { planApplyRanking } from '../../../../shared/scoring/applyRanking';
import { FRAMEWORK_LABELS } from '../../../../shared/scoring/frameworks';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';
import { CommitField } from '../../components/CommitField';
import { useExporter } from '../../components/exportFile';
import type { DocumentStore } from '../../state/documentStore';
import { dispatchEdit } from './dispatchEdit';
import './ApplyExportView.css';

const PREVIEW_ROWS = 100;

/** Apply the chosen ranking to the backlog (with a preview), write rationale notes, and export. */
export function ApplyExportView({
  store,
  productId,
  productName,
  items,
  rankings,
  prioritization,
}: {
  store: DocumentStore;
  productId: string;
  productName: string;
  items: readonly PrioritizationItem[];
  rankings: Record<Framework, Ranking>;
  prioritization: Prioritization;
}) {
  const framework = prioritization.framework;
  const label = `Apply ${FRAMEWORK_LABELS[framework]} ranking to the backlog`;
  const plan = useMemo(() => planApplyRanking(items, rankings[framework], label), [items, rankings, framework, label]);
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const noun = prioritization.scope === 'epics' ? 'epics' : 'stories';
  const exporter = useExporter(productId, { className: 'pz-export-notice' });

  const apply = () => {
    if (!plan.edit) return;
    const moved = plan.moves.length;
    const problem = dispatchEdit(store, plan.edit, label);
    setMessage(problem ?? `Applied: ${moved} ${noun} moved. Undo (Ctrl+Z or the Undo button) puts them back in one step.`);
  };

  const exportData: PrioritizationExport = { productName, prioritization, items, rankings };
  const exportFile = (kind: 'csv' | 'md') => {
    void exporter.exportText(prioritizationFileName(productId, framework, kind), () => (kind === 'csv' ? prioritizationCsv(exportData) : prioritizationMarkdown(exportData)));
  };

  return (
    <div className="pz-section pz-apply">
      <section className="pz-card" aria-labelledby="pz-apply-title">
        <h3 id="pz-apply-title">Apply to the backlog</h3>
        <p className="muted">
          Reorders the {noun} in the backlog by the {FRAMEWORK_LABELS[framework]} ranking: the {plan.ranked} ranked {noun} go to the top in ranking order, the {plan.unscored} without a {FRAMEWORK_LABELS[framework]} score follow in their current order. {prioritization.scope === 'stories' ? 'Stories keep their board column. ' : ''}{items.some((i) => i.done) ? 'Finished work is included (“Include done” is on).' : 'Finished work is not moved.'} One undoable edit.
        </p>
        {plan.moves.length === 0 ? (
          <p className="pz-ok">The backlog already follows the {FRAMEWORK_LABELS[framework]} ranking.</p>
        ) : (
          <>
            <table className="pz-grid pz-moves">
              <caption className="pz-moves-caption">
                {plan.moves.length} {noun} would move
              </caption>
              <thead>
                <tr>
                  <th scope="col">New place</th>
                  <th scope="col">Item</th>
                  <th scope="col">Now</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {plan.moves.slice(0, PREVIEW_ROWS).map((m) => (
                  <tr key={m.id}>
                    <td className="pz-rank">{m.to}</td>
                    <th scope="row" className="pz-title">
                      {m.title}
                    </th>
                    <td className="pz-number">{m.from}</td>
                    <td className={m.to < m.from ? 'pz-up' : 'pz-down'}>
                      {m.to < m.from ? `↑ ${m.from - m.to}` : `↓ ${m.to - m.from}`}
                      <span className="visually-hidden">{m.to < m.from ? ' places up' : ' places down'}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {plan.moves.length > PREVIEW_ROWS && <p className="muted">…and {plan.moves.length - PREVIEW_ROWS} more.</p>}
          </>
        )}
        <div className="actions">
          <button type="button" className="pz-primary" disabled={!plan.edit} onClick={apply}>
            Apply {FRAMEWORK_LABELS[framework]} ranking to backlog
          </button>
          {message && (
            <span role="status" className="pz-message">
              {message}
            </span>
          )}
        </div>
      </section>

      <section className="pz-card" aria-labelledby="pz-notes-title">
        <h3 id="pz-notes-title">Rationale</h3>
        <CommitField
          label="Rationale notes"
          multiline
          value={prioritization.notes}
          placeholder="Why this framework, what you weighed, what you would check next…"
          hint="Saved when you leave the field (or Ctrl+Enter). Part of the export."
          onCommit={(notes) => dispatchEdit(store, { type: 'prioritization.update', patch: { notes } }, 'Edit rationale notes')}
        />
      </section>

      <section className="pz-card" aria-labelledby="pz-export-title">
        <h3 id="pz-export-title">Export</h3>
        <p className="muted">The table of every {prioritization.scope === 'epics' ? 'epic' : 'story'}’s inputs, scores and ranks under each framework, the chosen framework ({FRAMEWORK_LABELS[framework]}) and your rationale notes.</p>
        <div className="actions">
          <button type="button" onClick={() => exportFile('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => exportFile('md')}>
            Export Markdown
          </button>
        </div>
        {exporter.notice}
        <details className="pz-preview" onToggle={(e) => setPreview(e.currentTarget.open)}>
          <summary>Preview the Markdown</summary>
          {preview && <pre>{prioritizationMarkdown(exportData)}</pre>}
        </details>
      </section>
    </div>
  );
}
