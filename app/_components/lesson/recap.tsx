import type { ReactNode } from 'react';
import { lessonStrings, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

/** The lesson's closing summary. */
export type RecapProps = { language: LessonLanguage; children?: ReactNode };

export function Recap({ language, children }: RecapProps) {
  return (
    <section
      aria-labelledby="lesson-recap"
      className="mt-10 rounded-lg border border-indigo-200 bg-indigo-50/50 px-4 py-2 dark:border-indigo-800 dark:bg-indigo-950/30"
    >
      <h2 id="lesson-recap" className="!mt-2">
        {lessonStrings(language).recap}
      </h2>
      {children}
    </section>
  );
}
