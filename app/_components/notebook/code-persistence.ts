/**
 * A learner's edits are kept twice: at once in this browser (localStorage), and on the server
 * for other devices. Each copy carries the time of the edit; the newest one wins.
 */

export type SavedEdit = { code: string; editedAt: string };

const storageKey = (lessonId: string, cellId: string) => `awaitable:v1:code:${lessonId}:${cellId}`;

function isSavedEdit(value: unknown): value is SavedEdit {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    'editedAt' in value &&
    typeof value.editedAt === 'string' &&
    !Number.isNaN(Date.parse(value.editedAt))
  );
}

export function readLocalEdit(lessonId: string, cellId: string): SavedEdit | null {
  try {
    const raw = window.localStorage.getItem(storageKey(lessonId, cellId));
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return isSavedEdit(parsed) ? parsed : null;
  } catch {
    return null; // Storage disabled or corrupt: the server copy still counts.
  }
}

export function writeLocalEdit(lessonId: string, cellId: string, edit: SavedEdit): void {
  try {
    window.localStorage.setItem(storageKey(lessonId, cellId), JSON.stringify(edit));
  } catch {
    // Quota or privacy mode: the edit still goes to the server.
  }
}

/** The newer of two saved edits (either may be missing); ties keep the local one. */
export function newestEdit(local: SavedEdit | null, server: SavedEdit | null): SavedEdit | null {
  if (!local) return server;
  if (!server) return local;
  return Date.parse(server.editedAt) > Date.parse(local.editedAt) ? server : local;
}
