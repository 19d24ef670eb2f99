import { useId, useState } from 'react';
import { LIMITS } from '../../../shared/model/limits';

interface CommitFieldProps {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  maxLength?: number;
  hint?: string;
  /** Refuse a commit with this message (e.g. an empty title). */
  validate?: (value: string) => string | null;
  autoFocus?: boolean;
  className?: string;
}

/**
 * A labelled text field that edits a local draft and commits it as one edit on blur or Enter
 * (Escape restores the saved value), so typing is instant and undo works per field, not per key.
 */
export function CommitField(props: CommitFieldProps) {
  const { label, value, onCommit, multiline, placeholder, maxLength = LIMITS.longText, hint, validate, autoFocus, className } = props;
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  const [error, setError] = useState<string | null>(null);
  /** The stored value changed (another window, the disk) while the learner had typed here. */
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const id = useId();

  // When the stored value changes (undo, another window, a reload), show it — unless the learner
  // has typed here: their text stays, and the field says the stored value changed.
  if (value !== saved) {
    setSaved(value);
    if (draft === saved || draft === value) {
      setDraft(value);
      setChangedElsewhere(false);
    } else {
      setChangedElsewhere(true);
    }
  }

  const commit = () => {
    if (draft === value) return;
    const problem = validate?.(draft) ?? null;
    setError(problem);
    if (problem) return;
    setChangedElsewhere(false);
    onCommit(draft);
  };
  const takeStored = () => {
    setDraft(value);
    setError(null);
    setChangedElsewhere(false);
  };
  const help = error ?? (changedElsewhere ? `Changed elsewhere to “${value.length > 80 ? `${value.slice(0, 80)}…` : value}”. Your text is kept; press Escape to take theirs.` : hint);

  const common = {
    id,
    value: draft,
    placeholder,
    maxLength,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': help ? `${id}-help` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
  };

  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onKeyDown={(e) => {
            if (e.key === 'Escape') takeStored();
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Escape') takeStored();
            if (e.key === 'Enter') commit();
          }}
        />
      )}
      {help && (
        <p id={`${id}-help`} className={error ? 'field-error' : changedElsewhere ? 'field-changed' : 'field-hint'} role={changedElsewhere ? 'status' : undefined}>
          {help}
        </p>
      )}
    </div>
  );
}
