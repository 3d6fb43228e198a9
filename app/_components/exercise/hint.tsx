'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { useLessonStrings } from '@/app/_components/lesson/lesson-language';
import { useExercise } from './exercise-context';

/** One graduated hint; `index` (from 0) is given by <Exercise>, which counts its hints. */
export function Hint({ index = 0, children }: { index?: number; children?: ReactNode }) {
  const { hintCount, revealed, justRevealed } = useExercise('Hint');
  const strings = useLessonStrings();
  const box = useRef<HTMLDivElement>(null);
  const shown = index < revealed;
  useEffect(() => {
    if (shown && justRevealed === index) box.current?.focus();
  }, [shown, justRevealed, index]);
  if (!shown) return null;
  const label = strings.hintLabel(index + 1, hintCount);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="note"
      aria-label={label}
      className="my-3 rounded-md border border-sky-200 bg-sky-50 px-4 py-2 dark:border-sky-800 dark:bg-sky-950/40"
    >
      <p className="!my-1 text-xs font-semibold tracking-wide text-sky-800 uppercase dark:text-sky-200">{label}</p>
      <div className="[&>p]:my-2">{children}</div>
    </div>
  );
}
