/**
 * Compares a cell's output with its expected block the way doctest's ELLIPSIS does: `...`
 * matches any text (newlines too); trailing spaces and trailing blank lines do not count.
 */

/** CRLF to LF, trailing spaces off every line, blank lines off the end. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

/** True if `actual` matches `expected`, where each `...` in `expected` stands for any text. */
export function ellipsisMatch(expected: string, actual: string): boolean {
  const pieces = expected.split('...');
  if (pieces.length === 1) return expected === actual;
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (first.length + last.length > actual.length || !actual.startsWith(first) || !actual.endsWith(last)) return false;
  // Leftmost matches of the middle pieces are optimal when the only wildcard is "match anything".
  let position = first.length;
  const end = actual.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = actual.indexOf(piece, position);
    if (found < 0 || found + piece.length > end) return false;
    position = found + piece.length;
  }
  return true;
}

export function outputMatches(expected: string, actual: string): boolean {
  return ellipsisMatch(normalizeOutput(expected), normalizeOutput(actual));
}

const shownLines = 16;

function quote(text: string): string[] {
  const lines = text === '' ? [] : text.split('\n');
  const shown = lines.slice(0, shownLines).map((line) => `    | ${line}`);
  if (lines.length === 0) shown.push('    (nothing)');
  if (lines.length > shownLines) shown.push(`    [${lines.length - shownLines} more lines]`);
  return shown;
}

/** Where two outputs part, line by line (a line of `...` alone ends the comparison). */
function firstDifference(expected: string[], actual: string[]): string | undefined {
  for (let index = 0; index < Math.max(expected.length, actual.length); index += 1) {
    const want = expected[index];
    const got = actual[index];
    if (want?.trim() === '...') return undefined;
    if (want !== undefined && got !== undefined && ellipsisMatch(want, got)) continue;
    const show = (line: string | undefined) => (line === undefined ? '(end of output)' : JSON.stringify(line));
    return `first difference at output line ${index + 1}: expected ${show(want)}, got ${show(got)}`;
  }
  return undefined;
}

/** A short report of how `actual` differs from `expected`: both, and the first line that differs. */
export function describeMismatch(expected: string, actual: string): string {
  const want = normalizeOutput(expected);
  const got = normalizeOutput(actual);
  const difference = firstDifference(want.split('\n'), got.split('\n'));
  return ['  expected:', ...quote(want), '  actual:', ...quote(got), ...(difference ? [`  ${difference}`] : [])].join('\n');
}
