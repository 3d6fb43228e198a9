import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen instead of widening the page; the
 * scrolling region can take focus so keyboard users can scroll it too.
 */
export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-4 overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      {children}
    </div>
  );
}

export const tableClass = 'w-full text-left text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:whitespace-nowrap [&_th]:px-3 [&_th]:py-2 [&_th]:align-top';
export const headRowClass = 'border-b border-slate-200 bg-slate-50 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300';
export const bodyRowClass = 'border-b border-slate-100 last:border-0 dark:border-slate-800';
