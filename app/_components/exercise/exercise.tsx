import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import { ExerciseView } from './exercise-view';
import { Hint } from './hint';
import { Solution } from './solution';

/** C1's props: `starter` and `check` are the code of the fences the pipeline took out. */
export type ExerciseProps = { id: string; title: string; starter: string; check: string; timeout?: string; children?: ReactNode };

function isHint(node: ReactNode): node is ReactElement<{ index?: number }> {
  return isValidElement(node) && node.type === Hint;
}

/**
 * Sorts the exercise's MDX children on the server: the prose states the task above the editor;
 * hints (numbered here, so "Show hint 1 of 3" is right before any script runs) and the solution
 * go below it.
 */
export function Exercise({ id, title, starter, check, timeout, children }: ExerciseProps) {
  const prose: ReactNode[] = [];
  const hints: ReactElement[] = [];
  const solution: ReactNode[] = [];
  for (const child of Children.toArray(children)) {
    if (isHint(child)) hints.push(cloneElement(child, { index: hints.length }));
    else if (isValidElement(child) && child.type === Solution) solution.push(child);
    else prose.push(child);
  }
  return (
    <ExerciseView
      id={id}
      title={title}
      starter={starter}
      check={check}
      timeout={timeout}
      hintCount={hints.length}
      prose={prose}
      hints={hints}
      solution={solution}
    />
  );
}
