/**
 * The pop-up list for tiptap suggestions (the `/` block menu and `#` / `@` mentions): a small
 * external store that the suggestion plugin's renderer writes to, and a React listbox that reads
 * it. Focus stays in the editor; arrow keys move the active option (announced through
 * `aria-activedescendant`), Enter or Tab picks, Escape closes.
 */
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { Editor } from '@tiptap/core';
import type { SuggestionKeyDownProps, SuggestionMount, SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import './suggestionMenu.css';

export interface MenuItem {
  key: string;
  label: string;
  /** A second line or a badge: a story's id and status, a block's description. */
  detail?: string;
  group?: string;
}

interface MenuState {
  open: boolean;
  items: readonly MenuItem[];
  active: number;
  query: string;
  mount: SuggestionMount | null;
}

const CLOSED: MenuState = { open: false, items: [], active: 0, query: '', mount: null };

export class SuggestionMenuStore<I extends MenuItem = MenuItem> {
  readonly id: string;
  readonly label: string;
  private state: MenuState = CLOSED;
  private listeners = new Set<() => void>();
  private pick: ((item: I) => void) | null = null;
  private editor: Editor | null = null;

  constructor(id: string, label: string) {
    this.id = id;
    this.label = label;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): MenuState => this.state;

  private set(state: MenuState): void {
    this.state = state;
    this.syncEditorAria();
    for (const l of this.listeners) l();
  }

  optionId(index: number): string {
    return `${this.id}-option-${index}`;
  }

  /** The editor element points at the active option, so screen readers follow the arrow keys. */
  private syncEditorAria(): void {
    const dom = this.editor?.isDestroyed === false ? this.editor.view.dom : null;
    if (!dom) return;
    if (this.state.open && this.state.items.length > 0) {
      dom.setAttribute('aria-controls', this.id);
      dom.setAttribute('aria-activedescendant', this.optionId(this.state.active));
    } else if (dom.getAttribute('aria-controls') === this.id) {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  }

  show(props: Pick<SuggestionProps<I>, 'editor' | 'items' | 'query' | 'mount'>, pick: (item: I) => void): void {
    this.editor = props.editor;
    this.pick = pick;
    const keep = this.state.open && this.state.query === props.query ? this.state.active : 0;
    this.set({ open: true, items: props.items, active: Math.min(keep, Math.max(0, props.items.length - 1)), query: props.query, mount: props.mount });
  }

  /** Back to the text (the menu stays open until the query changes or Escape is pressed there). */
  returnFocus(): void {
    if (this.editor && !this.editor.isDestroyed) this.editor.commands.focus();
  }

  close(): void {
    if (!this.state.open) return;
    this.set(CLOSED);
    this.pick = null;
  }

  move(delta: number): void {
    const n = this.state.items.length;
    if (n === 0) return;
    this.set({ ...this.state, active: (this.state.active + delta + n) % n });
  }

  choose(index = this.state.active): boolean {
    const item = this.state.items[index] as I | undefined;
    if (!item || !this.pick) return false;
    this.pick(item);
    return true;
  }

  /** The suggestion plugin's `render` option, wired to this store. */
  renderer<TSelected>(toCommand: (item: I, props: SuggestionProps<I, TSelected>) => void): NonNullable<SuggestionOptions<I, TSelected>['render']> {
    return () => {
      let latest: SuggestionProps<I, TSelected> | null = null;
      const show = (props: SuggestionProps<I, TSelected>) => {
        latest = props;
        this.show(props, (item) => {
          if (latest) toCommand(item, latest);
        });
      };
      return {
        onStart: show,
        onUpdate: show,
        onExit: () => this.close(),
        onKeyDown: ({ event }: SuggestionKeyDownProps) => {
          if (!this.state.open) return false;
          if (event.key === 'ArrowDown') {
            this.move(1);
            return true;
          }
          if (event.key === 'ArrowUp') {
            this.move(-1);
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') return this.choose();
          if (event.key === 'Escape') {
            this.close();
            return true;
          }
          return false;
        },
      };
    };
  }
}

/** The listbox for one suggestion store, positioned under the cursor by tiptap's `mount`. */
export function SuggestionPopup<I extends MenuItem>({ store, empty }: { store: SuggestionMenuStore<I>; empty: string }) {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const ref = useRef<HTMLDivElement>(null);

  const { open, mount } = state;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !open || !mount) return;
    return mount(el);
  }, [open, mount]);

  useLayoutEffect(() => {
    if (!state.open) return;
    document.getElementById(store.optionId(state.active))?.scrollIntoView({ block: 'nearest' });
  }, [state.open, state.active, store]);

  if (!state.open) return null;
  const groups: { name: string | undefined; items: { item: MenuItem; index: number }[] }[] = [];
  state.items.forEach((item, index) => {
    const last = groups[groups.length - 1];
    if (last && last.name === item.group) last.items.push({ item, index });
    else groups.push({ name: item.group, items: [{ item, index }] });
  });
  const option = ({ item, index }: { item: MenuItem; index: number }) => (
    <div
      key={item.key}
      id={store.optionId(index)}
      role="option"
      aria-selected={index === state.active}
      className={index === state.active ? 'suggestion-item active' : 'suggestion-item'}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => store.choose(index)}
    >
      <span className="suggestion-label">{item.label}</span>
      {item.detail && <span className="suggestion-detail">{item.detail}</span>}
    </div>
  );
  return createPortal(
    <div ref={ref} className="suggestion-menu" style={{ position: 'fixed', left: 0, top: 0, zIndex: 50 }}>
      {state.items.length === 0 ? (
        <p className="suggestion-empty">{empty}</p>
      ) : (
        <div
          role="listbox"
          id={store.id}
          aria-label={store.label}
          className="suggestion-list"
          // Focusable so the scrolling list can be reached and driven by keyboard on its own too.
          tabIndex={0}
          aria-activedescendant={store.optionId(state.active)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              store.move(e.key === 'ArrowDown' ? 1 : -1);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              store.choose();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              store.returnFocus();
            }
          }}
        >
          {groups.map((g, gi) =>
            g.name ? (
              <div key={`${g.name}-${gi}`} role="group" aria-label={g.name}>
                <div className="suggestion-group" aria-hidden="true">
                  {g.name}
                </div>
                {g.items.map(option)}
              </div>
            ) : (
              g.items.map(option)
            ),
          )}
        </div>
      )}
      <p className="visually-hidden" aria-live="polite">
        {state.items.length === 0 ? empty : `${state.items.length} suggestions. Use the arrow keys and Enter to choose.`}
      </p>
    </div>,
    document.body,
  );
}
