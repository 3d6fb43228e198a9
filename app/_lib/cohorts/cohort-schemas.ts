import { z } from 'zod';
import { parseJoinCode } from './join-code';

export const MAX_COHORT_NAME = 80;

/** The body of `POST /api/cohorts`. */
export const createCohortSchema = z.strictObject({
  name: z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_COHORT_NAME, `must be at most ${MAX_COHORT_NAME} characters`),
});

/** The body of `POST /api/cohorts/join`: the code as typed or as the link carried it. */
export const joinCohortSchema = z.strictObject({
  code: z
    .string({ message: 'must be a string' })
    .max(32, 'must be at most 32 characters')
    .refine((code) => parseJoinCode(code) !== null, 'must be a join code like K7QM-3XPA (8 letters and digits)'),
});
