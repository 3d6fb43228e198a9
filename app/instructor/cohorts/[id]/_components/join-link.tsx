'use client';

import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/** The cohort's join link, absolute once in the browser, with a button that copies it. */
export function JoinLink({ path }: { path: string }) {
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => '');
  const [status, setStatus] = useState('');
  const url = `${origin}${path}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(new URL(path, window.location.origin).href);
      setStatus('Join link copied');
    } catch {
      setStatus('Could not copy: select the link and copy it');
    }
  }

  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <a href={path} className="break-all font-mono text-sm text-indigo-700 underline dark:text-indigo-300">
        {url}
      </a>
      <button
        type="button"
        onClick={copy}
        className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Copy join link
      </button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {status}
      </span>
    </span>
  );
}
