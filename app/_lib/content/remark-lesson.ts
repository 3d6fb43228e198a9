import type { Root } from 'mdast';
import type { LessonCollector } from './lesson-model';
import type { OutlinePlacement } from './outline';
import { validateComponents } from './remark-components';
import { transformExercises } from './remark-exercises';
import { transformCells } from './remark-python-cells';

export type RemarkLessonOptions = {
  /** Project-relative path, the start of every error message. */
  file: string;
  /** The lesson's whole source (frontmatter included: node offsets count from its start). */
  source: string;
  collector: LessonCollector;
  placements: OutlinePlacement[];
};

/**
 * The lesson vocabulary (docs/AUTHORING.md) as one remark plugin: validate the components,
 * then turn exercises and python fences into elements, collecting the lesson's model on the way.
 */
export function remarkLesson(options: RemarkLessonOptions) {
  return (tree: Root) => {
    validateComponents(tree, options.file, options.collector);
    transformExercises(tree, options);
    transformCells(tree, options);
  };
}
