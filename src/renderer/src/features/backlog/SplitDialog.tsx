import { useEffect, useId, useRef, useState } from 'react';
import { EditError } from '../../../../shared/edits/applyEdit';
import { partsFromCriteria, splitStoryEdit, SPLIT_METHODS, SPLIT_METHOD_LABELS, type SplitMethod, type SplitPart } from '../../../../shared/edits/splitStory';
import type { Product, Story } from '../../../../shared/model/schema';
import type { DocumentStore } from '../../state/documentStore';
import { LIMITS } from '../../../../shared/model/limits';

const METHOD_HINTS: Record<SplitMethod, string> = {
  'acceptance-criteria': 'Each acceptance criterion becomes a story of its own — often the quickest honest split.',
  'workflow-steps': 'One story per step of the user’s workflow (e.g. create → review → publish), each delivering a usable slice.',
  'data-variations': 'One story per kind of data or case (e.g. one payroll provider first, others later).',
};

function initialParts(story: Story, method: SplitMethod): SplitPart[] {
  if (method === 'acceptance-criteria' && story.acceptanceCriteria.length >= 2) return partsFromCriteria(story);
  return [
    { title: '', criterionIds: [] },
    { title: '', criterionIds: [] },
  ];
}

/** Split a story into smaller ones: choose how, name the parts, assign criteria. One undoable edit. */
export function SplitDialog({ store, product, story, onClose }: { store: DocumentStore; product: Product; story: Story; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement | null>(null);
  const id = useId();
  const [method, setMethod] = useState<SplitMethod>(story.acceptanceCriteria.length >= 2 ? 'acceptance-criteria' : 'workflow-steps');
  const [parts, setParts] = useState<SplitPart[]>(() => initialParts(story, method));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const choose = (m: SplitMethod) => {
    setMethod(m);
    setParts(initialParts(story, m));
    setError(null);
  };
  const setPart = (index: number, patch: Partial<SplitPart>) => setParts((ps) => ps.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  const submit = () => {
    try {
      store.dispatch(splitStoryEdit(product, story.id, method, parts), `Split “${story.title}”`);
      onClose();
    } catch (e) {
      setError(e instanceof EditError ? e.message : String(e));
    }
  };

  return (
    <dialog ref={ref} className="dialog split-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose}>
      <h2 id={`${id}-title`}>Split “{story.title}”</h2>
      <fieldset>
        <legend>How to split</legend>
        {SPLIT_METHODS.map((m) => (
          <label key={m} className="radio">
            <input type="radio" name={`${id}-method`} checked={method === m} onChange={() => choose(m)} />
            {SPLIT_METHOD_LABELS[m]}
          </label>
        ))}
        <p className="field-hint">{METHOD_HINTS[method]}</p>
      </fieldset>
      <ol className="split-parts">
        {parts.map((part, i) => (
          <li key={i} className="split-part">
            <div className="field">
              <label htmlFor={`${id}-part-${i}`}>Part {i + 1} title</label>
              <input id={`${id}-part-${i}`} value={part.title} onChange={(e) => setPart(i, { title: e.target.value })} maxLength={LIMITS.shortText} placeholder="e.g. Export regular hours to Sage" />
            </div>
            {story.acceptanceCriteria.length > 0 && (
              <fieldset className="part-criteria">
                <legend>Criteria for part {i + 1}</legend>
                {story.acceptanceCriteria.map((c) => (
                  <label key={c.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={part.criterionIds.includes(c.id)}
                      onChange={(e) => setPart(i, { criterionIds: e.target.checked ? [...part.criterionIds, c.id] : part.criterionIds.filter((x) => x !== c.id) })}
                    />
                    {c.text}
                  </label>
                ))}
              </fieldset>
            )}
            {parts.length > 2 && (
              <button type="button" onClick={() => setParts((ps) => ps.filter((_, j) => j !== i))} aria-label={`Remove part ${i + 1}`}>
                Remove part
              </button>
            )}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setParts((ps) => [...ps, { title: '', criterionIds: [] }])}>
        Add part
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="actions dialog-actions">
        <button type="button" className="primary" onClick={submit}>
          Split into {parts.filter((p) => p.title.trim()).length} stories
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
