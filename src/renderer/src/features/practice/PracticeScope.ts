/**
 * Which stories the open exercise is about, for the views to highlight. The practice panel
 * provides it; a story card asks `useInExercise(id)`. Outside an exercise the value is null.
 */
import { createContext, useContext } from 'react';

export interface PracticeScope {
  exerciseTitle: string;
  storyIds: ReadonlySet<string>;
}

export const PracticeScopeContext = createContext<PracticeScope | null>(null);

/** Whether the story is part of the open exercise's scope. */
export function useInExercise(storyId: string): boolean {
  return useContext(PracticeScopeContext)?.storyIds.has(storyId) ?? false;
}

/** The text that tells assistive technology a card is in the exercise. */
export const IN_EXERCISE_TEXT = 'in the exercise';
