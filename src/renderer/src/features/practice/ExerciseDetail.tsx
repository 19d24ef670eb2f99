import { useEffect, useMemo, useRef, useState } from 'react';
import { EditError } from '../../../../shared/edits/applyEdit';
import type { Product } from '../../../../shared/model/schema';
import { attemptOf, attemptsFor, recordAttemptEdit } from '../../../../shared/practice/attempts';
import { evaluateExercise, type ExerciseResult } from '../../../../shared/practice/evaluate';
import { DIFFICULTY_LABELS, SKILL_LABELS, type Exercise } from '../../../../shared/model/exerciseSchema';
import { resetExerciseEdit } from '../../../../shared/practice/reset';
import { highlightedStoryIds } from '../../../../shared/practice/scope';
import { snapshotOf, startExerciseEdit } from '../../../../shared/practice/snapshot';
import { SPEC_TEMPLATES } from '../../../../shared/spec/templates';
import type { DocumentStore } from '../../state/documentStore';
import { navigate, type View } from '../../state/route';
import { ReferenceAnswer } from './ReferenceAnswer';
import { RubricResults } from './RubricResults';

const VIEW_NAMES: Record<View, string> = { backlog: 'Backlog', prioritize: 'Prioritize', roadmap: 'Roadmap', spec: 'Spec' };

/** What the exercise works on, in words. */
function scopeText(product: Product, exercise: Exercise): string {
  const parts: string[] = [];
  const stories = highlightedStoryIds(product, exercise).size;
  if (stories > 0) parts.push(`${stories} ${stories === 1 ? 'story is' : 'stories are'} highlighted in the backlog`);
  if (exercise.scope.roadmap) parts.push('the whole roadmap');
  if (exercise.scope.goals) parts.push('the product’s goals');
  const templates = exercise.scope.specTemplates.map((t) => SPEC_TEMPLATES[t].label);
  const specs = exercise.scope.specIds.map((id) => product.specs.find((s) => s.id === id)?.title ?? id);
  if (templates.length + specs.length > 0) parts.push(`specs: ${[...specs.map((t) => `“${t}”`), ...templates.map((t) => `a new ${t}`)].join(', ')}`);
  return parts.length === 0 ? '' : `Scope: ${parts.join('; ')}.`;
}

interface Checked {
  result: ExerciseResult;
  at: string;
}

