import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonBody } from '@/app/_components/mdx/lesson-body';
import { compileLesson, findLesson, listLessons } from '@/app/_lib/content/lessons.server';
import { languageTags, lessonPath, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';
import { LessonShell } from './lesson-shell';

/** Slugs of the lessons written in `language` (a lesson without that translation has no page there). */
export async function lessonParams(language: LessonLanguage): Promise<{ lesson: string }[]> {
  return (await listLessons(language)).filter((lesson) => lesson.language === language).map((lesson) => ({ lesson: lesson.slug }));
}

async function lessonIn(slug: string, language: LessonLanguage) {
  const lesson = await findLesson(slug, language);
  return lesson && lesson.language === language ? lesson : undefined;
}

export async function lessonMetadata(slug: string, language: LessonLanguage): Promise<Metadata> {
  const lesson = await lessonIn(slug, language);
  if (!lesson) return {};
  const languages = Object.fromEntries(lesson.languages.map((other) => [languageTags[other], lessonPath(slug, other)]));
  return { title: lesson.title, description: lesson.summary, alternates: { canonical: lessonPath(slug, language), languages } };
}

/** A lesson page in one language: header, notebook, and the compiled MDX. */
export async function LessonPage({ slug, language }: { slug: string; language: LessonLanguage }) {
  const lesson = await lessonIn(slug, language);
  if (!lesson) notFound();
  const [{ code, outline, exerciseIds }, course] = await Promise.all([compileLesson(lesson), listLessons(language)]);
  const prerequisites = lesson.prerequisites.flatMap((id) => {
    const found = course.find((other) => other.id === id);
    return found ? [{ id, title: found.title, href: lessonPath(found.slug, found.language) }] : [];
  });
  return (
    <LessonShell
      lessonId={lesson.id}
      slug={lesson.slug}
      language={language}
      languages={lesson.languages}
      title={lesson.title}
      summary={lesson.summary}
      minutes={lesson.minutes}
      objectives={lesson.objectives}
      prerequisites={prerequisites}
      exerciseIds={exerciseIds}
      outline={outline}
    >
      <LessonBody code={code} language={language} />
    </LessonShell>
  );
}
