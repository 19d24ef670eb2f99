import { useId, useState } from 'react';
import type { ExerciseResult } from '../../../../shared/practice/evaluate';
import type { NoteId } from '../../../../shared/practice/notes';
import { NoteToggle } from './NoteView';

/** The result of "Check my work": the score and, per criterion, pass / not yet with the items and why. */
export function RubricResults({ result, checkedAt }: { result: ExerciseResult; checkedAt: string }) {
  // Which criterion shows a note, and which note (a related note can replace the first one).
  const [openNote, setOpenNote] = useState<{ criterionId: string; noteId: NoteId } | null>(null);
  const headingId = useId();
  const passedCount = result.criteria.filter((c) => c.passed).length;
  return (
    <section className="pr-results" aria-labelledby={headingId}>
      <div className={`pr-score ${result.passed ? 'is-passed' : 'not-passed'}`}>
        <h4 id={headingId}>Your result</h4>
        <p className="pr-score-line" role="status">
          <span className="pr-score-number">{result.score}</span>
          <span className="pr-score-of">/ 100</span>
          <span className="pr-score-verdict">{result.passed ? 'Passed' : 'Not passed yet'}</span>
        </p>
        <div className="pr-score-bar" aria-hidden="true">
          <span style={{ width: `${result.score}%` }} />
        </div>
        <p className="muted pr-score-meta">
          {passedCount} of {result.criteria.length} criteria pass · checked {new Date(checkedAt).toLocaleTimeString()}
        </p>
      </div>
      <ol className="pr-criteria" aria-label="Rubric">
        {result.criteria.map((c) => (
          <li key={c.id} className={`pr-criterion ${c.passed ? 'is-pass' : 'is-fail'}`}>
            <div className="pr-criterion-head">
              <span className={`pr-verdict ${c.passed ? 'is-pass' : 'is-fail'}`}>
                <span aria-hidden="true">{c.passed ? '✓ ' : '○ '}</span>
                {c.passed ? 'Pass' : 'Not yet'}
              </span>
              <span className="pr-criterion-label">{c.label}</span>
              {!c.required && <span className="pr-optional">optional</span>}
            </div>
            <p className="pr-criterion-summary">{c.summary}</p>
            {c.items.length > 0 && (
              <ul className="pr-items" aria-label={`What is not there yet: ${c.label}`}>
                {c.items.map((item) => (
                  <li key={item.id}>
                    <strong>{item.title}</strong>
                    <span>{item.problem}</span>
                  </li>
                ))}
              </ul>
            )}
            {!c.passed && <p className="pr-explanation">{c.explanation}</p>}
            <NoteToggle
              noteId={openNote?.criterionId === c.id ? openNote.noteId : c.noteId}
              open={openNote?.criterionId === c.id}
              onToggle={() => setOpenNote(openNote?.criterionId === c.id ? null : { criterionId: c.id, noteId: c.noteId })}
              onOpenNote={(noteId) => setOpenNote({ criterionId: c.id, noteId })}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
