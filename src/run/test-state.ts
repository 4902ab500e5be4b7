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
import { backoffSeconds, matchCatcher, matchRetrier, maxAttemptsOf } from './retry.js';
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

export async function testState(definition: unknown, stateName: string, input: unknown, options: TestStateOptions = {}): Promise<TestStateResult> {
  const tested = await setUp(definition, stateName, input, options);
  try {
    return await attempt(tested, options);
  } catch (err) {
    if (err instanceof StatesError) return failed(tested, 'FAILED', err.error, err.cause);
    if (err instanceof ExecutionTimeout) return failed(tested, 'FAILED', 'States.Timeout', err.message);
    if (err instanceof HistoryLimitError) return failed(tested, 'FAILED', 'States.Runtime', err.message);
    throw err;
  }
}

/** The tested state, ready to run: its runtime and frame, the variables it was given, the inspection so far. */
interface Tested {
  node: StateNode;
  runtime: Runtime;
  frame: Frame;
  input: unknown;
  given: Record<string, unknown>;
  inspection: TestStateInspection;
  retryCount: number;
}

async function setUp(definition: unknown, stateName: string, input: unknown, options: TestStateOptions): Promise<Tested> {
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
  return { node, runtime, frame, input, given, inspection: { input }, retryCount: options.retrierRetryCount ?? 0 };
}

/** One attempt of the state; a workflow error goes to its retriers and catchers as TestState resolves it. */
async function attempt(tested: Tested, options: TestStateOptions): Promise<TestStateResult> {
  const { node, runtime, frame, input, inspection, retryCount } = tested;
  const execute = enterState(runtime, node, input, frame);
  const call: StateCall = { runtime, node, frame, input, enteredTime: frame.clock, retryCount, inspection, runScope };
  const type = node.state.Type;
  if (options.mock && (type === 'Map' || type === 'Parallel')) call.mockedResult = mockedResult(options.mock, options.mapIterationFailureCount);
  try {
    const outcome = await execute(call);
    exitEvent(runtime, node, frame, outcome);
    return finished(tested, 'SUCCEEDED', outcome);
  } catch (err) {
    if (!(err instanceof StatesError)) throw err;
    return handled(tested, call, err);
  }
}

/**
 * An error the state raised, as TestState reports it: RETRIABLE when a retrier with attempts left matches,
 * else CAUGHT_ERROR when a catcher does; anything else (and any error of a state without Retry and Catch)
 * is thrown on, to be reported as FAILED.
 */
async function handled(tested: Tested, call: StateCall, err: StatesError): Promise<TestStateResult> {
  const { node, runtime, frame, inspection, retryCount } = tested;
  const state = node.state;
  if (state.Type !== 'Task' && state.Type !== 'Parallel' && state.Type !== 'Map') throw err;
  const retrier = matchRetrier(state.Retry, err);
  if (retrier && retryCount < maxAttemptsOf(retrier.retrier)) {
    const seconds = Math.round(backoffSeconds(retrier.retrier, retryCount, runtime.random));
    inspection.errorDetails = { retryIndex: retrier.index, retryBackoffIntervalSeconds: seconds };
    // The state failed, so TestState names no next state; the retry is in errorDetails.
    return failed(tested, 'RETRIABLE', err.error, err.cause);
  }
  const catcher = matchCatcher(state.Catch, err);
  if (!catcher) throw err;
  inspection.errorDetails = { catchIndex: catcher.index };
  const outcome = await caught(call, catcher.catcher, err);
  exitEvent(runtime, node, frame, outcome);
  return finished(tested, 'CAUGHT_ERROR', outcome, err);
}

/** The state completed (or a catcher took its error): its output, next state and variables. */
function finished(tested: Tested, status: TestStateStatus, outcome: StateOutcome, error?: StatesError): TestStateResult {
  const { inspection } = tested;
  inspection.variables = { ...tested.given, ...(outcome.assigned ?? {}) };
  traceHttp(tested.node, inspection);
  const result: TestStateResult = { status, output: outcome.output, inspection };
  if (error?.error !== undefined) result.error = error.error;
  if (error?.cause !== undefined) result.cause = error.cause;
  if (outcome.next !== undefined) result.nextState = outcome.next;
  if (outcome.assigned) result.assignedVariables = outcome.assigned;
  return result;
}

/** The state failed (or will be retried): the error and what the inspection got to. */
function failed(tested: Tested, status: TestStateStatus, error: string | undefined, cause: string | undefined): TestStateResult {
  traceHttp(tested.node, tested.inspection);
  const result: TestStateResult = { status, inspection: tested.inspection };
  if (error !== undefined) result.error = error;
  if (cause !== undefined) result.cause = cause;
  return result;
}

/**
 * A state inside a Map runs as one of its iterations, so `$$.Map.Item` is there as AWS fills it for a tested
 * state: the first item (Index 0), whose value is the state's input. `context` can say otherwise.
 */
function mapItemFor(node: StateNode, input: unknown): Frame['mapItem'] {
  return node.scope.owner?.state.Type === 'Map' ? { Index: 0, Value: input, Source: 'STATE_DATA' } : undefined;
}

/** An HTTP Task's request and response, for the TRACE level. */
function traceHttp(node: StateNode, inspection: TestStateInspection): void {
  if (node.state.Type !== 'Task' || node.state.Resource !== HTTP_RESOURCE) return;
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
