/**
 * The bytecode view's rows: every code object a cell defined (nested ones after their parent),
 * each with its instructions grouped by the source line they came from. Pure: no React.
 */
import type { Bytecode, CodeObject, Instruction } from '@/runtime/trace/bytecode-schema';

export type LineGroup = {
  /** The source line (1-based), or null for instructions with none. */
  line: number | null;
  text: string | null;
  instructions: Instruction[];
};

export type FunctionView = {
  qualname: string;
  kind: CodeObject['kind'];
  firstLine: number;
  depth: number;
  groups: LineGroup[];
  /** How many instructions have a coroutine role (what the view highlights). */
  roleCount: number;
};

/** Consecutive instructions of one line form a group; an instruction without a line joins the group before it. */
export function groupByLine(instructions: Instruction[], source: Bytecode['source']): LineGroup[] {
  const text = new Map(source.map((line) => [line.line, line.text]));
  const groups: LineGroup[] = [];
  for (const instruction of instructions) {
    const last = groups.at(-1);
    if (last && (instruction.line === null || instruction.line === last.line)) {
      last.instructions.push(instruction);
      continue;
    }
    groups.push({ line: instruction.line, text: instruction.line === null ? null : (text.get(instruction.line) ?? null), instructions: [instruction] });
  }
  return groups;
}

/** Every code object, depth-first in source order, as rows of line groups. */
export function functionViews(bytecode: Bytecode): FunctionView[] {
  const views: FunctionView[] = [];
  const visit = (code: CodeObject, depth: number) => {
    views.push({
      qualname: code.qualname,
      kind: code.kind,
      firstLine: code.firstLine,
      depth,
      groups: groupByLine(code.instructions, bytecode.source),
      roleCount: code.instructions.filter((instruction) => instruction.role !== null).length,
    });
    for (const child of code.children) visit(child, depth + 1);
  };
  for (const code of bytecode.functions) visit(code, 0);
  return views;
}

/** The source lines a function's instructions come from, in order (for the source pane). */
export function sourceLinesOf(view: FunctionView): number[] {
  return [...new Set(view.groups.flatMap((group) => (group.line === null ? [] : [group.line])))].sort((a, b) => a - b);
}