/** One exercise: the brief, start, check my work, hints, reset, attempts and the reference answer. */
export function ExerciseDetail({ store, product, exercise, view, onBack }: { store: DocumentStore; product: Product; exercise: Exercise; view: View; onBack: () => void }) {
  const [checked, setChecked] = useState<Checked | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening an exercise replaces the list the learner clicked in: take focus to its title.
  useEffect(() => headingRef.current?.focus(), []);
  const snapshot = snapshotOf(product.practice, exercise.id);
  const attempts = useMemo(() => attemptsFor(product.practice, exercise.id), [product.practice, exercise.id]);
  const started = snapshot !== null;
  const goToView = () => navigate({ screen: 'product', id: store.id, view: exercise.view });

  const start = () => {
    const edit = startExerciseEdit(product, exercise, new Date().toISOString());
    if (edit) store.dispatch(edit, `Start “${exercise.title}”`, { undoable: false });
    setNotice(null);
    goToView();
  };

  const check = () => {
    const result = evaluateExercise(store.getSnapshot().product, exercise);
    const at = new Date().toISOString();
    setChecked({ result, at });
    setNotice(null);
    store.dispatch(recordAttemptEdit(store.getSnapshot().product.practice, attemptOf(result, at)), 'Record attempt', { undoable: false });
  };

  const reset = () => {
    setConfirmingReset(false);
    if (!snapshot) return;
    const edit = resetExerciseEdit(store.getSnapshot().product, exercise, snapshot);
    if (edit === null) {
      setNotice('Nothing to reset: the exercise is as it was when you started.');
      return;
    }
    try {
      store.dispatch(edit, edit.label);
      setChecked(null);
      setNotice('The exercise is back to how it was when you started. Undo (Ctrl+Z or ⌘Z) brings your work back.');
    } catch (error) {
      setNotice(error instanceof EditError ? `The exercise could not be reset: ${error.message}` : 'The exercise could not be reset.');
    }
  };

  const best = attempts.length === 0 ? null : Math.max(...attempts.map((a) => a.score));
  const hints = exercise.hints;

  return (
    <article className="pr-detail" aria-labelledby="pr-exercise-title">
      <button type="button" className="link-button pr-back" onClick={onBack}>
        ← All exercises
      </button>
      <h3 id="pr-exercise-title" ref={headingRef} tabIndex={-1}>
        {exercise.title}
      </h3>
      <p className="pr-meta">
        <span className="pr-chip">{SKILL_LABELS[exercise.skill]}</span>
        <span className="pr-chip">{DIFFICULTY_LABELS[exercise.difficulty]}</span>
        <span className="muted">Opens in {VIEW_NAMES[exercise.view]}</span>
      </p>
      <p className="pr-brief">{exercise.brief}</p>
      {scopeText(product, exercise) && <p className="muted pr-scope">{scopeText(product, exercise)}</p>}

      <div className="actions pr-actions">
        {!started ? (
          <button type="button" className="pr-primary" onClick={start}>
            Start exercise
          </button>
        ) : (
          <>
            <button type="button" className="pr-primary" onClick={check}>
              Check my work
            </button>
            {view !== exercise.view && (
              <button type="button" onClick={goToView}>
                Go to {VIEW_NAMES[exercise.view]}
              </button>
            )}
          </>
        )}
        {hintsShown < hints.length && (
          <button type="button" onClick={() => setHintsShown(hintsShown + 1)}>
            {hintsShown === 0 ? 'Show a hint' : 'Another hint'} ({hintsShown + 1} of {hints.length})
          </button>
        )}
        {started && !confirmingReset && (
          <button type="button" onClick={() => setConfirmingReset(true)}>
            Reset exercise…
          </button>
        )}
      </div>

      {confirmingReset && (
        <div className="pr-confirm" role="group" aria-label="Confirm reset">
          <p>Put the exercise’s {exercise.scope.roadmap ? 'roadmap' : 'work'} back to how it was when you started? You can undo it.</p>
          <div className="actions">
            <button type="button" className="danger" onClick={reset}>
              Reset
            </button>
            <button type="button" onClick={() => setConfirmingReset(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {notice && (
        <p className="pr-notice" role="status">
          {notice}
        </p>
      )}

      {hintsShown > 0 && (
        <section className="pr-hints" aria-label="Hints">
          <h4>Hints</h4>
          <ol>
            {hints.slice(0, hintsShown).map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ol>
        </section>
      )}

      {checked && <RubricResults result={checked.result} checkedAt={checked.at} />}

      {attempts.length > 0 && (
        <section className="pr-attempts" aria-label="Your attempts">
          <h4>Your attempts</h4>
          <p className="muted">
            {attempts.length} {attempts.length === 1 ? 'attempt' : 'attempts'} kept · best score {best}
            {attempts.some((a) => a.passed) ? ' · passed' : ''}
          </p>
          <ol className="pr-attempt-list">
            {attempts
              .slice()
              .reverse()
              .map((a) => (
                <li key={`${a.at}-${a.score}`}>
                  <span>{new Date(a.at).toLocaleString()}</span>
                  <span className={a.passed ? 'pr-pass-text' : 'muted'}>
                    {a.score} / 100{a.passed ? ' · passed' : ''}
                  </span>
                </li>
              ))}
          </ol>
        </section>
      )}

      {exercise.reference !== null &&
        (attempts.length > 0 ? (
          <ReferenceAnswer product={product} exercise={exercise} snapshot={snapshot} />
        ) : (
          <p className="muted pr-reference-later">The reference answer appears after your first “Check my work”.</p>
        ))}
    </article>
  );
}
