import { useModalDialog } from '../../components/useModalDialog';
import { useId } from 'react';
import type { DocumentStore, FieldConflictPrompt } from '../../state/documentStore';

/**
 * Another window changed the same fields before this one saw it: both values side by side, and
 * the learner's choice is what is saved. It cannot be dismissed without a choice (Escape does not
 * close it), so nothing is dropped silently.
 */
export function FieldConflictDialog({ store, prompt }: { store: DocumentStore; prompt: FieldConflictPrompt }) {
  const ref = useModalDialog();
  const headingId = useId();
  const textId = useId();


  return (
    <dialog
      ref={ref}
      className="recovered-dialog conflict-dialog"
      aria-labelledby={headingId}
      aria-describedby={textId}
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id={headingId}>Changed in another window too</h2>
      <p id={textId}>Another window changed the same {prompt.conflicts.length === 1 ? 'field' : 'fields'} before this one saw it. Choose which to keep.</p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Theirs</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {prompt.conflicts.map((c) => (
            <tr key={`${c.entity}/${c.field}`}>
              <th scope="row">
                {c.where}: {c.what}
              </th>
              <td>{c.theirs}</td>
              <td>{c.mine}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions recovered-dialog-actions">
        <button type="button" onClick={() => store.keepTheirs()}>
          Keep theirs
        </button>
        <button type="button" onClick={() => store.keepMine()}>
          Keep mine
        </button>
      </div>
    </dialog>
  );
}
