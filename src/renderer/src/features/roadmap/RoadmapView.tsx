import { HORIZONS, type Horizon, type Product } from '../../../../shared/model/schema';
import { sortByRank } from '../../../../shared/model/rank';
import { itemProgress } from '../../../../shared/roadmap/progress';
import type { DocumentStore } from '../../state/documentStore';

const HORIZON_LABELS: Record<Horizon, string> = { now: 'Now', next: 'Next', later: 'Later' };

/** Now / Next / Later: roadmap items by horizon, with their goal, epics and progress. */
export function RoadmapView({ product }: { store: DocumentStore; product: Product }) {
  const goals = new Map(product.goals.map((g) => [g.id, g]));
  const lanes = new Map(product.roadmap.lanes.map((l) => [l.id, l]));
  const epics = new Map(product.epics.map((e) => [e.id, e]));
  const items = sortByRank(product.roadmap.items);
  return (
    <div className="roadmap-board">
      {HORIZONS.map((h) => (
        <section key={h} className="column" aria-labelledby={`h-${h}`}>
          <header className="column-header">
            <h2 id={`h-${h}`}>{HORIZON_LABELS[h]}</h2>
          </header>
          <ul className="cards" aria-label={`${HORIZON_LABELS[h]} items`}>
            {items
              .filter((i) => i.horizon === h)
              .map((item) => {
                const progress = itemProgress(product, item);
                const goal = item.goalId ? goals.get(item.goalId) : undefined;
                const lane = item.laneId ? lanes.get(item.laneId) : undefined;
                return (
                  <li key={item.id} className="card roadmap-card">
                    <span className="card-title">{item.title}</span>
                    {lane && <span className="lane-chip" style={{ borderColor: lane.color }}>{lane.name}</span>}
                    <span className="muted">{goal ? `Goal: ${goal.title}` : 'No goal linked'}</span>
                    {(item.start || item.end) && (
                      <span className="muted">
                        {item.start ?? '…'} → {item.end ?? '…'}
                      </span>
                    )}
                    {item.epicIds.length > 0 && <span className="muted">Epics: {item.epicIds.map((id) => epics.get(id)?.title ?? id).join(', ')}</span>}
                    {progress.ratio !== null && (
                      <span className="progress">
                        <progress value={progress.done} max={progress.total} aria-label={`Progress of ${item.title}`} /> {progress.done}/{progress.total} stories done
                      </span>
                    )}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </div>
  );
}
