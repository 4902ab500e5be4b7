/** What one scenario's execution did, in the terms its expectations speak. */
import type { RunObserver } from './observe.js';

export interface Outcome {
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
  path: string[];
  observer: RunObserver;
  transitions: number;
}

/** The value `assert` expressions evaluate over: { status, output, error, cause, path, states, variables }. */
export function assertionInput(outcome: Outcome): Record<string, unknown> {
  // Keyed by full path ("Fan/1/Charge"), and by the bare name too where only one state has it, as
  // `expect.states` accepts both.
  const states: Record<string, unknown> = {};
  const bareCount = new Map<string, number>();
  for (const record of outcome.observer.states.values()) bareCount.set(record.name, (bareCount.get(record.name) ?? 0) + 1);
  for (const [name, record] of outcome.observer.states) {
    const view = { calls: record.calls, retries: record.retries, input: record.lastInput, output: record.lastOutput, error: record.lastError?.error, cause: record.lastError?.cause };
    states[name] = view;
    if (bareCount.get(record.name) === 1) states[record.name] ??= view;
  }
  return { status: outcome.status, output: outcome.output, error: outcome.error, cause: outcome.cause, path: outcome.path, states, variables: outcome.observer.variables, transitions: outcome.transitions };
}
