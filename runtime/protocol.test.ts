import { describe, expect, it } from 'vitest';
import { KernelEvent, KernelRequest, MAX_INSPECTION_JSON, MAX_STREAM_CHUNK, PROTOCOL_VERSION, capText } from './protocol';

describe('protocol', () => {
  it('accepts a well-formed result', () => {
    const event = { v: PROTOCOL_VERSION, type: 'kernel.result', runId: 'r1', status: 'ok', value: '2', executionCount: 1 };
    expect(KernelEvent.safeParse(event).success).toBe(true);
  });

  it('rejects another protocol version, unknown types and oversized chunks', () => {
    const stream = { v: PROTOCOL_VERSION, type: 'kernel.stream', runId: 'r1', name: 'stdout', text: 'hi' };
    expect(KernelEvent.safeParse(stream).success).toBe(true);
    expect(KernelEvent.safeParse({ ...stream, v: PROTOCOL_VERSION + 1 }).success).toBe(false);
    expect(KernelEvent.safeParse({ ...stream, type: 'kernel.html' }).success).toBe(false);
    expect(KernelEvent.safeParse({ ...stream, name: 'stdin' }).success).toBe(false);
    expect(KernelEvent.safeParse({ ...stream, text: 'x'.repeat(MAX_STREAM_CHUNK + 1) }).success).toBe(false);
  });

  it('requires shared memory for the interrupt and stdin buffers', () => {
    const init = { v: PROTOCOL_VERSION, type: 'kernel.init', pyodideBaseUrl: '/pyodide/' };
    const shared = { interruptBuffer: new SharedArrayBuffer(4), stdinBuffer: new SharedArrayBuffer(16) };
    expect(KernelRequest.safeParse({ ...init, ...shared }).success).toBe(true);
    expect(KernelRequest.safeParse({ ...init, ...shared, interruptBuffer: new ArrayBuffer(4) }).success).toBe(false);
    expect(KernelRequest.safeParse({ ...init, ...shared, stdinBuffer: new ArrayBuffer(16) }).success).toBe(false);
  });

  it('accepts stdin requests and truncation notices only for a run', () => {
    const request = { v: PROTOCOL_VERSION, type: 'kernel.stdin_request', runId: 'r1', prompt: 'Name? ' };
    expect(KernelEvent.safeParse(request).success).toBe(true);
    expect(KernelEvent.safeParse({ ...request, runId: '' }).success).toBe(false);
    const truncated = { v: PROTOCOL_VERSION, type: 'kernel.output_truncated', runId: 'r1', limits: { maxBytes: 10, maxLines: 1 } };
    expect(KernelEvent.safeParse(truncated).success).toBe(true);
  });

  it('carries inspection options on a run and their JSON (or why not) on its result, within bounds', () => {
    const run = { v: PROTOCOL_VERSION, type: 'kernel.run', runId: 'r1', code: 'pass', mode: 'cell' };
    expect(KernelRequest.safeParse({ ...run, inspect: { trace: { steps: true, maxSteps: 50 }, bytecode: true } }).success).toBe(true);
    expect(KernelRequest.safeParse({ ...run, inspect: { trace: { maxEvents: 0 } } }).success).toBe(false);
    expect(KernelRequest.safeParse({ ...run, inspect: { trace: { slowSeconds: -1 } } }).success).toBe(false);
    const result = { v: PROTOCOL_VERSION, type: 'kernel.result', runId: 'r1', status: 'ok' };
    const inspection = { trace: { json: '{}' }, bytecode: { error: 'The code has a syntax error, so it has no bytecode to show.' } };
    expect(KernelEvent.safeParse({ ...result, inspection }).success).toBe(true);
    expect(KernelEvent.safeParse({ ...result, inspection: { trace: { json: 'x'.repeat(MAX_INSPECTION_JSON + 1) } } }).success).toBe(false);
    expect(KernelEvent.safeParse({ ...result, inspection: { trace: {} } }).success).toBe(false);
  });

  it('caps long text and says how much was cut', () => {
    expect(capText('short', 10)).toBe('short');
    const capped = capText('x'.repeat(1000), 100);
    expect(capped).toHaveLength(100);
    expect(capped).toMatch(/\[\d+ more characters\]$/);
  });
});
