import Link from 'next/link';
import { languageNames, languageTags, lessonPath, type LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

/** Links to the same lesson in another language; named in that language ("中文", "English"). */
export function LanguageSwitch({ slug, current, available }: { slug: string; current: LessonLanguage; available: readonly LessonLanguage[] }) {
  const others = available.filter((language) => language !== current);
  if (others.length === 0) return null;
  return (
    <nav aria-label={current === 'zh' ? '语言' : 'Language'} className="flex gap-2 text-sm">
      {others.map((language) => (
        <Link
          key={language}
          href={lessonPath(slug, language)}
          hrefLang={languageTags[language]}
          lang={languageTags[language]}
          className="rounded-full border border-slate-300 px-3 py-0.5 text-slate-700 hover:border-indigo-400 hover:text-indigo-700 dark:border-slate-600 dark:text-slate-200 dark:hover:text-indigo-300"
        >
          {languageNames[language]}
        </Link>
      ))}
    </nav>
  );
}
