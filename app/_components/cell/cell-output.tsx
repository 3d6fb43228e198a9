'use client';

import { useState } from 'react';
import { useNotebookStrings } from '@/app/_components/lesson/lesson-language';
import type { OutputChunk } from '@/app/_components/notebook/notebook-store';

const chunkStyles: Record<OutputChunk['kind'], string> = {
  stdout: 'text-slate-800 dark:text-slate-100',
  stderr: 'text-amber-800 bg-amber-50 dark:text-amber-200 dark:bg-amber-950/40',
  result: 'text-indigo-800 dark:text-indigo-300',
  error: 'text-rose-700 bg-rose-50 dark:text-rose-300 dark:bg-rose-950/40',
  notice: 'text-slate-600 italic dark:text-slate-400',
};

const COLLAPSED_LINES = 40;

/** Output is rendered as text only: the kernel's messages are untrusted data. */
export function CellOutput({ cellId, chunks, running }: { cellId: string; chunks: OutputChunk[]; running: boolean }) {
  const words = useNotebookStrings();
  const [expanded, setExpanded] = useState(false);
  const [copied, setCopied] = useState(false);
  if (chunks.length === 0 && !running) return null;
  const text = chunks.map((chunk) => (chunk.kind === 'stdout' || chunk.kind === 'stderr' ? chunk.text : `${chunk.text}\n`)).join('');
  const lineCount = text.split('\n').length - 1;
  const collapsible = lineCount > COLLAPSED_LINES;

  async function copy() {
    await navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
    setTimeout(() => setCopied(false), 1500);
  }

  return (
    <div className="border-t border-slate-200 bg-slate-50/60 dark:border-slate-700 dark:bg-slate-900/60">
      <div
        role="log"
        aria-label={words.outputOf(cellId)}
        aria-live="polite"
        className={`overflow-auto px-3 py-2 ${collapsible && !expanded ? 'max-h-[40rem]' : ''}`}
      >
        <pre className="font-mono text-sm leading-6 whitespace-pre-wrap">
          {chunks.map((chunk, index) => (
            <span key={index} className={chunkStyles[chunk.kind]} data-kind={chunk.kind}>
              {chunk.kind === 'stdout' || chunk.kind === 'stderr' ? chunk.text : `${chunk.text}\n`}
            </span>
          ))}
        </pre>
      </div>
      {chunks.length > 0 ? (
        <div className="flex justify-end gap-2 px-3 pb-2 text-xs">
          {collapsible ? (
            <button type="button" className="output-action" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
              {expanded ? words.collapseOutput : words.showAllLines(lineCount)}
            </button>
          ) : null}
          <button type="button" className="output-action" onClick={copy} aria-label={words.copyOutputOf(cellId)}>
            {copied ? words.copied : words.copy}
          </button>
        </div>
      ) : null}
    </div>
  );
}
