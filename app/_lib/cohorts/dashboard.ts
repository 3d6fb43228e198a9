import type { CohortSnapshot, SnapshotLearner } from './cohort-snapshot';

/**
 * The figures of a cohort's dashboard, as pure functions of one snapshot (no clock, no database):
 * "now" is always `snapshot.takenAt`. Only the course's current lessons and exercises count;
 * progress on an exercise that no longer exists is left out everywhere, so figures add up.
 */

export const INACTIVE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

export type LessonFunnel = {
  lessonId: string;
  /** 1-based place in the course. */
  position: number;
  title: string;
  exerciseCount: number;
  joined: number;
  started: number;
  /** Learners who passed at least one of the lesson's exercises; null when it has none. */
  passedAnExercise: number | null;
  /** Learners whose lesson is completed (every exercise passed); null when it has none. */
  completed: number | null;
};

export type ExerciseStats = {
  lessonId: string;
  lessonPosition: number;
  lessonTitle: string;
  exerciseId: string;
  /** 1-based place in its lesson: exercise 2 of lesson 3 is "3.2". */
  position: number;
  title: string;
  learners: number;
  /** Learners with at least one checked attempt. */
  attempted: number;
  passed: number;
  /** Attempted, not passed. */
  stuck: number;
  /** passed / attempted, null when nobody attempted. */
  passRateOfAttempted: number | null;
  /** passed / learners, null for a cohort without learners. */
  passRateOfLearners: number | null;
  /** Median attempts of the learners who attempted, null when nobody did. */
  medianAttempts: number | null;
  /** Mean hints revealed by the learners who attempted or revealed a hint, null when none did. */
  meanHints: number | null;
};

export type ErrorTypeCount = {
  errorType: string;
  /** Learner × exercise pairs whose last failed attempt raised it. */
  exercises: number;
  learners: number;
};

export type LearnerStatus = 'active' | 'inactive' | 'never-active';

export type LearnerRow = {
  learnerId: string;
  name: string;
  email: string;
  joinedAt: Date;
  lastActiveAt: Date | null;
  status: LearnerStatus;
  /** Whole days since the last activity, null when never active. */
  daysInactive: number | null;
  lessonsStarted: number;
  lessonsCompleted: number;
  exercisesAttempted: number;
  exercisesPassed: number;
  hintsUsed: number;
  cellRuns: number;
  cellErrors: number;
};

export type CohortOverview = {
  learners: number;
  lessons: number;
  /** Lessons that can be completed: those with exercises. */
  lessonsWithExercises: number;
  exercises: number;
  activeThisWeek: number;
  ranACell: number;
  passedAnExercise: number;
  completedALesson: number;
  inactive: number;
  neverActive: number;
  cellRuns: number;
  cellErrors: number;
};

type CourseIndex = { lessons: Set<string>; exercises: Set<string> };

const exerciseKey = (lessonId: string, exerciseId: string) => `${lessonId}\u0000${exerciseId}`;

function courseIndex(snapshot: CohortSnapshot): CourseIndex {
  return {
    lessons: new Set(snapshot.lessons.map((lesson) => lesson.id)),
    exercises: new Set(snapshot.lessons.flatMap((lesson) => lesson.exercises.map((exercise) => exerciseKey(lesson.id, exercise.id)))),
  };
}

const courseExercises = (learner: SnapshotLearner, index: CourseIndex) =>
  learner.exercises.filter((exercise) => index.exercises.has(exerciseKey(exercise.lessonId, exercise.exerciseId)));

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * A learner is inactive once `INACTIVE_AFTER_DAYS` full days have passed since their last
 * activity (exactly 7 days counts), and "never active" without any activity at all.
 */
export function learnerStatus(lastActiveAt: Date | null, now: Date): LearnerStatus {
  if (lastActiveAt === null) return 'never-active';
  return now.getTime() - lastActiveAt.getTime() >= INACTIVE_AFTER_DAYS * DAY_MS ? 'inactive' : 'active';
}

/** Per lesson in course order: joined → started → passed an exercise → completed. */
export function lessonFunnel(snapshot: CohortSnapshot): LessonFunnel[] {
  const joined = snapshot.learners.length;
  return snapshot.lessons.map((lesson, index) => {
    const ids = new Set(lesson.exercises.map((exercise) => exercise.id));
    const hasExercises = ids.size > 0;
    let started = 0;
    let passedAnExercise = 0;
    let completed = 0;
    for (const learner of snapshot.learners) {
      const progress = learner.lessons.find((entry) => entry.lessonId === lesson.id);
      const passed = new Set(
        learner.exercises.filter((entry) => entry.lessonId === lesson.id && entry.passed && ids.has(entry.exerciseId)).map((entry) => entry.exerciseId),
      );
      if (progress || passed.size > 0) started += 1;
      if (passed.size > 0) passedAnExercise += 1;
      if (progress?.completedAt) completed += 1;
    }
    return {
      lessonId: lesson.id,
      position: index + 1,
      title: lesson.title,
      exerciseCount: ids.size,
      joined,
      started,
      passedAnExercise: hasExercises ? passedAnExercise : null,
      completed: hasExercises ? completed : null,
    };
  });
}

