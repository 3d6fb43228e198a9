'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import * as z from 'zod/mini';

const sessionSchema = z.nullable(z.object({ user: z.object({ name: z.string() }) }));

/**
 * "Sign in", or the signed-in learner's name, in the site header; asks the server once per page.
 * Until the answer arrives it is a plain "Account" link (right in both cases).
 */
export function AccountLink() {
  const [name, setName] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    fetch('/api/auth/get-session', { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: unknown) => {
        const session = sessionSchema.safeParse(body);
        if (!cancelled) setName(session.success && session.data ? session.data.user.name : null);
      })
      .catch(() => !cancelled && setName(null));
    return () => {
      cancelled = true;
    };
  }, []);
  const className = 'text-sm text-slate-700 hover:text-indigo-700 hover:underline dark:text-slate-300 dark:hover:text-indigo-300';
  if (name === undefined) {
    return (
      <Link href="/account" className={className}>
        Account
      </Link>
    );
  }
  return name === null ? (
    <Link href="/account/sign-in" className={className}>
      Sign in
    </Link>
  ) : (
    <Link href="/account" className={className} aria-label={`Account: ${name}`}>
      {name}
    </Link>
  );
}
