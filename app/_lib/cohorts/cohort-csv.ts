import type { CohortSnapshot, SnapshotLearner } from './cohort-snapshot';

/**
 * A cohort's progress as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
 * hold a quote, comma or line break, quotes doubled), safe to open in a spreadsheet: a field that
 * starts with = + - @ (or a tab or carriage return) gets a leading `'` so it is never run as a formula.
 *
 * One row per learner × exercise of the course, in course order; a lesson without exercises gets
 * one row with the exercise columns empty. Dates are ISO 8601 in UTC; empty means "never".
 */
export const CSV_COLUMNS = [
  'learner_name',
  'learner_email',
  'joined_at',
  'last_active_at',
  'lesson_position',
  'lesson_id',
  'lesson_title',
  'lesson_started_at',
  'lesson_completed_at',
  'exercise_id',
  'exercise_title',
  'attempts',
  'passed',
  'hints_used',
  'last_error_type',
  'last_attempt_at',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** What each column holds: the export's documentation, shown beside the download too. */
export const CSV_COLUMN_DOCS: Record<CsvColumn, string> = {
  learner_name: "The learner's account name.",
  learner_email: "The learner's account email.",
  joined_at: 'When they joined the cohort.',
  last_active_at: 'Their latest cell run, exercise check or hint; empty if none yet.',
  lesson_position: "The lesson's place in the course, from 1.",
  lesson_id: "The lesson's stable id (it survives reordering and renaming).",
  lesson_title: "The lesson's English title.",
  lesson_started_at: 'When they first ran, checked or revealed anything in the lesson; empty if never.',
  lesson_completed_at: 'When they had passed all its exercises; empty if not yet.',
  exercise_id: "The exercise's stable id; empty for a lesson without exercises.",
  exercise_title: "The exercise's title.",
  attempts: 'How many times they checked a solution.',
  passed: '"yes" once a check passed (it stays yes), else "no".',
  hints_used: 'The most hints they revealed.',
  last_error_type: 'The exception their last failed check raised (e.g. AssertionError), if not passed yet.',
  last_attempt_at: 'When they last checked a solution; empty if never.',
};

type CsvRow = Record<CsvColumn, string | number | Date | null>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, formula-neutralised and quoted as RFC 4180 asks. */
export function csvField(value: string | number | Date | null): string {
  let text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields as CSV text, each line ending in CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | Date | null>>): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

function learnerRows(snapshot: CohortSnapshot, learner: SnapshotLearner): CsvRow[] {
  return snapshot.lessons.flatMap((lesson, index): CsvRow[] => {
    const progress = learner.lessons.find((entry) => entry.lessonId === lesson.id);
    const base = {
      learner_name: learner.name,
      learner_email: learner.email,
      joined_at: learner.joinedAt,
      last_active_at: learner.lastActiveAt,
      lesson_position: index + 1,
      lesson_id: lesson.id,
      lesson_title: lesson.title,
      lesson_started_at: progress?.startedAt ?? null,
      lesson_completed_at: progress?.completedAt ?? null,
    };
    const none = { exercise_id: null, exercise_title: null, attempts: null, passed: null, hints_used: null, last_error_type: null, last_attempt_at: null };
    if (lesson.exercises.length === 0) return [{ ...base, ...none }];
    return lesson.exercises.map((exercise) => {
      const row = learner.exercises.find((entry) => entry.lessonId === lesson.id && entry.exerciseId === exercise.id);
      return {
        ...base,
        exercise_id: exercise.id,
        exercise_title: exercise.title,
        attempts: row?.attempts ?? 0,
        passed: row?.passed ? 'yes' : 'no',
        hints_used: row?.hintsUsed ?? 0,
        last_error_type: row?.passed ? null : (row?.lastErrorType ?? null),
        last_attempt_at: row?.lastAttemptAt ?? null,
      };
    });
  });
}

/** The whole export: a header line, then every learner × lesson/exercise row. */
export function cohortProgressCsv(snapshot: CohortSnapshot): string {
  const rows = snapshot.learners.flatMap((learner) => learnerRows(snapshot, learner));
  return toCsv([CSV_COLUMNS, ...rows.map((row) => CSV_COLUMNS.map((column) => row[column]))]);
}

/** `<cohort>-progress.csv`, the cohort's name reduced to letters, digits and dashes. */
export function csvFileName(cohortName: string): string {
  const slug = cohortName
    .normalize('NFKD')
    .replaceAll(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, '-')
    .replaceAll(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'cohort'}-progress.csv`;
}

/**
 * The download header: an ASCII file name for every browser and, when the cohort's name has other
 * letters (e.g. Chinese), that name too for browsers that read RFC 6266's `filename*`.
 */
export function csvContentDisposition(cohortName: string): string {
  const header = `attachment; filename="${csvFileName(cohortName)}"`;
  if (!/[^\x20-\x7e]/.test(cohortName)) return header;
  const unicode = `${cohortName.trim().replaceAll(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')}-progress.csv`;
  const encoded = encodeURIComponent(unicode).replaceAll(/['()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${header}; filename*=UTF-8''${encoded}`;
}
