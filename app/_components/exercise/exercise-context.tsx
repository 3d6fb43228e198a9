'use client';

import { createContext, useContext } from 'react';

export type ExerciseContextValue = {
  exerciseId: string;
  hintCount: number;
  /** How many hints the learner has revealed (they stay revealed on a later visit). */
  revealed: number;
  /** The hint revealed by the last click, to move focus to it; null after a page load. */
  justRevealed: number | null;
  applySolution(code: string): void;
};

export const ExerciseContext = createContext<ExerciseContextValue | null>(null);

export function useExercise(component: string): ExerciseContextValue {
  const value = useContext(ExerciseContext);
  if (!value) throw new Error(`<${component}> must be inside an <Exercise>`);
  return value;
}
