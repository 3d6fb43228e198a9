import { z } from 'zod';

const stableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use lowercase letters, digits and dashes (at most 64)');

/** What every lesson's frontmatter must say. Progress is keyed by `id`, never by the folder. */
export const lessonFrontmatterSchema = z.object({
  id: stableId,
  title: z.string().min(1).max(120),
  summary: z.string().min(1).max(400),
  /** "You will learn": 1 to 6 short items. */
  objectives: z.array(z.string().trim().min(1, 'an objective cannot be empty').max(200)).min(1).max(6),
  /** Estimated time in minutes. */
  minutes: z.number().int('use a whole number of minutes').min(1).max(240),
  /** Ids of lessons to take first (each must exist); may be empty. */
  prerequisites: z.array(stableId).default([]),
});

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** The 1-based line of `key:` in the frontmatter block; 1 (its opening `---`) when the key is missing. */
export function frontmatterLine(source: string, key: string): number {
  const lines = source.split(/\r?\n/);
  for (let index = 1; index < lines.length && lines[index]?.trim() !== '---'; index++) {
    if (lines[index]?.startsWith(`${key}:`)) return index + 1;
  }
  return 1;
}

/**
 * Parses frontmatter data, throwing an error that names the file, the line (given the source)
 * and every failing field.
 */
export function parseLessonFrontmatter(data: unknown, file: string, source?: string): LessonFrontmatter {
  const parsed = lessonFrontmatterSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `field "${issue.path.join('.') || '(root)'}": ${issue.message}`,
  );
  const firstKey = String(parsed.error.issues[0]?.path[0] ?? '');
  const location = source === undefined ? file : `${file}:${frontmatterLine(source, firstKey)}`;
  throw new Error(`${location}: invalid frontmatter: ${problems.join('; ')}`);
}
