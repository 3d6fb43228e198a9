import { describe, expect, it } from 'vitest';
import { createInterruptBuffer, signalInterrupt, SIGINT } from './interrupt-buffer';
import { STDIN_CAPACITY, awaitStdin, createStdinBuffer, provideStdin } from './stdin-buffer';

// The kernel's side blocks, so each test answers from `announce`, before the wait starts.
describe('stdin channel', () => {
  it('carries a line, with a newline added', () => {
    const buffer = createStdinBuffer();
    const reply = awaitStdin(buffer, createInterruptBuffer(), () => provideStdin(buffer, 'héllo 😀'));
    expect(reply).toEqual({ kind: 'line', text: 'héllo 😀\n' });
  });

  it('carries end of file', () => {
    const buffer = createStdinBuffer();
    expect(awaitStdin(buffer, createInterruptBuffer(), () => provideStdin(buffer, null))).toEqual({ kind: 'eof' });
  });

  it('ends the wait on a signal, and takes it', () => {
    const buffer = createStdinBuffer();
    const interrupt = createInterruptBuffer();
    expect(awaitStdin(buffer, interrupt, () => signalInterrupt(interrupt))).toEqual({ kind: 'signal', signal: SIGINT });
    expect(interrupt[0]).toBe(0);
  });

  it('refuses a reply nobody waits for, so it cannot answer a later input()', () => {
    const buffer = createStdinBuffer();
    expect(provideStdin(buffer, 'too early')).toBe(false);
    let accepted: boolean[] = [];
    const reply = awaitStdin(buffer, createInterruptBuffer(), () => {
      accepted = [provideStdin(buffer, 'first'), provideStdin(buffer, 'second')];
    });
    expect(reply).toEqual({ kind: 'line', text: 'first\n' });
    expect(accepted).toEqual([true, false]);
  });

  it('cuts a reply longer than the channel at a character boundary', () => {
    const buffer = createStdinBuffer();
    const reply = awaitStdin(buffer, createInterruptBuffer(), () => provideStdin(buffer, 'é'.repeat(STDIN_CAPACITY)));
    expect(reply.kind === 'line' && reply.text).toBe('é'.repeat(STDIN_CAPACITY / 2));
  });
});
