import { useId, useState } from 'react';

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
  const { label, value, onCommit, multiline, placeholder, maxLength = 20_000, hint, validate, autoFocus, className } = props;
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  // When the stored value changes (undo, another field, a reload), show it.
  if (value !== saved) {
    setSaved(value);
    setDraft(value);
  }

  const commit = () => {
    if (draft === value) return;
    const problem = validate?.(draft) ?? null;
    setError(problem);
    if (problem) return;
    onCommit(draft);
  };

  const common = {
    id,
    value: draft,
    placeholder,
    maxLength,
    autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-help` : undefined,
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
            if (e.key === 'Escape') {
              setDraft(value);
              setError(null);
            }
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setDraft(value);
              setError(null);
            }
            if (e.key === 'Enter') commit();
          }}
        />
      )}
      {(error || hint) && (
        <p id={`${id}-help`} className={error ? 'field-error' : 'field-hint'}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}
