/**
 * `npm run lessons:check -- [path-or-slug ...] [--lang zh|en] [--jobs N]`
 *
 * Compiles each lesson (both languages) with the page's own pipeline, then runs it as a learner
 * would, in a fresh Node kernel per file: cells in page order, compared with their ```output
 * blocks (`...` matches anything); `expect=error` cells must raise, others must not; each
 * exercise's starter must fail its check and its solution must pass it. Server cells
 * (`kernel=server`) run in the sandbox (runtime/server/sandbox.ts) when it is available;
 * otherwise they fail, or only warn with AWAITABLE_LESSONS_ALLOW_NO_SERVER=1. Two files run at
 * once (`--jobs`); a server cell runs alone, so its timings have the machine to themselves.
 *
 *   npm run lessons:check                        every lesson, both languages
 *   npm run lessons:check -- event-loop          one lesson (slug, folder name or path)
 *   npm run lessons:check -- content/03-event-loop/index.zh.mdx
 *   npm run lessons:check -- --lang zh           every Chinese lesson
 *
 * Failures read `content/NN-x/index.mdx:LINE: cell ID: what differs`; exit status 1 if any.
 * AWAITABLE_CONTENT_DIR checks another course (the e2e fixture course, the test fixtures).
 */
import { readCourse, contentRoot } from '../../app/_lib/content/lesson-index';
import { checkLessonFile, type FileCheck } from './check-file';
import { formatFinding, type Finding } from './run-lesson';
import { RunLock } from './run-lock';
import { loadSandbox } from './sandbox-loader';
import { lessonFiles, parseArguments, selectLessons, type LessonFile } from './select-lessons';

const red = (text: string) => (process.stdout.isTTY ? `\u001b[31m${text}\u001b[0m` : text);
const yellow = (text: string) => (process.stdout.isTTY ? `\u001b[33m${text}\u001b[0m` : text);

/** Course-wide rules (unique ids, translations' ids, prerequisites); errors outside the selection only warn. */
async function courseFindings(root: string, files: LessonFile[], subset: boolean): Promise<{ failures: Finding[]; warnings: Finding[] }> {
  try {
    await readCourse(root);
    return { failures: [], warnings: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const owner = files.find((file) => message.startsWith(`${file.displayPath}:`));
    const located = owner ? /^(?::(\d+))?: ([\s\S]*)$/.exec(message.slice(owner.displayPath.length)) : null;
    const finding: Finding = { file: owner?.displayPath ?? root, line: Number(located?.[1] ?? 1), subject: 'course', message: located?.[2] ?? message };
    return !subset || owner ? { failures: [finding], warnings: [] } : { failures: [], warnings: [finding] };
  }
}

async function pool<T, R>(items: T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      const item = items[index];
      if (item !== undefined) results[index] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

function printCheck(check: FileCheck): void {
  for (const failure of check.failures) console.log(red(formatFinding(failure)));
  for (const warning of check.warnings) console.log(yellow(`warning: ${formatFinding(warning)}`));
  const slowest = [...check.timings].sort((a, b) => b.seconds - a.seconds).filter((timing) => timing.seconds >= 2).slice(0, 3);
  const slow = slowest.length > 0 ? `; slowest: ${slowest.map((timing) => `${timing.subject} ${timing.seconds.toFixed(1)} s`).join(', ')}` : '';
  console.log(`  ${check.file.displayPath}: ${check.passed} passed, ${check.failures.length} failed (${check.seconds.toFixed(1)} s${slow})`);
}

async function main(args: string[]): Promise<number> {
  const started = performance.now();
  let parsed: ReturnType<typeof parseArguments>;
  let files: LessonFile[];
  let subset: boolean;
  const root = contentRoot();
  try {
    parsed = parseArguments(args);
    ({ files, subset } = selectLessons(lessonFiles(root), parsed.selectors, parsed.language));
  } catch (error) {
    console.error(`lessons:check: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }

  let sandbox: ReturnType<typeof loadSandbox> | undefined;
  const server = () => (sandbox ??= loadSandbox());
  const allowNoServer = process.env.AWAITABLE_LESSONS_ALLOW_NO_SERVER === '1';
  const lock = new RunLock();
  const checks = await pool(files, parsed.jobs, async (file) => {
    const check = await checkLessonFile(file, { server, allowNoServer, lock });
    printCheck(check);
    return check;
  });

  // Course-wide rules last; what a file's own check already said is not repeated.
  const said = new Set(checks.flatMap((check) => check.failures.map((failure) => `${failure.file}: ${failure.message}`)));
  const course = await courseFindings(root, files, subset);
  course.failures = course.failures.filter((failure) => !said.has(`${failure.file}: ${failure.message}`));
  for (const failure of course.failures) console.log(red(formatFinding(failure)));
  for (const warning of course.warnings) console.log(yellow(`warning: ${formatFinding(warning)}`));

  const passed = checks.reduce((sum, check) => sum + check.passed, 0);
  const failed = checks.reduce((sum, check) => sum + check.failures.length, course.failures.length);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = `lessons:check: ${passed} passed, ${failed} failed (${files.length} file${files.length === 1 ? '' : 's'}, ${seconds} s)`;
  console.log(failed > 0 ? red(summary) : summary);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
