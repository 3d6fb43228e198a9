import * as z from 'zod/mini';
import { progressEventSchema, type ProgressEvent } from '@/app/_lib/progress/events';
import { uniqueById } from '@/app/_lib/progress/merge';

/**
 * What the browser still has to send: progress events (each sent once, by id) and the newest
 * edit of each cell. Pure functions over a plain value, so every tab can read, change and write
 * it back to localStorage; the merge rules make the order of tabs irrelevant.
 */
const codeEditSchema = z.object({
  lessonId: z.string(),
  cellId: z.string(),
  code: z.string(),
  editedAt: z.string(),
});
export type CodeEdit = z.infer<typeof codeEditSchema>;

const outboxSchema = z.object({
  events: z.pipe(
    z.array(z.unknown()),
    z.transform((items) =>
      items.flatMap((item) => {
        const parsed = progressEventSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  ),
  code: z.array(codeEditSchema),
});
export type Outbox = { events: ProgressEvent[]; code: CodeEdit[] };

export const emptyOutbox = (): Outbox => ({ events: [], code: [] });

/** Reads a stored outbox; anything unreadable (old format, tampering) becomes empty. */
export function parseOutbox(raw: string | null): Outbox {
  if (raw === null) return emptyOutbox();
  try {
    const parsed = outboxSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyOutbox();
  } catch {
    return emptyOutbox();
  }
}

export function addEvent(outbox: Outbox, event: ProgressEvent): Outbox {
  return { ...outbox, events: uniqueById([...outbox.events, event]) };
}

/** Keeps only the newest edit of each cell: an older one would lose to it on the server anyway. */
export function addCodeEdit(outbox: Outbox, edit: CodeEdit): Outbox {
  const same = (other: CodeEdit) => other.lessonId === edit.lessonId && other.cellId === edit.cellId;
  const existing = outbox.code.find(same);
  if (existing && Date.parse(existing.editedAt) > Date.parse(edit.editedAt)) return outbox;
  return { ...outbox, code: [...outbox.code.filter((other) => !same(other)), edit] };
}

export function removeEvents(outbox: Outbox, ids: Iterable<string>): Outbox {
  const done = new Set(ids);
  return { ...outbox, events: outbox.events.filter((event) => !done.has(event.id)) };
}

/** Forgets a sent edit, unless the learner edited the cell again meanwhile. */
export function removeCodeEdit(outbox: Outbox, sent: CodeEdit): Outbox {
  return {
    ...outbox,
    code: outbox.code.filter(
      (edit) => !(edit.lessonId === sent.lessonId && edit.cellId === sent.cellId && edit.editedAt === sent.editedAt),
    ),
  };
}

export const pendingCount = (outbox: Outbox): number => outbox.events.length + outbox.code.length;
