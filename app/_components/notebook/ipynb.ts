/**
 * Builds an nbformat 4.5 notebook from a lesson's outline (its prose and cells in order) and the
 * learner's cells (their code and outputs), so the lesson opens in Jupyter as they left it.
 */
import type { OutlineItem } from '@/app/_lib/content/outline';
import type { CellSnapshot, OutputChunk } from './notebook-store';

type NotebookOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string[] }
  | { output_type: 'execute_result'; execution_count: number | null; data: { 'text/plain': string[] }; metadata: object }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

type NotebookCell =
  | { id: string; cell_type: 'markdown'; metadata: object; source: string[] }
  | {
      id: string;
      cell_type: 'code';
      metadata: object;
      source: string[];
      execution_count: number | null;
      outputs: NotebookOutput[];
    };

/** nbformat stores multi-line strings as lists of lines, each keeping its newline. */
export function toLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function errorOutput(traceback: string): NotebookOutput {
  const lines = traceback.trimEnd().split('\n');
  const last = lines.at(-1) ?? '';
  const colon = last.indexOf(': ');
  return {
    output_type: 'error',
    ename: colon > 0 ? last.slice(0, colon) : last,
    evalue: colon > 0 ? last.slice(colon + 2) : '',
    traceback: lines,
  };
}

function toOutputs(chunks: OutputChunk[], executionCount: number | null): NotebookOutput[] {
  return chunks.map((chunk): NotebookOutput => {
    switch (chunk.kind) {
      case 'stdout':
      case 'stderr':
        return { output_type: 'stream', name: chunk.kind, text: toLines(chunk.text) };
      case 'result':
        return { output_type: 'execute_result', execution_count: executionCount, data: { 'text/plain': toLines(chunk.text) }, metadata: {} };
      case 'error':
        return errorOutput(chunk.text);
      case 'notice':
        return { output_type: 'stream', name: 'stderr', text: toLines(`${chunk.text}\n`) };
    }
  });
}

export function buildNotebook(title: string, outline: OutlineItem[], cells: CellSnapshot[]) {
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  const notebookCells: NotebookCell[] = [
    { id: 'title', cell_type: 'markdown', metadata: {}, source: toLines(`# ${title}`) },
  ];
  outline.forEach((item, index) => {
    if (item.kind === 'markdown') {
      if (item.source.trim()) notebookCells.push({ id: `md-${index}`, cell_type: 'markdown', metadata: {}, source: toLines(item.source.trim()) });
      return;
    }
    const cell = byId.get(item.id);
    notebookCells.push({
      id: item.id,
      cell_type: 'code',
      metadata: {},
      source: toLines(cell?.code ?? item.source ?? ''),
      execution_count: cell?.executionCount ?? null,
      outputs: cell ? toOutputs(cell.outputs, cell.executionCount) : [],
    });
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python', version: '3.14' },
    },
    cells: notebookCells,
  };
}
