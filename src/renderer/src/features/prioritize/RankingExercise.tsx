import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMemo, useState } from 'react';
import type { Prioritization } from '../../../../shared/model/schema';
import { describeAgreement } from '../../../../shared/scoring/agreement';
import { EXERCISE_SAMPLE_SIZE, exerciseSample, MIN_EXERCISE_ITEMS, scoreExercise, usableLearnerRanking } from '../../../../shared/scoring/exercise';
import { formatScore } from '../../../../shared/scoring/format';
import type { PrioritizationItem } from '../../../../shared/scoring/items';
import type { Ranking } from '../../../../shared/scoring/ranking';
import type { DocumentStore } from '../../state/documentStore';
import { dispatchEdit } from './dispatchEdit';
import { useDragSession } from '../../components/dnd/dragSession';
import './RankingExercise.css';

/**
 * The ranking exercise: order a sample by judgement (drag, or Space and the arrow keys, or the move
 * buttons), then reveal RICE's order and see how far they agree and why they differ. The learner's
 * order is kept in the product (`prioritization.learnerRanking`).
 */
export function RankingExercise({ store, items, ranking, prioritization }: { store: DocumentStore; items: readonly PrioritizationItem[]; ranking: Ranking; prioritization: Prioritization }) {
  const [seed, setSeed] = useState(1);
  const [revealed, setRevealed] = useState(false);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const saved = useMemo(() => usableLearnerRanking(prioritization.learnerRanking, ranking), [prioritization.learnerRanking, ranking]);
  const sample = useMemo(() => exerciseSample(ranking, EXERCISE_SAMPLE_SIZE, seed), [ranking, seed]);
  const order = saved ?? sample;
  const session = useDragSession();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );
  const result = useMemo(
    () => (revealed ? scoreExercise(order, ranking, (id) => byId.get(id)?.scores.rice ?? { reach: null, impact: null, confidence: null, effort: null }, prioritization.reachPeriod) : null),
    [revealed, order, ranking, byId, prioritization.reachPeriod],
  );

  if (ranking.ordered.length < MIN_EXERCISE_ITEMS) {
    return <p className="pz-empty">The exercise needs at least {MIN_EXERCISE_ITEMS} items with a complete RICE score. Score more items in the RICE table first.</p>;
  }

  const save = (next: string[], label: string) => dispatchEdit(store, { type: 'prioritization.update', patch: { learnerRanking: next } }, label);
  const titleOf = (id: string | number) => byId.get(String(id))?.title ?? 'item';
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    save(arrayMove(order, from, to), 'Reorder my ranking');
  };
  // A drop is committed only by the list that is still on screen (see DragSession).
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!session.end() || !over || active.id === over.id) return;
    move(order.indexOf(String(active.id)), order.indexOf(String(over.id)));
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}, place ${order.indexOf(String(active.id)) + 1} of ${order.length}.`,
    onDragOver: ({ active, over }) => (over ? `${titleOf(active.id)} is at place ${order.indexOf(String(over.id)) + 1}.` : `${titleOf(active.id)} is not over the list.`),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${titleOf(active.id)} at place ${order.indexOf(String(over.id)) + 1}.` : `${titleOf(active.id)} was not moved.`),
    onDragCancel: ({ active }) => `Cancelled; ${titleOf(active.id)} stays at place ${order.indexOf(String(active.id)) + 1}.`,
  };

  const reveal = () => {
    if (!saved) save(order, 'Save my ranking');
    setRevealed(true);
  };
  const newSample = () => {
    if (prioritization.learnerRanking !== null) dispatchEdit(store, { type: 'prioritization.update', patch: { learnerRanking: null } }, 'Start a new ranking exercise');
    setSeed((s) => s + 1);
    setRevealed(false);
  };

  return (
    <div className="pz-section pz-exercise">
      <div className="pz-exercise-mine">
        <h3>Your ranking</h3>
        <p className="muted">
          Put these {order.length} items in the order you would build them, most valuable first, before looking at the numbers. Drag a card, or focus its handle and press Space, move with ↑/↓, and press Space to drop.
          {saved ? ' Your order is saved in the product.' : ''}
        </p>
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragStart={() => session.begin()}
          onDragEnd={onDragEnd}
          onDragCancel={() => session.end()}
          accessibility={{ announcements, screenReaderInstructions: { draggable: 'Press Space to pick up an item, the up and down arrows to move it, Space to drop, Escape to cancel.' } }}
        >
          <SortableContext items={order} strategy={verticalListSortingStrategy}>
            <ol className="pz-exercise-list" aria-label="Your ranking">
              {order.map((id, index) => {
                const item = byId.get(id);
                return item ? <ExerciseCard key={id} item={item} index={index} count={order.length} onMove={move} riceRank={result?.riceOrder.indexOf(id) ?? null} /> : null;
              })}
            </ol>
          </SortableContext>
        </DndContext>
        <div className="actions">
          <button type="button" className="pz-primary" onClick={reveal} disabled={revealed}>
            Reveal the RICE ranking
          </button>
          <button type="button" onClick={newSample}>
            New sample
          </button>
          {revealed && (
            <button type="button" onClick={() => setRevealed(false)}>
              Hide RICE again
            </button>
          )}
        </div>
      </div>
      {result && (
        <section className="pz-exercise-result" aria-labelledby="pz-exercise-result-title">
          <h3 id="pz-exercise-result-title">How your ranking compares</h3>
          <div className="pz-stats">
            <div className="pz-stat">
              <span className="pz-stat-label">Kendall’s τ</span>
              <span className="pz-stat-value" data-testid="kendall-tau">
                {result.tau === null ? '—' : result.tau.toFixed(2)}
              </span>
              <span className="muted">{describeAgreement(result.tau)}</span>
            </div>
            <div className="pz-stat">
              <span className="pz-stat-label">Spearman’s ρ</span>
              <span className="pz-stat-value">{result.rho === null ? '—' : result.rho.toFixed(2)}</span>
              <span className="muted">over {result.n} items</span>
            </div>
          </div>
          <p className="muted">Both run from −1 (opposite order) through 0 (unrelated) to 1 (the same order).</p>
          <h4>RICE’s order</h4>
          <ol className="pz-rice-order" aria-label="RICE ranking of the sample">
            {result.riceOrder.map((id) => (
              <li key={id}>
                {titleOf(id)} <span className="muted">— {formatScore(ranking.byId.get(id)?.score ?? 0)}</span>
              </li>
            ))}
          </ol>
          <h4>Largest disagreements</h4>
          {result.disagreements.length === 0 ? (
            <p>None: your order is RICE’s order.</p>
          ) : (
            <ol className="pz-disagreements" aria-label="Largest disagreements">
              {result.disagreements.map((d) => (
                <li key={d.id}>
                  <strong>{titleOf(d.id)}</strong>
                  <p>{d.explanation}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

function ExerciseCard({ item, index, count, onMove, riceRank }: { item: PrioritizationItem; index: number; count: number; onMove: (from: number, to: number) => void; riceRank: number | null }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={`pz-exercise-card ${isDragging ? 'is-dragging' : ''}`}>
      <button type="button" className="pz-handle" {...attributes} {...listeners} aria-roledescription="sortable item" aria-label={`Reorder ${item.title}, place ${index + 1} of ${count}`}>
        ⠿
      </button>
      <span className="pz-place-number" aria-hidden="true">
        {index + 1}
      </span>
      <span className="pz-exercise-text">
        <span className="pz-exercise-title">{item.title}</span>
        {item.summary && <span className="muted pz-exercise-summary">{item.summary}</span>}
      </span>
      {riceRank !== null && riceRank >= 0 && <span className={`pz-chip ${riceRank === index ? 'is-good' : 'is-muted'}`}>RICE #{riceRank + 1}</span>}
      <span className="pz-move-buttons">
        <button type="button" aria-label={`Move ${item.title} up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          ↑
        </button>
        <button type="button" aria-label={`Move ${item.title} down`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          ↓
        </button>
      </span>
    </li>
  );
}
