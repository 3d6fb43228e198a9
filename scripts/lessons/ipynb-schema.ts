import { z } from 'zod';

/** nbformat 4 joins a multi-line string as an array of lines (each keeping its `\n`). */
const multiline = z.union([z.string(), z.array(z.string())]).transform((text) => (Array.isArray(text) ? text.join('') : text));

const mimeBundle = z.record(z.string(), z.unknown());

const outputSchema = z.discriminatedUnion('output_type', [
  z.object({ output_type: z.literal('stream'), name: z.enum(['stdout', 'stderr']), text: multiline }),
  z.object({ output_type: z.literal('execute_result'), data: mimeBundle, execution_count: z.number().int().nullable().optional() }),
  z.object({ output_type: z.literal('display_data'), data: mimeBundle }),
  z.object({ output_type: z.literal('error'), ename: z.string(), evalue: z.string(), traceback: z.array(z.string()) }),
]);

const cellId = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, 'a cell id is 1-64 letters, digits, - or _').optional();

const markdownCellSchema = z.object({
  cell_type: z.literal('markdown'),
  id: cellId,
  source: multiline,
  attachments: z.record(z.string(), z.unknown()).optional(),
});
const codeCellSchema = z.object({
  cell_type: z.literal('code'),
  id: cellId,
  source: multiline,
  outputs: z.array(outputSchema),
  execution_count: z.number().int().nullable().optional(),
});
const rawCellSchema = z.object({ cell_type: z.literal('raw'), id: cellId, source: multiline });

export const cellSchema = z.discriminatedUnion('cell_type', [markdownCellSchema, codeCellSchema, rawCellSchema]);

/** The notebook without its cells, which are parsed one by one so an error can name the cell. */
export const notebookSchema = z.object({
  nbformat: z.literal(4, 'only nbformat 4 notebooks can be imported'),
  nbformat_minor: z.number().int().min(0),
  metadata: z.object({
    kernelspec: z.object({ name: z.string(), language: z.string().optional() }).optional(),
    language_info: z.object({ name: z.string() }).optional(),
  }),
  cells: z.array(z.unknown()),
});

export type NotebookCell = z.infer<typeof cellSchema>;
export type NotebookOutput = z.infer<typeof outputSchema>;
export type Notebook = Omit<z.infer<typeof notebookSchema>, 'cells'> & { cells: NotebookCell[] };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `field "${issue.path.join('.') || '(root)'}": ${issue.message}`).join('; ');
}

/** Parses a notebook's JSON text; errors name the notebook and, for a bad cell, its index. */
export function parseNotebook(text: string, name: string): Notebook {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: not a JSON notebook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const notebook = notebookSchema.safeParse(json);
  if (!notebook.success) throw new Error(`${name}: not an nbformat 4 notebook: ${describeIssues(notebook.error)}`);
  const cells = notebook.data.cells.map((raw, index) => {
    const cell = cellSchema.safeParse(raw);
    if (!cell.success) throw new Error(`${name}: cell ${index}: ${describeIssues(cell.error)}`);
    return cell.data;
  });
  const language = notebook.data.metadata.kernelspec?.language ?? notebook.data.metadata.language_info?.name ?? 'python';
  if (language.toLowerCase() !== 'python') {
    throw new Error(`${name}: the notebook's kernel is ${language} (${notebook.data.metadata.kernelspec?.name ?? 'no kernelspec'}); only Python notebooks can be imported`);
  }
  return { ...notebook.data, cells };
}
