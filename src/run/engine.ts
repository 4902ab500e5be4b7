/**
 * Runs a scope (the machine, a Parallel branch, a Map iteration) state by state, recording history and
 * applying Retry and Catch around each state that allows them.
 */
import type { Scope, StateNode } from '../asl/walker.js';
import type { Catcher } from '../asl/types.js';
import { ErrorNames, RunSetupError, StatesError, inState } from './errors.js';
import { payloadText } from './history.js';
import { applyResultPath, evaluateAssign, evaluateAssignPath, isJsonata, jsonataEnv, type StateCall, type StateOutcome } from './dataflow.js';
import { evaluateTemplate } from './jsonata.js';
import { matchCatcher, matchRetrier, retryDelay } from './retry.js';
import type { Frame, Runtime } from './runtime.js';
import { executeState } from './states/index.js';
import { reportDone, reportFailed } from './visits.js';
import { ExecutionAborted } from './pace.js';

const DATA_LIMIT_BYTES = 262_144;

export async function runScope(runtime: Runtime, scope: Scope, input: unknown, frame: Frame): Promise<unknown> {
  let name = scope.startAt;
  let current = input;
  for (;;) {
    const node = typeof name === 'string' ? scope.byName.get(name) : undefined;
    if (!node) throw new RunSetupError(`The state "${String(name)}" does not exist; the definition is invalid (run asl validate).`);
    runtime.checkTimeout(frame);
    // Usually no await at all: only when ~20 ms have passed does the run give the event loop a turn.
    const pause = runtime.pace.checkpoint();
    if (pause) await pause;
    const outcome = await runState(runtime, node, current, frame);
    if (outcome.assigned) frame.variables = { ...frame.variables, ...outcome.assigned };
    current = outcome.output;
    if (outcome.next === undefined) return current;
    name = outcome.next;
  }
}

function eventPrefix(node: StateNode): string {
  return node.type ?? 'Unknown';
}

/** AWS's wording, which names the state but not the sizes. */
function dataLimitError(node: StateNode): StatesError {
  return new StatesError(ErrorNames.DataLimitExceeded, `The state/task '${node.name}' returned a result with a size exceeding the maximum number of bytes service limit.`, false, true);
}

/** Checks the size limit on the JSON text the history records anyway, so it costs no second serialisation. */
function checkSize(node: StateNode, text: string, what: string): void {
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit: short texts cannot be over the limit.
  if (text.length * 3 <= DATA_LIMIT_BYTES) return;
  const size = Buffer.byteLength(text);
  if (size > DATA_LIMIT_BYTES) throw dataLimitError(node);
}

/**
 * Checks the size limit without serialising when no history text is needed: an upper bound of the JSON
 * size (every string character counted as an escape of 6 bytes) settles almost every value; only a value
 * whose bound passes the limit is serialised and measured exactly.
 */
function checkSizeOf(node: StateNode, value: unknown, what: string): void {
  let budget = DATA_LIMIT_BYTES;
  const pending: unknown[] = [value];
  while (pending.length > 0 && budget >= 0) {
    const v = pending.pop();
    if (typeof v === 'string') budget -= 6 * v.length + 2;
    else if (typeof v === 'number') budget -= 24;
    else if (Array.isArray(v)) {
      budget -= 2 + v.length;
      for (let i = 0; i < v.length; i++) pending.push(v[i]);
    } else if (v !== null && typeof v === 'object') {
      budget -= 2;
      for (const key in v) {
        budget -= 6 * key.length + 4;
        pending.push((v as Record<string, unknown>)[key]);
      }
    } else budget -= 5;
  }
  if (budget >= 0) return;
  checkSize(node, payloadText(value), what);
}

/** Records the state's entry (checking the input size) and returns its executor. */
export function enterState(runtime: Runtime, node: StateNode, input: unknown, frame: Frame): (call: StateCall) => Promise<StateOutcome> {
  if (runtime.history.detailed) {
    const inputText = payloadText(input);
    checkSize(node, inputText, 'the state input');
    runtime.event(frame, `${eventPrefix(node)}StateEntered`, { name: node.name, input: inputText, inputDetails: { truncated: false } });
  } else {
    // Nobody reads the events (--format json without --history): count them, build nothing.
    checkSizeOf(node, input, 'the state input');
    runtime.event(frame, 'StateEntered');
  }
  if (node.state.Type === undefined) throw new RunSetupError(`The state "${node.name}" has an unknown Type ${JSON.stringify(node.type)}; run asl validate.`);
  return executeState;
}

