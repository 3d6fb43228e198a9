import 'server-only';
import { db } from '@/app/_lib/db.server';
import type { CohortSnapshot, SnapshotLearner } from './cohort-snapshot';
import { courseOutline } from './course-outline.server';

function byLearner<T extends { learnerId: string }>(rows: readonly T[]): Map<string, Array<Omit<T, 'learnerId'>>> {
  const groups = new Map<string, Array<Omit<T, 'learnerId'>>>();
  for (const { learnerId, ...row } of rows) {
    const group = groups.get(learnerId);
    if (group) group.push(row);
    else groups.set(learnerId, [row]);
  }
  return groups;
}

const latest = (...dates: Array<Date | null | undefined>): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (max === null || date > max) ? date : max), null);

/**
 * One read of a cohort for its dashboard: the course outline, and for each member their
 * account, lessons, exercises, cell runs and last activity. Only the cohort's members appear.
 * Throws when the cohort does not exist (callers check access with cohortForInstructor first).
 */
export async function loadCohortSnapshot(cohortId: string, now: Date = new Date()): Promise<CohortSnapshot> {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: { id: true, name: true, joinCode: true, createdAt: true },
  });
  if (cohort === null) throw new Error(`loadCohortSnapshot: no cohort has the id "${cohortId}"`);
  const inCohort = { learner: { cohorts: { some: { cohortId } } } };
  const [members, lessons, exercises, cells, erroredCells, events, outline] = await Promise.all([
    db.cohortMember.findMany({
      where: { cohortId },
      select: { learnerId: true, joinedAt: true, learner: { select: { user: { select: { name: true, email: true } } } } },
    }),
    db.lessonProgress.findMany({ where: inCohort, select: { learnerId: true, lessonId: true, startedAt: true, completedAt: true } }),
    db.exerciseProgress.findMany({
      where: inCohort,
      select: {
        learnerId: true,
        lessonId: true,
        exerciseId: true,
        attempts: true,
        passed: true,
        hintsUsed: true,
        lastErrorType: true,
        lastAttemptAt: true,
      },
    }),
    db.cellProgress.groupBy({ by: ['learnerId'], where: inCohort, _sum: { runs: true }, _max: { lastRunAt: true } }),
    db.cellProgress.groupBy({ by: ['learnerId'], where: { ...inCohort, lastStatus: 'error' }, _count: { _all: true } }),
    db.progressEvent.groupBy({ by: ['learnerId'], where: inCohort, _max: { occurredAt: true } }),
    courseOutline(),
  ]);

  const lessonsOf = byLearner(lessons);
  const exercisesOf = byLearner(exercises);
  const learners = members.map((member): SnapshotLearner => {
    const cell = cells.find((row) => row.learnerId === member.learnerId);
    const myExercises = exercisesOf.get(member.learnerId) ?? [];
    const lastActive = latest(
      events.find((row) => row.learnerId === member.learnerId)?._max.occurredAt,
      cell?._max.lastRunAt,
      ...myExercises.map((exercise) => exercise.lastAttemptAt),
    );
    return {
      learnerId: member.learnerId,
      name: member.learner.user?.name ?? '(no account)',
      email: member.learner.user?.email ?? '',
      joinedAt: member.joinedAt,
      // A browser's clock may run ahead: activity is never later than the snapshot.
      lastActiveAt: lastActive && lastActive > now ? now : lastActive,
      lessons: lessonsOf.get(member.learnerId) ?? [],
      exercises: myExercises,
      cellRuns: cell?._sum.runs ?? 0,
      cellErrors: erroredCells.find((row) => row.learnerId === member.learnerId)?._count._all ?? 0,
    };
  });
  learners.sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { cohort, lessons: outline, learners, takenAt: now };
}
