import { describe, expect, it } from 'vitest';
import { createCohortSchema, joinCohortSchema } from './cohort-schemas';

const problem = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');

describe('cohort request bodies', () => {
  it('a cohort name is trimmed, and must be there and short', () => {
    expect(createCohortSchema.parse({ name: '  Autumn evenings ' })).toEqual({ name: 'Autumn evenings' });
    expect(problem(createCohortSchema.safeParse({ name: '   ' }))).toBe('name: must not be empty');
    expect(problem(createCohortSchema.safeParse({ name: 'x'.repeat(81) }))).toBe('name: must be at most 80 characters');
    expect(problem(createCohortSchema.safeParse({ name: 42 }))).toBe('name: must be a string');
    expect(problem(createCohortSchema.safeParse({ name: 'A', joinCode: 'K7QM-3XPA' }))).toContain('joinCode');
  });

  it('a join code must look like one', () => {
    expect(joinCohortSchema.parse({ code: 'k7qm-3xpa' })).toEqual({ code: 'k7qm-3xpa' });
    expect(problem(joinCohortSchema.safeParse({ code: 'nope' }))).toBe('code: must be a join code like K7QM-3XPA (8 letters and digits)');
    expect(problem(joinCohortSchema.safeParse({}))).toBe('code: must be a string');
  });
});
