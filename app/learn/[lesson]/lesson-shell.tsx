import type { ReactNode } from 'react';
import { KernelProvider, KernelStatusBar } from '@/app/_components/kernel/kernel-provider';
import { LessonProgressBadge, LessonProgressProvider } from '@/app/_components/progress/lesson-progress';

type LessonShellProps = { lessonId: string; title: string; summary: string; children: ReactNode };

export function LessonShell({ lessonId, title, summary, children }: LessonShellProps) {
  return (
    <LessonProgressProvider lessonId={lessonId}>
      <KernelProvider>
        <article>
          <header className="mb-8 border-b border-slate-200 pb-6">
            <h1 className="text-4xl font-bold tracking-tight">{title}</h1>
            <p className="mt-3 text-lg text-slate-600">{summary}</p>
            <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
              <LessonProgressBadge />
              <KernelStatusBar />
            </div>
          </header>
          {children}
        </article>
      </KernelProvider>
    </LessonProgressProvider>
  );
}
