import Link from 'next/link';
import { compileLesson, listLessons } from '@/app/_lib/content/lessons.server';
import { lessonPath } from '@/app/_lib/i18n/lesson-strings';
import type { ActivityDay, ProgressSummary } from '@/app/_lib/progress/progress.server';
import { lastActiveLesson } from '@/app/_lib/progress/rules';
import { ActivityChart } from './activity-chart';

type Props = { summary: ProgressSummary; activity: ActivityDay[]; signedIn: boolean };

const formatDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** Per-lesson completion, exercises passed, where to continue, and activity over time. */
export async function MyProgress({ summary, activity, signedIn }: Props) {
  const lessons = await listLessons('en');
  const exerciseCounts = await Promise.all(lessons.map(async (lesson) => (await compileLesson(lesson)).exerciseIds.length));
  const lastId = lastActiveLesson(summary);
  const last = lessons.find((lesson) => lesson.id === lastId);
  const completed = lessons.filter((lesson) => summary[lesson.id]?.completedAt).length;
  const total = activity.reduce((sum, day) => sum + day.events, 0);
  const activeDays = activity.filter((day) => day.events > 0);

  return (
    <div className="space-y-10">
      <section aria-labelledby="continue-heading">
        <h2 id="continue-heading" className="sr-only">Continue</h2>
        {last ? (
          <p className="text-lg">
            <Link href={lessonPath(last.slug, last.language)} className="font-semibold text-indigo-700 underline dark:text-indigo-300">
              Continue where you left off: {last.title}
            </Link>
          </p>
        ) : (
          <p className="text-lg">
            Nothing yet. <Link href="/" className="font-semibold text-indigo-700 underline dark:text-indigo-300">Start the first lesson</Link>.
          </p>
        )}
        {!signedIn ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            This progress is kept for this browser only. <Link href="/account/sign-up" className="underline">Create an account</Link> to keep it on every device.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="text-xl font-semibold">Lessons: {completed} of {lessons.length} completed</h2>
        <table className="mt-4 w-full text-left text-sm">
          <thead className="border-b border-slate-200 dark:border-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-4">Lesson</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2">Exercises passed</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((lesson, index) => {
              const progress = summary[lesson.id];
              const status = progress?.completedAt ? 'Completed' : progress ? 'Started' : 'Not started';
              return (
                <tr key={lesson.id} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link href={lessonPath(lesson.slug, lesson.language)} className="text-indigo-700 hover:underline dark:text-indigo-300">
                      {index + 1}. {lesson.title}
                    </Link>
                  </th>
                  <td className="py-2 pr-4">{status}</td>
                  <td className="py-2">
                    {exerciseCounts[index] ? `${progress?.exercisesPassed ?? 0} of ${exerciseCounts[index]}` : 'No exercises'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading" className="text-xl font-semibold">Activity, last {activity.length} days</h2>
        <figure className="mt-4">
          <ActivityChart days={activity} />
          <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            {total === 0
              ? `No activity in the last ${activity.length} days.`
              : `${total} ${total === 1 ? 'activity' : 'activities'} (cell runs, exercise attempts, hints) on ${activeDays.length} of the last ${activity.length} days.`}
          </figcaption>
        </figure>
        {activeDays.length > 0 ? (
          <details className="mt-3 text-sm">
            <summary className="cursor-pointer">Activity as a table</summary>
            <table className="mt-2">
              <caption className="sr-only">Activities per day</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-6 text-left">Day</th>
                  <th scope="col" className="text-left">Activities</th>
                </tr>
              </thead>
              <tbody>
                {activeDays.map((day) => (
                  <tr key={day.day}>
                    <td className="pr-6">{formatDay(day.day)}</td>
                    <td>{day.events}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>
    </div>
  );
}
