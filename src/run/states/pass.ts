/** Pass: the result is `Result` when given, else the effective input (JSONPath); JSONata passes the input to Output. */
import type { PassState } from '../../asl/types.js';
import { applyInputPath, applyParameters, finishState, isJsonata, type StateCall, type StateOutcome } from '../dataflow.js';

export async function runPass(call: StateCall, state: PassState): Promise<StateOutcome> {
  if (isJsonata(call)) return finishState(call, call.input);
  const effective = applyParameters(call, applyInputPath(call));
  // Presence, not value: `"Result": null` makes null the result.
  const result = 'Result' in state ? state.Result : effective;
  return finishState(call, result, { selector: false });
}
