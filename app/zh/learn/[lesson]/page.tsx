import type { Metadata } from 'next';
import { LessonPage, lessonMetadata, lessonParams } from '@/app/learn/[lesson]/lesson-page';

type Params = { params: Promise<{ lesson: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return lessonParams('zh');
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return lessonMetadata((await params).lesson, 'zh');
}

export default async function ChineseLessonPage({ params }: Params) {
  return <LessonPage slug={(await params).lesson} language="zh" />;
}
