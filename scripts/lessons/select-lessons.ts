/** Which lesson files `npm run lessons:check -- [path-or-slug ...] [--lang zh|en]` means. */
import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { lessonFileNames, lessonFolderPattern, lessonLanguages, type LessonLanguage } from '../../app/_lib/content/lesson-index';

export type LessonFile = { folder: string; slug: string; language: LessonLanguage; file: string; displayPath: string };

/** Every lesson file under `root`, in course order, English before Chinese. */
export function lessonFiles(root: string): LessonFile[] {
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && lessonFolderPattern.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  return folders.flatMap((folder) => {
    const slug = lessonFolderPattern.exec(folder)?.[2] ?? folder;
    return lessonLanguages.flatMap((language) => {
      const file = path.join(root, folder, lessonFileNames[language]);
      return existsSync(file) ? [{ folder, slug, language, file, displayPath: path.relative(process.cwd(), file) }] : [];
    });
  });
}

export type Selection = { files: LessonFile[]; subset: boolean };

/**
 * Selectors: a lesson folder or file path, a folder name (`03-event-loop`) or a slug
 * (`event-loop`). None selects every lesson. An unknown selector throws, listing the slugs.
 */
export function selectLessons(all: LessonFile[], selectors: string[], language?: LessonLanguage): Selection {
  const inLanguage = (files: LessonFile[]) => (language ? files.filter((file) => file.language === language) : files);
  if (selectors.length === 0) return { files: inLanguage(all), subset: language !== undefined };
  const chosen = new Set<LessonFile>();
  for (const selector of selectors) {
    const resolved = path.resolve(selector);
    const isFile = existsSync(resolved) && statSync(resolved).isFile();
    const matches = all.filter((file) =>
      isFile ? file.file === resolved : file.slug === selector || file.folder === selector || path.dirname(file.file) === resolved,
    );
    if (matches.length === 0) {
      throw new Error(`no lesson matches "${selector}" (lessons: ${[...new Set(all.map((file) => file.slug))].join(', ')})`);
    }
    for (const file of isFile ? matches : inLanguage(matches)) chosen.add(file);
  }
  return { files: all.filter((file) => chosen.has(file)), subset: true };
}

export function parseArguments(args: string[]): { selectors: string[]; language?: LessonLanguage; jobs: number } {
  const selectors: string[] = [];
  let language: LessonLanguage | undefined;
  let jobs = 2;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (flag === '--lang' || flag === '--jobs') {
      const value = inline ?? args[++index];
      if (flag === '--lang') {
        if (value !== 'en' && value !== 'zh') throw new Error(`--lang takes en or zh, not "${value ?? ''}"`);
        language = value;
      } else {
        const count = Number(value);
        if (!Number.isInteger(count) || count < 1 || count > 8) throw new Error(`--jobs takes a whole number from 1 to 8, not "${value ?? ''}"`);
        jobs = count;
      }
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg} (usage: npm run lessons:check -- [path-or-slug ...] [--lang zh|en] [--jobs N])`);
    } else {
      selectors.push(arg);
    }
  }
  return { selectors, language, jobs };
}
