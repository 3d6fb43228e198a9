/** Checks one lesson file: frontmatter, compile (the page's own pipeline), translation ids, then runs it. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileLessonFile } from '../../app/_lib/content/compile-mdx';
import { parseLessonFrontmatter } from '../../app/_lib/content/frontmatter';
import { readFrontmatterData } from '../../app/_lib/content/lesson-index';
import type { LessonModel } from '../../app/_lib/content/lesson-model';
import { NodeKernel } from '../../runtime/node/node-kernel';
import { runLessonModel, type Finding, type LessonRun } from './run-lesson';
import type { RunLock } from './run-lock';
import type { SandboxAvailability } from './sandbox-loader';
import type { LessonFile } from './select-lessons';

export type FileCheck = LessonRun & { file: LessonFile; seconds: number };
export type FileCheckOptions = {
  server: () => Promise<SandboxAvailability>;
  allowNoServer: boolean;
  /** Shared by the files checked at once: browser cells share turns, server cells run alone. */
  lock: RunLock;
};

/** `content/x.mdx:7: message` from an error that names the file; otherwise the error at line 1. */
function findingsFromError(file: LessonFile, error: unknown): Finding[] {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^MDX compile failed:\n/, '');
  return text.split(/\n(?=\S)/).map((entry) => {
    const match = /^(.+?):(\d+)(?::\d+)?: ([\s\S]*)$/.exec(entry);
    if (match && match[1] === file.displayPath) return { file: file.displayPath, line: Number(match[2]), subject: 'lesson', message: match[3] ?? '' };
    return { file: file.displayPath, line: 1, subject: 'lesson', message: entry.startsWith(`${file.displayPath}: `) ? entry.slice(file.displayPath.length + 2) : entry };
  });
}

function idsOf(model: LessonModel): string[] {
  return [...model.items.map((item) => `${item.kind} ${item.id}`), ...model.quizIds.map((id) => `quiz ${id}`)];
}

/** A translation must keep every cell, exercise and quiz id of its English lesson. */
async function translationFindings(file: LessonFile, model: LessonModel): Promise<Finding[]> {
  const english = path.join(path.dirname(file.file), 'index.mdx');
  let base: LessonModel;
  try {
    base = (await compileLessonFile(english, path.relative(process.cwd(), english))).model;
  } catch {
    return []; // The English file's own check reports its error.
  }
  const mine = new Set(idsOf(model));
  const theirs = new Set(idsOf(base));
  const missing = [...theirs].filter((id) => !mine.has(id));
  const extra = [...mine].filter((id) => !theirs.has(id));
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `not in index.mdx: ${extra.join(', ')}` : ''].filter(Boolean);
  return [{ file: file.displayPath, line: 1, subject: 'lesson', message: `ids differ from the English lesson (${parts.join('; ')})` }];
}

export async function checkLessonFile(file: LessonFile, options: FileCheckOptions): Promise<FileCheck> {
  const started = performance.now();
  const finish = (run: LessonRun): FileCheck => ({ ...run, file, seconds: (performance.now() - started) / 1000 });
  let model: LessonModel;
  try {
    const source = await readFile(file.file, 'utf8');
    parseLessonFrontmatter(readFrontmatterData(source, file.displayPath), file.displayPath, source);
    model = (await compileLessonFile(file.file, file.displayPath)).model;
  } catch (error) {
    return finish({ passed: 0, failures: findingsFromError(file, error), warnings: [], timings: [] });
  }
  const translation = file.language === 'en' ? [] : await translationFindings(file, model);
  const unnamed = model.items.flatMap((item) =>
    item.kind === 'cell' && !item.idGiven
      ? [{ file: file.displayPath, line: item.line, subject: `cell ${item.id}`, message: 'give the cell a stable id= (progress and saved edits are keyed by it; a number shifts when cells move)' }]
      : [],
  );
  const kernel = new NodeKernel();
  const { lock, allowNoServer } = options;
  const server = async (): Promise<SandboxAvailability> => {
    const availability = await options.server();
    if (!availability.available) return availability;
    const { sandbox } = availability;
    return { available: true, sandbox: { run: (request, onEvent) => lock.exclusive(() => sandbox.run(request, onEvent)) } };
  };
  try {
    const booting = performance.now();
    // A kernel that cannot start fails every cell with its reason (KernelUnavailable).
    await lock.shared(() => kernel.start()).catch(() => undefined);
    const boot = { subject: 'kernel start', seconds: (performance.now() - booting) / 1000 };
    const run = await runLessonModel(model, { kernel: { run: (code, runOptions) => lock.shared(() => kernel.run(code, runOptions)) }, server, allowNoServer });
    return finish({ ...run, failures: [...translation, ...run.failures], warnings: [...unnamed, ...run.warnings], timings: [boot, ...run.timings] });
  } finally {
    kernel.dispose();
  }
}
