import { getMDXComponent } from 'mdx-bundler/client';
import { Cell } from '@/app/_components/cell/cell';

const lessonComponents = { Cell };

/** Evaluates compiled MDX on the server (it uses `new Function`, which our CSP forbids in the page). */
export function LessonBody({ code }: { code: string }) {
  const Content = getMDXComponent(code);
  return (
    <div className="prose-lesson">
      <Content components={lessonComponents} />
    </div>
  );
}
