import type { ReactNode } from 'react';
import { KernelProvider } from '@/app/_components/kernel/kernel-provider';
import { NotebookProvider } from '@/app/_components/notebook/notebook-provider';
import { NotebookToolbar } from '@/app/_components/notebook/notebook-toolbar';
import { LessonProgressBadge, LessonProgressProvider } from '@/app/_components/progress/lesson-progress';
import type { OutlineItem } from '@/app/_lib/content/outline';

type LessonShellProps = {
  lessonId: string;
  slug: string;
  title: string;
  summary: string;
  outline: OutlineItem[];
  children: ReactNode;
};

export function LessonShell({ lessonId, slug, title, summary, outline, children }: LessonShellProps) {
  return (
    <LessonProgressProvider lessonId={lessonId}>
      <KernelProvider>
        <NotebookProvider>
          <article>
            <header className="mb-6">
              <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{title}</h1>
              <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">{summary}</p>
              <div className="mt-4">
                <LessonProgressBadge />
              </div>
            </header>
            <NotebookToolbar title={title} slug={slug} outline={outline} />
            {children}
          </article>
        </NotebookProvider>
      </KernelProvider>
    </LessonProgressProvider>
  );
}
