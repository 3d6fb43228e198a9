import Link from 'next/link';

/** A join link whose code no cohort has (mistyped, or the cohort was deleted). */
export default function UnknownJoinCode() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-3xl font-semibold">No cohort has this join code</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">Check the link or the code with your instructor: it looks like K7QM-3XPA.</p>
      <p className="mt-6">
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          See all lessons
        </Link>
      </p>
    </div>
  );
}
