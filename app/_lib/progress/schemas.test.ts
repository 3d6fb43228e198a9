import { describe, expect, it } from 'vitest';
import { validateBody } from '@/app/_lib/http/json-body';
import { progressBatchSchema } from './events';
import { cellCodeEventSchema, lessonIdSchema } from './schemas';

// As the API words them (json-body.ts): the 400 a client gets.
const issuesOf = (schema: typeof progressBatchSchema | typeof cellCodeEventSchema, input: unknown) => {
  const validated = validateBody(schema, input);
  return validated.ok ? [] : validated.issues;
};
const batch = (...events: unknown[]) => ({ events });
const run = { id: '6f1c1f7e-8a51-4c1e-9c47-0d7b2c1f9a10', lessonId: '01-what_is-a-coroutine', at: '2026-01-01T10:00:00.000Z', type: 'cell-run', cellId: 'gather-2', status: 'interrupted' };

describe('progressBatchSchema', () => {
  it('accepts runs, attempts, hints and completions', () => {
    const events = [
      run,
      { ...run, id: '0b7d5a56-6c1a-4a8e-8a0e-1f0d3e5b7c21', type: 'exercise-attempt', cellId: undefined, status: undefined, exerciseId: 'ex', passed: false, hintsUsed: 1, errorType: 'asyncio.TimeoutError' },
      { id: run.id, lessonId: 'l', at: run.at, type: 'hint', exerciseId: 'ex', hintsUsed: 2 },
      { id: run.id, lessonId: 'l', at: run.at, type: 'lesson-completed', exerciseIds: ['ex'] },
    ].map((event) => JSON.parse(JSON.stringify(event)));
    expect(progressBatchSchema.parse(batch(...events)).events).toHaveLength(4);
  });

  it('names every field that is wrong, with its place in the batch', () => {
    const issues = issuesOf(progressBatchSchema, batch({ ...run, lessonId: '../etc/passwd', cellId: '', status: 'crashed' }));
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^events\.0\.lessonId: lesson id may only contain/);
    expect(issues[1]).toMatch(/^events\.0\.cellId: cell id must not be empty/);
    expect(issues[2]).toMatch(/^events\.0\.status: /);
  });

  it('rejects a missing id, an unknown type, forged learner fields and bad counts', () => {
    const { id: _id, ...withoutId } = run;
    expect(issuesOf(progressBatchSchema, batch(withoutId))).toEqual([expect.stringMatching(/^events\.0\.id: /)]);
    expect(issuesOf(progressBatchSchema, batch({ ...run, type: 'teleport' }))).toEqual([expect.stringMatching(/^events\.0\.type: type must be one of/)]);
    expect(issuesOf(progressBatchSchema, batch({ ...run, anonId: 'forged' }))).toEqual([expect.stringMatching(/^events\.0: .*anonId/)]);
    const hint = { id: run.id, lessonId: 'l', at: run.at, type: 'hint', exerciseId: 'ex', hintsUsed: -1 };
    expect(issuesOf(progressBatchSchema, batch(hint))).toEqual(['events.0.hintsUsed: hintsUsed must not be negative']);
    expect(issuesOf(progressBatchSchema, batch())).toEqual(['events: events must hold at least one event']);
    expect(issuesOf(progressBatchSchema, null)).toEqual([expect.stringMatching(/^body: /)]);
  });

  it('accepts ids of exactly 64 characters and rejects unicode look-alikes', () => {
    expect(lessonIdSchema.safeParse('a'.repeat(64)).success).toBe(true);
    expect(lessonIdSchema.safeParse('lеsson').success).toBe(false); // Cyrillic "е"
  });
});

describe('cellCodeEventSchema', () => {
  it('names a missing date', () => {
    expect(issuesOf(cellCodeEventSchema, { lessonId: 'l', cellId: 'c', code: 'x' })).toEqual([expect.stringMatching(/^editedAt: /)]);
  });
});
