/** Pass: the result is `Result` when given, else the effective input (JSONPath); JSONata passes the input to Output. */
import { applyInputPath, applyTemplate, finishState, isJsonata, type StateCall, type StateOutcome } from '../dataflow.js';

export async function runPass(call: StateCall): Promise<StateOutcome> {
  if (isJsonata(call)) return finishState(call, call.input);
  const raw = call.node.raw;
  const effective = applyTemplate(call, applyInputPath(call), 'Parameters');
  const result = 'Result' in raw ? raw.Result : effective;
  return finishState(call, result, { selector: false });
}
