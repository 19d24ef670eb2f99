import { useState } from 'react';
import type { Product } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import type { View } from '../../state/route';
import { ExerciseDetail } from './ExerciseDetail';
import { ExerciseList } from './ExerciseList';
import type { PracticeUiState } from './usePracticeState';
import './practice.css';

export const PRACTICE_PANEL_ID = 'practice-panel';

/** The exercise panel beside the views: the list of exercises, or one exercise with its rubric. */
export function PracticePanel({
  store,
  product,
  view,
  state,
  onChange,
}: {
  store: DocumentStore;
  product: Product;
  view: View;
  state: PracticeUiState;
  onChange: (next: PracticeUiState) => void;
}) {
  const exercise = state.exerciseId === null ? undefined : product.practice.exercises.find((e) => e.id === state.exerciseId);
  const [cameFrom, setCameFrom] = useState<string | null>(null);
  return (
    <aside id={PRACTICE_PANEL_ID} className="practice-panel" aria-labelledby="practice-heading">
      <div className="pr-header">
        <h2 id="practice-heading">Practice</h2>
        <button type="button" onClick={() => onChange({ ...state, open: false })} aria-label="Close practice panel">
          Close
        </button>
      </div>
      {exercise ? (
        <ExerciseDetail
          key={exercise.id}
          store={store}
          product={product}
          exercise={exercise}
          view={view}
          onBack={() => {
            setCameFrom(exercise.id);
            onChange({ open: true, exerciseId: null });
          }}
        />
      ) : (
        <ExerciseList product={product} returnFocusTo={cameFrom} onOpen={(exerciseId) => onChange({ open: true, exerciseId })} />
      )}
    </aside>
  );
}
