'use client';

import { createContext, useContext } from 'react';

export type QuizPick = { value: string; correct: boolean };

export type QuizContextValue = {
  name: string;
  picked: QuizPick | null;
  answered: boolean;
  pick(choice: QuizPick): void;
};

export const QuizContext = createContext<QuizContextValue | null>(null);

export function useQuiz(component: string): QuizContextValue {
  const value = useContext(QuizContext);
  if (!value) throw new Error(`<${component}> must be inside a <Quiz>`);
  return value;
}
