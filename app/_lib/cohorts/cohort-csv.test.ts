import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, cohortProgressCsv, csvContentDisposition, csvField, csvFileName, toCsv } from './cohort-csv';
import { daysBefore, exercise, learner, snapshot } from './test-snapshot';

/** A small RFC 4180 reader, to check that what we write reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    index += 1;
    if (quoted && char === '"' && next === '"') {
      field += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += char;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && next === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      index += 1;
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last line does not end in CRLF');
  return rows;
}

describe('csvField', () => {
  it('quotes fields with quotes, commas or line breaks and doubles the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\ronly')).toBe('"cr\ronly"');
    expect(csvField(null)).toBe('');
    expect(csvField(3)).toBe('3');
    expect(csvField(new Date('2026-11-25T12:00:00Z'))).toBe('2026-11-25T12:00:00.000Z');
  });

  it('neutralises fields a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('a=b')).toBe('a=b');
  });

  it('round-trips awkward values through an RFC 4180 reader', () => {
    const values = ['Zoë "Z" O\'Neil', 'a,b', 'line\r\nbreak', '', '=1+1', '张伟'];
    expect(parseCsv(toCsv([values]))).toEqual([['Zoë "Z" O\'Neil', 'a,b', 'line\r\nbreak', '', "'=1+1", '张伟']]);
  });
});

describe('cohortProgressCsv', () => {
  it('writes a header, then one row per learner × exercise (one per lesson without exercises)', () => {
    const cohort = snapshot([
      learner('Ada Lovelace', {
        email: 'ada@example.test',
        joinedAt: new Date('2026-11-01T09:00:00Z'),
        lastActiveAt: new Date('2026-11-24T10:30:00Z'),
        lessons: [{ lessonId: 'coroutines', startedAt: new Date('2026-11-02T08:00:00Z'), completedAt: null }],
        exercises: [
          exercise('coroutines', 'interleave', { attempts: 2, passed: true, hintsUsed: 1, lastAttemptAt: new Date('2026-11-03T08:00:00Z') }),
          exercise('coroutines', 'heartbeat', { attempts: 3, hintsUsed: 2, lastErrorType: 'AssertionError', lastAttemptAt: daysBefore(1) }),
        ],
      }),
      learner('=cmd|calc', { email: 'mallory@example.test', joinedAt: new Date('2026-11-05T00:00:00Z') }),
    ]);
    const rows = parseCsv(cohortProgressCsv(cohort));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 2 * 3);
    const record = (row: string[] | undefined) => Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row?.[index]]));
    expect(record(rows[1])).toEqual({
      learner_name: 'Ada Lovelace',
      learner_email: 'ada@example.test',
      joined_at: '2026-11-01T09:00:00.000Z',
      last_active_at: '2026-11-24T10:30:00.000Z',
      lesson_position: '1',
      lesson_id: 'coroutines',
      lesson_title: 'What is a coroutine?',
      lesson_started_at: '2026-11-02T08:00:00.000Z',
      lesson_completed_at: '',
      exercise_id: 'interleave',
      exercise_title: 'Make two workers take turns',
      attempts: '2',
      passed: 'yes',
      hints_used: '1',
      last_error_type: '',
      last_attempt_at: '2026-11-03T08:00:00.000Z',
    });
    expect(record(rows[2])).toMatchObject({ exercise_id: 'heartbeat', attempts: '3', passed: 'no', hints_used: '2', last_error_type: 'AssertionError' });
    expect(record(rows[3])).toMatchObject({ lesson_position: '2', lesson_id: 'reading', exercise_id: '', attempts: '', passed: '' });
    // A learner with no progress still has every row, and their name cannot run as a formula.
    expect(record(rows[4])).toMatchObject({ learner_name: "'=cmd|calc", last_active_at: '', lesson_started_at: '', attempts: '0', passed: 'no', hints_used: '0' });
  });

  it('is only the header for a cohort without learners', () => {
    expect(cohortProgressCsv(snapshot([]))).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('csvFileName and csvContentDisposition', () => {
  it('names the download after the cohort', () => {
    expect(csvFileName('Autumn 2026: Async Python')).toBe('autumn-2026-async-python-progress.csv');
    expect(csvFileName('Café crème')).toBe('cafe-creme-progress.csv');
    expect(csvFileName('"; rm -rf /')).toBe('rm-rf-progress.csv');
    expect(csvFileName('异步 编程')).toBe('cohort-progress.csv');
    expect(csvContentDisposition('Autumn 2026')).toBe('attachment; filename="autumn-2026-progress.csv"');
  });

  it('adds the cohort name in its own letters for names beyond ASCII', () => {
    expect(csvContentDisposition('异步 (秋)')).toBe(
      `attachment; filename="cohort-progress.csv"; filename*=UTF-8''${encodeURIComponent('异步 ')}%28${encodeURIComponent('秋')}%29-progress.csv`,
    );
  });
});
