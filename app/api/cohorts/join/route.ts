import type { NextRequest } from 'next/server';
import { jsonError } from '@/app/_lib/http/progress-mutation';
import { joinCohortSchema } from '@/app/_lib/cohorts/cohort-schemas';
import { joinCohort } from '@/app/_lib/cohorts/cohorts.server';
import { cohortMutation, json } from '../_lib/cohort-mutation';

/** The signed-in account joins the cohort of a join code: 200 {name, alreadyMember}; joining again is harmless. */
export function POST(request: NextRequest) {
  return cohortMutation(request, joinCohortSchema, async (userId, { code }) => {
    const joined = await joinCohort(userId, code);
    if (joined === null) return jsonError(404, `code: no cohort has the join code "${code}"`);
    return json({ name: joined.cohort.name, alreadyMember: joined.alreadyMember });
  });
}