async function runState(runtime: Runtime, node: StateNode, input: unknown, frame: Frame, inspection?: Record<string, unknown>): Promise<StateOutcome> {
  const enteredTime = frame.clock;
  const execute = enterState(runtime, node, input, frame);
  const enteredEventId = frame.lastEventId;
  const state = node.state;
  const retryable = state.Type === 'Task' || state.Type === 'Parallel' || state.Type === 'Map';
  let attempts: number[] | undefined;
  let retryCount = 0;
  // Retrier indexes of the retries that fired, for onStateDone (coverage of retriers).
  const retriesFired: number[] = [];
  for (;;) {
    const call: StateCall = { runtime, node, frame, input, enteredTime, retryCount, inspection, runScope };
    try {
      const outcome = await execute(call);
      exitEvent(runtime, node, frame, outcome);
      reportDone(runtime, node, frame, input, outcome, retriesFired);
      return outcome;
    } catch (thrown) {
      // Whatever was thrown once the caller aborted (a guard's throwIfAborted, a failure it caused) ends
      // the execution: no Catch or Retry may turn it into a workflow path.
      if (runtime.pace.aborted) throw thrown instanceof ExecutionAborted ? thrown : new ExecutionAborted();
      let err = thrown;
      if (err instanceof StatesError && !err.placed && (err.error === ErrorNames.QueryEvaluationError || err.error === ErrorNames.Runtime)) {
        // AWS's cause names the state and its StateEntered event; a JSONata failure is also recorded as EvaluationFailed.
        err = inState(err, node.name, enteredEventId);
        const failure = err as StatesError;
        if (failure.error === ErrorNames.QueryEvaluationError) {
          runtime.event(frame, 'EvaluationFailed', { error: failure.error, cause: failure.cause, ...(failure.location ? { location: failure.location } : {}), state: node.name });
        }
      }
      if (!(err instanceof StatesError)) throw err;
      if (!retryable) {
        reportFailed(runtime, node, frame, input, err, retriesFired);
        throw err;
      }
      const delay = retryDelay(state.Retry, err, (attempts ??= []), runtime.random);
      if (delay !== undefined) {
        if (runtime.options.onStateDone) retriesFired.push(matchRetrier(state.Retry, err)!.index);
        await runtime.delay(frame, delay);
        runtime.checkTimeout(frame);
        retryCount++;
        continue;
      }
      // A Parallel or Map records its failure once retries are over (caught or not); AWS records none
      // for the failures that end the execution outright.
      if ((state.Type === 'Parallel' || state.Type === 'Map') && !err.terminal) runtime.event(frame, `${state.Type}StateFailed`);
      const match = matchCatcher(state.Catch, err);
      if (!match) {
        reportFailed(runtime, node, frame, input, err, retriesFired);
        throw err;
      }
      const outcome = await caught(call, match.catcher, err);
      exitEvent(runtime, node, frame, outcome);
      reportDone(runtime, node, frame, input, outcome, retriesFired, { error: err, index: match.index });
      return outcome;
    }
  }
}

export function exitEvent(runtime: Runtime, node: StateNode, frame: Frame, outcome: StateOutcome): void {
  if (!runtime.history.detailed) {
    checkSizeOf(node, outcome.output, 'the state output');
    runtime.event(frame, 'StateExited');
    return;
  }
  const outputText = payloadText(outcome.output);
  checkSize(node, outputText, 'the state output');
  const details: Record<string, unknown> = { name: node.name, output: outputText, outputDetails: { truncated: false } };
  if (outcome.assigned) {
    details.assignedVariables = Object.fromEntries(Object.entries(outcome.assigned).map(([k, v]) => [k, payloadText(v)]));
  }
  runtime.event(frame, `${eventPrefix(node)}StateExited`, details);
}

/**
 * The error output `{Error, Cause}` goes through the catcher's ResultPath (JSONPath) or Output (JSONata), and
 * only the catcher's Assign is evaluated: the state's own Assign belongs to its success (it may read
 * `$states.result`), so a catcher without Assign assigns nothing.
 */
export async function caught(call: StateCall, catcher: Catcher, error: StatesError): Promise<StateOutcome> {
  // AWS keeps both keys, null when the failure carried no error name or cause.
  const errorOutput: Record<string, unknown> = { Error: error.error ?? null, Cause: error.cause ?? null };
  const next = typeof catcher.Next === 'string' ? catcher.Next : undefined;
  if (isJsonata(call)) {
    const env = jsonataEnv(call, { errorOutput });
    const output = catcher.Output === undefined ? errorOutput : await evaluateTemplate(catcher.Output, env, 'Catch.Output');
    const assigned = await evaluateAssign(call, env, catcher.Assign);
    return { output, assigned, next };
  }
  const assigned = evaluateAssignPath(call, errorOutput, catcher.Assign);
  const output = applyResultPath(call, catcher.ResultPath, errorOutput);
  return { output, assigned, next };
}
