import { describe, expect, it } from 'vitest';
import { formatBytes, kernelRecycled, truncationFinal, truncationStarted } from './kernel-notices';

describe('kernel notices', () => {
  it('word output truncation for the learner', () => {
    expect(truncationStarted({ maxBytes: 1_000_000, maxLines: 10_000 }).message).toBe(
      'Output truncated: this run printed more than 10,000 lines or 1.0 MB; it keeps running, but the rest of its output is not shown.',
    );
    expect(truncationFinal({ lines: 990_000, bytes: 6_840_000 })).toMatchObject({
      final: true,
      droppedLines: 990_000,
      message: 'Output truncated: 990,000 more lines (6.8 MB) not shown.',
    });
  });

  it('say why the kernel was replaced', () => {
    expect(kernelRecycled(3_247_000_000).message).toContain('memory to 3.2 GB');
  });

  it('format sizes', () => {
    expect([1, 999, 1_000, 1_500_000, 4_294_967_296].map(formatBytes)).toEqual(['1 byte', '999 bytes', '1.0 KB', '1.5 MB', '4.3 GB']);
  });
});
