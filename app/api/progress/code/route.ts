import type { NextRequest } from 'next/server';
import { handleProgressMutation } from '@/app/_lib/http/progress-mutation';
import { saveCellCodeIn } from '@/app/_lib/progress/progress.server';
import { cellCodeEventSchema, MAX_CELL_CODE_CHARS } from '@/app/_lib/progress/schemas';

/** Saves the learner's edited code of one cell (the newest edit wins). */
export function PUT(request: NextRequest) {
  return handleProgressMutation(
    request,
    cellCodeEventSchema,
    MAX_CELL_CODE_CHARS * 4 + 1024,
    (edit) => [edit.lessonId],
    async (tx, key, edit) => {
      await saveCellCodeIn(tx, key, { ...edit, editedAt: new Date(edit.editedAt) });
      return { ok: true };
    },
  );
}
