import 'server-only';
import { compileLessonCached, type CompiledLesson } from './compile-mdx';
import { readLessonIndex, type LessonEntry } from './lesson-index';

export type { LessonEntry } from './lesson-index';

export function listLessons(): Promise<LessonEntry[]> {
  return readLessonIndex();
}

export async function findLesson(slug: string): Promise<LessonEntry | undefined> {
  return (await readLessonIndex()).find((lesson) => lesson.slug === slug);
}

export function compileLesson(lesson: LessonEntry): Promise<CompiledLesson> {
  return compileLessonCached(lesson.file, lesson.displayPath);
}

let lessonIdsInProduction: Promise<Set<string>> | undefined;

/** Ids of the lessons that exist; read once in production, afresh in development. */
export function knownLessonIds(): Promise<Set<string>> {
  const read = () => readLessonIndex().then((lessons) => new Set(lessons.map((lesson) => lesson.id)));
  if (process.env.NODE_ENV !== 'production') return read();
  lessonIdsInProduction ??= read();
  return lessonIdsInProduction;
}
