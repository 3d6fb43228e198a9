/** How the dashboard writes its figures: the same words in every table, chart caption and list. */

/** 0.6667 -> "67%"; null (nothing to divide by) -> "–". */
export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** 1 -> "1", 1.5 -> "1.5", 0.333 -> "0.3"; null -> "–". */
export function decimal(value: number | null): string {
  return value === null ? '–' : String(Math.round(value * 10) / 10);
}

/** "3 of 4 (75%)", or "0 of 0" for an empty cohort. */
export function countOf(part: number, whole: number): string {
  return whole === 0 ? `${part} of 0` : `${part} of ${whole} (${percent(part / whole)})`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Nov 24, 2026", in UTC so the server's and the browser's rendering agree. */
export function day(date: Date): string {
  return date.toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' });
}

/** "Nov 25, 2026, 12:00 UTC". */
export function moment(date: Date): string {
  return `${date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' })} UTC`;
}

/** Whole days since a moment: "less than a day ago", "1 day ago", "9 days ago". */
export function daysAgo(days: number): string {
  return days === 0 ? 'less than a day ago' : days === 1 ? '1 day ago' : `${days} days ago`;
}
