'use client';

import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { beforeEditorSwitch, loadEditor } from './lazy-editor';

/** Where the learner's caret was, handed to CodeMirror when it replaces the plain editor. */
export type Caret = { from: number; to: number; focused: boolean };

type PlainCodeProps = {
  code: string;
  label: string;
  /** False until React runs: the server-rendered text is then static (and reads well without JavaScript). */
  hydrated: boolean;
  onChange(code: string): void;
  onRun(): void;
  onRunAndAdvance(): void;
  onLeave(): void;
  onReady(focus: () => void): () => void;
  /** Filled with the caret and focus right before CodeMirror replaces this editor. */
  caret: { current: Caret };
};

// CodeMirror's line height and vertical padding: the cell keeps its height when the editor takes over.
const surface = 'block w-full px-3 py-1 font-mono text-sm leading-[1.4] dark:bg-slate-950 dark:text-slate-100';

/**
 * The cell's code before CodeMirror arrives: server-rendered text, then (once hydrated) a plain
 * textarea with the same name and keys as the editor, so nothing a learner types is lost.
 */
export function PlainCode({ code, label, hydrated, onChange, onRun, onRunAndAdvance, onLeave, onReady, caret }: PlainCodeProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  // A layout effect: its cleanup runs before CodeMirror registers its own focus for this cell.
  useLayoutEffect(() => (hydrated ? onReady(() => area.current?.focus()) : undefined), [hydrated, onReady]);
  useLayoutEffect(
    () =>
      beforeEditorSwitch(() => {
        const element = area.current;
        if (element) caret.current = { from: element.selectionStart, to: element.selectionEnd, focused: document.activeElement === element };
      }),
    [caret],
  );

  if (!hydrated) {
    return (
      <pre role="group" aria-label={label} tabIndex={0} className={`${surface} overflow-x-auto`}>
        <code>{code}</code>
      </pre>
    );
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    loadEditor();
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      onRunAndAdvance();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
    }
  };

  return (
    <textarea
      ref={area}
      aria-label={label}
      value={code}
      rows={code.split('\n').length}
      wrap="off"
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      className={`${surface} resize-none overflow-x-auto bg-transparent whitespace-pre outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-inset`}
      onChange={(event) => onChange(event.target.value)}
      // Hover fetches the editor ahead of the click; press, focus and keys fetch it if not yet.
      onPointerEnter={loadEditor}
      onPointerDown={loadEditor}
      onFocus={loadEditor}
      onKeyDown={onKeyDown}
    />
  );
}
