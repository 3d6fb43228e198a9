import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInputsHash, buildIsCurrent, recordBuild } from './build-stamp.mjs';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'build-stamp-'));
  mkdirSync(path.join(root, 'app'));
  mkdirSync(path.join(root, 'content/01-intro'), { recursive: true });
  writeFileSync(path.join(root, 'app/page.tsx'), 'export default () => null;\n');
  writeFileSync(path.join(root, 'content/01-intro/index.mdx'), '# Intro\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function finishBuild(distDir = '.next') {
  mkdirSync(path.join(root, distDir), { recursive: true });
  writeFileSync(path.join(root, distDir, 'BUILD_ID'), 'x');
  recordBuild(root, distDir, buildInputsHash(root, {}));
}

describe('npm start skips next build only when nothing the build reads changed', () => {
  it('a finished build of the same sources is current', () => {
    finishBuild();
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, {}))).toBe(true);
  });

  it('an edited lesson, a new source file or another lockfile means building again', () => {
    finishBuild();
    writeFileSync(path.join(root, 'content/01-intro/index.mdx'), '# Intro, edited\n');
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, {}))).toBe(false);
    finishBuild();
    writeFileSync(path.join(root, 'app/new.tsx'), '');
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, {}))).toBe(false);
    finishBuild();
    writeFileSync(path.join(root, 'package-lock.json'), '{"v":2}');
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, {}))).toBe(false);
  });

  it('another content directory is another build', () => {
    finishBuild();
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, { AWAITABLE_CONTENT_DIR: '/elsewhere' }))).toBe(false);
  });

  it('no build, or a build that did not finish (no BUILD_ID), is not current', () => {
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, {}))).toBe(false);
    finishBuild();
    rmSync(path.join(root, '.next/BUILD_ID'));
    expect(buildIsCurrent(root, '.next', buildInputsHash(root, {}))).toBe(false);
  });
});
