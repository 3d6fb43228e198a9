// Test helper: runs one of the lesson tools as `npm run` would, against a course folder.
import { execFile } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

export type CliResult = { code: number; stdout: string; stderr: string };

export function runTool(script: string, args: string[], course: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      path.join(projectRoot, 'node_modules/.bin/tsx'),
      [path.join('scripts/lessons', script), ...args],
      { cwd: projectRoot, env: { ...process.env, AWAITABLE_CONTENT_DIR: course, AWAITABLE_LESSONS_ALLOW_NO_SERVER: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
