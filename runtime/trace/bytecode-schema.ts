/**
 * The bytecode of the functions a cell defined, as the kernel's `awaitable_kernel.bytecode`
 * produces it from `dis` (docs/TRACE.md, "Bytecode"). Versioned like the trace: a reader
 * refuses another format or version rather than misreading it.
 */
// zod/mini: the page bundles this file (the bytecode view).
import * as z from 'zod/mini';

export const BYTECODE_FORMAT = 'awaitable-bytecode';
export const BYTECODE_VERSION = 1;

const name = z.string().check(z.maxLength(4096));

/** What an opcode does for a coroutine; the UI highlights instructions with a role. */
export const InstructionRole = z.enum(['setup', 'await', 'send', 'suspend', 'resume', 'cleanup', 'return']);

export const Instruction = z.object({
  offset: z.int(),
  opname: name,
  arg: z.nullable(z.int()),
  argrepr: name,
  /** Source line in the cell (1-based), null for none. */
  line: z.nullable(z.int()),
  isJumpTarget: z.boolean(),
  /** Set for the opcodes that make a coroutine a coroutine. */
  role: z.nullable(InstructionRole),
  /** One sentence for a learner: what this opcode does here (set when role is set). */
  note: z.optional(name),
});

export type Instruction = z.infer<typeof Instruction>;
export type InstructionRole = z.infer<typeof InstructionRole>;

export type CodeObject = {
  name: string;
  qualname: string;
  firstLine: number;
  kind: 'coroutine' | 'async generator' | 'generator' | 'function';
  /** e.g. ['CO_OPTIMIZED', 'CO_NEWLOCALS', 'CO_COROUTINE']. */
  flags: string[];
  instructions: Instruction[];
  /** Code objects nested in this one (inner defs, lambdas, comprehensions), depth-first in source order. */
  children: CodeObject[];
};

export const CodeObject: z.ZodMiniType<CodeObject> = z.object({
  name,
  qualname: name,
  firstLine: z.int(),
  kind: z.enum(['coroutine', 'async generator', 'generator', 'function']),
  flags: z.array(name),
  instructions: z.array(Instruction),
  get children() {
    return z.array(CodeObject);
  },
});

export const Bytecode = z.object({
  format: z.literal(BYTECODE_FORMAT),
  version: z.literal(BYTECODE_VERSION),
  /** The kernel's Python version (`3.14.2`). */
  python: name,
  /** The cell's file name, `<cell-N>`. */
  filename: name,
  /** The cell's lines, numbered from 1. */
  source: z.array(z.object({ line: z.int(), text: z.string() })),
  /** Every function the cell's code defined at top level (classes' methods included), in source order. */
  functions: z.array(CodeObject),
});

export type Bytecode = z.infer<typeof Bytecode>;
