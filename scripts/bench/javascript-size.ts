/**
 * JavaScript of the lesson page as served: each script fetched again with
 * `Accept-Encoding: gzip` and its compressed bytes counted. Pyodide and the kernel's frame and
 * worker (/pyodide/, /kernel/) are excluded: they are the kernel, measured by "kernel ready".
 */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

export type ScriptSize = { url: string; gzipBytes: number; bytes: number };
/** `all`: everything until the kernel is ready and the page idle; `editor`: what a first click on a cell's code adds. */
export type JavaScriptSize = { firstLoad: ScriptSize[]; all: ScriptSize[]; editor: ScriptSize[] };

const isKernelAsset = (url: URL) => url.pathname.startsWith('/pyodide/') || url.pathname.startsWith('/kernel/');

/** `seenUrls`: every script the browser requested while the page loaded (lazy chunks too). */
export async function measureJavaScript(pageUrl: string, seenUrls: string[], editorUrls: string[] = []): Promise<JavaScriptSize> {
  const html = (await get(pageUrl, 'identity')).body.toString('utf8');
  // Modern browsers skip `nomodule` scripts (Next's polyfills): they are not transferred.
  const firstLoadUrls = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => !/\snomodule\b/i.test(tag))
    .flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? [])
    .map((src) => new URL(decodeEntities(src), pageUrl).href);
  const origin = new URL(pageUrl).origin;
  const ours = (url: string) => {
    const parsed = new URL(url);
    return parsed.origin === origin && !isKernelAsset(parsed);
  };
  const urls = [...new Set([...firstLoadUrls, ...seenUrls])].filter(ours);
  const editor = editorUrls.filter((url) => ours(url) && !urls.includes(url));
  const sizes = new Map<string, ScriptSize>();
  for (const url of [...urls, ...editor]) sizes.set(url, await size(url));
  const pick = (list: string[]) => list.flatMap((url) => sizes.get(url) ?? []);
  return { firstLoad: pick(firstLoadUrls), all: pick(urls), editor: pick(editor) };
}

async function size(url: string): Promise<ScriptSize> {
  const response = await get(url, 'gzip');
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  const gzipped = response.encoding === 'gzip';
  return { url, gzipBytes: response.body.length, bytes: gzipped ? gunzipSync(response.body).length : response.body.length };
}

function get(url: string, acceptEncoding: string): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decodeEntities(text: string): string {
  return text.replaceAll('&amp;', '&');
}

export const totalKb = (scripts: ScriptSize[], key: 'gzipBytes' | 'bytes') => scripts.reduce((sum, script) => sum + script[key], 0) / 1024;
