import { useId } from 'react';
import './Segmented.css';

/** A small segmented control: a labelled group of radio buttons styled as one control. */
export function Segmented<V extends string>({ label, value, options, onChange, hideLabel = false }: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void; hideLabel?: boolean }) {
  const name = useId();
  return (
    <fieldset className="pz-segmented">
      <legend className={hideLabel ? 'visually-hidden' : 'pz-segmented-legend'}>{label}</legend>
      <div className="pz-segmented-options">
        {options.map((o) => (
          <label key={o.value} className={o.value === value ? 'is-selected' : undefined}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
