'use client';

import { useLessonStrings } from '@/app/_components/lesson/lesson-language';
import type { CheckSnapshot } from '@/app/_components/notebook/notebook-store';
import type { LessonStrings } from '@/app/_lib/i18n/lesson-strings';

export function describeCheck(result: CheckSnapshot, strings: LessonStrings): string {
  switch (result.state) {
    case 'queued':
      return strings.checkQueued;
    case 'running':
      return strings.checking;
    case 'passed':
      return strings.passed;
    case 'failed':
      return result.message ? strings.notYet(result.message) : strings.notYetNoMessage;
    case 'raised':
      return strings.raised(result.errorType ?? 'Exception', result.message ?? '');
    case 'interrupted':
      return strings.checkInterrupted;
    case 'timeout':
      return strings.checkTimedOut;
  }
}

const tone: Record<CheckSnapshot['state'], string> = {
  queued: 'text-slate-600 dark:text-slate-300',
  running: 'text-slate-600 dark:text-slate-300',
  passed: 'font-semibold text-emerald-800 dark:text-emerald-300',
  failed: 'text-amber-900 dark:text-amber-200',
  raised: 'text-rose-800 dark:text-rose-300',
  interrupted: 'text-slate-700 dark:text-slate-300',
  timeout: 'text-rose-800 dark:text-rose-300',
};

/** The verdict of "Check my answer", announced politely. */
export function CheckResult({ title, result }: { title: string; result: CheckSnapshot | undefined }) {
  const strings = useLessonStrings();
  return (
    <p role="status" aria-label={strings.checkResult(title)} className={`!my-0 text-sm ${result ? tone[result.state] : ''}`}>
      {result ? describeCheck(result, strings) : ''}
    </p>
  );
}
