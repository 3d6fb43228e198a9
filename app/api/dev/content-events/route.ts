import { watch } from 'node:fs';
import { contentRoot } from '@/app/_lib/content/lesson-index';

export const dynamic = 'force-dynamic';

/**
 * Development only: a server-sent event each time a lesson file changes, so an open lesson page
 * re-renders on save (app/_components/dev/content-reload.tsx). 404 in production.
 */
export function GET(request: Request): Response {
  if (process.env.NODE_ENV !== 'development') return new Response('Not found', { status: 404 });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const watcher = watch(/* turbopackIgnore: true */ contentRoot(), { recursive: true }, (_event, file) => {
        if (file && /\.mdx$/.test(String(file))) controller.enqueue(encoder.encode(`data: ${JSON.stringify(String(file))}\n\n`));
      });
      controller.enqueue(encoder.encode(': watching lessons\n\n'));
      request.signal.addEventListener('abort', () => {
        watcher.close();
        controller.close();
      });
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', 'Content-Encoding': 'none' } });
}
