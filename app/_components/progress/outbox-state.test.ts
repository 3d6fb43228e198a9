import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@/app/_lib/progress/events';
import { addCodeEdit, addEvent, emptyOutbox, parseOutbox, pendingCount, removeCodeEdit, removeEvents } from './outbox-state';

const run = (id: string): ProgressEvent => ({
  id,
  type: 'cell-run',
  lessonId: 'lesson',
  cellId: 'cell',
  status: 'ok',
  at: '2026-01-01T00:00:00.000Z',
});
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the outbox', () => {
  it('holds each event once and forgets the acknowledged ones', () => {
    let outbox = emptyOutbox();
    for (const n of [1, 2, 1, 3]) outbox = addEvent(outbox, run(uuid(n)));
    expect(outbox.events.map((e) => e.id)).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(removeEvents(outbox, [uuid(1), uuid(3)]).events.map((e) => e.id)).toEqual([uuid(2)]);
  });

  it('keeps only the newest edit of a cell, and keeps an edit made while an older one was being sent', () => {
    const edit = (code: string, second: number) => ({ lessonId: 'l', cellId: 'c', code, editedAt: `2026-01-01T00:00:0${second}.000Z` });
    let outbox = addCodeEdit(emptyOutbox(), edit('two', 2));
    outbox = addCodeEdit(outbox, edit('one (older)', 1));
    expect(outbox.code).toEqual([edit('two', 2)]);
    const sending = edit('two', 2);
    outbox = addCodeEdit(outbox, edit('three', 3));
    expect(removeCodeEdit(outbox, sending).code).toEqual([edit('three', 3)]);
    expect(pendingCount(removeCodeEdit(outbox, edit('three', 3)))).toBe(0);
  });

  it('reads back what it stored, and treats anything unreadable as empty', () => {
    const outbox = addEvent(emptyOutbox(), run(uuid(7)));
    expect(parseOutbox(JSON.stringify(outbox))).toEqual(outbox);
    expect(parseOutbox('{not json')).toEqual(emptyOutbox());
    expect(parseOutbox(null)).toEqual(emptyOutbox());
    const tampered = { events: [run(uuid(8)), { id: 'x', type: 'forged' }], code: [] };
    expect(parseOutbox(JSON.stringify(tampered)).events.map((e) => e.id)).toEqual([uuid(8)]);
  });
});
