import { currentUserId } from '@/app/_lib/auth/session.server';
import { isInstructor } from '@/app/_lib/cohorts/cohorts.server';
import { json } from '../_lib/cohort-mutation';

/** {instructor: boolean} for the site header's "Instructor" link; false when signed out. */
export async function GET(request: Request) {
  const userId = await currentUserId(request.headers);
  return json({ instructor: userId !== null && (await isInstructor(userId)) });
}
