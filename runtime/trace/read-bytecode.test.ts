// Reading the kernel's bytecode description: nested code objects, clear errors naming the field.
import { describe, expect, it } from 'vitest';
import { BytecodeFormatError, codeObjectsOf, parseBytecodeJson } from './read-bytecode';

const instruction = (offset: number, opname: string, role: string | null) => ({
  offset,
  opname,
  arg: null,
  argrepr: '',
  line: 2,
  isJumpTarget: false,
  role,
  ...(role && { note: `${opname} does its job.` }),
});
const bytecode = {
  format: 'awaitable-bytecode',
  version: 1,
  python: '3.14.2',
  filename: '<cell-1>',
  source: [{ line: 1, text: 'async def outer():' }, { line: 2, text: '    async def inner(): pass' }],
  functions: [
    {
      name: 'outer',
      qualname: 'outer',
      firstLine: 1,
      kind: 'coroutine',
      flags: ['CO_COROUTINE'],
      instructions: [instruction(0, 'RETURN_GENERATOR', 'setup')],
      children: [
        { name: 'inner', qualname: 'outer.<locals>.inner', firstLine: 2, kind: 'coroutine', flags: [], instructions: [instruction(0, 'RESUME', 'resume')], children: [] },
      ],
    },
  ],
};

describe('reading bytecode', () => {
  it('reads nested code objects depth-first', () => {
    const parsed = parseBytecodeJson(JSON.stringify(bytecode), 'cell.json');
    expect(codeObjectsOf(parsed).map((code) => code.qualname)).toEqual(['outer', 'outer.<locals>.inner']);
  });

  it('names the nested field that is wrong', () => {
    const [outer] = bytecode.functions;
    const broken = { ...bytecode, functions: [{ ...outer, children: [{ ...outer?.children[0], kind: 'thread' }] }] };
    expect(() => parseBytecodeJson(JSON.stringify(broken), 'cell.json')).toThrow(BytecodeFormatError);
    expect(() => parseBytecodeJson(JSON.stringify(broken), 'cell.json')).toThrow(/→ at functions\[0\]\.children\[0\]\.kind/);
  });

  it('refuses another version', () => {
    expect(() => parseBytecodeJson(JSON.stringify({ ...bytecode, version: 2 }), 'cell.json')).toThrow(
      'cell.json is version 2; this reader knows version 1',
    );
  });
});
