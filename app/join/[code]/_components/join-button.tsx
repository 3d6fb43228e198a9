'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod/mini';

const failed = z.object({ error: z.string() });

/** Joins the signed-in account to the cohort; the page then shows the membership. */
export function JoinButton({ code, cohortName }: { code: string; cohortName: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function join() {
    setBusy(true);
    setError(null);
    const response = await fetch('/api/cohorts/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    }).catch(() => null);
    if (response?.ok) {
      router.refresh();
      return;
    }
    setBusy(false);
    const problem = failed.safeParse(await response?.json().catch(() => null));
    setError(response ? (problem.success ? `Could not join: ${problem.data.error}` : `The server answered ${response.status}.`) : 'The server cannot be reached.');
  }

  return (
    <>
      <button
        type="button"
        onClick={() => void join()}
        disabled={busy}
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {busy ? 'Joining…' : `Join ${cohortName}`}
      </button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </>
  );
}
