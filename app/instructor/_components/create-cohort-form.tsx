'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { z } from 'zod/mini';

const MAX_NAME = 80;
const created = z.object({ name: z.string() });
const failed = z.object({ error: z.string() });

/** Names a new cohort; the list below refreshes with it and its join link. */
export function CreateCohortForm() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setBusy(true);
    setError(null);
    setStatus('');
    const response = await fetch('/api/cohorts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    }).catch(() => null);
    setBusy(false);
    const body: unknown = await response?.json().catch(() => null);
    if (response?.ok) {
      const cohort = created.safeParse(body);
      setStatus(`Created ${cohort.success ? cohort.data.name : 'the cohort'}.`);
      form.reset();
      router.refresh();
      return;
    }
    const problem = failed.safeParse(body);
    setError(response ? (problem.success ? `Could not create the cohort: ${problem.data.error}` : `The server answered ${response.status}.`) : 'The server cannot be reached.');
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="mt-6 flex flex-wrap items-end gap-3" aria-label="Create a cohort">
      <label className="block text-sm font-medium">
        Cohort name
        <input
          name="name"
          required
          maxLength={MAX_NAME}
          placeholder="e.g. Autumn evenings 2026"
          className="mt-1 block w-72 rounded-md border border-slate-300 bg-white px-3 py-2 focus:outline-2 focus:outline-indigo-500 dark:border-slate-600 dark:bg-slate-900"
        />
      </label>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {busy ? 'Creating…' : 'Create cohort'}
      </button>
      <p role="status" className="w-full text-sm text-slate-600 dark:text-slate-400">
        {status}
      </p>
      {error ? (
        <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </form>
  );
}
