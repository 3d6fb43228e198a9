import Link from 'next/link';
import { cookies } from 'next/headers';
import { listLessons } from '@/app/_lib/content/lessons.server';
import { anonymousCookieName, isAnonymousId } from '@/app/_lib/identity/anonymous-id';
import { getProgressSummary } from '@/app/_lib/progress/progress.server';

export default async function HomePage() {
  const anonId = (await cookies()).get(anonymousCookieName)?.value;
  const [lessons, summary] = await Promise.all([
    listLessons(),
    isAnonymousId(anonId) ? getProgressSummary(anonId) : Promise.resolve({}),
  ]);
  return (
    <>
      <h1 className="text-4xl font-bold tracking-tight">Understand async/await by running it</h1>
      <p className="mt-4 text-lg text-slate-600">
        Lessons with real Python in your browser: edit the code, run it, and watch the event loop do its work.
      </p>
      <h2 className="mt-10 mb-4 text-xl font-semibold">Lessons</h2>
      <ol className="space-y-4">
        {lessons.map((lesson, index) => {
          const started = lesson.id in summary;
          return (
            <li key={lesson.id} className="rounded-lg border border-slate-200 p-4 hover:border-indigo-300">
              <div className="flex items-baseline justify-between gap-4">
                <Link href={`/learn/${lesson.slug}`} className="text-lg font-semibold text-indigo-700 hover:underline">
                  {index + 1}. {lesson.title}
                </Link>
                <span className={`shrink-0 text-sm ${started ? 'text-emerald-700' : 'text-slate-500'}`}>
                  {started ? 'Started' : 'Not started'}
                </span>
              </div>
              <p className="mt-1 text-slate-600">{lesson.summary}</p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
