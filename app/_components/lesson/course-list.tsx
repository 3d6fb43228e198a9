import Link from 'next/link';
import type { LessonEntry } from '@/app/_lib/content/lessons.server';
import { languageTags, lessonPath, lessonStrings, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';
import type { ProgressSummary } from '@/app/_lib/progress/progress.server';

/** The course's lessons with time, objectives and the learner's status; untranslated ones link to English. */
export function CourseList({ lessons, summary, language }: { lessons: LessonEntry[]; summary: ProgressSummary; language: LessonLanguage }) {
  const strings = lessonStrings(language);
  return (
    <ol className="space-y-4">
      {lessons.map((lesson, index) => {
        const progress = summary[lesson.id];
        const status = progress?.completedAt ? strings.completed : progress ? strings.started : strings.notStarted;
        const fallback = lesson.language !== language;
        return (
          <li key={lesson.id} className="rounded-lg border border-slate-200 p-4 hover:border-indigo-300 dark:border-slate-700">
            <div className="flex items-baseline justify-between gap-4">
              <Link
                href={lessonPath(lesson.slug, lesson.language)}
                lang={fallback ? languageTags[lesson.language] : undefined}
                className="text-lg font-semibold text-indigo-700 hover:underline dark:text-indigo-300"
              >
                {index + 1}. {lesson.title}
              </Link>
              <span className={`shrink-0 text-sm ${progress ? 'text-emerald-700 dark:text-emerald-300' : 'text-slate-600 dark:text-slate-400'}`}>
                {status}
              </span>
            </div>
            <p className="mt-1 text-slate-600 dark:text-slate-300" lang={fallback ? languageTags[lesson.language] : undefined}>
              {lesson.summary}
            </p>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              {strings.minutes(lesson.minutes)} · {strings.objectivesCount(lesson.objectives.length)}
              {fallback ? ` ${strings.inEnglish}` : ''}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
