import Link from 'next/link';
import { CoursePage } from '@/app/_components/lesson/course-page';

export default function HomePage() {
  return (
    <>
      <h1 className="text-4xl font-bold tracking-tight">Understand async/await by running it</h1>
      <p className="mt-4 text-lg text-slate-600 dark:text-slate-300">
        Lessons with real Python in your browser: edit the code, run it, and watch the event loop do its work.
      </p>
      <p className="mt-3 text-sm">
        <Link href="/zh" hrefLang="zh-Hans" lang="zh-Hans" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          中文课程
        </Link>
      </p>
      <h2 className="mt-10 mb-4 text-xl font-semibold">Lessons</h2>
      <CoursePage language="en" />
    </>
  );
}
