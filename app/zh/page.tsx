import type { Metadata } from 'next';
import Link from 'next/link';
import { CoursePage } from '@/app/_components/lesson/course-page';

export const metadata: Metadata = {
  title: '通过运行代码理解 async/await',
  alternates: { languages: { en: '/', 'zh-Hans': '/zh' } },
};

export default function ChineseHomePage() {
  return (
    <div lang="zh-Hans">
      <h1 className="text-4xl font-bold tracking-tight">通过运行代码理解 async/await</h1>
      <p className="mt-4 text-lg text-slate-600 dark:text-slate-300">在浏览器里运行真正的 Python：编辑代码、运行它，看事件循环如何工作。</p>
      <p className="mt-3 text-sm">
        <Link href="/" hrefLang="en" lang="en" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          English course
        </Link>
      </p>
      <h2 className="mt-10 mb-4 text-xl font-semibold">课程</h2>
      <CoursePage language="zh" />
    </div>
  );
}
