'use client';

import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Caret } from './plain-code';

export type CodeEditorProps = {
  code: string;
  label: string;
  onChange(code: string): void;
  /** Shift+Enter: run, then move on to the next cell. */
  onRunAndAdvance(): void;
  /** Ctrl/Cmd+Enter: run and stay. */
  onRun(): void;
  /** Escape: leave the editor (Tab inside it indents). */
  onLeave(): void;
  /** Hands out a way to focus the editor; the returned function is called when it goes away. */
  onReady(focus: () => void): () => void;
  /** Names from the live kernel; null when it cannot answer (busy, not started). */
  complete(code: string, cursor: number): Promise<{ from: number; matches: string[] } | null>;
  /** The plain editor's caret: CodeMirror starts with that selection, and focus if it had it. */
  start?: Caret;
};

/** Marks changes made from outside (restore, reset) so they are not echoed back as edits. */
const external = Annotation.define<boolean>();

/** CodeMirror 6 editor; created in an effect because it needs the DOM. Loaded lazily (lazy-editor.ts). */
export function CodeEditor({ code, label, onChange, onRunAndAdvance, onRun, onLeave, onReady, complete, start }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const callbacks = useRef({ onChange, onRunAndAdvance, onRun, onLeave, complete });
  callbacks.current = { onChange, onRunAndAdvance, onRun, onLeave, complete };

  /** Kernel names, offered for the segment after the last dot (`asyncio.ga|` offers `gather`). */
  async function kernelCompletions(context: CompletionContext): Promise<CompletionResult | null> {
    const word = context.matchBefore(/[A-Za-z_][\w.]*$/);
    if (!word && !context.explicit) return null;
    const found = await callbacks.current.complete(context.state.doc.toString(), context.pos);
    if (!found || found.matches.length === 0) return null;
    const typed = context.state.sliceDoc(found.from, context.pos);
    const segmentStart = found.from + typed.lastIndexOf('.') + 1;
    return {
      from: segmentStart,
      options: found.matches.map((match) => ({ label: match.slice(match.lastIndexOf('.') + 1), type: 'variable' })),
      validFor: /^\w*$/,
    };
  }

  // A layout effect: it replaces the plain editor in the same commit, so no key press falls between.
  useLayoutEffect(() => {
    if (!host.current) return;
    const clamp = (at: number) => Math.max(0, Math.min(at, code.length));
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: code,
        extensions: [
          lineNumbers(),
          history(),
          indentOnInput(),
          bracketMatching(),
          python(),
          autocompletion({ override: [kernelCompletions], activateOnTypingDelay: 150 }),
          syntaxHighlighting(classHighlighter),
          keymap.of([
            { key: 'Shift-Enter', run: () => (callbacks.current.onRunAndAdvance(), true) },
            { key: 'Mod-Enter', run: () => (callbacks.current.onRun(), true) },
            { key: 'Escape', run: () => (callbacks.current.onLeave(), true) },
            ...defaultKeymap,
            ...historyKeymap,
            indentWithTab,
          ]),
          // An explicit tabindex (the same single tab stop) tells checkers like axe that a code
          // line too wide for the cell can still be scrolled from the keyboard.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            const fromOutside = update.transactions.some((transaction) => transaction.annotation(external));
            if (update.docChanged && !fromOutside) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    if (start?.focused) {
      created.focus();
      // After focus: focusing the content first would put the browser's caret (and so CodeMirror's) at the start.
      created.dispatch({ selection: { anchor: clamp(start.from), head: clamp(start.to) }, annotations: external.of(true) });
    }
    const forget = onReady(() => created.focus());
    return () => {
      forget();
      created.destroy();
      view.current = null;
    };
    // The editor owns its document after creation; `code` changes arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current || current.state.doc.toString() === code) return;
    current.dispatch({
      changes: { from: 0, to: current.state.doc.length, insert: code },
      annotations: external.of(true),
    });
  }, [code]);

  return <div ref={host} data-testid="code-editor" />;
}
