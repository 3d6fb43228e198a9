import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@/app/_lib/progress/events';
import { useTestDatabase } from '@/app/_lib/progress/test-database';
import { projectRoot } from '@/scripts/prisma/run-prisma.mjs';

// A real database (SQLite, or PostgreSQL under `node scripts/bootstrap/postgres.mjs -- ...`),
// and the end-to-end fixture course for the outline (three lessons, one exercise).
process.env.AWAITABLE_CONTENT_DIR = path.join(projectRoot, 'e2e', 'course');
const database = useTestDatabase(beforeAll, afterAll);
let cohorts: typeof import('./cohorts.server');
let roles: typeof import('./instructor-role.server');
beforeAll(async () => {
  cohorts = await import('./cohorts.server');
  roles = await import('./instructor-role.server');
});
const progress = () => database.modules().progress;

async function account(name: string, role: 'learner' | 'instructor' = 'learner'): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `${name.toLowerCase()}-${id.slice(0, 8)}@example.test`;
  await database.db().user.create({ data: { id, name, email, role } });
  return { id, email };
}

const event = <T extends Omit<ProgressEvent, 'id'>>(fields: T) => ({ ...fields, id: randomUUID() });

describe('instructors and cohorts', () => {
  it('only an instructor of a cohort finds it; others (and a revoked instructor) get null', async () => {
    const [ada, grace, bob] = [await account('Ada', 'instructor'), await account('Grace', 'instructor'), await account('Bob')];
    expect(await cohorts.isInstructor(ada.id)).toBe(true);
    expect(await cohorts.isInstructor(bob.id)).toBe(false);
    expect(await cohorts.isInstructor('no-such-user')).toBe(false);

    const a = await cohorts.createCohort(ada.id, 'Autumn evenings');
    const b = await cohorts.createCohort(grace.id, 'Spring mornings');
    expect(a.joinCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(a.joinCode).not.toBe(b.joinCode);
    expect(await cohorts.cohortForInstructor(ada.id, a.id)).toEqual(a);
    expect(await cohorts.cohortForInstructor(ada.id, b.id)).toBeNull();
    expect(await cohorts.cohortForInstructor(bob.id, a.id)).toBeNull();
    expect(await cohorts.cohortForInstructor(ada.id, 'no-such-cohort')).toBeNull();
    expect((await cohorts.listCohortsForInstructor(ada.id)).map((cohort) => cohort.name)).toEqual(['Autumn evenings']);
    expect(await cohorts.listCohortsForInstructor(bob.id)).toEqual([]);

    await roles.setRole(ada.email, 'learner');
    expect(await cohorts.cohortForInstructor(ada.id, a.id)).toBeNull();
    await roles.setRole(ada.email, 'instructor');
    expect(await cohorts.cohortForInstructor(ada.id, a.id)).toEqual(a);
  });

  it('a learner joins by code however it is typed, once however often they join', async () => {
    const [ada, bob] = [await account('Ada', 'instructor'), await account('Bob')];
    const cohort = await cohorts.createCohort(ada.id, 'Evening class');
    const typed = `${cohort.joinCode.slice(0, 4).toLowerCase()}-${cohort.joinCode.slice(4)}`;
    expect(await cohorts.findCohortByCode(typed)).toEqual(cohort);
    expect(await cohorts.findCohortByCode('ZZZZ-ZZZZ')).toBeNull();
    expect(await cohorts.findCohortByCode('not a code')).toBeNull();
    expect(await cohorts.joinCohort(bob.id, 'ZZZZ-ZZZZ')).toBeNull();

    expect(await cohorts.isMember(bob.id, cohort.id)).toBe(false);
    const joins = await Promise.all([cohorts.joinCohort(bob.id, typed), cohorts.joinCohort(bob.id, cohort.joinCode)]);
    expect(joins.map((join) => join?.cohort.id)).toEqual([cohort.id, cohort.id]);
    expect((await cohorts.joinCohort(bob.id, typed))?.alreadyMember).toBe(true);
    expect(await cohorts.isMember(bob.id, cohort.id)).toBe(true);
    expect((await cohorts.listCohortsForInstructor(ada.id))[0]?.learnerCount).toBe(1);
  });

  it('roles: granting and revoking name the account; an unknown email is an error', async () => {
    const carol = await account('Carol');
    expect(await roles.setRole(carol.email.toUpperCase(), 'instructor')).toEqual({ name: 'Carol', email: carol.email, role: 'instructor', changed: true });
    expect((await roles.setRole(carol.email, 'instructor')).changed).toBe(false);
    expect(await cohorts.isInstructor(carol.id)).toBe(true);
    await roles.setRole(carol.email, 'learner');
    expect(await cohorts.isInstructor(carol.id)).toBe(false);
    await expect(roles.setRole('nobody@example.test', 'instructor')).rejects.toThrow('no account has the email "nobody@example.test"');
  });
});

describe('a cohort snapshot', () => {
  it("holds the course outline and only members' progress, by name, with their last activity", async () => {
    const teacher = await account('Teacher', 'instructor');
    const [zoe, abe, outsider] = [await account('Zoe'), await account('Abe'), await account('Outsider')];
    const cohort = await cohorts.createCohort(teacher.id, 'Snapshot class');
    const other = await cohorts.createCohort(teacher.id, 'Other class');
    await cohorts.joinCohort(zoe.id, cohort.joinCode);
    await cohorts.joinCohort(abe.id, cohort.joinCode);
    await cohorts.joinCohort(outsider.id, other.joinCode);

    await progress().applyEvents({ userId: zoe.id }, [
      event({ type: 'cell-run', lessonId: 'vocabulary', cellId: 'hello', status: 'ok', at: '2026-03-01T10:00:00.000Z' }),
      event({ type: 'cell-run', lessonId: 'vocabulary', cellId: 'hello', status: 'error', at: '2026-03-01T10:01:00.000Z' }),
      event({ type: 'cell-run', lessonId: 'vocabulary', cellId: 'other', status: 'ok', at: '2026-03-01T10:02:00.000Z' }),
      event({ type: 'exercise-attempt', lessonId: 'vocabulary', exerciseId: 'double-it', passed: false, hintsUsed: 1, errorType: 'AssertionError', at: '2026-03-01T10:03:00.000Z' }),
      event({ type: 'exercise-attempt', lessonId: 'vocabulary', exerciseId: 'double-it', passed: true, hintsUsed: 2, errorType: null, at: '2026-03-01T10:04:00.000Z' }),
      event({ type: 'lesson-completed', lessonId: 'vocabulary', exerciseIds: ['double-it'], at: '2026-03-01T10:05:00.000Z' }),
    ]);
    await progress().applyEvents({ userId: outsider.id }, [
      event({ type: 'cell-run', lessonId: 'vocabulary', cellId: 'hello', status: 'ok', at: '2026-03-02T10:00:00.000Z' }),
    ]);

    const now = new Date('2026-03-10T00:00:00.000Z');
    const snapshot = await cohorts.loadCohortSnapshot(cohort.id, now);
    expect(snapshot.takenAt).toEqual(now);
    expect(snapshot.cohort).toEqual(cohort);
    // Course order, English titles, each lesson's exercises (the fixture course may grow at its end).
    expect(snapshot.lessons.slice(0, 3)).toEqual([
      { id: 'kernel-behaviours', slug: 'kernel-behaviours', title: 'Kernel behaviours', exercises: [] },
      { id: 'vocabulary', slug: 'vocabulary', title: 'Lesson vocabulary', exercises: [{ id: 'double-it', title: 'Double a number' }] },
      { id: 'notebook-basics', slug: 'notebook-basics', title: 'Notebook basics', exercises: [] },
    ]);
    expect(snapshot.learners.map((learner) => learner.name)).toEqual(['Abe', 'Zoe']);
    const [abeRow, zoeRow] = snapshot.learners;
    expect(abeRow).toMatchObject({ email: abe.email, lastActiveAt: null, lessons: [], exercises: [], cellRuns: 0, cellErrors: 0 });
    expect(zoeRow).toMatchObject({
      email: zoe.email,
      lastActiveAt: new Date('2026-03-01T10:05:00.000Z'),
      lessons: [{ lessonId: 'vocabulary', startedAt: new Date('2026-03-01T10:00:00.000Z'), completedAt: new Date('2026-03-01T10:05:00.000Z') }],
      exercises: [
        {
          lessonId: 'vocabulary',
          exerciseId: 'double-it',
          attempts: 2,
          passed: true,
          hintsUsed: 2,
          lastErrorType: null,
          lastAttemptAt: new Date('2026-03-01T10:04:00.000Z'),
        },
      ],
      cellRuns: 3,
      cellErrors: 1,
    });
    expect(zoeRow?.joinedAt).toBeInstanceOf(Date);
  });

  it('never dates activity after the snapshot, and refuses a cohort that does not exist', async () => {
    const teacher = await account('Teacher', 'instructor');
    const ahead = await account('Ahead');
    const cohort = await cohorts.createCohort(teacher.id, 'Clock class');
    await cohorts.joinCohort(ahead.id, cohort.joinCode);
    await progress().applyEvents({ userId: ahead.id }, [
      event({ type: 'cell-run', lessonId: 'vocabulary', cellId: 'hello', status: 'ok', at: '2030-01-01T00:00:00.000Z' }),
    ]);
    const now = new Date('2026-03-10T00:00:00.000Z');
    expect((await cohorts.loadCohortSnapshot(cohort.id, now)).learners[0]?.lastActiveAt).toEqual(now);
    await expect(cohorts.loadCohortSnapshot('no-such-cohort')).rejects.toThrow('no cohort has the id "no-such-cohort"');
  });
});
