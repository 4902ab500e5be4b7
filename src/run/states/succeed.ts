/** Succeed: ends its scope with the input, filtered by InputPath/OutputPath or JSONata Output. */
import { applyInputPath, assignOf, finishState, finishWithoutResult, isJsonata, type StateCall, type StateOutcome } from '../dataflow.js';

export async function runSucceed(call: StateCall): Promise<StateOutcome> {
  if (isJsonata(call)) return { ...(await finishState(call, call.input)), next: undefined };
  return finishWithoutResult(call, applyInputPath(call), undefined, assignOf(call.node.state));
}
