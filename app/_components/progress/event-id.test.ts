import { describe, expect, it } from 'vitest';
import { progressEventSchema } from '@/app/_lib/progress/events';
import { newEventId } from './event-id';

describe('newEventId', () => {
  it('makes distinct v4 UUIDs the API accepts, with or without crypto.randomUUID', () => {
    const withRandomUuid = newEventId();
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const ids = Array.from({ length: 100 }, newEventId);
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    for (const id of [withRandomUuid, ...ids]) {
      const event = { id, type: 'hint', lessonId: 'l', exerciseId: 'e', hintsUsed: 1, at: new Date().toISOString() };
      expect(progressEventSchema.safeParse(event).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(100);
  });
});
