'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { z } from 'zod/mini';

const roleSchema = z.object({ instructor: z.boolean() });

/**
 * "Instructor" in the site header, for instructors only (asked once per page, so a grant or
 * revoke shows at the next page load; the pages check the role themselves).
 */
export function InstructorLink() {
  const [instructor, setInstructor] = useState(false);
  useEffect(() => {
    let cancelled = false;
    fetch('/api/cohorts/role', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const role = roleSchema.safeParse(body);
        if (!cancelled) setInstructor(role.success && role.data.instructor);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  if (!instructor) return null;
  return (
    <Link
      href="/instructor"
      className="text-sm text-slate-700 hover:text-indigo-700 hover:underline dark:text-slate-300 dark:hover:text-indigo-300"
    >
      Instructor
    </Link>
  );
}
