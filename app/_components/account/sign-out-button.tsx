'use client';

import { useState } from 'react';

/** Ends the session; the page reloads as an anonymous learner with no progress of the account's. */
export function SignOutButton() {
  const [error, setError] = useState<string | null>(null);
  async function signOut() {
    const response = await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).catch(() => null);
    if (response?.ok) window.location.assign('/');
    else setError('Signing out failed. Check your connection and try again.');
  }
  return (
    <>
      <button
        type="button"
        onClick={() => void signOut()}
        className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Sign out
      </button>
      {error ? <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">{error}</p> : null}
    </>
  );
}
