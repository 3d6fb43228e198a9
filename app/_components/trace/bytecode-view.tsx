'use client';

import { useMemo, useState } from 'react';
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import type { Bytecode, Instruction } from '@/runtime/trace/bytecode-schema';
import { functionViews, sourceLinesOf, type FunctionView } from './bytecode-layout';

const roleStyles: Record<NonNullable<Instruction['role']>, string> = {
  setup: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  await: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100',
  send: 'bg-fuchsia-100 text-fuchsia-900 dark:bg-fuchsia-900/50 dark:text-fuchsia-100',
  suspend: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  resume: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  cleanup: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  return: 'bg-indigo-100 text-indigo-900 dark:bg-indigo-900/50 dark:text-indigo-100',
};

/** `dis` of every function the cell defined: instructions grouped by line, coroutine opcodes highlighted. */
export function BytecodeView({ bytecode, words }: { bytecode: Bytecode; words: TraceStrings }) {
  const views = useMemo(() => functionViews(bytecode), [bytecode]);
  const [selected, setSelected] = useState(0);
  const view = views[selected] ?? views[0];
  if (!view) return <p className="my-0 text-sm">{words.bytecode.none}</p>;
  return (
    <div className="space-y-2 text-sm">
      <label className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-medium">{words.bytecode.functions}</span>
        <select
          value={selected}
          onChange={(event) => setSelected(Number(event.target.value))}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 font-mono dark:border-slate-600 dark:bg-slate-900"
        >
          {views.map((option, index) => (
            <option key={index} value={index}>
              {`${'  '.repeat(option.depth)}${option.qualname} (${words.bytecode.kind[option.kind]})`}
            </option>
          ))}
        </select>
        <span className="text-slate-500 dark:text-slate-400">{words.bytecode.highlighted(view.roleCount)}</span>
      </label>
      <FunctionListing key={selected} view={view} bytecode={bytecode} words={words} />
    </div>
  );
}

function FunctionListing({ view, bytecode, words }: { view: FunctionView; bytecode: Bytecode; words: TraceStrings }) {
  const [line, setLine] = useState<number | null>(null);
  const source = new Map(bytecode.source.map((entry) => [entry.line, entry.text]));
  const lines = sourceLinesOf(view);
  const linked = (target: number | null) => ({
    onPointerEnter: () => setLine(target),
    onPointerLeave: () => setLine(null),
    onFocus: () => setLine(target),
    onBlur: () => setLine(null),
  });
  const lit = (target: number | null) => target !== null && target === line;

  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section aria-label={`${words.bytecode.source}: ${view.qualname}`} className="overflow-x-auto rounded border border-slate-200 dark:border-slate-700">
        <ol className="my-0 list-none pl-0 font-mono text-xs">
          {lines.map((number) => (
            <li
              key={number}
              tabIndex={0}
              data-line={number}
              data-linked={lit(number) ? 'true' : undefined}
              aria-label={`${words.bytecode.line(number)}: ${source.get(number) ?? ''}`}
              className={`flex gap-2 px-2 leading-5 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${lit(number) ? 'bg-yellow-100 dark:bg-yellow-900/40' : ''}`}
              {...linked(number)}
            >
              <span className="w-6 shrink-0 text-right text-slate-500 select-none dark:text-slate-400">{number}</span>
              <span className="whitespace-pre">{source.get(number) ?? ''}</span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-label={`${words.tabs.bytecode}: ${view.qualname}`} className="max-h-[28rem] overflow-auto rounded border border-slate-200 dark:border-slate-700">
        {view.groups.map((group, groupIndex) => (
          <div key={groupIndex} className={`border-b border-slate-100 px-2 py-1 last:border-0 dark:border-slate-800 ${lit(group.line) ? 'bg-yellow-50 dark:bg-yellow-900/20' : ''}`}>
            <p className="my-0 font-mono text-[11px] text-slate-500 dark:text-slate-400">
              {group.line === null ? words.bytecode.noLine : `${words.bytecode.line(group.line)}: ${group.text?.trim() ?? ''}`}
            </p>
            <ol className="my-0 list-none pl-0 font-mono text-xs">
              {group.instructions.map((instruction) => (
                <InstructionRow key={instruction.offset} instruction={instruction} words={words} linked={linked(group.line)} />
              ))}
            </ol>
          </div>
        ))}
      </section>
    </div>
  );
}

type RowProps = { instruction: Instruction; words: TraceStrings; linked: Record<string, () => void> };

function InstructionRow({ instruction, words, linked }: RowProps) {
  const { role } = instruction;
  const argument = instruction.argrepr || (instruction.arg === null ? '' : String(instruction.arg));
  const name = `${instruction.offset} ${instruction.opname} ${argument}`.trim();
  const label = role ? `${name}: ${words.bytecode.role[role]}${instruction.note ? `. ${instruction.note}` : ''}` : name;
  return (
    <li
      tabIndex={role ? 0 : -1}
      aria-label={label}
      data-role={role ?? undefined}
      data-line={instruction.line ?? undefined}
      className="flex flex-wrap items-baseline gap-x-2 rounded px-1 leading-5 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
      {...linked}
    >
      <span className="w-8 shrink-0 text-right text-slate-500 dark:text-slate-400">{instruction.isJumpTarget ? '>>' : ''}{instruction.offset}</span>
      <span className={role ? `rounded px-1 font-semibold ${roleStyles[role]}` : ''}>{instruction.opname}</span>
      <span className="text-slate-500 dark:text-slate-400">{argument}</span>
      {role ? <span className="basis-full pl-10 font-sans text-[11px] text-slate-600 dark:text-slate-300">{words.bytecode.role[role]}{instruction.note ? ` — ${instruction.note}` : ''}</span> : null}
    </li>
  );
}
