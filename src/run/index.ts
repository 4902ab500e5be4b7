/**
 * The interpreter's public API: `execute(definition, input, options)` runs a state machine with Task
 * states answered by stubs, on a virtual clock, and returns the result and history. Pure: it prints
 * nothing and touches no process state; the CLI renders the result.
 */
import { buildModel } from '../asl/walker.js';
import { ExecutionTimeout, RunSetupError, StatesError } from './errors.js';
import { HistoryLimitError, payloadText } from './history.js';
import { runScope } from './engine.js';
import { Runtime, type Frame } from './runtime.js';
import { identityFor } from './identity.js';
import type { ExecuteOptions, ExecutionResult } from './types.js';
import { withStubs } from './stubs/node-hooks.js';

export type { ExecuteOptions, ExecutionResult, ExecutionStatus, TaskAnswer, TaskAnswerer, TaskRequest } from './types.js';
export type { HistoryEvent } from './history.js';
export { StatesError, RunSetupError, ErrorNames } from './errors.js';
export { HistoryLimitError } from './history.js';
export { checkMockConfig, mockConfigAnswerer, MockConfigError } from './stubs/mock-config.js';
export { describePointer } from './stubs/problems.js';
export type { FileProblem } from './stubs/problems.js';
export { testState } from './test-state.js';
export type { TestStateOptions, TestStateResult, TestStateStatus, TestStateInspection } from './test-state.js';
export { fileStubHooks } from './stubs/node-hooks.js';
export { checkStubFile, stubFileAnswerer, StubFileError } from './stubs/stub-file.js';
export type { StubFile, StubAnswer, StubHandler, StubHooks } from './stubs/stub-file.js';

const DEFAULT_START = '2024-01-01T00:00:00.000Z';
/**
 * Runs the machine. Workflow failures come back as a FAILED/TIMED_OUT result; problems with the run
 * itself (a Task without a stub, an invalid definition) are thrown as RunSetupError, so callers can
 * tell "the workflow failed" from "the run could not happen". Reaching `maxEvents` ends the run FAILED
 * with States.Runtime and a cause that says so. The input defaults to `{}`, as StartExecution's does.
 */
export async function execute(definition: unknown, input: unknown = {}, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const model = buildModel(definition);
  const startMs = Date.parse(String(options.startTime instanceof Date ? options.startTime.toISOString() : options.startTime ?? DEFAULT_START));
  if (Number.isNaN(startMs)) throw new RunSetupError(`The start time ${String(options.startTime)} is not an ISO-8601 timestamp.`);
  options = withStubs(options);
  const identity = identityFor(options, input, startMs);
  const runtime = new Runtime(model, options, identity);
  runtime.startMs = startMs;
  const top = (definition ?? {}) as Record<string, unknown>;
  if (typeof top.TimeoutSeconds === 'number') runtime.timeoutMs = top.TimeoutSeconds * 1000;
  const frame: Frame = { clock: startMs, variables: {}, lastEventId: 0 };
  const history = runtime.history;
  runtime.event(frame, 'ExecutionStarted', {
    input: payloadText(input),
    inputDetails: { truncated: false },
    roleArn: identity.roleArn,
    stateMachineArn: identity.stateMachineArn,
  });
  try {
    const output = await runScope(runtime, model.root, input, frame);
    runtime.event(frame, 'ExecutionSucceeded', { output: payloadText(output), outputDetails: { truncated: false } });
    return { status: 'SUCCEEDED', output, history: history.events };
  } catch (err) {
    if (err instanceof StatesError) {
      const details: Record<string, unknown> = {};
      if (err.error !== undefined) details.error = err.error;
      if (err.cause !== undefined) details.cause = err.cause;
      runtime.event(frame, 'ExecutionFailed', details);
      const result: ExecutionResult = { status: 'FAILED', history: history.events };
      if (err.error !== undefined) result.error = err.error;
      if (err.cause !== undefined) result.cause = err.cause;
      return result;
    }
    if (err instanceof ExecutionTimeout) {
      runtime.event(frame, 'ExecutionTimedOut', {});
      return { status: 'TIMED_OUT', error: 'States.Timeout', history: history.events };
    }
    if (err instanceof HistoryLimitError) {
      // The guard that ends endless loops: a failed run that says why, with the history so far.
      return { status: 'FAILED', error: 'States.Runtime', cause: err.message, history: history.events };
    }
    throw err;
  }
}
