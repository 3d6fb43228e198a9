'use client';

import { useLessonStrings } from '@/app/_components/lesson/lesson-language';
import type { ServerAvailability, ServerEnd } from '@/app/_components/notebook/notebook-store';

/** A server cell's label, whether it can run, and why its last run ended. */
export function ServerCellStatus({
  cellId,
  availability,
  end,
}: {
  cellId: string;
  availability: ServerAvailability;
  end: ServerEnd | null;
}) {
  const strings = useLessonStrings().server;
  const ended =
    end === null
      ? null
      : end.reason === 'busy'
        ? strings.busy(end.retryAfterSeconds)
        : `${strings.ended[end.reason]}${end.message && end.reason !== 'finished' ? ` (${end.message})` : ''}`;
  return (
    <div className="flex flex-col gap-1 border-b border-violet-200 bg-violet-50 px-3 py-1.5 text-sm text-violet-900 dark:border-violet-800 dark:bg-violet-950/40 dark:text-violet-100">
      <span className="font-medium">{strings.label}</span>
      {availability.state === 'unavailable' ? (
        <span id={serverReasonId(cellId)} role="status" className="text-rose-800 dark:text-rose-200">
          {strings.needs(availability.reason)}
        </span>
      ) : availability.state === 'unknown' ? (
        <span id={serverReasonId(cellId)}>{strings.checking}</span>
      ) : null}
      {ended ? (
        <span data-testid="server-end" role="status">
          {ended}
        </span>
      ) : null}
    </div>
  );
}

export const serverReasonId = (cellId: string) => `server-reason-${cellId}`;
