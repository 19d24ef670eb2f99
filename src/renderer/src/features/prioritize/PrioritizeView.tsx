// This component's stylesheet first: its parts' stylesheets, imported with them below, refine it.
import './PrioritizeView.css';
import { useState } from 'react';
import type { Framework, Prioritization, Product } from '../../../../shared/model/schema';
import { FRAMEWORK_FORMULAS, FRAMEWORK_LABELS, FRAMEWORKS } from '../../../../shared/scoring/frameworks';
import { CommitField } from '../../components/CommitField';
import type { DocumentStore } from '../../state/documentStore';
import { ApplyExportView } from './ApplyExportView';
import { CompareView } from './CompareView';
import { dispatchEdit } from './dispatchEdit';
import { FrameworkInputs } from './FrameworkInputs';
import { MatrixView } from './MatrixView';
import { RankingExercise } from './RankingExercise';
import { RiceTable } from './RiceTable';
import { Segmented } from '../../components/Segmented';
import { SensitivityView } from './SensitivityView';
import { Tabs, type TabDef } from '../../components/Tabs';
import { usePrioritization } from './usePrioritization';
import { LIMITS } from '../../../../shared/model/limits';

type SubView = 'rice' | 'matrix' | 'frameworks' | 'compare' | 'sensitivity' | 'exercise' | 'apply';

const SUB_VIEWS: readonly TabDef<SubView>[] = [
  { key: 'rice', label: 'RICE table' },
  { key: 'matrix', label: 'Matrix' },
  { key: 'frameworks', label: 'ICE · WSJF · MoSCoW' },
  { key: 'compare', label: 'Compare' },
  { key: 'sensitivity', label: 'Sensitivity' },
  { key: 'exercise', label: 'Ranking exercise' },
  { key: 'apply', label: 'Apply & export' },
];

const SCOPES: readonly { value: Prioritization['scope']; label: string }[] = [
  { value: 'stories', label: 'Stories' },
  { value: 'epics', label: 'Epics' },
];

/** The prioritizer: score with RICE and other frameworks, compare, test judgement, apply to the backlog. */
export function PrioritizeView({ store, product }: { store: DocumentStore; product: Product }) {
  const [view, setView] = useState<SubView>('rice');
  const [includeDone, setIncludeDone] = useState(false);
  const p = product.prioritization;
  const { items, rankings } = usePrioritization(product, includeDone);
  const update = (patch: Partial<Prioritization>, label: string) => dispatchEdit(store, { type: 'prioritization.update', patch }, label);

  return (
    <section className="pz" aria-labelledby="pz-heading">
      <header className="pz-header">
        <div className="pz-heading">
          <h2 id="pz-heading">Prioritize</h2>
          <p className="muted">
            {items.length} {p.scope} · chosen framework {FRAMEWORK_LABELS[p.framework]}: {FRAMEWORK_FORMULAS[p.framework]}
          </p>
        </div>
        <div className="pz-controls">
          <Segmented label="Scope" value={p.scope} options={SCOPES} onChange={(scope) => update({ scope }, `Prioritize ${scope}`)} />
          <label className="pz-control">
            <span>Framework</span>
            <select value={p.framework} onChange={(e) => update({ framework: e.target.value as Framework }, 'Choose framework')}>
              {FRAMEWORKS.map((f) => (
                <option key={f} value={f}>
                  {FRAMEWORK_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <CommitField
            className="pz-control pz-reach-period"
            label="Reach period"
            value={p.reachPeriod}
            maxLength={LIMITS.shortText}
            validate={(v) => (v.trim() === '' ? 'Say what Reach counts, e.g. “users per quarter”.' : null)}
            onCommit={(reachPeriod) => update({ reachPeriod: reachPeriod.trim() }, 'Edit reach period')}
          />
          <label className="pz-check">
            <input type="checkbox" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} /> Include done
          </label>
        </div>
      </header>
      <Tabs label="Prioritization views" tabs={SUB_VIEWS} selected={view} onSelect={setView}>
        {view === 'rice' && <RiceTable store={store} items={items} ranking={rankings.rice} reachPeriod={p.reachPeriod} />}
        {view === 'matrix' && <MatrixView store={store} items={items} ranking={rankings.rice} />}
        {view === 'frameworks' && <FrameworkInputs store={store} items={items} rankings={rankings} />}
        {view === 'compare' && <CompareView items={items} rankings={rankings} primary={p.framework} />}
        {view === 'sensitivity' && <SensitivityView store={store} items={items} ranking={rankings.rice} reachPeriod={p.reachPeriod} />}
        {view === 'exercise' && <RankingExercise store={store} items={items} ranking={rankings.rice} prioritization={p} />}
        {view === 'apply' && <ApplyExportView store={store} productId={product.id} productName={product.name} items={items} rankings={rankings} prioritization={p} />}
      </Tabs>
    </section>
  );
}
