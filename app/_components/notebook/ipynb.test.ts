import { describe, expect, it } from 'vitest';
import { buildNotebook, toLines } from './ipynb';
import type { CellSnapshot } from './notebook-store';

const cell = (overrides: Partial<CellSnapshot>): CellSnapshot => ({
  id: 'c',
  timeoutMs: 30_000,
  originalCode: '',
  code: '',
  kernel: 'browser',
  setup: false,
  expectError: false,
  serverEnd: null,
  state: 'idle',
  executionCount: null,
  outputs: [],
  elapsedMs: null,
  inputPrompt: null,
  ...overrides,
});

describe('buildNotebook', () => {
  it('keeps prose and cells in lesson order, with the learner code, counts and outputs', () => {
    const notebook = buildNotebook(
      'Coroutines',
      [
        { kind: 'markdown', source: 'Intro *text*.\n\n' },
        { kind: 'code', id: 'first' },
        { kind: 'markdown', source: '  \n' },
        { kind: 'code', id: 'second' },
      ],
      [
        cell({
          id: 'first',
          code: 'print("hi")\n1 + 1',
          executionCount: 1,
          state: 'ok',
          outputs: [
            { kind: 'stdout', text: 'hi\n' },
            { kind: 'result', text: '2' },
          ],
        }),
        cell({
          id: 'second',
          code: '1 / 0',
          executionCount: 2,
          state: 'error',
          outputs: [{ kind: 'error', text: 'Traceback (most recent call last):\n  File "<cell-2>", line 1\nZeroDivisionError: division by zero' }],
        }),
      ],
    );
    expect(notebook).toMatchObject({ nbformat: 4, nbformat_minor: 5 });
    expect(notebook.cells.map((item) => [item.id, item.cell_type])).toEqual([
      ['title', 'markdown'],
      ['md-0', 'markdown'],
      ['first', 'code'],
      ['second', 'code'],
    ]);
    expect(notebook.cells[2]).toEqual({
      id: 'first',
      cell_type: 'code',
      metadata: {},
      source: ['print("hi")\n', '1 + 1'],
      execution_count: 1,
      outputs: [
        { output_type: 'stream', name: 'stdout', text: ['hi\n'] },
        { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': ['2'] }, metadata: {} },
      ],
    });
    expect(notebook.cells[3]).toMatchObject({
      outputs: [{ output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero' }],
    });
  });

  it('splits text into lines that keep their newlines', () => {
    expect(toLines('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(toLines('a\n\nb')).toEqual(['a\n', '\n', 'b']);
    expect(toLines('')).toEqual([]);
  });
});
