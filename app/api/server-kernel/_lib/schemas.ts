import { z } from 'zod';
import { cellIdSchema, lessonIdSchema } from '@/app/_lib/progress/schemas';
import { SERVER_PROTOCOL_VERSION } from '@/runtime/server/protocol';

/** Longest cell, and most setup cells, a server run takes (the lessons' cells are a few dozen lines). */
export const MAX_SERVER_CODE_CHARS = 100_000;
export const MAX_SETUP_CELLS = 20;
/** Body limit of a run request: code and setup, each char up to 4 bytes of UTF-8, plus JSON. */
export const MAX_RUN_BODY_BYTES = 512 * 1024;

const code = (what: string) => z.string().max(MAX_SERVER_CODE_CHARS, `${what} must be at most ${MAX_SERVER_CODE_CHARS} characters`);

/** The body of `POST /api/server-kernel/run` (ServerRunRequest). */
export const serverRunRequestSchema = z.strictObject({
  lessonId: lessonIdSchema,
  cellId: cellIdSchema,
  code: code('code'),
  setup: z.array(code('each setup cell')).max(MAX_SETUP_CELLS, `setup may hold at most ${MAX_SETUP_CELLS} cells`),
});

/** The body of `POST /api/server-kernel/interrupt`. */
export const interruptRequestSchema = z.strictObject({
  v: z.literal(SERVER_PROTOCOL_VERSION),
  runId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'runId is not a run id'),
});
