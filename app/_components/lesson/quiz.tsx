'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLessonStrings } from './lesson-language';
import { QuizContext, useQuiz, type QuizContextValue, type QuizPick } from './quiz-context';

/**
 * A question with radio choices. The choices are server-rendered MDX, so they find their quiz
 * through context rather than being read by it.
 */
export function Quiz({ id, question, children }: { id: string; question: string; children?: ReactNode }) {
  const strings = useLessonStrings();
  const [picked, setPicked] = useState<QuizPick | null>(null);
  const [answered, setAnswered] = useState(false);
  const again = useRef<HTMLButtonElement>(null);
  const choices = useRef<HTMLFieldSetElement>(null);
  const retrying = useRef(false);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // Keyboard focus follows the quiz: to "Try again" after an answer, back to the choices after it.
  useEffect(() => {
    if (answered) again.current?.focus();
    else if (retrying.current) choices.current?.querySelector('input')?.focus();
    retrying.current = false;
  }, [answered]);

  const context = useMemo<QuizContextValue>(() => ({ name: `quiz-${id}`, picked, answered, pick: setPicked }), [id, picked, answered]);

  return (
    <QuizContext.Provider value={context}>
      <form
        className="my-6 rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-700"
        onSubmit={(event) => {
          event.preventDefault();
          if (picked) setAnswered(true);
        }}
      >
        <fieldset ref={choices}>
          <legend className="font-semibold text-slate-900 dark:text-slate-50">{question}</legend>
          <div className="mt-2 flex flex-col gap-2">{children}</div>
        </fieldset>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          {answered ? (
            <button
              ref={again}
              type="button"
              className="cell-action text-sm"
              onClick={() => {
                retrying.current = true;
                setAnswered(false);
                setPicked(null);
              }}
            >
              {strings.quizTryAgain}
            </button>
          ) : (
            <button type="submit" className="cell-action text-sm" disabled={!hydrated || picked === null}>
              {strings.quizCheck}
            </button>
          )}
          <p
            role="status"
            className={`!my-0 text-sm font-semibold ${picked?.correct ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}
          >
            {answered && picked ? (picked.correct ? strings.quizRight : strings.quizWrong) : ''}
          </p>
        </div>
      </form>
    </QuizContext.Provider>
  );
}

/** One answer; `correct` marks the right one (exactly one per quiz, checked by the pipeline). */
export function Choice({ correct, children }: { correct?: boolean | string; children?: ReactNode }) {
  const quiz = useQuiz('Choice');
  const strings = useLessonStrings();
  const value = useId();
  const isCorrect = correct === true || correct === 'true' || correct === '';
  const chosen = quiz.picked?.value === value;
  const mark = quiz.answered ? (isCorrect ? 'correct' : chosen ? 'wrong' : null) : null;
  return (
    <label
      className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 ${
        mark === 'correct'
          ? 'border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/40'
          : mark === 'wrong'
            ? 'border-rose-400 bg-rose-50 dark:border-rose-700 dark:bg-rose-950/40'
            : 'border-slate-200 hover:border-indigo-300 dark:border-slate-700'
      }`}
    >
      <input
        type="radio"
        name={quiz.name}
        value={value}
        checked={chosen}
        disabled={quiz.answered}
        onChange={() => quiz.pick({ value, correct: isCorrect })}
        className="mt-1.5 accent-indigo-600"
      />
      <span className="min-w-0 flex-1 [&>p]:!my-0">{children}</span>
      {mark ? (
        <span className={`text-sm font-semibold ${mark === 'correct' ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'}`}>
          <span aria-hidden>{mark === 'correct' ? '✓' : '✗'}</span>
          <span className="sr-only">{mark === 'correct' ? strings.quizRightChoice : strings.quizWrongChoice}</span>
        </span>
      ) : null}
    </label>
  );
}

/** Why the right answer is right; shown once the learner has answered. */
export function Explanation({ children }: { children?: ReactNode }) {
  const quiz = useQuiz('Explanation');
  const strings = useLessonStrings();
  if (!quiz.answered) return null;
  return (
    <div className="mt-2 rounded-md bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
      <p className="!my-0 text-sm font-semibold text-slate-700 dark:text-slate-200">{strings.quizExplanation}</p>
      <div className="[&>p]:my-1">{children}</div>
    </div>
  );
}
