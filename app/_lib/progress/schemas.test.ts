import { describe, expect, it } from 'vitest';
import { cellRunEventSchema, lessonIdSchema } from './schemas';

const fieldsOf = (input: unknown) => {
  const parsed = cellRunEventSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
};

describe('cellRunEventSchema', () => {
  it('accepts a run of a cell', () => {
    const event = { lessonId: '01-what_is-a-coroutine', cellId: 'gather-2', status: 'interrupted' };
    expect(cellRunEventSchema.parse(event)).toEqual(event);
  });

  it('names every field that is wrong', () => {
    const issues = fieldsOf({ lessonId: '../etc/passwd', cellId: '', status: 'crashed' });
    expect(issues).toHaveLength(3);
    expect(issues[0]).toMatch(/^lessonId: lesson id may only contain/);
    expect(issues[1]).toMatch(/^cellId: cell id must not be empty/);
    expect(issues[2]).toMatch(/^status: /);
  });

  it('rejects missing fields, wrong types, long ids and unknown keys', () => {
    expect(fieldsOf({ cellId: 'a', status: 'ok' })).toEqual([expect.stringMatching(/^lessonId: /)]);
    expect(fieldsOf({ lessonId: 7, cellId: 'a', status: 'ok' })).toEqual([expect.stringMatching(/^lessonId: /)]);
    expect(fieldsOf({ lessonId: 'x'.repeat(65), cellId: 'a', status: 'ok' })).toEqual([
      'lessonId: lesson id must be at most 64 characters',
    ]);
    expect(fieldsOf({ lessonId: 'l', cellId: 'a', status: 'ok', anonId: 'forged' })).toEqual([
      expect.stringMatching(/^body: .*anonId/),
    ]);
    expect(fieldsOf(null)).toEqual([expect.stringMatching(/^body: /)]);
  });

  it('accepts ids of exactly 64 characters and rejects unicode look-alikes', () => {
    expect(lessonIdSchema.safeParse('a'.repeat(64)).success).toBe(true);
    expect(lessonIdSchema.safeParse('lеsson').success).toBe(false); // Cyrillic "е"
  });
});
