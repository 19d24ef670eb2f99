import { useId, useRef, type ReactNode } from 'react';
import './Tabs.css';

export interface TabDef<K extends string> {
  key: K;
  label: string;
}

/** The ids that tie a tablist's tabs to the panel they control. */
export interface TabIds<K extends string> {
  tab(key: K): string;
  panel: string;
}

export function useTabIds<K extends string>(): TabIds<K> {
  const base = useId();
  return { tab: (key) => `${base}-tab-${key}`, panel: `${base}-panel` };
}

/**
 * A WAI-ARIA tablist: Left/Right/Home/End move between the tabs and select them. The panel is the
 * caller's (`Tabs` below puts it right after the list), labelled by `ids.tab(selected)`.
 */
export function TabList<K extends string>(props: { label: string; tabs: readonly TabDef<K>[]; selected: K; onSelect: (key: K) => void; ids: TabIds<K>; className: string; tabClassName?: string }) {
  const { label, tabs, selected, onSelect, ids, className, tabClassName } = props;
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className}>
      {tabs.map((tab, index) => (
        <button
          key={tab.key}
          ref={(el) => {
            if (el) refs.current.set(tab.key, el);
            else refs.current.delete(tab.key);
          }}
          type="button"
          role="tab"
          id={ids.tab(tab.key)}
          aria-selected={tab.key === selected}
          aria-controls={ids.panel}
          tabIndex={tab.key === selected ? 0 : -1}
          className={tabClassName}
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
  );
}

/** WAI-ARIA tabs: the tablist and, right after it, the panel of the selected tab. */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children }: { label: string; tabs: readonly TabDef<K>[]; selected: K; onSelect: (key: K) => void; children: ReactNode }) {
  const ids = useTabIds<K>();
  return (
    <>
      <TabList label={label} tabs={tabs} selected={selected} onSelect={onSelect} ids={ids} className="pz-tabs" tabClassName="pz-tab" />
      <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab(selected)} className="pz-panel" tabIndex={-1}>
        {children}
      </div>
    </>
  );
}
