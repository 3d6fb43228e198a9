// zod/mini: the page bundles these too (the progress outbox), and classic zod costs it ~12 KB gzip.
import * as z from 'zod/mini';

/** A stable id chosen by an author (lesson frontmatter `id`, cell `id`): safe in URLs, keys and logs. */
export const stableId = (what: string) =>
  z.string().check(
    z.minLength(1, `${what} must not be empty`),
    z.maxLength(64, `${what} must be at most 64 characters`),
    z.regex(/^[A-Za-z0-9_-]*$/, `${what} may only contain A-Z, a-z, 0-9, "_" and "-"`),
  );

export const lessonIdSchema = stableId('lesson id');
export const cellIdSchema = stableId('cell id');

export const cellRunStatuses = ['ok', 'error', 'interrupted', 'timeout'] as const;
export const cellRunStatusSchema = z.enum(cellRunStatuses);
export type CellRunStatus = z.infer<typeof cellRunStatusSchema>;

/** Longest cell source we keep for a learner (the lessons' cells are a few dozen lines). */
export const MAX_CELL_CODE_CHARS = 100_000;

/** The body of `PUT /api/progress/code`: the learner's current code of one cell. */
export const cellCodeEventSchema = z.strictObject({
  lessonId: lessonIdSchema,
  cellId: cellIdSchema,
  code: z.string().check(z.maxLength(MAX_CELL_CODE_CHARS, `code must be at most ${MAX_CELL_CODE_CHARS} characters`)),
  editedAt: z.iso.datetime({ message: 'editedAt must be an ISO 8601 date-time' }),
});
export type CellCodeEvent = z.infer<typeof cellCodeEventSchema>;
