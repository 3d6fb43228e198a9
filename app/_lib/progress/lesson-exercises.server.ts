import 'server-only';
import { compileLesson, listLessons } from '@/app/_lib/content/lessons.server';
import type { ProgressEvent } from './events';

const cache = new Map<string, Promise<string[] | null>>();

/** The exercise ids of a lesson, from its compiled MDX (cached per lesson in production). */
export function lessonExerciseIds(lessonId: string): Promise<string[] | null> {
  const read = async () => {
    const lesson = (await listLessons()).find((entry) => entry.id === lessonId);
    return lesson ? (await compileLesson(lesson)).exerciseIds : null;
  };
  if (process.env.NODE_ENV !== 'production') return read();
  let ids = cache.get(lessonId);
  if (!ids) {
    ids = read();
    cache.set(lessonId, ids);
    ids.catch(() => cache.delete(lessonId));
  }
  return ids;
}

/**
 * A completion must name exactly the lesson's exercises, so a browser cannot complete a lesson by
 * listing fewer; the server then checks that each of them passed. Returns an error naming the
 * field, or null.
 */
export async function checkCompletions(events: readonly ProgressEvent[]): Promise<string | null> {
  for (const [index, event] of events.entries()) {
    if (event.type !== 'lesson-completed') continue;
    const expected = await lessonExerciseIds(event.lessonId);
    const listed = new Set(event.exerciseIds);
    if (expected === null || expected.length !== listed.size || !expected.every((id) => listed.has(id))) {
      const names = expected && expected.length > 0 ? expected.join(', ') : 'none: it cannot be completed by exercises';
      return `events.${index}.exerciseIds: must list exactly the exercises of lesson "${event.lessonId}" (${names})`;
    }
  }
  return null;
}
