import type { ReactNode } from 'react';
import { lessonStrings, type CalloutKind, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

const looks: Record<CalloutKind, { box: string; label: string; icon: string }> = {
  misconception: {
    box: 'border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/30',
    label: 'text-rose-800 dark:text-rose-200',
    icon: '✗',
  },
  note: {
    box: 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900/60',
    label: 'text-slate-700 dark:text-slate-200',
    icon: 'i',
  },
  tip: {
    box: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/30',
    label: 'text-emerald-800 dark:text-emerald-200',
    icon: '★',
  },
  warning: {
    box: 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/30',
    label: 'text-amber-900 dark:text-amber-200',
    icon: '!',
  },
};

export type CalloutProps = { kind: CalloutKind; title?: string; language: LessonLanguage; children?: ReactNode };

/** A marked aside: a misconception the lesson corrects, a note, a tip or a warning. */
export function Callout({ kind, title, language, children }: CalloutProps) {
  const look = looks[kind];
  const strings = lessonStrings(language);
  const label = strings.callout[kind];
  return (
    <div
      role="note"
      aria-label={title ? strings.calloutName(label, title) : label}
      data-kind={kind}
      className={`my-6 rounded-lg border-l-4 px-4 py-3 ${look.box}`}
    >
      <p className={`!my-0 flex items-center gap-2 text-xs font-bold tracking-wide uppercase ${look.label}`}>
        <span aria-hidden className="inline-flex size-5 items-center justify-center rounded-full border border-current text-[0.7rem]">
          {look.icon}
        </span>
        {label}
      </p>
      {title ? <p className="!mt-1 !mb-0 font-semibold text-slate-900 dark:text-slate-50">{title}</p> : null}
      <div className="[&>p]:my-2">{children}</div>
    </div>
  );
}
