import { useEffect, useId, useRef, useState } from 'react';
import type { Column } from '../../../../shared/model/schema';
import { LIMITS } from '../../../../shared/model/limits';

interface ColumnMenuProps {
  column: Column;
  columns: readonly Column[];
  onRename: (name: string) => void;
  onSetWipLimit: (limit: number | null) => void;
  onMove: (direction: -1 | 1) => void;
  onDelete: (moveStoriesTo: string | null) => void;
}

/** Column settings: rename, WIP limit, move left/right, remove (its cards move to another column). */
export function ColumnMenu({ column, columns, onRename, onSetWipLimit, onMove, onDelete }: ColumnMenuProps) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(column.name);
  const [limit, setLimit] = useState(column.wipLimit === null ? '' : String(column.wipLimit));
  const others = columns.filter((c) => c.id !== column.id);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  const id = useId();
  const panelRef = useRef<HTMLDivElement | null>(null);
  const index = columns.findIndex((c) => c.id === column.id);

  useEffect(() => {
    if (open) panelRef.current?.querySelector('input')?.focus();
  }, [open]);

  const toggle = () => {
    if (!open) {
      setName(column.name);
      setLimit(column.wipLimit === null ? '' : String(column.wipLimit));
    }
    setOpen(!open);
  };

  const limitValue = limit.trim() === '' ? null : Number(limit);
  const limitError = limitValue !== null && (!Number.isInteger(limitValue) || limitValue < 1) ? 'A WIP limit is a whole number of at least 1, or empty for none.' : null;

  return (
    <div className="column-menu">
      <button type="button" className="icon-button" aria-expanded={open} aria-controls={`${id}-panel`} aria-label={`Column actions for ${column.name}`} onClick={toggle}>
        ⋯
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          ref={panelRef}
          className="popover"
          role="group"
          aria-label={`Settings for column ${column.name}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (limitError) return;
              if (name.trim() && name.trim() !== column.name) onRename(name.trim());
              if (limitValue !== column.wipLimit) onSetWipLimit(limitValue);
              setOpen(false);
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-name`}>Column name</label>
              <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={LIMITS.shortText} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-wip`}>WIP limit</label>
              <input id={`${id}-wip`} inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} placeholder="No limit" aria-invalid={limitError ? true : undefined} aria-describedby={`${id}-wip-help`} />
              <p id={`${id}-wip-help`} className={limitError ? 'field-error' : 'field-hint'}>
                {limitError ?? 'Work-in-progress limit: the board warns when the column holds more.'}
              </p>
            </div>
            <div className="actions">
              <button type="submit">Save column</button>
              <button type="button" disabled={index <= 0} onClick={() => onMove(-1)}>
                Move left
              </button>
              <button type="button" disabled={index >= columns.length - 1} onClick={() => onMove(1)}>
                Move right
              </button>
            </div>
          </form>
          {others.length > 0 && (
            <div className="delete-column">
              <div className="field">
                <label htmlFor={`${id}-target`}>Move its stories to</label>
                <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
                  {others.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setOpen(false);
                  onDelete(target || null);
                }}
              >
                Remove column
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
