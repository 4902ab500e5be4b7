/** One executor per state type; the engine looks them up by `Type`. */
import type { StateCall, StateOutcome } from '../dataflow.js';
import { runChoice } from './choice.js';
import { runFail } from './fail.js';
import { runMap } from './map.js';
import { runParallel } from './parallel.js';
import { runPass } from './pass.js';
import { runSucceed } from './succeed.js';
import { runTask } from './task.js';
import { runWait } from './wait.js';

export type StateExecutor = (call: StateCall) => Promise<StateOutcome>;

export const executors: Record<string, StateExecutor> = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
};
