/**
 * The words of the lesson components (exercises, quizzes, callouts, server cells), in each
 * language a lesson can be written in (the notebook's controls: notebook-strings.ts).
 */
import type { ServerRunEndReason } from '@/runtime/server/server-kernel-client';

export type LessonLanguage = 'en' | 'zh';

export const lessonLanguages: readonly LessonLanguage[] = ['en', 'zh'];

/** The BCP 47 tag for `lang` and `hreflang` attributes. */
export const languageTags: Record<LessonLanguage, string> = { en: 'en', zh: 'zh-Hans' };

/** Each language's name in itself: what a language switch link says. */
export const languageNames: Record<LessonLanguage, string> = { en: 'English', zh: '中文' };

export type CalloutKind = 'misconception' | 'note' | 'tip' | 'warning';

export type ServerEndReason = ServerRunEndReason;

export type LessonStrings = {
  youWillLearn: string;
  minutes(count: number): string;
  /** Ends with its own separator ("Before this lesson: "). */
  prerequisites: string;
  listSeparator: string;
  courseTitle: string;
  objectivesCount(count: number): string;
  notStarted: string;
  started: string;
  completed: string;
  loadingProgress: string;
  inEnglish: string;
  callout: Record<CalloutKind, string>;
  /** A callout's accessible name: its kind, then its title. */
  calloutName(kind: string, title: string): string;
  recap: string;
  expectedOutput: string;
  expectedOutputOf(cellId: string): string;
  exercise: string;
  exerciseRegion(title: string): string;
  checkMyAnswer: string;
  checking: string;
  checkQueued: string;
  passed: string;
  notYet(message: string): string;
  notYetNoMessage: string;
  raised(type: string, message: string): string;
  checkInterrupted: string;
  checkTimedOut: string;
  checkResult(title: string): string;
  showHint(next: number, total: number): string;
  hintLabel(index: number, total: number): string;
  showSolution: string;
  revealQuestion: string;
  revealConfirm: string;
  revealCancel: string;
  solution: string;
  useSolution: string;
  solutionUsed: string;
  quizCheck: string;
  quizRight: string;
  quizWrong: string;
  quizTryAgain: string;
  quizRightChoice: string;
  quizWrongChoice: string;
  quizExplanation: string;
  quizPickFirst: string;
  server: {
    label: string;
    checking: string;
    needs(reason: string): string;
    runDisabled(reason: string): string;
    ended: Record<Exclude<ServerEndReason, 'busy'>, string>;
    busy(seconds: number | undefined): string;
  };
};

const en: LessonStrings = {
  youWillLearn: 'You will learn',
  minutes: (count) => `${count} min`,
  prerequisites: 'Before this lesson: ',
  listSeparator: ', ',
  courseTitle: 'Lessons',
  objectivesCount: (count) => `${count} ${count === 1 ? 'objective' : 'objectives'}`,
  notStarted: 'Not started',
  started: 'Started',
  completed: 'Completed',
  loadingProgress: 'Loading progress…',
  inEnglish: '(in English)',
  callout: { misconception: 'Common misconception', note: 'Note', tip: 'Tip', warning: 'Warning' },
  calloutName: (kind, title) => `${kind}: ${title}`,
  recap: 'Recap',
  expectedOutput: 'Expected output',
  expectedOutputOf: (cellId) => `Expected output of cell ${cellId}`,
  exercise: 'Exercise',
  exerciseRegion: (title) => `Exercise: ${title}`,
  checkMyAnswer: 'Check my answer',
  checking: 'Checking…',
  checkQueued: 'Waiting for the cells before it…',
  passed: 'Passed',
  notYet: (message) => `Not yet: ${message}`,
  notYetNoMessage: 'Not yet: the check failed without saying why.',
  raised: (type, message) => `Your code raised ${type}${message ? `: ${message}` : ''}`,
  checkInterrupted: 'The check was interrupted.',
  checkTimedOut: 'The check stopped at the time limit.',
  checkResult: (title) => `Result of ${title}`,
  showHint: (next, total) => `Show hint ${next} of ${total}`,
  hintLabel: (index, total) => `Hint ${index} of ${total}`,
  showSolution: 'Show solution',
  revealQuestion: 'Reveal the solution? Try the hints first.',
  revealConfirm: 'Reveal it',
  revealCancel: 'Not yet',
  solution: 'Solution',
  useSolution: 'Use this solution',
  solutionUsed: 'The solution is in the editor.',
  quizCheck: 'Check',
  quizRight: 'Right!',
  quizWrong: 'Not quite.',
  quizTryAgain: 'Try again',
  quizRightChoice: '(the right answer)',
  quizWrongChoice: '(your answer, not right)',
  quizExplanation: 'Why',
  quizPickFirst: 'Pick an answer first.',
  server: {
    label: 'Runs on the server: real threads',
    checking: 'Checking the server kernel…',
    needs: (reason) => `Needs the server kernel: ${reason}`,
    runDisabled: (reason) => `Cannot run: needs the server kernel (${reason})`,
    ended: {
      finished: 'Finished',
      error: 'Ended with an error',
      time_limit: 'Stopped at the time limit',
      memory_limit: 'Stopped at the memory limit',
      output_limit: 'Stopped at the output limit',
      interrupted: 'Interrupted',
      unavailable: 'The server kernel is unavailable',
    },
    busy: (seconds) => (seconds === undefined ? 'The server is busy: retry in a moment' : `The server is busy: retry in ${seconds} s`),
  },
};

