import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PythonSources } from '../kernel-core';

/** runtime/python, the one source of the kernel's Python side (the browser build embeds the same files). */
export const PYTHON_DIR = fileURLToPath(new URL('../python/', import.meta.url));

export function readPythonSources(root: string = PYTHON_DIR): PythonSources {
  const sources: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.py')) continue;
    const path = `${entry.parentPath}/${entry.name}`;
    sources[path.slice(root.length).replace(/^\/+/, '')] = readFileSync(path, 'utf8');
  }
  return sources;
}
