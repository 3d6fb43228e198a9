/**
 * `npm run lesson:import -- path/to/notebook.ipynb [slug]`
 *
 * Turns an nbformat 4 Python notebook into `content/NN-slug/index.mdx` (the next free NN;
 * AWAITABLE_CONTENT_DIR names another course): Markdown cells become prose, code cells become
 * cells (ids from the cell's `id`, else `cell-N`), their text outputs the expected `output`
 * blocks, an error output `expect=error`. What cannot be imported (images, HTML, widgets,
 * IPython magics and shell escapes) is listed as a warning with its cell index, and marked in
 * the lesson. The slug defaults to the notebook's file name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { contentRoot } from '../../app/_lib/content/lesson-index';
import { parseNotebook } from './ipynb-schema';
import { notebookToMdx, type ImportWarning } from './ipynb-to-mdx';
import { assertSlug, planNewLesson, writeLessonFolder } from './lesson-folder';

export type NotebookImport = { file: string; warnings: ImportWarning[] };

/** `My Notebook (v2).ipynb` -> `my-notebook-v2`. */
export function slugFromFileName(file: string): string {
  return path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

export function importNotebook(root: string, notebookFile: string, slug: string = slugFromFileName(notebookFile)): NotebookImport {
  const name = path.relative(process.cwd(), notebookFile);
  let text: string;
  try {
    text = readFileSync(notebookFile, 'utf8');
  } catch (error) {
    throw new Error(`${name}: cannot read the notebook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const notebook = parseNotebook(text, name);
  const plan = planNewLesson(root, assertSlug(slug));
  const lesson = notebookToMdx(notebook, { id: slug, notebookName: path.basename(notebookFile), previousId: plan.previousId });
  const [file] = writeLessonFolder(plan.dir, { 'index.mdx': lesson.mdx });
  if (file === undefined) throw new Error(`${plan.dir}: nothing written`);
  return { file, warnings: lesson.warnings };
}

function main(args: string[]): number {
  const [notebookFile, slug, ...rest] = args;
  try {
    if (!notebookFile || rest.length > 0) throw new Error('usage: npm run lesson:import -- path/to/notebook.ipynb [slug]');
    const result = importNotebook(contentRoot(), notebookFile, slug);
    const name = path.relative(process.cwd(), notebookFile);
    for (const warning of result.warnings) console.warn(`warning: ${name}: cell ${warning.cell}: ${warning.message}`);
    const display = path.relative(process.cwd(), result.file);
    console.log(`created ${display}${result.warnings.length > 0 ? ` (${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})` : ''}`);
    console.log(`next: npm run lessons:check -- ${display}`);
    return 0;
  } catch (error) {
    console.error(`lesson:import: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
