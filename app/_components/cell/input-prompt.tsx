'use client';

import { useEffect, useRef, useState } from 'react';
import { useNotebookStrings } from '@/app/_components/lesson/lesson-language';

type InputPromptProps = { cellId: string; prompt: string; onAnswer(line: string | null): void };

/** The line a waiting `input()` or pdb reads: Enter sends it, Ctrl+D sends end of file. */
export function InputPrompt({ cellId, prompt, onAnswer }: InputPromptProps) {
  const words = useNotebookStrings();
  const [line, setLine] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);

  return (
    <form
      className="flex items-center gap-2 border-t border-slate-200 px-3 py-2 dark:border-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        onAnswer(line);
        setLine('');
      }}
    >
      <label htmlFor={`input-${cellId}`} className="font-mono text-sm whitespace-pre text-slate-600 dark:text-slate-300">
        {prompt.trim() || 'Input:'}
      </label>
      <input
        id={`input-${cellId}`}
        ref={field}
        value={line}
        onChange={(event) => setLine(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'd' && event.ctrlKey) {
            event.preventDefault();
            onAnswer(null);
          }
        }}
        aria-label={words.inputFor(cellId)}
        autoComplete="off"
        spellCheck={false}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-600 dark:bg-slate-900"
      />
      <button type="submit" className="cell-action text-xs">
        Send
      </button>
    </form>
  );
}
