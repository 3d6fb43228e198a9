import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { lessonLanguages, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';
import { parseLessonFrontmatter, type LessonFrontmatter } from './frontmatter';

// English is every lesson's base language; a Chinese translation sits beside it.
export { lessonLanguages, type LessonLanguage };

export const lessonFileNames: Record<LessonLanguage, string> = { en: 'index.mdx', zh: 'index.zh.mdx' };

export type LessonEntry = LessonFrontmatter & {
  /** URL segment: the folder name without its ordering prefix (`01-what-is` -> `what-is`). */
  slug: string;
  /** The language of this record (its file). */
  language: LessonLanguage;
  /** Which translations of the lesson exist, English first. */
  languages: LessonLanguage[];
  /** Absolute path of the lesson file (`index.mdx` or `index.zh.mdx`). */
  file: string;
  /** Project-relative path, for error messages. */
  displayPath: string;
};

/** One lesson folder with every translation it has. */
export type CourseLesson = { folder: string; slug: string; translations: Partial<Record<LessonLanguage, LessonEntry>> & { en: LessonEntry } };

/** `NN-slug`: the number orders the course, the slug is the URL. */
export const lessonFolderPattern = /^(\d+)-([a-z0-9][a-z0-9-]*)$/;

/** `content/`, or another course (the end-to-end tests' fixture course) named by AWAITABLE_CONTENT_DIR. */
export function contentRoot(): string {
  const override = process.env.AWAITABLE_CONTENT_DIR;
  return override ? path.resolve(/* turbopackIgnore: true */ override) : path.join(process.cwd(), 'content');
}

/** The frontmatter's YAML as data; a YAML error names the file. */
export function readFrontmatterData(source: string, displayPath: string): unknown {
  try {
    return matter(source).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${displayPath}: invalid frontmatter YAML (quote values that hold a colon or backticks): ${reason}`);
  }
}

async function readEntry(file: string, slug: string): Promise<LessonEntry | undefined> {
  const displayPath = path.relative(process.cwd(), file);
  let source: string;
  try {
    source = await readFile(/* turbopackIgnore: true */ file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw new Error(`${displayPath}: cannot read lesson: ${String(error)}`);
  }
  const frontmatter = parseLessonFrontmatter(readFrontmatterData(source, displayPath), displayPath, source);
  return { ...frontmatter, slug, language: 'en', languages: ['en'], file, displayPath };
}

/**
 * Reads every `content/NN-slug/index.mdx` (and `index.zh.mdx` where it exists), in folder order,
 * validating frontmatter: ids unique, a translation has its lesson's id, prerequisites exist.
 */
export async function readCourse(root: string = contentRoot()): Promise<CourseLesson[]> {
  const folders = (await readdir(/* turbopackIgnore: true */ root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && lessonFolderPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();

  const course: CourseLesson[] = [];
  for (const folder of folders) {
    const slug = lessonFolderPattern.exec(folder)?.[2] ?? folder;
    const en = await readEntry(path.join(root, folder, lessonFileNames.en), slug);
    if (!en) throw new Error(`${path.relative(process.cwd(), path.join(root, folder))}: lesson folder has no ${lessonFileNames.en}`);
    const zhEntry = await readEntry(path.join(root, folder, lessonFileNames.zh), slug);
    const languages: LessonLanguage[] = zhEntry ? ['en', 'zh'] : ['en'];
    const translations: CourseLesson['translations'] = { en: { ...en, languages } };
    if (zhEntry) {
      if (zhEntry.id !== en.id) {
        throw new Error(`${zhEntry.displayPath}: field "id": "${zhEntry.id}" differs from "${en.id}" in ${en.displayPath} (a translation keeps its lesson's id)`);
      }
      translations.zh = { ...zhEntry, language: 'zh', languages };
    }
    course.push({ folder, slug, translations });
  }
  const english = course.map((lesson) => lesson.translations.en);
  assertUnique(english, 'id');
  assertUnique(english, 'slug');
  const ids = new Set(english.map((lesson) => lesson.id));
  for (const lesson of course) {
    for (const entry of Object.values(lesson.translations)) assertPrerequisites(entry, ids);
  }
  return course;
}

/** The course in one language; a lesson without that translation is listed in English. */
export async function readLessonIndex(root: string = contentRoot(), language: LessonLanguage = 'en'): Promise<LessonEntry[]> {
  return (await readCourse(root)).map((lesson) => lesson.translations[language] ?? lesson.translations.en);
}

function assertPrerequisites(entry: LessonEntry, ids: Set<string>): void {
  entry.prerequisites.forEach((prerequisite, index) => {
    if (prerequisite === entry.id) {
      throw new Error(`${entry.displayPath}: field "prerequisites.${index}": a lesson cannot be its own prerequisite`);
    }
    if (!ids.has(prerequisite)) {
      throw new Error(`${entry.displayPath}: field "prerequisites.${index}": no lesson has the id "${prerequisite}" (known: ${[...ids].join(', ')})`);
    }
  });
}

function assertUnique(lessons: LessonEntry[], key: 'id' | 'slug'): void {
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    const first = seen.get(lesson[key]);
    if (first) throw new Error(`${lesson.displayPath}: lesson ${key} "${lesson[key]}" is already used by ${first}`);
    seen.set(lesson[key], lesson.displayPath);
  }
}
