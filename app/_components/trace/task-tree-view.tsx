'use client';

import { useMemo, useRef, type KeyboardEvent } from 'react';
import type { TraceStrings } from '@/app/_lib/i18n/trace-strings';
import type { StepEvent } from '@/runtime/trace/trace-schema';
import { taskTree, type TaskTreeNode } from './loop-steps';

const stateStyles: Record<TaskTreeNode['task']['state'], string> = {
  running: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-100',
  ready: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  waiting: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  done: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
};

type Props = { step: StepEvent | undefined; stepCount: number; coroNames: Map<number, string>; words: TraceStrings };

/** The awaited-by tree at one loop step (role=tree): each task, what it is doing, and its stack. */
export function TaskTreeView({ step, stepCount, coroNames, words }: Props) {
  const t = words.tree;
  const forest = useMemo(() => (step ? taskTree(step.tasks) : []), [step]);
  const tree = useRef<HTMLUListElement>(null);
  if (!step) return <p className="my-0 text-sm">{words.steps.none}</p>;

  // Up and Down move between the visible items (the tree is always expanded).
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const items = [...(tree.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const at = items.findIndex((item) => item === document.activeElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    const target = items[Math.min(Math.max(next, 0), items.length - 1)];
    if (!target) return;
    event.preventDefault();
    for (const item of items) item.tabIndex = item === target ? 0 : -1;
    target.focus();
  };

  return (
    <div className="space-y-2 text-sm">
      <p className="my-0 text-xs text-slate-500 dark:text-slate-400">{t.atStep(step.n, stepCount)}</p>
      {forest.length === 0 ? <p className="my-0">{t.none}</p> : null}
      <ul ref={tree} role="tree" aria-label={t.label} onKeyDown={onKeyDown} className="list-none space-y-1 pl-0">
        {forest.map((node, index) => (
          <TreeItem key={node.task.task} node={node} level={1} first={index === 0} coroNames={coroNames} words={words} />
        ))}
      </ul>
      {step.tasksMore > 0 ? <p className="my-0 text-xs">{t.more(step.tasksMore)}</p> : null}
    </div>
  );
}

type ItemProps = { node: TaskTreeNode; level: number; first: boolean; coroNames: Map<number, string>; words: TraceStrings };

function TreeItem({ node, level, first, coroNames, words }: ItemProps) {
  const { task } = node;
  const label = coroNames.get(task.task) ?? task.name;
  const hasChildren = node.children.length > 0;
  return (
    <li
      role="treeitem"
      aria-level={level}
      aria-expanded={hasChildren ? true : undefined}
      tabIndex={first && level === 1 ? 0 : -1}
      className="list-none rounded leading-5 outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
    >
      <div className="flex flex-wrap items-baseline gap-2 rounded border border-slate-200 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900">
        <span className="font-mono font-medium">{label}</span>
        <span className={`rounded px-1.5 text-xs ${stateStyles[task.state]}`}>{words.tree.state[task.state]}</span>
        {task.stack.length > 0 ? (
          <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
            <span className="sr-only">{words.tree.stack}: </span>
            {task.stack.map((frame) => `${frame.name}${frame.line === null ? '' : `:${frame.line}`}`).join(' → ')}
          </span>
        ) : null}
      </div>
      {hasChildren ? (
        <ul role="group" className="mt-1 ml-5 list-none space-y-1 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          {node.children.map((child) => (
            <TreeItem key={child.task.task} node={child} level={level + 1} first={false} coroNames={coroNames} words={words} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
