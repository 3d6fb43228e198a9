import Link from 'next/link';
import type { ReactNode } from 'react';
import { lessonStrings, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

export type PrerequisiteLink = { id: string; title: string; href: string };

export type LessonHeaderProps = {
  language: LessonLanguage;
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  prerequisites: PrerequisiteLink[];
  /** The language switch and the progress badge. */
  aside: ReactNode;
};

/** Title, summary, time, prerequisites and "You will learn". */
export function LessonHeader({ language, title, summary, minutes, objectives, prerequisites, aside }: LessonHeaderProps) {
  const strings = lessonStrings(language);
  return (
    <header className="mb-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
      <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">{summary}</p>
      <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600 dark:text-slate-300">
        <span>{strings.minutes(minutes)}</span>
        {prerequisites.length > 0 ? (
          <span>
            {strings.prerequisites}
            {prerequisites.map((prerequisite, index) => (
              <span key={prerequisite.id}>
                {index > 0 ? strings.listSeparator : ''}
                <Link href={prerequisite.href} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
                  {prerequisite.title}
                </Link>
              </span>
            ))}
          </span>
        ) : null}
        {aside}
      </div>
      <section
        aria-labelledby="you-will-learn"
        className="mt-5 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 dark:border-slate-700 dark:bg-slate-900/60"
      >
        <h2 id="you-will-learn" className="text-sm font-semibold tracking-wide text-slate-700 uppercase dark:text-slate-200">
          {strings.youWillLearn}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
          {objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </section>
    </header>
  );
}
