import { useEffect, useRef, useState } from 'react';
import type { Product } from '../../../../shared/model/schema';
import { DIFFICULTY_LABELS, SKILL_LABELS } from '../../../../shared/model/exerciseSchema';
import { NOTE_IDS, NOTES, type NoteId } from '../../../../shared/practice/notes';
import { exerciseStatus, practiceProgress } from '../../../../shared/practice/progress';
import { snapshotOf } from '../../../../shared/practice/snapshot';
import { NoteView } from './NoteView';

/** The product's exercises with their status, the product brief, and the concept notes. */
export function ExerciseList({ product, onOpen, returnFocusTo }: { product: Product; onOpen: (id: string) => void; returnFocusTo: string | null }) {
  const [note, setNote] = useState<NoteId | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Back from an exercise: focus the exercise the learner came from.
  useEffect(() => {
    if (returnFocusTo === null) return;
    listRef.current?.querySelector<HTMLButtonElement>(`button[data-exercise-id="${CSS.escape(returnFocusTo)}"]`)?.focus();
  }, [returnFocusTo]);
  const progress = practiceProgress(product.practice);
  const exercises = product.practice.exercises;
  return (
    <div className="pr-list">
      {exercises.length > 0 && (
        <p className="pr-progress">
          <strong>
            {progress.passed} of {progress.exercises}
          </strong>{' '}
          passed · {progress.attempted} attempted{progress.averageScore !== null ? ` · average best score ${progress.averageScore}` : ''}
        </p>
      )}
      {product.practice.brief.trim() !== '' && (
        <details className="pr-product-brief">
          <summary>The product brief</summary>
          {product.practice.brief.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </details>
      )}
      {exercises.length === 0 ? (
        <p className="muted">
          This product has no exercises yet. A mentor can add them to the <code>practice.exercises</code> list of the product file — the README shows how.
        </p>
      ) : (
        <ul className="pr-exercises" aria-label="Exercises" ref={listRef}>
          {exercises.map((exercise) => {
            const status = exerciseStatus(product.practice, exercise.id);
            const started = snapshotOf(product.practice, exercise.id) !== null;
            const label = status.passed ? `Passed · best ${status.best ?? 0}` : status.best !== null ? `Best ${status.best}` : started ? 'Started' : 'Not started';
            return (
              <li key={exercise.id}>
                <button type="button" className="pr-exercise" data-exercise-id={exercise.id} onClick={() => onOpen(exercise.id)} aria-describedby={`pr-status-${exercise.id}`}>
                  <span className="pr-exercise-title">{exercise.title}</span>
                  <span className="pr-exercise-meta">
                    {SKILL_LABELS[exercise.skill]} · {DIFFICULTY_LABELS[exercise.difficulty]}
                  </span>
                </button>
                <span id={`pr-status-${exercise.id}`} className={`pr-status ${status.passed ? 'is-passed' : status.best !== null ? 'is-attempted' : ''}`}>
                  {status.passed && <span aria-hidden="true">✓ </span>}
                  {label}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <details className="pr-concepts">
        <summary>Concepts</summary>
        <ul className="pr-concept-list">
          {NOTE_IDS.map((id) => (
            <li key={id}>
              <button type="button" className="link-button" aria-expanded={note === id} onClick={() => setNote(note === id ? null : id)}>
                {NOTES[id].title}
              </button>
              {note === id && <NoteView noteId={id} onOpenNote={setNote} />}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
