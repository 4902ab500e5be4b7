/**
 * A worker thread of `asl test --jobs`: runs the scenarios it is sent, each by test file and index, and
 * posts back the result and the coverage hits. Each worker loads a test file (with its machine and stubs)
 * once and keeps it for the scenarios of that file it gets later.
 */
import { parentPort } from 'node:worker_threads';
import { FileCache } from './answerers.js';
import { prepareTestFile, type PreparedTestFile } from './prepare.js';
import { runScenario } from './run-scenario.js';

export interface ScenarioTask {
  id: number;
  shown: string;
  cwd: string;
  index: number;
}

export type ScenarioReply =
  | { id: number; result: import('./types.js').ScenarioResult; hits?: Array<[string, number]> }
  | { id: number; crash: string };

const cache = new FileCache();
const prepared = new Map<string, Promise<PreparedTestFile>>();

parentPort?.on('message', (task: ScenarioTask) => {
  void (async () => {
    try {
      const key = `${task.cwd}\u0000${task.shown}`;
      let file = prepared.get(key);
      if (!file) prepared.set(key, (file = prepareTestFile(task.shown, task.cwd, cache)));
      const ready = await file;
      if (!ready.context) throw new Error(`${task.shown} could not be loaded in a worker: ${ready.error?.message ?? 'unknown problem'}`);
      const { result, hits } = await runScenario(ready.context, task.index);
      parentPort!.postMessage({ id: task.id, result, hits: hits ? [...hits] : undefined } satisfies ScenarioReply);
    } catch (error) {
      parentPort!.postMessage({ id: task.id, crash: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ScenarioReply);
    }
  })();
});
