/**
 * Graphviz in WebAssembly recurses once per node along long paths, so a chain of about 15,000 states or
 * more overflows the main thread's stack. Such a layout is run again in a worker thread whose stack is
 * large enough (the main thread's cannot be raised from inside the process).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Stack for the worker: a 20,000-state chain needs about 64 MB; this leaves room for several times that. */
const WORKER_STACK_MB = 512;

/** The worker: CommonJS, so it can load the package's CommonJS build by an absolute path. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { instance } = require(workerData.viz);
instance()
  .then((viz) => viz.render(workerData.dot, { format: 'svg' }))
  .then((result) => parentPort.postMessage(result), (error) => parentPort.postMessage({ status: 'failure', errors: [{ message: String(error && error.message || error) }] }));
`;

export interface WorkerRender {
  status: string;
  output?: string;
  errors: Array<{ message: string }>;
}

export function renderInWorker(dot: string): Promise<WorkerRender> {
  const viz = createRequire(import.meta.url).resolve('@viz-js/viz');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { dot, viz }, resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    worker.once('message', (result: WorkerRender) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
