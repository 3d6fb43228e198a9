import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonBody } from '@/app/_components/mdx/lesson-body';
import { compileLesson, findLesson, listLessons } from '@/app/_lib/content/lessons.server';
import { LessonShell } from './lesson-shell';

type Params = { params: Promise<{ lesson: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listLessons()).map((lesson) => ({ lesson: lesson.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = await findLesson((await params).lesson);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const lesson = await findLesson((await params).lesson);
  if (!lesson) notFound();
  const { code, outline } = await compileLesson(lesson);
  return (
    <LessonShell lessonId={lesson.id} slug={lesson.slug} title={lesson.title} summary={lesson.summary} outline={outline}>
      <LessonBody code={code} />
    </LessonShell>
  );
}
