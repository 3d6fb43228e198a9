import type { Metadata } from 'next';
import { LessonPage, lessonMetadata, lessonParams } from './lesson-page';

type Params = { params: Promise<{ lesson: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return lessonParams('en');
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return lessonMetadata((await params).lesson, 'en');
}

export default async function EnglishLessonPage({ params }: Params) {
  return <LessonPage slug={(await params).lesson} language="en" />;
}
