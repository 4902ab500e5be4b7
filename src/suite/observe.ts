/**
 * Watches one execution through the interpreter's `onStateDone`: the top-level path, what each state did
 * (by its full path, as stubs name states), the variables in force at the end, the billed transitions and
 * the coverage hits. Nothing here knows how a state behaves; it only records what the run reports.
 */
import { qualifiedName } from '../asl/walker.js';
import type { StateVisit } from '../run/types.js';
import { transitionKey } from './coverage-model.js';

export interface StateRecord {
  /** Times the state was entered. */
  calls: number;
  retries: number;
  lastInput?: unknown;
  lastOutput?: unknown;
  lastError?: { error?: string; cause?: string };
  /** Order of the last visit among all visits, to tell which of several same-named states ran last. */
  lastSeq: number;
  /** The state's own name (the last part of its full path). */
  name: string;
}

export class RunObserver {
  readonly path: string[] = [];
  readonly states = new Map<string, StateRecord>();
  /** Top-level variables, folded from the assignments of top-level states in order. */
  variables: Record<string, unknown> = {};
  /** Every state entered and every retry: what AWS bills for a Standard workflow. */
  transitions = 0;
  /** Coverage hits: state full path → visits, transition key → times taken, "state#retry:i" → retries. */
  readonly hits = new Map<string, number>();
  private seq = 0;

  /** Virtual time of the last state done, in epoch milliseconds. */
  lastTime: number | undefined;

  readonly onStateDone = (visit: StateVisit): void => {
    const node = visit.node;
    if (this.lastTime === undefined || visit.time > this.lastTime) this.lastTime = visit.time;
    const name = qualifiedName(node);
    if (node.scope.kind === 'machine') {
      this.path.push(node.name);
      if (visit.assigned) this.variables = { ...this.variables, ...visit.assigned };
    }
    let record = this.states.get(name);
    if (!record) this.states.set(name, (record = { calls: 0, retries: 0, lastSeq: 0, name: node.name }));
    record.lastSeq = ++this.seq;
    record.calls++;
    record.retries += visit.retries.length;
    record.lastInput = visit.input;
    record.lastOutput = visit.output;
    record.lastError = visit.error;
    this.transitions += 1 + visit.retries.length;
    this.count(name);
    for (const index of visit.retries) this.count(`${name}#retry:${index}`);
    if (visit.exit.kind !== 'failed') this.count(transitionKey(name, visit.exit.kind, 'index' in visit.exit ? visit.exit.index : undefined));
  };

  /** The record of a state by full path, or the states of that bare name taken together. */
  record(key: string): StateRecord | undefined {
    const exact = this.states.get(key);
    if (exact) return exact;
    let merged: StateRecord | undefined;
    for (const record of this.states.values()) {
      if (record.name !== key) continue;
      if (!merged) merged = { ...record };
      else {
        const later = record.lastSeq > merged.lastSeq ? record : merged;
        merged = { ...later, calls: merged.calls + record.calls, retries: merged.retries + record.retries };
      }
    }
    return merged;
  }

  private count(key: string): void {
    this.hits.set(key, (this.hits.get(key) ?? 0) + 1);
  }
}
