import { useEffect } from 'react';
import { onAppCommand } from '../../api';
import type { DocumentStore } from '../../state/documentStore';

/** True when the key event belongs to a text field, which has its own undo. */
function isTextInput(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo — outside text fields — and so do the menu's items. */
export function useUndoShortcuts(store: DocumentStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextInput(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        store.undo();
      } else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) {
        e.preventDefault();
        store.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    // The native menu's Edit → Undo / Redo (Electron).
    const stopCommands = onAppCommand((command) => {
      if (command === 'undo') store.undo();
      if (command === 'redo') store.redo();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      stopCommands();
    };
  }, [store]);
}
