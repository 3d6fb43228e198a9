import { cookies, headers } from 'next/headers';
import { currentUserId } from '@/app/_lib/auth/session.server';
import { listLessons } from '@/app/_lib/content/lessons.server';
import { anonymousCookieName, isAnonymousId } from '@/app/_lib/identity/anonymous-id';
import type { LessonLanguage } from '@/app/_lib/i18n/lesson-strings';
import { getProgressSummary, type LearnerKey, type ProgressSummary } from '@/app/_lib/progress/progress.server';
import { CourseList } from './course-list';

async function pageLearner(): Promise<LearnerKey | null> {
  const userId = await currentUserId(await headers());
  if (userId !== null) return { userId };
  const anonId = (await cookies()).get(anonymousCookieName)?.value;
  return isAnonymousId(anonId) ? { anonId } : null;
}

/** The course list in one language, with this learner's progress. */
export async function CoursePage({ language }: { language: LessonLanguage }) {
  const learner = await pageLearner();
  const [lessons, summary] = await Promise.all([
    listLessons(language),
    learner ? getProgressSummary(learner) : Promise.resolve<ProgressSummary>({}),
  ]);
  return <CourseList lessons={lessons} summary={summary} language={language} />;
}
