import type { ReactNode } from 'react';
import { KernelProvider } from '@/app/_components/kernel/kernel-provider';
import { LanguageSwitch } from '@/app/_components/lesson/language-switch';
import { LessonHeader, type PrerequisiteLink } from '@/app/_components/lesson/lesson-header';
import { LessonLanguageProvider } from '@/app/_components/lesson/lesson-language';
import { NotebookProvider } from '@/app/_components/notebook/notebook-provider';
import { NotebookToolbar } from '@/app/_components/notebook/notebook-toolbar';
import { LessonProgressBadge, LessonProgressProvider } from '@/app/_components/progress/lesson-progress';
import type { OutlineItem } from '@/app/_lib/content/outline';
import { languageTags, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

export type LessonShellProps = {
  lessonId: string;
  slug: string;
  language: LessonLanguage;
  languages: readonly LessonLanguage[];
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
  prerequisites: PrerequisiteLink[];
  exerciseIds: string[];
  outline: OutlineItem[];
  children: ReactNode;
};

export function LessonShell({ lessonId, slug, language, languages, exerciseIds, outline, children, ...header }: LessonShellProps) {
  return (
    <LessonProgressProvider lessonId={lessonId} exerciseIds={exerciseIds}>
      <LessonLanguageProvider language={language}>
        <KernelProvider>
          <NotebookProvider>
            <article lang={languageTags[language]}>
              <LessonHeader
                language={language}
                {...header}
                aside={
                  <>
                    <LessonProgressBadge />
                    <LanguageSwitch slug={slug} current={language} available={languages} />
                  </>
                }
              />
              <NotebookToolbar title={header.title} slug={slug} outline={outline} />
              {children}
            </article>
          </NotebookProvider>
        </KernelProvider>
      </LessonLanguageProvider>
    </LessonProgressProvider>
  );
}