const zh: LessonStrings = {
  youWillLearn: '你将学到',
  minutes: (count) => `${count} 分钟`,
  prerequisites: '先修课程：',
  listSeparator: '、',
  courseTitle: '课程',
  objectivesCount: (count) => `${count} 个学习目标`,
  notStarted: '未开始',
  started: '已开始',
  completed: '已完成',
  loadingProgress: '正在加载学习进度…',
  inEnglish: '（英文）',
  callout: { misconception: '常见误解', note: '注意', tip: '提示', warning: '警告' },
  calloutName: (kind, title) => `${kind}：${title}`,
  recap: '小结',
  expectedOutput: '预期输出',
  expectedOutputOf: (cellId) => `单元 ${cellId} 的预期输出`,
  exercise: '练习',
  exerciseRegion: (title) => `练习：${title}`,
  checkMyAnswer: '检查我的答案',
  checking: '检查中…',
  checkQueued: '等待前面的单元运行完…',
  passed: '通过',
  notYet: (message) => `还没有：${message}`,
  notYetNoMessage: '还没有：检查失败，但没有说明原因。',
  raised: (type, message) => `你的代码抛出了 ${type}${message ? `：${message}` : ''}`,
  checkInterrupted: '检查被中断了。',
  checkTimedOut: '检查因超时而停止。',
  checkResult: (title) => `${title} 的结果`,
  showHint: (next, total) => `显示提示 ${next}/${total}`,
  hintLabel: (index, total) => `提示 ${index}/${total}`,
  showSolution: '显示答案',
  revealQuestion: '要显示答案吗？先试试提示吧。',
  revealConfirm: '确定显示',
  revealCancel: '先不看',
  solution: '答案',
  useSolution: '使用这个答案',
  solutionUsed: '答案已放入编辑器。',
  quizCheck: '检查',
  quizRight: '答对了！',
  quizWrong: '不太对。',
  quizTryAgain: '再试一次',
  quizRightChoice: '（正确答案）',
  quizWrongChoice: '（你的答案，不对）',
  quizExplanation: '原因',
  quizPickFirst: '请先选择一个答案。',
  server: {
    label: '在服务器上运行：真正的线程',
    checking: '正在检查服务器内核…',
    needs: (reason) => `需要服务器内核：${reason}`,
    runDisabled: (reason) => `无法运行：需要服务器内核（${reason}）`,
    ended: {
      finished: '已完成',
      error: '以错误结束',
      time_limit: '因超时而停止',
      memory_limit: '因内存上限而停止',
      output_limit: '因输出上限而停止',
      interrupted: '已中断',
      unavailable: '服务器内核不可用',
    },
    busy: (seconds) => (seconds === undefined ? '服务器正忙：请稍后重试' : `服务器正忙：请 ${seconds} 秒后重试`),
  },
};

const dictionaries: Record<LessonLanguage, LessonStrings> = { en, zh };

export function lessonStrings(language: LessonLanguage): LessonStrings {
  return dictionaries[language];
}

/** A lesson page's path in a language: `/learn/slug` or `/zh/learn/slug`. */
export function lessonPath(slug: string, language: LessonLanguage): string {
  return language === 'en' ? `/learn/${slug}` : `/${language}/learn/${slug}`;
}

/** The course list's path in a language. */
export function coursePath(language: LessonLanguage): string {
  return language === 'en' ? '/' : `/${language}`;
}
