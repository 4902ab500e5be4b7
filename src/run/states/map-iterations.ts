/**
 * A Map's iterations on the lanes of the virtual clock: each child gets its own frame (a distributed Map's
 * children are executions of their own: fresh variables, no events in the parent's history), results land in
 * item order, and the failures decide when the Map stops. Inline: the first iteration to fail in virtual time
 * fails the Map with its own error. Distributed: failures count against the tolerated threshold.
 */
import type { Scope, StateNode } from '../../asl/walker.js';
import { ErrorNames, StatesError } from '../errors.js';
import type { LaneHooks } from '../lanes.js';
import { childFrame, type Frame, type Runtime } from '../runtime.js';
import type { ChildRecord } from '../result-writer.js';
import type { StateCall } from '../dataflow.js';

/** The Map's work: the children's inputs (selected and batched), the items they came from and their source. */
export interface MapWork {
  items: unknown[];
  source: string;
  inputs: unknown[];
}

export class MapIterations implements LaneHooks<unknown> {
  /** Each child's output (a distributed Map's failed child: its error output), in item order. */
  readonly results: unknown[];
  /** What a ResultWriter exports, when the Map has one. */
  readonly records: ChildRecord[] = [];
  /** Children started and not finished, for the MapIterationAborted events when the Map stops. */
  readonly inFlight = new Set<number>();
  /** What stops the Map: the failing iteration's error, the threshold error, or an internal error. */
  failure: unknown;
  private readonly starts: number[] = [];
  private failures = 0;
  private readonly runtime: Runtime;
  private readonly node: StateNode;
  private readonly parent: Frame;

  constructor(
    private readonly call: StateCall,
    private readonly processor: Scope,
    private readonly work: MapWork,
    /** Failures a distributed Map tolerates before it fails. */
    private readonly allowed: number,
    private readonly writing: boolean,
  ) {
    this.runtime = call.runtime;
    this.node = call.node;
    this.parent = call.frame;
    this.results = new Array(work.inputs.length);
  }

  private get distributed(): boolean {
    return this.processor.distributed;
  }

  frame(index: number, start: number): Frame {
    const parent = this.parent;
    const item = { Index: index, Value: this.work.items[index], Source: this.work.source };
    const child = childFrame(parent, this.distributed ? {} : parent.variables, item);
    child.clock = start;
    this.starts[index] = start;
    child.thread = `${parent.thread ? `${parent.thread}/` : ''}${this.node.name}[${index}]`;
    if (this.distributed) child.silent = true;
    return child;
  }

  run(index: number, child: Frame): Promise<unknown> {
    this.inFlight.add(index);
    this.runtime.event(child, 'MapIterationStarted', { name: this.node.name, index });
    return this.call.runScope(this.runtime, this.processor, this.work.inputs[index], child);
  }

  done(index: number, value: unknown, child: Frame): boolean {
    this.inFlight.delete(index);
    this.results[index] = value;
    if (this.writing) this.records.push({ index, input: this.work.inputs[index], output: value, startMs: this.starts[index]!, stopMs: child.clock });
    this.runtime.event(child, 'MapIterationSucceeded', { name: this.node.name, index });
    return true;
  }

  failed(index: number, err: unknown, child: Frame): boolean {
    this.inFlight.delete(index);
    if (!(err instanceof StatesError)) {
      this.failure = err;
      return false;
    }
    this.runtime.event(child, 'MapIterationFailed', { name: this.node.name, index });
    if (!this.distributed) {
      // The first iteration to fail in virtual time fails the Map with its own error.
      this.failure = err;
      return false;
    }
    this.failures++;
    this.results[index] = { Error: err.error, Cause: err.cause };
    if (this.writing) this.records.push({ index, input: this.work.inputs[index], error: err.error, cause: err.cause, startMs: this.starts[index]!, stopMs: child.clock });
    if (this.failures > this.allowed) {
      this.failure = new StatesError(ErrorNames.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded');
      return false;
    }
    return true;
  }
}
