import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="mt-4 text-slate-600">There is no lesson or page at this address.</p>
      <p className="mt-6">
        <Link href="/" className="text-indigo-700 underline">
          See all lessons
        </Link>
      </p>
    </div>
  );
}
