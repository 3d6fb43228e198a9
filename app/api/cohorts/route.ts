import type { NextRequest } from 'next/server';
import { jsonError } from '@/app/_lib/http/progress-mutation';
import { createCohortSchema } from '@/app/_lib/cohorts/cohort-schemas';
import { createCohort, isInstructor } from '@/app/_lib/cohorts/cohorts.server';
import { formatJoinCode, joinPath } from '@/app/_lib/cohorts/join-code';
import { cohortMutation, json } from './_lib/cohort-mutation';

/**
 * An instructor creates a cohort: 201 {id, name, joinCode ("K7QM-3XPA"), joinUrl}. The join
 * link uses the page's own origin (the request passed the same-origin check).
 */
export function POST(request: NextRequest) {
  return cohortMutation(
    request,
    createCohortSchema,
    async (userId, { name }) => {
      const cohort = await createCohort(userId, name);
      const origin = request.headers.get('origin') ?? request.nextUrl.origin;
      const joinUrl = new URL(joinPath(cohort.joinCode), origin).href;
      return json({ id: cohort.id, name: cohort.name, joinCode: formatJoinCode(cohort.joinCode), joinUrl }, 201);
    },
    async (userId) => ((await isInstructor(userId)) ? null : jsonError(403, 'only instructors can create cohorts')),
  );
}
