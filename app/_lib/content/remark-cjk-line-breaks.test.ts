import { describe, expect, it } from 'vitest';
import { joinCjkLineBreaks } from './remark-cjk-line-breaks';

describe('joinCjkLineBreaks', () => {
  it('joins a soft line break between two Chinese characters', () => {
    expect(joinCjkLineBreaks('协程在遇到\n  await 时让出控制权，事件循环\n再运行下一个任务。')).toBe(
      '协程在遇到\n  await 时让出控制权，事件循环再运行下一个任务。',
    );
  });

  it('keeps line breaks next to Latin text', () => {
    expect(joinCjkLineBreaks('a coroutine\nruns until it awaits')).toBe('a coroutine\nruns until it awaits');
  });
});
