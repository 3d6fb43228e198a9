/** The bench's figures as a console table and as docs/BENCHMARKS.md. */
import type { Summary } from './stats';

export type Figure = {
  name: string;
  unit: 'ms' | 'KB';
  ours: Summary;
  baseline?: Summary;
  /** Judged on our median, or on the ratio of medians when the target is a ratio. */
  target?: { text: string; met: boolean };
};

export type Machine = Record<string, string>;

const ratioOf = (figure: Figure) => (figure.baseline && figure.baseline.median > 0 ? figure.ours.median / figure.baseline.median : undefined);

function formatNumber(value: number, unit: Figure['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'KB') return value.toFixed(1);
  return Math.abs(value) < 10 ? value.toFixed(2) : Math.abs(value) < 100 ? value.toFixed(1) : value.toFixed(0);
}

function formatSummary(summary: Summary, unit: Figure['unit']): string {
  const median = `${formatNumber(summary.median, unit)} ${unit}`;
  return summary.n > 1 ? `${median} (${formatNumber(summary.min, unit)}–${formatNumber(summary.max, unit)})` : median;
}

function cells(figure: Figure): string[] {
  const ratio = ratioOf(figure);
  return [
    figure.name,
    formatSummary(figure.ours, figure.unit),
    figure.baseline ? formatSummary(figure.baseline, figure.unit) : '',
    ratio === undefined ? '' : `${ratio.toFixed(2)}x`,
    figure.target?.text ?? '',
    figure.target ? (figure.target.met ? 'met' : 'NOT MET') : '',
  ];
}

const header = ['Figure', 'Ours: median (min–max)', 'Bare Pyodide: median (min–max)', 'Ratio', 'Target', ''];

export function consoleTable(figures: Figure[]): string {
  const rows = [header, ...figures.map(cells)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(rows[0] ?? []), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownReport(options: { date: string; machine: Machine; figures: Figure[]; runs: number; notes: string[]; method: string; sections?: string[] }): string {
  const escape = (text: string) => text.replaceAll('|', '\\|');
  const row = (values: string[]) => `| ${values.map(escape).join(' | ')} |`;
  return `# Benchmarks

Written by \`npm run bench\` (scripts/bench/run.ts) on ${options.date}. Rerun it rather than edit
this file: every figure below comes from that one run, ratios against bare Pyodide measured in
the same run, on the same server and browser.

## Machine

${row(['', ''])}
${row(['---', '---'])}
${Object.entries(options.machine).map(([key, value]) => row([key, value])).join('\n')}

## Results

Median of ${options.runs} runs with the smallest and largest in brackets, unless a row says
otherwise. "Met" judges the median (or, for a ratio target, the ratio of medians).

${row(header.slice(0, 5).concat('Met'))}
${row(header.map(() => '---'))}
${options.figures.map((figure) => row(cells(figure))).join('\n')}
${options.notes.map((note) => `\n${note}`).join('\n')}
${(options.sections ?? []).map((section) => `\n${section}`).join('\n')}

## Method

${options.method}
`;
}
