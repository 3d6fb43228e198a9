'use client';

import { KernelStatusBar } from '@/app/_components/kernel/kernel-provider';
import { useNotebookStrings } from '@/app/_components/lesson/lesson-language';
import type { OutlineItem } from '@/app/_lib/content/outline';
import { buildNotebook } from './ipynb';
import { useNotebook, useNotebookCells, useNotebookRunning } from './notebook-provider';

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ipynb+json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type NotebookToolbarProps = { title: string; slug: string; outline: OutlineItem[] };

export function NotebookToolbar({ title, slug, outline }: NotebookToolbarProps) {
  const notebook = useNotebook();
  const cells = useNotebookCells();
  const running = useNotebookRunning();
  const strings = useNotebookStrings();

  return (
    <div className="sticky top-0 z-10 -mx-4 mb-6 border-b border-slate-200 bg-white/95 px-4 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="toolbar" aria-label={strings.toolbar} className="flex flex-wrap gap-2">
          <button type="button" className="toolbar-button" onClick={notebook.runAll}>
            {strings.runAll}
          </button>
          <button type="button" className="toolbar-button" onClick={notebook.interrupt} disabled={!running}>
            {strings.interrupt}
          </button>
          <button type="button" className="toolbar-button" onClick={() => void notebook.restart()}>
            {strings.restartKernel}
          </button>
          <button type="button" className="toolbar-button" onClick={() => void notebook.restartAndRunAll()}>
            {strings.restartAndRunAll}
          </button>
          <button type="button" className="toolbar-button" onClick={() => notebook.store.clearOutputs()}>
            {strings.clearOutputs}
          </button>
          <button
            type="button"
            className="toolbar-button"
            onClick={() => download(`${slug}.ipynb`, JSON.stringify(buildNotebook(title, outline, cells), null, 1))}
          >
            {strings.downloadIpynb}
          </button>
        </div>
        <KernelStatusBar />
      </div>
    </div>
  );
}
