import 'server-only';
import { compileLesson, listLessons } from '@/app/_lib/content/lessons.server';
import type { SnapshotLesson } from './cohort-snapshot';

let inProduction: Promise<SnapshotLesson[]> | undefined;

async function read(): Promise<SnapshotLesson[]> {
  const lessons: SnapshotLesson[] = [];
  for (const lesson of await listLessons('en')) {
    const { model } = await compileLesson(lesson);
    const exercises = model.items.flatMap((item) => (item.kind === 'exercise' ? [{ id: item.id, title: item.title }] : []));
    lessons.push({ id: lesson.id, slug: lesson.slug, title: lesson.title, exercises });
  }
  return lessons;
}

/** The course's lessons in order, English titles, with their exercises (read once in production). */
export function courseOutline(): Promise<SnapshotLesson[]> {
  if (process.env.NODE_ENV !== 'production') return read();
  inProduction ??= read().catch((error: unknown) => {
    inProduction = undefined;
    throw error;
  });
  return inProduction;
}
