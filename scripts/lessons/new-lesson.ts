/**
 * `npm run lesson:new -- my-slug [--zh]`
 *
 * Scaffolds `content/NN-my-slug/index.mdx` (the next free NN; AWAITABLE_CONTENT_DIR names another
 * course): frontmatter with `id: my-slug` and the last lesson as prerequisite, a cell with its
 * expected output, a quiz, an exercise and a recap, all passing `npm run lessons:check -- my-slug`.
 * `--zh` writes `index.zh.mdx` beside it. Refuses a bad slug and a slug or id already taken.
 */
import path from 'node:path';
import { contentRoot } from '../../app/_lib/content/lesson-index';
import { assertSlug, planNewLesson, splitArguments, writeLessonFolder } from './lesson-folder';
import { chineseLesson, englishLesson } from './lesson-template';

export function newLesson(root: string, slug: string, options: { zh: boolean }): string[] {
  const plan = planNewLesson(root, assertSlug(slug));
  const input = { id: slug, previousId: plan.previousId };
  const files: Record<string, string> = { 'index.mdx': englishLesson(input) };
  if (options.zh) files['index.zh.mdx'] = chineseLesson(input);
  return writeLessonFolder(plan.dir, files);
}

function main(args: string[]): number {
  const { flags, positional } = splitArguments(args);
  const unknown = [...flags].filter((flag) => flag !== '--zh');
  try {
    if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(', ')} (only --zh)`);
    if (positional.length > 1) throw new Error(`give one slug, not ${positional.length}: ${positional.join(' ')}`);
    const written = newLesson(contentRoot(), positional[0] ?? '', { zh: flags.has('--zh') });
    for (const file of written) console.log(`created ${path.relative(process.cwd(), file)}`);
    console.log(`next: edit it, then npm run lessons:check -- ${positional[0]}`);
    return 0;
  } catch (error) {
    console.error(`lesson:new: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
