import { cohortProgressCsv, csvContentDisposition } from '@/app/_lib/cohorts/cohort-csv';
import { loadCohortSnapshot } from '@/app/_lib/cohorts/cohorts.server';
import { cohortAccess } from '../cohort-access.server';

/** The cohort's progress as a CSV download (columns: app/_lib/cohorts/cohort-csv.ts); 404 for anyone but its instructors. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const access = await cohortAccess(request.headers, (await params).id);
  if (access.kind !== 'instructor') {
    return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const snapshot = await loadCohortSnapshot(access.cohort.id);
  return new Response(cohortProgressCsv(snapshot), {
    headers: {
      'content-type': 'text/csv; charset=utf-8; header=present',
      'content-disposition': csvContentDisposition(access.cohort.name),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
