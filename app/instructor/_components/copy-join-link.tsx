'use client';

import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** A cohort's join link, absolute once in the browser, and a button that copies it (cohort list and dashboard). */
export function CopyJoinLink({ path, cohortName }: { path: string; cohortName: string }) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(new URL(path, window.location.origin).href);
      setStatus('Join link copied');
    } catch {
      setStatus('Could not copy: select the link and copy it');
    }
  }

  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <a href={path} className="break-all font-mono text-indigo-700 underline dark:text-indigo-300">
        {origin}
        {path}
      </a>
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={`Copy link to join ${cohortName}`}
        className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Copy link
      </button>
      <span role="status" className="text-slate-600 dark:text-slate-400">
        {status}
      </span>
    </span>
  );
}
