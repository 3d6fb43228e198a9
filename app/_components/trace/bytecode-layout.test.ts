// The bytecode view groups instructions under the source line they came from.
import { describe, expect, it } from 'vitest';
import type { Bytecode, Instruction } from '@/runtime/trace/bytecode-schema';
import { functionViews, groupByLine, sourceLinesOf } from './bytecode-layout';

const op = (offset: number, opname: string, line: number | null, role: Instruction['role'] = null): Instruction => ({
  offset,
  opname,
  arg: null,
  argrepr: '',
  line,
  isJumpTarget: false,
  role,
});

const source = [
  { line: 1, text: 'async def fetch():' },
  { line: 2, text: '    await asyncio.sleep(1)' },
];

describe('groupByLine', () => {
  it('groups consecutive instructions of a line, and lineless ones with the group before', () => {
    const groups = groupByLine([op(0, 'RETURN_GENERATOR', 1, 'setup'), op(2, 'POP_TOP', 1, 'setup'), op(4, 'LOAD_GLOBAL', 2), op(6, 'GET_AWAITABLE', 2, 'await'), op(8, 'CACHE', null)], source);
    expect(groups.map((group) => [group.line, group.text, group.instructions.length])).toEqual([
      [1, 'async def fetch():', 2],
      [2, '    await asyncio.sleep(1)', 3],
    ]);
  });
});

describe('functionViews', () => {
  it('lists nested code objects after their parent, counting highlighted instructions', () => {
    const bytecode: Bytecode = {
      format: 'awaitable-bytecode',
      version: 1,
      python: '3.14.2',
      filename: '<cell-1>',
      source,
      functions: [
        {
          name: 'fetch',
          qualname: 'fetch',
          firstLine: 1,
          kind: 'coroutine',
          flags: ['CO_COROUTINE'],
          instructions: [op(0, 'RETURN_GENERATOR', 1, 'setup'), op(4, 'GET_AWAITABLE', 2, 'await'), op(6, 'LOAD_CONST', 2)],
          children: [{ name: 'inner', qualname: 'fetch.<locals>.inner', firstLine: 2, kind: 'function', flags: [], instructions: [op(0, 'RETURN_VALUE', 2, 'return')], children: [] }],
        },
      ],
    };
    const views = functionViews(bytecode);
    expect(views.map((view) => [view.qualname, view.depth, view.roleCount])).toEqual([
      ['fetch', 0, 2],
      ['fetch.<locals>.inner', 1, 1],
    ]);
    expect(sourceLinesOf(views[0]!)).toEqual([1, 2]);
  });
});
