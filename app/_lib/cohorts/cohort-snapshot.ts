/**
 * What a cohort's dashboard and CSV export are computed from: one read of the
 * database, taken by `loadCohortSnapshot` (cohorts.server.ts). Types only, so
 * the pure dashboard functions can be tested with hand-built snapshots.
 */

export type SnapshotLesson = {
  id: string;
  slug: string;
  title: string;
  exercises: { id: string; title: string }[];
};

export type SnapshotLearner = {
  learnerId: string;
  name: string;
  email: string;
  joinedAt: Date;
  /** Latest progress event or cell run, null: none since joining or ever. */
  lastActiveAt: Date | null;
  lessons: { lessonId: string; startedAt: Date; completedAt: Date | null }[];
  exercises: {
    lessonId: string;
    exerciseId: string;
    attempts: number;
    passed: boolean;
    hintsUsed: number;
    lastErrorType: string | null;
    lastAttemptAt: Date | null;
  }[];
  /** Runs of every cell, summed over the learner's cells. */
  cellRuns: number;
  /** Cells whose last run raised (lastStatus "error"); a later clean run of the cell clears it. */
  cellErrors: number;
};

export type CohortSnapshot = {
  cohort: { id: string; name: string; joinCode: string; createdAt: Date };
  /** Course order (English titles). */
  lessons: SnapshotLesson[];
  /** By name. */
  learners: SnapshotLearner[];
  takenAt: Date;
};
