/**
 * Runs scenarios on worker threads (`asl test --jobs N`): each worker takes the next scenario as soon as
 * it is free, so one slow scenario does not hold the others up. Results come back with their coverage
 * hits; the caller puts them in place. Workers are started only for runs large enough to repay their start
 * (about 50 ms each), and always ended, also when a scenario crashes one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ScenarioReply, ScenarioTask } from './scenario-worker.js';
import type { ScenarioResult } from './types.js';

export interface PoolTask {
  shown: string;
  cwd: string;
  index: number;
}

export interface PoolOptions {
  jobs: number;
  /** Called with each result as it arrives; return false to dispatch nothing more (--bail). */
  onResult(task: PoolTask, result: ScenarioResult, hits: Map<string, number> | undefined): boolean;
}

/** Where the worker script is: beside this module, in dist/suite/ or in the command-line bundle. */
const workerUrl = new URL('./scenario-worker.js', import.meta.url);

/**
 * Whether the worker script is there: it is in dist/ and in the bundle, but not beside the TypeScript
 * sources when they run through a loader (the tests), where scenarios then run in this thread.
 */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(workerUrl));
}

/** Runs the tasks; resolves with the tasks never dispatched (after a stop), in order. */
export async function runPool(tasks: PoolTask[], options: PoolOptions): Promise<PoolTask[]> {
  const workers = Array.from({ length: Math.min(options.jobs, tasks.length) }, () => new Worker(workerUrl));
  let next = 0;
  let stopped = false;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((done, fail) => {
            const dispatch = () => {
              if (stopped || next >= tasks.length) return done();
              const id = next++;
              const task = tasks[id]!;
              worker.postMessage({ id, shown: task.shown, cwd: task.cwd, index: task.index } satisfies ScenarioTask);
            };
            worker.on('message', (reply: ScenarioReply) => {
              if ('crash' in reply) return fail(new Error(`a test worker failed: ${reply.crash}`));
              const keepGoing = options.onResult(tasks[reply.id]!, reply.result, reply.hits ? new Map(reply.hits) : undefined);
              if (!keepGoing) stopped = true;
              dispatch();
            });
            worker.on('error', fail);
            dispatch();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return tasks.slice(next);
}
