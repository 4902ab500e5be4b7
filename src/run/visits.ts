/**
 * Builds the StateVisit that `onStateDone` reports, from what runState knows when a state is done. Kept
 * out of the engine so that a run nobody observes pays one `undefined` check per state and nothing more.
 */
import type { StateNode } from '../asl/walker.js';
import type { StateOutcome } from './dataflow.js';
import type { StatesError } from './errors.js';
import type { Frame, Runtime } from './runtime.js';
import type { StateExit, StateVisit } from './types.js';

function exitOf(outcome: StateOutcome, caughtBy: number | undefined): StateExit {
  if (outcome.next === undefined) return { kind: 'end' };
  if (caughtBy !== undefined) return { kind: 'catch', next: outcome.next, index: caughtBy };
  if (outcome.chosenBy === 'default') return { kind: 'default', next: outcome.next };
  if (outcome.chosenBy !== undefined) return { kind: 'choice', next: outcome.next, index: outcome.chosenBy };
  return { kind: 'next', next: outcome.next };
}

/** Reports a visit that left the state normally or through a catcher (`caught` is the error and catcher index). */
export function reportDone(runtime: Runtime, node: StateNode, frame: Frame, input: unknown, outcome: StateOutcome, retries: number[], caught?: { error: StatesError; index: number }): void {
  const listener = runtime.options.onStateDone;
  if (!listener) return;
  const visit: StateVisit = { node, thread: frame.thread ?? '', time: frame.clock, input, output: outcome.output, retries, exit: exitOf(outcome, caught?.index) };
  if (caught) visit.error = errorOf(caught.error);
  if (outcome.assigned) visit.assigned = outcome.assigned;
  listener(visit);
}

/** Reports a visit that ended in an error nothing inside the state caught. */
export function reportFailed(runtime: Runtime, node: StateNode, frame: Frame, input: unknown, error: StatesError, retries: number[]): void {
  const listener = runtime.options.onStateDone;
  if (!listener) return;
  const details = errorOf(error);
  listener({ node, thread: frame.thread ?? '', time: frame.clock, input, error: details, retries, exit: { kind: 'failed', ...details } });
}

function errorOf(error: StatesError): { error?: string; cause?: string } {
  const out: { error?: string; cause?: string } = {};
  if (error.error !== undefined) out.error = error.error;
  if (error.cause !== undefined) out.cause = error.cause;
  return out;
}
