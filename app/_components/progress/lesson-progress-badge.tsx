'use client';

import { useLessonStrings } from '@/app/_components/lesson/lesson-language';
import { useLessonProgress } from './lesson-progress';

/** Not started / Started / Completed, and a message while progress waits to be sent. */
export function LessonProgressBadge() {
  const { loaded, progress, saveError, sync } = useLessonProgress();
  const strings = useLessonStrings();
  const started = progress.startedAt !== null;
  const state = progress.completedAt !== null ? strings.completed : started ? strings.started : strings.notStarted;
  const tone =
    !started
      ? 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300'
      : 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200';
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" aria-live="polite">
      <span className={`rounded-full px-2.5 py-0.5 font-medium ${tone}`}>{loaded ? state : strings.loadingProgress}</span>
      {saveError ? (
        <span role={sync.rejected ? 'alert' : 'status'} className="text-rose-700 dark:text-rose-300">
          {saveError}
        </span>
      ) : null}
    </div>
  );
}
