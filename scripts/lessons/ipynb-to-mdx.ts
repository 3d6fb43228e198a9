import type { Notebook, NotebookCell, NotebookOutput } from './ipynb-schema';

/** What the import could not carry over, by cell index (0-based, as Jupyter's JSON counts). */
export type ImportWarning = { cell: number; message: string };
export type ImportedLesson = { mdx: string; warnings: ImportWarning[]; title: string };
export type ImportOptions = { id: string; notebookName: string; previousId: string | undefined };

const ansi = /\u001b\[[0-9;]*[A-Za-z]/g;

/** A fence long enough that the text cannot close it. */
function fence(info: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${info}\n${text}\n${ticks}`;
}

/** Escapes `{`, `}` and `<` in prose (MDX reads them as code and JSX), never inside code. */
export function escapeMdxProse(markdown: string): string {
  const lines = markdown.split('\n');
  let open: string | undefined;
  return lines
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (marker?.[1]) {
        if (open === undefined) {
          open = marker[1];
          // A fence in prose is shown, never run: it must not read as a cell or an output.
          const language = marker[2]?.trim().split(/\s+/)[0] ?? '';
          return ['python', 'py', 'output'].includes(language) ? `${marker[1]}text` : line;
        }
        if (marker[1].startsWith(open) && marker[2]?.trim() === '') open = undefined;
        return line;
      }
      if (open !== undefined) return line;
      // Split on inline code spans, escape only the text between them.
      return line
        .split(/(`+[^`]*`+)/)
        .map((part, index) => (index % 2 === 1 ? part : part.replace(/(?<!\\)([{}<])/g, '\\$1')))
        .join('');
    })
    .join('\n');
}

