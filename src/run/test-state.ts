/**
 * Runs one state on its own, the way the AWS TestState API does: given an input, variables and a stubbed
 * task answer, it reports the output, the next state, the variables assigned and (for --inspect) each
 * data-flow step.
 */
import { buildModel, qualifiedName } from '../asl/walker.js';
import { ExecutionTimeout, RunSetupError, StatesError } from './errors.js';
import { HistoryLimitError } from './history.js';
import { runState } from './engine.js';
import { Runtime, type Frame } from './runtime.js';
import { identityFor } from './identity.js';
import type { ExecuteOptions, ExecutionStatus } from './types.js';

export interface TestStateOptions extends ExecuteOptions {
  /** Variables visible to the state. */
  variables?: Record<string, unknown>;
}

export interface TestStateResult {
  status: ExecutionStatus | 'CAUGHT_ERROR';
  output?: unknown;
  error?: string;
  cause?: string;
  nextState?: string;
  assignedVariables?: Record<string, unknown>;
  inspection: Record<string, unknown>;
}

export async function testState(definition: unknown, stateName: string, input: unknown, options: TestStateOptions = {}): Promise<TestStateResult> {
  const model = buildModel(definition);
  const node = model.states.find((n) => qualifiedName(n) === stateName) ?? model.states.find((n) => n.name === stateName);
  if (!node) {
    throw new RunSetupError(`There is no state "${stateName}"; the states are ${model.states.map((n) => `"${qualifiedName(n)}"`).join(', ')}.`);
  }
  const startMs = Date.parse(String(options.startTime instanceof Date ? options.startTime.toISOString() : options.startTime ?? '2024-01-01T00:00:00.000Z'));
  const runtime = new Runtime(model, options, identityFor(options, input, startMs));
  runtime.startMs = startMs;
  const frame: Frame = { clock: startMs, variables: { ...(options.variables ?? {}) }, lastEventId: 0 };
  const inspection: Record<string, unknown> = {};
  try {
    const outcome = await runState(runtime, node, input, frame, inspection);
    const caught = Array.isArray(node.raw.Catch) && node.raw.Catch.some((c) => (c as Record<string, unknown>).Next === outcome.next) && outcome.next !== node.raw.Next;
    return {
      status: caught ? 'CAUGHT_ERROR' : 'SUCCEEDED',
      output: outcome.output,
      nextState: outcome.next,
      assignedVariables: outcome.assigned,
      inspection,
    };
  } catch (err) {
    if (err instanceof StatesError) return { status: 'FAILED', error: err.error, cause: err.cause, inspection };
    if (err instanceof ExecutionTimeout) return { status: 'TIMED_OUT', error: 'States.Timeout', inspection };
    if (err instanceof HistoryLimitError) return { status: 'FAILED', error: 'States.Runtime', cause: err.message, inspection };
    throw err;
  }
}
