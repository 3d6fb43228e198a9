import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { LessonCollector, type LessonModel } from './lesson-model';
import { outlineLesson, type OutlineItem, type OutlinePlacement } from './outline';
import { remarkCjkLineBreaks } from './remark-cjk-line-breaks';
import { remarkLesson } from './remark-lesson';

export type CompiledLesson = {
  code: string;
  frontmatter: Record<string, unknown>;
  outline: OutlineItem[];
  /** The lesson's exercises, in page order (a lesson is complete when all are passed). */
  exerciseIds: string[];
  /** Cells and exercises as the lesson runs them (for `npm run lessons:check`). */
  model: LessonModel;
};

type EsbuildMessage = { text: string; location?: { file: string; line: number; column: number } | null };

function isBuildFailure(error: unknown): error is { errors: EsbuildMessage[] } {
  return typeof error === 'object' && error !== null && 'errors' in error && Array.isArray(error.errors);
}

/** Rewrites an MDX/esbuild error so it names the lesson file and line, like a compiler would. */
export function describeCompileError(error: unknown, displayPath: string): Error {
  if (isBuildFailure(error) && error.errors.length > 0) {
    const lines = error.errors.map((message) => {
      const at = message.location ? `:${message.location.line}:${message.location.column + 1}` : '';
      // The MDX plugin repeats its own preamble and position; keep only the reason.
      const reason = message.text
        .replace(/^Cannot process MDX file with esbuild:\s*(\d+:\d+(-\d+:\d+)?:\s*)?/, '')
        .replace(/^Error: /, '');
      // Our own plugins already name the file and line.
      return reason.startsWith(displayPath) ? reason : `${displayPath}${at}: ${reason}`;
    });
    return new Error(`MDX compile failed:\n${lines.join('\n')}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.startsWith(displayPath) ? message : `${displayPath}: ${message}`);
}

export async function compileLessonFile(file: string, displayPath: string): Promise<CompiledLesson> {
  const source = await readFile(/* turbopackIgnore: true */ file, 'utf8');
  const placements: OutlinePlacement[] = [];
  const collector = new LessonCollector(displayPath);
  try {
    const result = await bundleMDX({
      source,
      cwd: path.dirname(file),
      esbuildOptions(options) {
        // Errors are rethrown below with the lesson's path; esbuild's own report would repeat them.
        options.logLevel = 'silent';
        return options;
      },
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), [remarkLesson, { file: displayPath, source, collector, placements }], remarkCjkLineBreaks];
        return options;
      },
    });
    const model = collector.model();
    return {
      code: result.code,
      frontmatter: result.frontmatter,
      outline: outlineLesson(source, placements),
      exerciseIds: model.items.flatMap((item) => (item.kind === 'exercise' ? [item.id] : [])),
      model,
    };
  } catch (error) {
    throw describeCompileError(error, displayPath);
  }
}

/**
 * esbuild is memory-hungry: compile one lesson at a time, and remember each result by file
 * and modification time so a rebuild or a dev reload only recompiles what changed.
 */
const cache = new Map<string, { mtimeMs: number; compiled: Promise<CompiledLesson> }>();
let queue: Promise<unknown> = Promise.resolve();

export async function compileLessonCached(file: string, displayPath: string): Promise<CompiledLesson> {
  const { mtimeMs } = await stat(/* turbopackIgnore: true */ file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.compiled;
  const compiled = queue.then(() => compileLessonFile(file, displayPath));
  queue = compiled.catch(() => undefined);
  cache.set(file, { mtimeMs, compiled });
  compiled.catch(() => cache.delete(file));
  return compiled;
}
