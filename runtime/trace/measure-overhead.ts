/**
 * What tracing costs: a cell that creates 10,000 tasks, run untraced and traced in turn on
 * one real kernel (Pyodide under Node), medians of several rounds. Run it with
 * `npx tsx runtime/trace/measure-overhead.ts [ROUNDS]`; the target is at most 2x.
 */
import { NodeKernel } from '../node/node-kernel';
import { runTraced } from './traced-run';

const CELLS = {
  'tasks that sleep(0)': `
import asyncio
async def work():
    await asyncio.sleep(0)
async def main():
    await asyncio.gather(*[asyncio.create_task(work()) for _ in range(10_000)])
asyncio.run(main())
`,
  'tasks that sleep(0.01)': `
import asyncio
async def work():
    await asyncio.sleep(0.01)
async def main():
    await asyncio.gather(*[asyncio.create_task(work()) for _ in range(10_000)])
asyncio.run(main())
`,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export type TraceOverheadRow = {
  label: string;
  untracedMs: number;
  tracedMs: number;
  ratio: number;
  events: number;
  dumpMs: number;
};

/** Runs each cell untraced and traced in turn on one kernel; medians of `rounds`. */
export async function measureTraceOverhead(rounds: number): Promise<TraceOverheadRow[]> {
  const kernel = new NodeKernel();
  await kernel.start();
  const rows: TraceOverheadRow[] = [];
  try {
    for (const [label, cell] of Object.entries(CELLS)) {
      const plain: number[] = [];
      const traced: number[] = [];
      const written: number[] = [];
      let events = 0;
      for (let round = 0; round < rounds; round++) {
        plain.push((await kernel.run(cell)).durationMs);
        const started = performance.now();
        const { result, trace } = await runTraced(kernel, () => kernel.run(cell));
        traced.push(result.durationMs);
        written.push(performance.now() - started - result.durationMs);
        events = trace.events.length;
      }
      const untracedMs = median(plain);
      const tracedMs = median(traced);
      rows.push({ label: `10,000 ${label}`, untracedMs, tracedMs, ratio: tracedMs / untracedMs, events, dumpMs: median(written) });
    }
  } finally {
    kernel.dispose();
  }
  return rows;
}

/** The bench's section on tracing (docs/BENCHMARKS.md). */
export function traceOverheadMarkdown(rows: TraceOverheadRow[], rounds: number): string {
  return [
    '## Tracing overhead',
    '',
    `One Node kernel (Pyodide) runs each cell untraced and traced in turn, medians of ${rounds}. Target: traced at most 2x untraced. "Dump" is turning tracing on, writing and parsing the trace, after the run (not in the ratio).`,
    '',
    '| Cell | Untraced | Traced | Ratio | Events | Dump | Met |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.untracedMs.toFixed(0)} ms | ${row.tracedMs.toFixed(0)} ms | ${row.ratio.toFixed(2)}x | ${row.events} | ${row.dumpMs.toFixed(0)} ms | ${row.ratio <= 2 ? 'yes' : 'no'} |`,
    ),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const rounds = Number(process.argv[2] ?? 7);
  console.log(traceOverheadMarkdown(await measureTraceOverhead(rounds), rounds));
}
