/**
 * Fail: raises its Error and Cause (or ErrorPath/CausePath, or JSONata expressions). With no Error, AWS
 * ends the execution with no error field at all.
 */
import type { FailState, Text } from '../../asl/types.js';
import { evaluateJsonata } from '../jsonata.js';
import { ErrorNames, StatesError } from '../errors.js';
import { jsonataEnv, jsonataExpression, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';
import { dynamicValue } from '../payload.js';

/** Error or Cause: `value` is the field as the state holds it, `path` its `…Path` twin. */
async function field(call: StateCall, name: 'Error' | 'Cause', value: Text | undefined, path: Text | undefined): Promise<string | undefined> {
  const expression = jsonataExpression(call, value);
  if (expression !== undefined) {
    const result = await evaluateJsonata(expression, jsonataEnv(call), name);
    if (typeof result !== 'string') {
      throw new StatesError(ErrorNames.QueryEvaluationError, `The JSONata expression for ${name} in state '${call.node.name}' returned ${JSON.stringify(result)}; expected a string.`);
    }
    return result;
  }
  if (typeof value === 'string') return value;
  if (path !== undefined) {
    const result = dynamicValue(path, pathEnv(call, call.input), `${name}Path`);
    if (typeof result !== 'string') {
      throw new StatesError(ErrorNames.Runtime, `An error occurred while executing the state '${call.node.name}'. The value of ${name}Path must be a string, not ${JSON.stringify(result)}.`, true);
    }
    return result;
  }
  return undefined;
}

export async function runFail(call: StateCall, state: FailState): Promise<StateOutcome> {
  const error = await field(call, 'Error', state.Error, state.ErrorPath);
  const cause = await field(call, 'Cause', state.Cause, state.CausePath);
  throw new StatesError(error, cause);
}
