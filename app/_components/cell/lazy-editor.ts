'use client';

import { useSyncExternalStore, type ComponentType } from 'react';
import type { CodeEditorProps } from './code-editor';

type Editor = ComponentType<CodeEditorProps>;

/**
 * CodeMirror (~130 KB gzip) is fetched on a learner's first hover, click, focus or key on any
 * cell's code, not with the page; once here every cell switches to it at once.
 */
let editor: Editor | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();
const beforeSwitch = new Set<() => void>();

export function loadEditor(): void {
  loading ??= import('./code-editor').then(
    (module) => {
      editor = module.CodeEditor;
      // Same task as the switch: a caret read here is the one CodeMirror starts with.
      for (const callback of beforeSwitch) callback();
      for (const listener of listeners) listener();
    },
    (error: unknown) => {
      // Offline or a new deployment: the plain editor keeps working; the next interaction retries.
      loading = null;
      console.error('The code editor could not be loaded', error);
    },
  );
}

/** Calls `callback` right before every cell switches to CodeMirror (while the plain editors are still there). */
export function beforeEditorSwitch(callback: () => void): () => void {
  beforeSwitch.add(callback);
  return () => beforeSwitch.delete(callback);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The CodeMirror editor component once loaded, else null (also while hydrating). */
export function useLazyEditor(): Editor | null {
  return useSyncExternalStore(
    subscribe,
    () => editor,
    () => null,
  );
}
