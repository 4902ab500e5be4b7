/**
 * One executor per state type. The engine runs a state through `executeState`, which narrows the state's view
 * to its type, so each executor reads the fields its type has and no other.
 */
import type { StateCall, StateOutcome } from '../dataflow.js';
import { RunSetupError } from '../errors.js';
import { runChoice } from './choice.js';
import { runFail } from './fail.js';
import { runMap } from './map.js';
import { runParallel } from './parallel.js';
import { runPass } from './pass.js';
import { runSucceed } from './succeed.js';
import { runTask } from './task.js';
import { runWait } from './wait.js';

export type StateExecutor = (call: StateCall) => Promise<StateOutcome>;

/** Runs one attempt of the call's state with its type's executor. */
export const executeState: StateExecutor = (call) => {
  const state = call.node.state;
  switch (state.Type) {
    case 'Pass':
      return runPass(call, state);
    case 'Task':
      return runTask(call, state);
    case 'Choice':
      return runChoice(call, state);
    case 'Wait':
      return runWait(call, state);
    case 'Succeed':
      return runSucceed(call);
    case 'Fail':
      return runFail(call, state);
    case 'Parallel':
      return runParallel(call);
    case 'Map':
      return runMap(call, state);
    case undefined:
      // enterState refuses a state of no known type before any attempt.
      throw new RunSetupError(`The state "${call.node.name}" has an unknown Type ${JSON.stringify(call.node.type)}; run asl validate.`);
  }
};