/** Markdown without its fenced blocks and code spans (where `<` is just text). */
function stripCode(markdown: string): string {
  return markdown.replace(/^\s{0,3}(`{3,}|~{3,})[\s\S]*?^\s{0,3}\1\s*$/gm, '').replace(/`+[^`]*`+/g, '');
}

function outputText(data: Record<string, unknown>): string | undefined {
  const plain = data['text/plain'];
  if (typeof plain === 'string') return plain;
  if (Array.isArray(plain) && plain.every((line) => typeof line === 'string')) return plain.join('');
  return undefined;
}

const richTypes = (data: Record<string, unknown>) => Object.keys(data).filter((type) => type !== 'text/plain');

function describeRich(types: string[]): string {
  if (types.some((type) => type.includes('widget'))) return `a widget (${types.join(', ')})`;
  if (types.some((type) => type.startsWith('image/'))) return `an image (${types.join(', ')})`;
  if (types.includes('text/html')) return 'HTML output (text/html)';
  return `rich output (${types.join(', ')})`;
}

type ConvertedOutputs = { text: string; error: boolean; dropped: string[] };

/** A code cell's outputs as one expected-output text, in order, plus what could not be kept. */
function convertOutputs(outputs: NotebookOutput[]): ConvertedOutputs {
  let text = '';
  let error = false;
  const dropped: string[] = [];
  for (const output of outputs) {
    if (output.output_type === 'stream') text += output.text;
    else if (output.output_type === 'error') {
      error = true;
      const last = `${output.ename}: ${output.evalue}`.replace(ansi, '');
      text += `${text === '' || text.endsWith('\n') ? '' : '\n'}...\n${output.evalue === '' ? output.ename : last}\n`;
    } else {
      const types = richTypes(output.data);
      const plain = outputText(output.data);
      if (output.output_type === 'display_data' || types.length > 0) dropped.push(describeRich(types.length > 0 ? types : ['text/plain']));
      // A trailing expression's repr is what the kernel shows too; a display() call is not.
      if (output.output_type === 'execute_result' && plain !== undefined) text += `${plain}\n`;
    }
  }
  return { text: text.replace(ansi, '').replace(/\s+$/, ''), error, dropped };
}

/** Comments out IPython magics and shell escapes, which plain Python cannot run. */
function commentMagics(source: string): { code: string; magics: string[] } {
  const magics: string[] = [];
  const code = source
    .split('\n')
    .map((line) => {
      if (/^\s*(%|!)/.test(line)) {
        magics.push(line.trim());
        return line.replace(/^(\s*)/, '$1# (not supported here) ');
      }
      return line;
    })
    .join('\n');
  return { code, magics };
}

function uniqueId(wanted: string, used: Set<string>): string {
  let id = wanted;
  for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
  used.add(id);
  return id;
}

const quote = (text: string) => JSON.stringify(text);

function frontmatter(options: ImportOptions, title: string, summary: string, objectives: string[], minutes: number): string {
  return [
    '---',
    `id: ${options.id}`,
    `title: ${quote(title)}`,
    `summary: ${quote(summary)}`,
    'objectives:',
    ...objectives.map((objective) => `  - ${quote(objective)}`),
    `minutes: ${minutes}`,
    `prerequisites: [${options.previousId ?? ''}]`,
    '---',
  ].join('\n');
}

const plainText = (markdown: string) => markdown.replace(/[`*_[\]]/g, '').replace(/\s+/g, ' ').trim();

/** The lesson's title, summary and objectives from its Markdown: the first `#` heading, the paragraph after it, the `##` headings. */
function describeLesson(cells: NotebookCell[], options: ImportOptions): { title: string; summary: string; objectives: string[] } {
  const markdown = cells.filter((cell) => cell.cell_type === 'markdown').map((cell) => cell.source).join('\n\n');
  const title = plainText(/^#\s+(.+)$/m.exec(markdown)?.[1] ?? options.id).slice(0, 120);
  const afterTitle = markdown.replace(/^[\s\S]*?^#\s+.+$/m, '');
  const paragraph = afterTitle.split(/\n\s*\n/).map((block) => block.trim()).find((block) => block !== '' && !/^(#|```|~~~|[-*] |\d+\. |<|!\[)/.test(block));
  const summary = plainText(paragraph ?? `Imported from ${options.notebookName}.`).slice(0, 400);
  const objectives = [...markdown.matchAll(/^##\s+(.+)$/gm)].map((match) => plainText(match[1] ?? '').slice(0, 200)).filter(Boolean).slice(0, 6);
  return { title, summary, objectives: objectives.length > 0 ? objectives : [title] };
}

/** Turns a parsed nbformat 4 notebook into an MDX lesson and the list of what it could not import. */
export function notebookToMdx(notebook: Notebook, options: ImportOptions): ImportedLesson {
  const warnings: ImportWarning[] = [];
  const used = new Set<string>();
  const blocks: string[] = [];
  let titleRemoved = false;
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type === 'raw') {
      warnings.push({ cell: index, message: 'a raw cell is not imported' });
      blocks.push(`{/* import: cell ${index} was a raw cell, not imported */}`);
      return;
    }
    if (cell.cell_type === 'markdown') {
      let source = cell.source;
      if (!titleRemoved && /^#\s+.+$/m.test(source)) {
        source = source.replace(/^#\s+.+$\n?/m, '');
        titleRemoved = true;
      }
      if (cell.attachments && Object.keys(cell.attachments).length > 0) {
        warnings.push({ cell: index, message: `attached images are not imported (${Object.keys(cell.attachments).join(', ')})` });
      }
      if (/!\[[^\]]*\]\(attachment:/.test(source)) source = source.replace(/!\[([^\]]*)\]\(attachment:[^)]*\)/g, '[image not imported: $1]');
      for (const image of source.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g)) {
        warnings.push({ cell: index, message: `an image link (${image[1]}): put the file beside the lesson or link it by URL` });
      }
      const html = [...new Set([...stripCode(source).matchAll(/<([a-zA-Z][a-zA-Z0-9]*)[\s>/]/g)].map((tag) => tag[1]))];
      if (html.length > 0) warnings.push({ cell: index, message: `HTML in Markdown is shown as text (<${html.join('>, <')}>)` });
      if (source.trim() !== '') blocks.push(escapeMdxProse(source.trim()));
      return;
    }
    if (cell.source.trim() === '') return;
    const { code, magics } = commentMagics(cell.source.replace(/\s+$/, ''));
    for (const magic of magics) warnings.push({ cell: index, message: `IPython magic or shell command commented out: ${magic}` });
    const id = uniqueId(cell.id ?? `cell-${index}`, used);
    const outputs = convertOutputs(cell.outputs);
    for (const dropped of outputs.dropped) warnings.push({ cell: index, message: `${dropped} is not imported` });
    const meta = `python id=${id}${outputs.error ? ' expect=error' : ''}`;
    blocks.push(outputs.text === '' ? fence(meta, code) : `${fence(meta, code)}\n\n${fence('output', outputs.text)}`);
    if (outputs.dropped.length > 0) blocks.push(`{/* import: cell ${index} also showed ${outputs.dropped.join(', ')}, not imported */}`);
  });
  const { title, summary, objectives } = describeLesson(notebook.cells, options);
  const codeCells = notebook.cells.filter((cell) => cell.cell_type === 'code').length;
  const minutes = Math.min(240, Math.max(5, codeCells * 3));
  const mdx = `${frontmatter(options, title, summary, objectives, minutes)}\n\n${blocks.join('\n\n')}\n`;
  return { mdx, warnings, title };
}
