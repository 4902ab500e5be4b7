/**
 * Parallel: every branch gets the effective input and a copy of the variables (their assignments stay
 * inside); outputs come back in branch order. Branches run side by side on the virtual clock (see
 * lanes.ts) and the state ends when the slowest does. The first branch to fail in virtual time (the
 * lowest index on a tie) fails the state with its own error, and the other branches stop there, as AWS
 * stops them.
 */
import { finishState, taskInput, type StateCall, type StateOutcome } from '../dataflow.js';
import { Lanes } from '../lanes.js';
import { childFrame } from '../runtime.js';

export async function runParallel(call: StateCall): Promise<StateOutcome> {
  const { runtime, node, frame, runScope } = call;
  const input = await taskInput(call);
  runtime.event(frame, 'ParallelStateStarted');
  // A mocked Parallel (TestState's mock): the mock stands for the branches' outputs.
  if (call.mockedResult) return finishState(call, call.mockedResult({ count: 0, percentage: 0 }));
  const results: unknown[] = new Array(node.children.length);
  let failure: unknown;
  await new Lanes(runtime, frame).run(node.children.length, 0, {
    frame: (index, start) => ({ ...childFrame(frame, frame.variables), clock: start, thread: `${frame.thread ? `${frame.thread}/` : ''}${node.name}/${index}` }),
    run: (index, child) => runScope(runtime, node.children[index]!, input, child),
    done(index, value) {
      results[index] = value;
      return true;
    },
    failed(_index, error) {
      failure = error;
      return false;
    },
  });
  // ParallelStateFailed is recorded by the engine once retries are over.
  if (failure !== undefined) throw failure;
  runtime.event(frame, 'ParallelStateSucceeded');
  return finishState(call, results);
}
