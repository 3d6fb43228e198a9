import { getMDXComponent } from 'mdx-bundler/client';
import { Cell } from '@/app/_components/cell/cell';
import { Exercise } from '@/app/_components/exercise/exercise';
import { Hint } from '@/app/_components/exercise/hint';
import { Solution } from '@/app/_components/exercise/solution';
import { Callout, type CalloutProps } from '@/app/_components/lesson/callout';
import { ExpectedOutput, type ExpectedOutputProps } from '@/app/_components/lesson/expected-output';
import { Choice, Explanation, Quiz } from '@/app/_components/lesson/quiz';
import { Recap, type RecapProps } from '@/app/_components/lesson/recap';
import type { LessonLanguage } from '@/app/_lib/i18n/lesson-strings';

type WithoutLanguage<P> = Omit<P, 'language'>;

/** C1's elements. Server components get the lesson's language here; client ones read it from context. */
function lessonComponents(language: LessonLanguage) {
  return {
    Cell,
    Exercise,
    Hint,
    Solution,
    Quiz,
    Choice,
    Explanation,
    Callout: (props: WithoutLanguage<CalloutProps>) => <Callout {...props} language={language} />,
    Recap: (props: WithoutLanguage<RecapProps>) => <Recap {...props} language={language} />,
    ExpectedOutput: (props: WithoutLanguage<ExpectedOutputProps>) => <ExpectedOutput {...props} language={language} />,
  };
}

/** Evaluates compiled MDX on the server (it uses `new Function`, which our CSP forbids in the page). */
export function LessonBody({ code, language = 'en' }: { code: string; language?: LessonLanguage }) {
  const Content = getMDXComponent(code);
  return (
    <div className="prose-lesson">
      <Content components={lessonComponents(language)} />
    </div>
  );
}
