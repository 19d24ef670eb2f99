/**
 * Whether the practice panel is open and which exercise it shows, per product, kept in session
 * storage so that a reload (or switching views) keeps the learner where they were.
 */
import { useCallback, useState } from 'react';

export interface PracticeUiState {
  open: boolean;
  exerciseId: string | null;
}

const CLOSED: PracticeUiState = { open: false, exerciseId: null };

function storageKey(productId: string): string {
  return `pm-practice.practice.${productId}`;
}

function read(productId: string): PracticeUiState {
  try {
    const raw = window.sessionStorage.getItem(storageKey(productId));
    if (raw === null) return CLOSED;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return CLOSED;
    const open = 'open' in value && value.open === true;
    const exerciseId = 'exerciseId' in value && typeof value.exerciseId === 'string' ? value.exerciseId : null;
    return { open, exerciseId };
  } catch {
    return CLOSED;
  }
}

function write(productId: string, state: PracticeUiState): void {
  try {
    window.sessionStorage.setItem(storageKey(productId), JSON.stringify(state));
  } catch {
    // Storage disabled: the state lives only in memory.
  }
}

export function usePracticeState(productId: string): [PracticeUiState, (next: PracticeUiState) => void] {
  const [state, setState] = useState<PracticeUiState>(() => read(productId));
  const update = useCallback(
    (next: PracticeUiState) => {
      setState(next);
      write(productId, next);
    },
    [productId],
  );
  return [state, update];
}
