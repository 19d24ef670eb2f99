import type { SaveState } from '../../../../shared/api/contract';

const TEXT: Record<SaveState, string> = { saved: 'Saved', saving: 'Saving…', error: 'Not saved' };

/** "Saved / Saving… / Not saved", announced politely to screen readers. */
export function SaveIndicator({ state, pending }: { state: SaveState; pending: number }) {
  const shown: SaveState = state === 'saved' && pending > 0 ? 'saving' : state;
  return (
    <span role="status" aria-live="polite" className={`save-state save-${shown}`} data-save-state={shown}>
      {TEXT[shown]}
    </span>
  );
}