/** Per exercise in course order: pass rates, median attempts, mean hints, learners stuck. */
export function exerciseStats(snapshot: CohortSnapshot): ExerciseStats[] {
  const learners = snapshot.learners.length;
  return snapshot.lessons.flatMap((lesson, index) =>
    lesson.exercises.map((exercise, exerciseIndex) => {
      const rows = snapshot.learners.flatMap((learner) =>
        learner.exercises.filter((entry) => entry.lessonId === lesson.id && entry.exerciseId === exercise.id).slice(0, 1),
      );
      const attempted = rows.filter((row) => row.attempts > 0);
      const passed = rows.filter((row) => row.passed).length;
      const engaged = rows.filter((row) => row.attempts > 0 || row.hintsUsed > 0);
      return {
        lessonId: lesson.id,
        lessonPosition: index + 1,
        lessonTitle: lesson.title,
        exerciseId: exercise.id,
        position: exerciseIndex + 1,
        title: exercise.title,
        learners,
        attempted: attempted.length,
        passed,
        stuck: attempted.filter((row) => !row.passed).length,
        passRateOfAttempted: ratio(attempted.filter((row) => row.passed).length, attempted.length),
        passRateOfLearners: ratio(passed, learners),
        medianAttempts: median(attempted.map((row) => row.attempts)),
        meanHints: mean(engaged.map((row) => row.hintsUsed)),
      };
    }),
  );
}

/** The exception types of learners' last failed attempts, most frequent first (ties by name). */
export function commonErrorTypes(snapshot: CohortSnapshot): ErrorTypeCount[] {
  const index = courseIndex(snapshot);
  const counts = new Map<string, { exercises: number; learners: Set<string> }>();
  for (const learner of snapshot.learners) {
    for (const exercise of courseExercises(learner, index)) {
      if (exercise.lastErrorType === null || exercise.passed) continue;
      const entry = counts.get(exercise.lastErrorType) ?? { exercises: 0, learners: new Set<string>() };
      entry.exercises += 1;
      entry.learners.add(learner.learnerId);
      counts.set(exercise.lastErrorType, entry);
    }
  }
  return [...counts]
    .map(([errorType, entry]) => ({ errorType, exercises: entry.exercises, learners: entry.learners.size }))
    .sort((a, b) => b.exercises - a.exercises || b.learners - a.learners || a.errorType.localeCompare(b.errorType));
}

/** One row per learner, in the snapshot's order (by name). */
export function learnerRows(snapshot: CohortSnapshot): LearnerRow[] {
  const index = courseIndex(snapshot);
  const now = snapshot.takenAt;
  return snapshot.learners.map((learner) => {
    const exercises = courseExercises(learner, index);
    const lessons = learner.lessons.filter((lesson) => index.lessons.has(lesson.lessonId));
    const status = learnerStatus(learner.lastActiveAt, now);
    return {
      learnerId: learner.learnerId,
      name: learner.name,
      email: learner.email,
      joinedAt: learner.joinedAt,
      lastActiveAt: learner.lastActiveAt,
      status,
      daysInactive: learner.lastActiveAt === null ? null : Math.max(0, Math.floor((now.getTime() - learner.lastActiveAt.getTime()) / DAY_MS)),
      lessonsStarted: lessons.length,
      lessonsCompleted: lessons.filter((lesson) => lesson.completedAt !== null).length,
      exercisesAttempted: exercises.filter((exercise) => exercise.attempts > 0).length,
      exercisesPassed: exercises.filter((exercise) => exercise.passed).length,
      hintsUsed: exercises.reduce((sum, exercise) => sum + exercise.hintsUsed, 0),
      cellRuns: learner.cellRuns,
      cellErrors: learner.cellErrors,
    };
  });
}

/** Learners with no progress for a week or none ever: never active first, then the longest quiet. */
export function inactiveLearners(rows: readonly LearnerRow[]): LearnerRow[] {
  return rows
    .filter((row) => row.status !== 'active')
    .sort((a, b) => (a.lastActiveAt?.getTime() ?? -Infinity) - (b.lastActiveAt?.getTime() ?? -Infinity) || a.name.localeCompare(b.name));
}

/** The headline figures above the charts. */
export function cohortOverview(snapshot: CohortSnapshot, rows: readonly LearnerRow[] = learnerRows(snapshot)): CohortOverview {
  const count = (test: (row: LearnerRow) => boolean) => rows.filter(test).length;
  return {
    learners: rows.length,
    lessons: snapshot.lessons.length,
    lessonsWithExercises: snapshot.lessons.filter((lesson) => lesson.exercises.length > 0).length,
    exercises: snapshot.lessons.reduce((sum, lesson) => sum + lesson.exercises.length, 0),
    activeThisWeek: count((row) => row.status === 'active'),
    ranACell: count((row) => row.cellRuns > 0),
    passedAnExercise: count((row) => row.exercisesPassed > 0),
    completedALesson: count((row) => row.lessonsCompleted > 0),
    inactive: count((row) => row.status === 'inactive'),
    neverActive: count((row) => row.status === 'never-active'),
    cellRuns: rows.reduce((sum, row) => sum + row.cellRuns, 0),
    cellErrors: rows.reduce((sum, row) => sum + row.cellErrors, 0),
  };
}
