/** Wait: advances the virtual clock by Seconds or to Timestamp (and their Path / JSONata forms). */
import type { WaitState } from '../../asl/types.js';
import { parseTimestamp } from '../choice-rules.js';
import { ErrorNames, StatesError, runtimeError } from '../errors.js';
import { evaluateJsonata } from '../jsonata.js';
import { applyInputPath, finishState, finishWithoutResult, nextOf, isJsonata, jsonataEnv, jsonataExpression, numberField, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';
import { resolvePath } from '../payload.js';

async function waitUntil(call: StateCall, state: WaitState, effective: unknown): Promise<number> {
  const seconds = await numberField(call, 'Seconds', state.Seconds, state.SecondsPath, effective);
  if (seconds !== undefined) return call.frame.clock + seconds * 1000;
  let stamp: unknown = state.Timestamp;
  const expression = jsonataExpression(call, stamp);
  const jsonata = expression !== undefined;
  if (jsonata) stamp = await evaluateJsonata(expression, jsonataEnv(call), 'Timestamp');
  else if (typeof state.TimestampPath === 'string') stamp = resolvePath(state.TimestampPath, pathEnv(call, effective), 'TimestampPath');
  const ms = parseTimestamp(stamp);
  if (ms === undefined) {
    const shown = typeof stamp === 'string' ? stamp : JSON.stringify(stamp);
    if (jsonata) throw new StatesError(ErrorNames.QueryEvaluationError, `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${shown}`, false, false, 'Timestamp');
    const message = typeof state.TimestampPath === 'string'
      ? `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${state.TimestampPath} == ${shown}`
      : `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${shown}`;
    throw runtimeError(message);
  }
  // "Wait state" page: Step Functions considers a timestamp only up to the second and truncates the milliseconds.
  return Math.floor(ms / 1000) * 1000;
}

export async function runWait(call: StateCall, state: WaitState): Promise<StateOutcome> {
  const effective = isJsonata(call) ? call.input : applyInputPath(call);
  const until = await waitUntil(call, state, effective);
  await call.runtime.delay(call.frame, until - call.frame.clock);
  if (isJsonata(call)) return finishState(call, call.input);
  return finishWithoutResult(call, effective, nextOf(state), state.Assign);
}
