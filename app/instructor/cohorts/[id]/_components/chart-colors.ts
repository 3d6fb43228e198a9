/** Series colours: mid-tones that keep 3:1 contrast on white and on the dark theme's slate-950. */
export const seriesColor = {
  started: '#0ea5e9',
  passed: '#10b981',
  completed: '#6366f1',
  stuck: '#f59e0b',
  notAttempted: '#94a3b8',
} as const;

export type Series = { key: string; label: string; color: string };
