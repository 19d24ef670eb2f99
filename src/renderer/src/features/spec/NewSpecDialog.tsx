import { useModalDialog } from '../../components/useModalDialog';
import { useId, useState } from 'react';
import type { Product, SpecTemplate } from '../../../../shared/model/schema';
import { LIMITS } from '../../../../shared/model/schema';
import { defaultSpecTitle } from '../../../../shared/spec/specList';
import { SPEC_TEMPLATES, TEMPLATE_ORDER } from '../../../../shared/spec/templates';
import './NewSpecDialog.css';

/** A modal dialog: pick a template, name the spec, create it. */
export function NewSpecDialog({ product, onCreate, onClose }: { product: Product; onCreate: (template: SpecTemplate, title: string) => void; onClose: () => void }) {
  const ref = useModalDialog();
  const [template, setTemplate] = useState<SpecTemplate>('prd');
  const [title, setTitle] = useState(() => defaultSpecTitle('prd', product.name));
  const [titleTouched, setTitleTouched] = useState(false);
  const headingId = useId();
  const titleId = useId();


  const choose = (t: SpecTemplate) => {
    setTemplate(t);
    if (!titleTouched) setTitle(defaultSpecTitle(t, product.name));
  };

  return (
    <dialog ref={ref} className="spec-dialog" aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          onCreate(template, title.trim() || defaultSpecTitle(template, product.name));
        }}
      >
        <h2 id={headingId}>New spec</h2>
        <fieldset className="template-choices">
          <legend>Template</legend>
          {TEMPLATE_ORDER.map((t) => {
            const info = SPEC_TEMPLATES[t];
            return (
              <label key={t} className={`template-choice ${template === t ? 'chosen' : ''}`}>
                <input type="radio" name="template" value={t} checked={template === t} onChange={() => choose(t)} />
                <span className="template-name">{info.label}</span>
                <span className="template-description">{info.description}</span>
              </label>
            );
          })}
        </fieldset>
        <div className="field">
          <label htmlFor={titleId}>Title</label>
          <input
            id={titleId}
            value={title}
            maxLength={LIMITS.shortText}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
          />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Create spec
          </button>
        </div>
      </form>
    </dialog>
  );
}
