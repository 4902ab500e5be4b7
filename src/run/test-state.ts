/**
 * Runs one state on its own, the way the AWS TestState API does: given an input, variables and a stubbed
 * task answer, it reports the status, output, error and cause, the next state, and (inspection data) each
 * data-flow step. Like TestState it never retries: an error that a retrier would handle comes back as
 * RETRIABLE with the retrier's index and back-off (and no next state), one a catcher handles as CAUGHT_ERROR with the
 * catcher's index, its output and its Next, anything else as FAILED.
 */
import { buildModel, qualifiedName } from '../asl/walker.js';
import { refuseInvalidVariables } from './variable-guard.js';
import { suggestNearest } from '../asl/suggest.js';
import type { StateCall, StateOutcome } from './dataflow.js';
import { ExecutionTimeout, RunSetupError, StatesError } from './errors.js';
import { HistoryLimitError } from './history.js';
import { caught, enterState, exitEvent, runScope } from './engine.js';
import { backoffSeconds, findCatcherIndex, matchRetrier, maxAttemptsOf } from './retry.js';
import { Runtime, type Frame } from './runtime.js';
import { identityFor } from './identity.js';
import { resolveStubs } from './execute.js';
import type { ExecuteOptions } from './types.js';
import { checkMock, mockedAnswerer, mockedResult, type TestStateConfiguration, type TestStateMock } from './test-state-mock.js';
import { HTTP_RESOURCE, httpTrace } from './test-state-http.js';
import type { StateNode } from '../asl/walker.js';

export type { TestStateConfiguration, TestStateMock } from './test-state-mock.js';

export interface TestStateOptions extends ExecuteOptions, TestStateConfiguration {
  /**
   * TestState's `mock`: the Task's, Map's or Parallel's result (`{result}`) or error (`{errorOutput: {error, cause}}`)
   * instead of the stubs or the iterations and branches. A Map's or Parallel's mocked result is an array (a
   * Parallel's with one element per branch).
   */
  mock?: TestStateMock;
  /** Variables visible to the state. */
  variables?: Record<string, unknown>;
  /**
   * How many retries of the matching retrier have already happened (TestState's `retrierRetryCount`):
   * with the retrier's MaxAttempts reached, the error goes to Catch instead. Default 0.
   */
  retrierRetryCount?: number;
  /**
   * Context object fields to use (TestState's `context`), merged over the generated ones. A state inside a Map
   * gets `Map.Item` filled in as for the first iteration (Index 0, Value the state's input); for example
   * `{"Map": {"Item": {"Index": 2, "Value": {...}}}}` for a state inside a Map, or `{"Execution": {"Name": "x"}}`.
   */
  context?: Record<string, unknown>;
}

/** TestState's statuses. */
export type TestStateStatus = 'SUCCEEDED' | 'FAILED' | 'RETRIABLE' | 'CAUGHT_ERROR';

/** TestState's inspection data: each data-flow step that applies to the state, by AWS's field names. */
export interface TestStateInspection {
  input?: unknown;
  afterInputPath?: unknown;
  afterParameters?: unknown;
  afterArguments?: unknown;
  afterItemsPath?: unknown;
  afterItemSelector?: unknown;
  result?: unknown;
  afterResultSelector?: unknown;
  afterResultPath?: unknown;
  /** Every variable after the state: the given ones with the state's assignments applied. */
  variables?: Record<string, unknown>;
  errorDetails?: { retryIndex?: number; retryBackoffIntervalSeconds?: number; catchIndex?: number };
  /** The HTTP request and response of an HTTP Task (TestState's TRACE level), every field a string. */
  request?: Record<string, string>;
  response?: Record<string, string>;
  [step: string]: unknown;
}

export interface TestStateResult {
  status: TestStateStatus;
  output?: unknown;
  error?: string;
  cause?: string;
  /** Where the execution would go: Next or a catcher's Next (none when the state failed or ends the machine). */
  nextState?: string;
  /** The variables this state assigned. */
  assignedVariables?: Record<string, unknown>;
  inspection: TestStateInspection;
}

const retryable = (type: string | undefined) => type === 'Task' || type === 'Parallel' || type === 'Map';

