'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { withNext } from '@/app/account/_lib/next-path';

type Mode = 'sign-up' | 'sign-in';
const copy = {
  'sign-up': { submit: 'Create account', busy: 'Creating account…', endpoint: '/api/auth/sign-up/email' },
  'sign-in': { submit: 'Sign in', busy: 'Signing in…', endpoint: '/api/auth/sign-in/email' },
} as const;

async function errorOf(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const message = typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? body.message : null;
  if (response.status === 429) return 'Too many attempts. Wait a minute and try again.';
  return message ?? `The server answered ${response.status}.`;
}

/**
 * Email and password form; on success the whole page loads `next` (a same-site path the page
 * checked, see app/account/_lib/next-path.ts), so every part sees the session.
 */
export function AccountForm({ mode, minPasswordLength, next }: { mode: Mode; minPasswordLength: number; next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    const body = mode === 'sign-up' ? { name: field('name'), email: field('email'), password: field('password') } : { email: field('email'), password: field('password') };
    setBusy(true);
    setError(null);
    const response = await fetch(copy[mode].endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setError(response ? await errorOf(response) : 'The server cannot be reached. Check your connection.');
  }

  const input =
    'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-900 focus:outline-2 focus:outline-indigo-500';
  return (
    <form onSubmit={submit} className="mt-6 max-w-sm space-y-4" noValidate={false}>
      {mode === 'sign-up' ? (
        <label className="block text-sm font-medium">
          Name
          <input name="name" autoComplete="name" required maxLength={100} className={input} />
        </label>
      ) : null}
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="email" required className={input} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'sign-up' ? minPasswordLength : undefined}
          className={input}
          aria-describedby={mode === 'sign-up' ? 'password-rule' : undefined}
        />
      </label>
      {mode === 'sign-up' ? (
        <p id="password-rule" className="text-sm text-slate-600 dark:text-slate-400">
          At least {minPasswordLength} characters.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
      >
        {busy ? copy[mode].busy : copy[mode].submit}
      </button>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {mode === 'sign-up' ? (
          <>
            Already have an account? <Link href={withNext('/account/sign-in', next)} className="text-indigo-700 underline dark:text-indigo-300">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href={withNext('/account/sign-up', next)} className="text-indigo-700 underline dark:text-indigo-300">Create an account</Link>
          </>
        )}
      </p>
    </form>
  );
}
