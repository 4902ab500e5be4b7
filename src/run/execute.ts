/**
 * `execute`: runs a state machine. Kept apart from the package index so that the CLI loads only what a
 * run needs (the stub file and mock config modules load when stubs are used).
 */
import { buildModel } from '../asl/walker.js';
import { ExecutionTimeout, RunSetupError, StatesError } from './errors.js';
import { HistoryLimitError, payloadText } from './history.js';
import { runScope } from './engine.js';
import { Runtime, type Frame } from './runtime.js';
import { identityFor } from './identity.js';
import { refuseInvalidVariables } from './variable-guard.js';
import { ExecutionAborted } from './pace.js';
import type { ExecuteOptions, ExecutionResult } from './types.js';
import { isStackOverflow, MAX_DATA_NESTING } from './nesting.js';

const DEEP_DATA_CAUSE = `The execution's data nests objects and arrays too deeply to process; keep it under ${MAX_DATA_NESTING} levels.`;

/** Options with `stubs` turned into an answerer, loading the stub file support only when needed. */
export async function resolveStubs<T extends ExecuteOptions>(options: T): Promise<T> {
  if (options.answerer !== undefined || options.stubs === undefined) return options;
  const { withStubs } = await import('./stubs/node-hooks.js');
  return withStubs(options);
}

const DEFAULT_START = '2024-01-01T00:00:00.000Z';
/** "Choosing workflow type" in the developer guide: Express executions run for at most five minutes. */
const EXPRESS_MAX_MS = 300_000;
/**
 * Runs the machine. Workflow failures come back as a FAILED/TIMED_OUT result; problems with the run
 * itself (a Task without a stub, an invalid definition) are thrown as RunSetupError, so callers can
 * tell "the workflow failed" from "the run could not happen". Reaching `maxEvents` ends the run FAILED
 * with States.Runtime and a cause that says so. The input defaults to `{}`, as StartExecution's does.
 */
export async function execute(definition: unknown, input: unknown = {}, options: ExecuteOptions = {}): Promise<ExecutionResult> {
  const model = buildModel(definition);
  refuseInvalidVariables(model);
  const startMs = Date.parse(String(options.startTime instanceof Date ? options.startTime.toISOString() : options.startTime ?? DEFAULT_START));
  if (Number.isNaN(startMs)) throw new RunSetupError(`The start time ${String(options.startTime)} is not an ISO-8601 timestamp.`);
  options = await resolveStubs(options);
  const identity = identityFor(options, input, startMs);
  const runtime = new Runtime(model, options, identity);
  runtime.startMs = startMs;
  runtime.contextOverride = options.context;
  const timeoutSeconds = model.topLevel.TimeoutSeconds;
  if (typeof timeoutSeconds === 'number') runtime.timeoutMs = timeoutSeconds * 1000;
  // An Express execution lasts at most five minutes, whatever TimeoutSeconds says, then times out.
  if (options.stateMachineType === 'EXPRESS') runtime.timeoutMs = Math.min(runtime.timeoutMs ?? EXPRESS_MAX_MS, EXPRESS_MAX_MS);
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
    if (err instanceof ExecutionAborted || runtime.pace.aborted) return aborted(runtime, frame);
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
    // Data nested thousands of levels deep (from a stub, $parse …) exhausts the stack of whatever walks it.
    if (isStackOverflow(err)) return { status: 'FAILED', error: 'States.Runtime', cause: DEEP_DATA_CAUSE, history: history.events };
    throw err;
  }
}

/** The caller aborted: ABORTED with the history so far, closed by ExecutionAborted as AWS records a stop. */
function aborted(runtime: Runtime, frame: Frame): ExecutionResult {
  try {
    runtime.event(frame, 'ExecutionAborted', {});
  } catch (error) {
    // The event guard may be exactly at its limit; the status says enough.
    if (!(error instanceof HistoryLimitError)) throw error;
  }
  return { status: 'ABORTED', history: runtime.history.events };
}
