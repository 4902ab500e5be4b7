/**
 * Parallel: every branch gets the effective input and a copy of the variables (their assignments stay
 * inside); outputs come back in branch order. Branches start together on the virtual clock and the state
 * ends when the slowest does. A failing branch fails the state with that branch's own error.
 */
import { StatesError } from '../errors.js';
import { finishState, taskInput, type StateCall, type StateOutcome } from '../dataflow.js';
import { runScope } from '../engine.js';
import { childFrame } from '../runtime.js';

export async function runParallel(call: StateCall): Promise<StateOutcome> {
  const { runtime, node, frame } = call;
  const input = await taskInput(call);
  runtime.event(frame, 'ParallelStateStarted');
  const results: unknown[] = [];
  let end = frame.clock;
  for (const branch of node.children) {
    const child = childFrame(frame, frame.variables);
    try {
      results.push(await runScope(runtime, branch, input, child));
    } catch (err) {
      if (err instanceof StatesError) {
        frame.clock = Math.max(end, child.clock);
        runtime.event(frame, 'ParallelStateFailed', { error: err.error, cause: err.cause });
      }
      throw err;
    }
    end = Math.max(end, child.clock);
  }
  frame.clock = end;
  runtime.event(frame, 'ParallelStateSucceeded');
  return finishState(call, results);
}
