/**
 * The state of one execution (history, counters, random numbers, identity) and of one thread of it
 * (a Frame: the virtual clock, the visible variables, the Map item), shared by every state executor.
 */
import type { MachineModel, StateNode } from '../asl/walker.js';
import { ExecutionTimeout } from './errors.js';
import { History } from './history.js';
import { ExecutionAborted, Pacer } from './pace.js';
import { SeededRandom } from './random.js';
import { awsTimestamp } from './timestamp.js';
import type { ExecuteOptions, TaskAnswerer } from './types.js';
import { isObject } from '../asl/is-object.js';
import { jsonataBounds, type JsonataBounds } from './jsonata-guard.js';

/**
 * What a thread's frame needs from the scheduler of its Parallel or Map (the Lanes of lanes.ts): a way to
 * wait on the virtual clock while the state's other threads run. Declared here so the runtime needs
 * nothing from lanes.ts; lanes.ts builds on the runtime.
 */
export interface LaneScheduler {
  /** Suspends the thread of `frame` until virtual time `time`, letting the other threads run. */
  sleep(frame: Frame, time: number): Promise<void>;
}

/** The context object's Map item ("Context object" page): Source is STATE_DATA or the S3 URI items were read from. */
export interface MapItem {
  Index: number;
  Value: unknown;
  Source: string;
}

export interface Frame {
  /** Virtual time of this thread, in epoch milliseconds. */
  clock: number;
  /** Variables visible here; a branch or iteration gets a copy, so its assignments stay inside. */
  variables: Record<string, unknown>;
  /** `$$.Map.Item` while a Map's ItemSelector runs and inside its iterations. */
  mapItem?: MapItem;
  /** Id of the last history event of this thread, for `previousEventId`. */
  lastEventId: number;
  /**
   * Set inside Distributed Map child executions: AWS records their events in the children's own
   * histories, not the parent's, so they neither appear here nor count toward its event limit.
   */
  silent?: boolean;
  /** The scheduler of the Parallel or Map this thread belongs to (absent for the execution's own thread). */
  lanes?: LaneScheduler;
  /** This thread's branch or item index in `lanes` (ties in virtual time go to the lowest). */
  laneIndex?: number;
  /** Where this thread runs, for live views: "Fan/1" (Parallel Fan's branch of index 1), "Fan/1/Each[3]" (Map Each's item of index 3 in it). */
  thread?: string;
}

export interface ExecutionIdentity {
  region: string;
  account: string;
  stateMachineName: string;
  stateMachineArn: string;
  executionName: string;
  executionArn: string;
  roleArn: string;
  startTime: string;
  input: unknown;
}

export class Runtime {
  readonly history: History;
  readonly random: SeededRandom;
  /** Invocations per state per execution, as AWS Step Functions Local counts them for mocks. */
  readonly invocations = new Map<string, number>();
  readonly answerer: TaskAnswerer | undefined;
  /** Yields to the event loop now and then, and ends the execution once options.signal aborts. */
  readonly pace: Pacer;
  readonly jsonataBounds: JsonataBounds;

  /** Execution-level TimeoutSeconds in milliseconds, checked on the virtual clock. */
  timeoutMs: number | undefined;
  startMs = 0;
  /** Context object fields given by the caller of a single-state run (TestState's `context`), merged over ours. */
  contextOverride: Record<string, unknown> | undefined;

  constructor(
    readonly model: MachineModel,
    readonly options: ExecuteOptions,
    readonly identity: ExecutionIdentity,
  ) {
    this.history = new History(options.maxEvents ?? 25_000, options.onEvent, options.keepHistory !== false);
    this.random = new SeededRandom(options.seed ?? 0);
    this.answerer = options.answerer;
    this.pace = new Pacer(options.signal);
    this.jsonataBounds = jsonataBounds(options);
  }

  checkTimeout(frame: Frame): void {
    if (this.timeoutMs !== undefined && frame.clock - this.startMs > this.timeoutMs) throw new ExecutionTimeout();
  }

  /** Advances a frame's clock, letting a real-time caller actually wait. */
  async delay(frame: Frame, milliseconds: number): Promise<void> {
    if (milliseconds <= 0) return;
    // A wait that outlasts the execution's TimeoutSeconds ends at the timeout, not after the wait.
    const deadline = this.timeoutMs === undefined ? Infinity : this.startMs + this.timeoutMs;
    const target = Math.min(frame.clock + milliseconds, deadline);
    if (frame.lanes) {
      // A branch or iteration: other threads of the same state run meanwhile, in virtual-time order.
      if (target > frame.clock) await frame.lanes.sleep(frame, target);
    } else {
      const step = target - frame.clock;
      frame.clock = target;
      if (this.options.onDelay && step > 0) {
        await this.options.onDelay(step);
        // A real-time wait may be cut short by the abort: stop here rather than run the next state.
        if (this.pace.aborted) throw new ExecutionAborted();
      }
    }
    if (target >= deadline) throw new ExecutionTimeout();
  }

  event(frame: Frame, type: string, details?: Record<string, unknown>): number {
    if (frame.silent) return frame.lastEventId;
    frame.lastEventId = this.history.add(type, frame.lastEventId, frame.clock, details, frame.thread);
    return frame.lastEventId;
  }

  /** The context object (`$$`) as a state sees it. */
  context(frame: Frame, node: StateNode | undefined, enteredTime: number, retryCount: number, taskToken?: string): Record<string, unknown> {
    const id = this.identity;
    const execution: Record<string, unknown> = {
      Id: id.executionArn,
      Input: id.input,
      Name: id.executionName,
      RoleArn: id.roleArn,
      StartTime: id.startTime,
    };
    // Express executions cannot be redriven, and AWS leaves the field out for them.
    if (this.options.stateMachineType !== 'EXPRESS') execution.RedriveCount = 0;
    const state: Record<string, unknown> = { EnteredTime: awsTimestamp(enteredTime), Name: node?.name ?? '' };
    // Only states that can retry carry a RetryCount.
    const type = node?.state.Type;
    if (type === 'Task' || type === 'Parallel' || type === 'Map') state.RetryCount = retryCount;
    const ctx: Record<string, unknown> = {
      Execution: execution,
      StateMachine: { Id: id.stateMachineArn, Name: id.stateMachineName },
      State: state,
    };
    if (taskToken !== undefined) ctx.Task = { Token: taskToken };
    if (frame.mapItem) ctx.Map = { Item: { Index: frame.mapItem.Index, Value: frame.mapItem.Value, Source: frame.mapItem.Source } };
    return this.contextOverride ? mergeObjects(ctx, this.contextOverride) : ctx;
  }
}

export function childFrame(parent: Frame, variables: Record<string, unknown>, mapItem?: Frame['mapItem']): Frame {
  // lanes/laneIndex are set by the scheduler that runs the child, never inherited.
  return { clock: parent.clock, variables, mapItem, lastEventId: parent.lastEventId, silent: parent.silent, thread: parent.thread };
}

/** `over` merged into `base`, objects field by field (so `{"Map": {"Item": {"Index": 2}}}` keeps the rest). */
function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(out[key]) ? mergeObjects(out[key] as Record<string, unknown>, value) : value;
  }
  return out;
}
