import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lessonFolderPattern, readFrontmatterData } from '../../app/_lib/content/lesson-index';

/** A slug is the lesson's URL segment and, for a new lesson, its id. */
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type CourseFolder = { folder: string; number: number; slug: string; id: string | undefined };

/** Refuses a slug the course cannot use, with a message that says why. */
export function assertSlug(slug: string | undefined): string {
  if (!slug) throw new Error('name the lesson: give a slug such as my-lesson');
  if (!slugPattern.test(slug)) {
    throw new Error(`slug "${slug}": use lowercase letters, digits and dashes, starting with a letter or digit (at most 64)`);
  }
  return slug;
}

/** The lesson folders of a course, in order, with each lesson's frontmatter id (if it reads). */
export function readCourseFolders(root: string): CourseFolder[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && lessonFolderPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((folder) => {
      const match = lessonFolderPattern.exec(folder);
      const file = path.join(root, folder, 'index.mdx');
      let id: string | undefined;
      if (existsSync(file)) {
        const data = readFrontmatterData(readFileSync(file, 'utf8'), file);
        if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string') id = data.id;
      }
      return { folder, number: Number(match?.[1] ?? 0), slug: match?.[2] ?? folder, id };
    });
}

/** Where a new lesson goes: the next free number, after the last lesson (its prerequisite). */
export function planNewLesson(root: string, slug: string): { folder: string; dir: string; previousId: string | undefined } {
  const folders = readCourseFolders(root);
  const taken = folders.find((entry) => entry.slug === slug || entry.id === slug);
  if (taken) {
    const what = taken.slug === slug ? 'slug' : 'id';
    throw new Error(`a lesson with the ${what} "${slug}" already exists: ${path.join(root, taken.folder)}`);
  }
  const last = folders.at(-1);
  const number = (last?.number ?? 0) + 1;
  const folder = `${String(number).padStart(2, '0')}-${slug}`;
  return { folder, dir: path.join(root, folder), previousId: last?.id };
}

/** Writes the lesson's files into a new folder (never over an existing one). */
export function writeLessonFolder(dir: string, files: Record<string, string>): string[] {
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  });
}

/** The `--flag` options and the positional arguments of a command line. */
export function splitArguments(args: string[]): { flags: Set<string>; positional: string[] } {
  const flags = new Set(args.filter((arg) => arg.startsWith('--')));
  return { flags, positional: args.filter((arg) => !arg.startsWith('--')) };
}
