import { lessonStrings, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

/** What the cell above prints, collapsed until the learner wants to compare. */
export type ExpectedOutputProps = { cellId: string; text: string; language: LessonLanguage };

export function ExpectedOutput({ cellId, text, language }: ExpectedOutputProps) {
  const strings = lessonStrings(language);
  return (
    <details
      aria-label={strings.expectedOutputOf(cellId)}
      className="-mt-4 mb-6 rounded-b-lg border border-t-0 border-slate-200 bg-slate-50/60 px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900/40"
    >
      <summary className="cursor-pointer text-slate-600 dark:text-slate-300">{strings.expectedOutput}</summary>
      <pre className="!my-2 overflow-x-auto font-mono text-sm leading-6 whitespace-pre-wrap text-slate-800 dark:text-slate-100">{text}</pre>
    </details>
  );
}
