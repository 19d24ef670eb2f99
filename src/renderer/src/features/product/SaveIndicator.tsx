import type { SaveState } from '../../../../shared/api/contract';

const TEXT: Record<SaveState, string> = { saved: 'Saved', saving: 'Saving…', error: 'Not saved' };

/** "Saved / Saving… / Not saved" (with the reason as its description), announced politely to screen readers. */
export function SaveIndicator({ state, pending, reason }: { state: SaveState; pending: number; reason: string | null }) {
  const shown: SaveState = state === 'saved' && pending > 0 ? 'saving' : state;
  return (
    <span role="status" aria-live="polite" className={`save-state save-${shown}`} data-save-state={shown} title={shown === 'error' && reason ? reason : undefined}>
      {TEXT[shown]}
    </span>
  );
}
