import 'server-only';
import { compileLessonCached, type CompiledLesson } from './compile-mdx';
import { readLessonIndex, type LessonEntry, type LessonLanguage } from './lesson-index';

export type { LessonEntry, LessonLanguage } from './lesson-index';
export { lessonLanguages } from './lesson-index';

/** The course in `language`; a lesson not translated into it is listed in English (`lesson.language`). */
export function listLessons(language: LessonLanguage = 'en'): Promise<LessonEntry[]> {
  return readLessonIndex(undefined, language);
}

/** The lesson at `slug` in `language`, or in English when it has no such translation. */
export async function findLesson(slug: string, language: LessonLanguage = 'en'): Promise<LessonEntry | undefined> {
  return (await listLessons(language)).find((lesson) => lesson.slug === slug);
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
