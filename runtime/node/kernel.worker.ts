/** Node worker_threads entry: exposes the kernel over the worker's message port. */
import { parentPort } from 'node:worker_threads';
import { createKernelEndpoint } from '../kernel-endpoint';
import { readPythonSources } from './python-sources';

const port = parentPort;
if (!port) throw new Error('kernel.worker.ts must run in a worker thread');

const handle = createKernelEndpoint({
  post: (event) => port.postMessage(event),
  importPyodide: async () => (await import('pyodide')).loadPyodide,
  pythonSources: readPythonSources(),
});
port.on('message', handle);
