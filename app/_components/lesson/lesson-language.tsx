'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { lessonStrings, type LessonLanguage, type LessonStrings } from '@/app/_lib/i18n/lesson-strings';
import { notebookStrings, type NotebookStrings } from '@/app/_lib/i18n/notebook-strings';

const LessonLanguageContext = createContext<LessonLanguage>('en');

/** The language of the lesson on the page, for the words of its client components. */
export function LessonLanguageProvider({ language, children }: { language: LessonLanguage; children: ReactNode }) {
  return <LessonLanguageContext.Provider value={language}>{children}</LessonLanguageContext.Provider>;
}

export function useLessonLanguage(): LessonLanguage {
  return useContext(LessonLanguageContext);
}

export function useLessonStrings(): LessonStrings {
  return lessonStrings(useContext(LessonLanguageContext));
}

export function useNotebookStrings(): NotebookStrings {
  return notebookStrings(useContext(LessonLanguageContext));
}