export async function testState(definition: unknown, stateName: string, input: unknown, options: TestStateOptions = {}): Promise<TestStateResult> {
  const model = buildModel(definition);
  refuseInvalidVariables(model);
  const node = findState(model.states, stateName);
  const startMs = startOf(options);
  checkMock(node, options.mock, options);
  options = await resolveStubs(options);
  options = { ...options, answerer: mockedAnswerer(node, options.mock, options, options.answerer) };
  const runtime = new Runtime(model, options, identityFor(options, input, startMs));
  runtime.startMs = startMs;
  runtime.contextOverride = options.context;
  const given = { ...(options.variables ?? {}) };
  const frame: Frame = { clock: startMs, variables: given, lastEventId: 0, mapItem: mapItemFor(node, input) };
  const inspection: TestStateInspection = { input };
  const retryCount = options.retrierRetryCount ?? 0;
  const finished = (status: TestStateStatus, outcome: StateOutcome, error?: StatesError): TestStateResult => {
    inspection.variables = { ...given, ...(outcome.assigned ?? {}) };
    traceHttp(node, inspection);
    const result: TestStateResult = { status, output: outcome.output, inspection };
    if (error?.error !== undefined) result.error = error.error;
    if (error?.cause !== undefined) result.cause = error.cause;
    if (outcome.next !== undefined) result.nextState = outcome.next;
    if (outcome.assigned) result.assignedVariables = outcome.assigned;
    return result;
  };
  const failed = (status: TestStateStatus, error: string | undefined, cause: string | undefined): TestStateResult => {
    traceHttp(node, inspection);
    const result: TestStateResult = { status, inspection };
    if (error !== undefined) result.error = error;
    if (cause !== undefined) result.cause = cause;
    return result;
  };
  try {
    const execute = enterState(runtime, node, input, frame);
    const call: StateCall = { runtime, node, frame, input, enteredTime: frame.clock, retryCount, inspection, runScope };
    if (options.mock && (node.type === 'Map' || node.type === 'Parallel')) call.mockedResult = mockedResult(options.mock, options.mapIterationFailureCount);
    try {
      const outcome = await execute(call);
      exitEvent(runtime, node, frame, outcome);
      return finished('SUCCEEDED', outcome);
    } catch (err) {
      if (!(err instanceof StatesError) || !retryable(node.type)) throw err;
      const match = matchRetrier(node.raw.Retry, err);
      if (match && retryCount < maxAttemptsOf(match.retrier)) {
        const seconds = Math.round(backoffSeconds(match.retrier, retryCount, runtime.random));
        inspection.errorDetails = { retryIndex: match.index, retryBackoffIntervalSeconds: seconds };
        // The state failed, so TestState names no next state; the retry is in errorDetails.
        return failed('RETRIABLE', err.error, err.cause);
      }
      const catchIndex = findCatcherIndex(node.raw.Catch, err);
      if (catchIndex < 0) throw err;
      inspection.errorDetails = { catchIndex };
      const outcome = await caught(call, (node.raw.Catch as Record<string, unknown>[])[catchIndex]!, err);
      exitEvent(runtime, node, frame, outcome);
      return finished('CAUGHT_ERROR', outcome, err);
    }
  } catch (err) {
    if (err instanceof StatesError) return failed('FAILED', err.error, err.cause);
    if (err instanceof ExecutionTimeout) return failed('FAILED', 'States.Timeout', err.message);
    if (err instanceof HistoryLimitError) return failed('FAILED', 'States.Runtime', err.message);
    throw err;
  }
}

/**
 * A state inside a Map runs as one of its iterations, so `$$.Map.Item` is there as AWS fills it for a tested
 * state: the first item (Index 0), whose value is the state's input. `context` can say otherwise.
 */
function mapItemFor(node: StateNode, input: unknown): Frame['mapItem'] {
  return node.scope.owner?.type === 'Map' ? { Index: 0, Value: input, Source: 'STATE_DATA' } : undefined;
}

/** An HTTP Task's request and response, for the TRACE level. */
function traceHttp(node: StateNode, inspection: TestStateInspection): void {
  if (node.type !== 'Task' || node.raw.Resource !== HTTP_RESOURCE) return;
  const trace = httpTrace(inspection.afterArguments ?? inspection.afterParameters, inspection.result);
  if (trace) Object.assign(inspection, trace);
}

/** The state by its qualified name ("Outer/0/Inner"), else by its own name; none is a setup error listing them all. */
function findState(states: StateNode[], stateName: string): StateNode {
  const node = states.find((n) => qualifiedName(n) === stateName) ?? states.find((n) => n.name === stateName);
  if (node) return node;
  const names = states.map((n) => qualifiedName(n));
  const near = suggestNearest(stateName, names);
  throw new RunSetupError(`There is no state "${stateName}"; the states are ${names.map((n) => `"${n}"`).join(', ')}.${near ? ` Did you mean "${near}"?` : ''}`);
}

function startOf(options: TestStateOptions): number {
  const startMs = Date.parse(String(options.startTime instanceof Date ? options.startTime.toISOString() : options.startTime ?? '2024-01-01T00:00:00.000Z'));
  if (Number.isNaN(startMs)) throw new RunSetupError(`The start time ${String(options.startTime)} is not an ISO-8601 timestamp.`);
  return startMs;
}
