export type OutputChunk = { kind: 'stdout' | 'stderr' | 'result' | 'error'; text: string };

const chunkStyles: Record<OutputChunk['kind'], string> = {
  stdout: 'text-slate-800',
  stderr: 'text-amber-800',
  result: 'text-indigo-800',
  error: 'text-rose-700',
};

/** Output is rendered as text only: the kernel's messages are untrusted data. */
export function CellOutput({ cellId, chunks, running }: { cellId: string; chunks: OutputChunk[]; running: boolean }) {
  if (chunks.length === 0 && !running) return null;
  return (
    <div
      role="log"
      aria-label={`Output of cell ${cellId}`}
      aria-live="polite"
      className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50/60 px-3 py-2"
    >
      <pre className="font-mono text-sm leading-6 whitespace-pre-wrap">
        {chunks.map((chunk, index) => (
          <span key={index} className={chunkStyles[chunk.kind]} data-kind={chunk.kind}>
            {chunk.kind === 'result' || chunk.kind === 'error' ? `${chunk.text}\n` : chunk.text}
          </span>
        ))}
      </pre>
    </div>
  );
}
