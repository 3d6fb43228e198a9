/**
 * True when `sql` holds more than one statement: a `;` followed by more SQL, outside string
 * literals, quoted identifiers and comments. The wasm engine replays whole migration files
 * through `executeRaw`, which drivers run as a single prepared statement (libsql silently
 * stops after the first one), so such calls must go to `executeScript` instead.
 * @param {string} sql
 */
export function isMultiStatement(sql) {
  let sawEnd = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`') {
      if (sawEnd) return true;
      i = sql.indexOf(c, i + 1);
      if (i === -1) return false;
    } else if (c === '[') {
      if (sawEnd) return true;
      i = sql.indexOf(']', i + 1);
      if (i === -1) return false;
    } else if (c === '-' && sql[i + 1] === '-') {
      i = sql.indexOf('\n', i);
      if (i === -1) return false;
    } else if (c === '/' && sql[i + 1] === '*') {
      i = sql.indexOf('*/', i + 2);
      if (i === -1) return false;
      i++;
    } else if (c === ';') {
      sawEnd = true;
    } else if (sawEnd && !/\s/.test(c)) {
      return true;
    }
  }
  return false;
}
