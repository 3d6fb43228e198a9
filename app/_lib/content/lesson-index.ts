import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { parseLessonFrontmatter, type LessonFrontmatter } from './frontmatter';

export type LessonEntry = LessonFrontmatter & {
  /** URL segment: the folder name without its ordering prefix (`01-what-is` -> `what-is`). */
  slug: string;
  /** Absolute path of the lesson's `index.mdx`. */
  file: string;
  /** Project-relative path, for error messages. */
  displayPath: string;
};

const lessonFolderPattern = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;

/** `content/`, or another course (the end-to-end tests' fixture course) named by AWAITABLE_CONTENT_DIR. */
export function contentRoot(): string {
  const override = process.env.AWAITABLE_CONTENT_DIR;
  return override ? path.resolve(/* turbopackIgnore: true */ override) : path.join(process.cwd(), 'content');
}

/** Reads every `content/NN-slug/index.mdx`, in folder order, validating frontmatter. */
export async function readLessonIndex(root: string = contentRoot()): Promise<LessonEntry[]> {
  const folders = (await readdir(/* turbopackIgnore: true */ root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && lessonFolderPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();

  const lessons: LessonEntry[] = [];
  for (const folder of folders) {
    const file = path.join(root, folder, 'index.mdx');
    const displayPath = path.relative(process.cwd(), file);
    const source = await readFile(/* turbopackIgnore: true */ file, 'utf8').catch((error: unknown) => {
      throw new Error(`${displayPath}: cannot read lesson: ${String(error)}`);
    });
    const frontmatter = parseLessonFrontmatter(matter(source).data, displayPath);
    const slug = lessonFolderPattern.exec(folder)?.[2] ?? folder;
    lessons.push({ ...frontmatter, slug, file, displayPath });
  }
  assertUnique(lessons, 'id');
  assertUnique(lessons, 'slug');
  return lessons;
}

function assertUnique(lessons: LessonEntry[], key: 'id' | 'slug'): void {
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    const first = seen.get(lesson[key]);
    if (first) throw new Error(`${lesson.displayPath}: lesson ${key} "${lesson[key]}" is already used by ${first}`);
    seen.set(lesson[key], lesson.displayPath);
  }
}
