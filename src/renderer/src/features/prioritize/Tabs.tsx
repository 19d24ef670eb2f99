import { useId, useRef, type ReactNode } from 'react';
import './Tabs.css';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/**
 * WAI-ARIA tabs: a tablist (Left/Right/Home/End move between tabs and select them) and the panel of
 * the selected tab.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children }: { label: string; tabs: readonly TabDef<K>[]; selected: K; onSelect: (key: K) => void; children: ReactNode }) {
  const base = useId();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  const current = tabs.findIndex((t) => t.key === selected);
  return (
    <>
      <div role="tablist" aria-label={label} className="pz-tabs">
        {tabs.map((tab, index) => (
          <button
            key={tab.key}
            ref={(el) => {
              if (el) refs.current.set(tab.key, el);
              else refs.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`${base}-panel`}
            tabIndex={tab.key === selected ? 0 : -1}
            className="pz-tab"
            onClick={() => onSelect(tab.key)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(index + 1);
              else if (e.key === 'ArrowLeft') move(index - 1);
              else if (e.key === 'Home') move(0);
              else if (e.key === 'End') move(tabs.length - 1);
              else return;
              e.preventDefault();
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tabs[current]?.key ?? selected}`} className="pz-panel" tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
