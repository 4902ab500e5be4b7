/** The public shapes of the interpreter: options in, result and history out. */
import type { StateNode } from '../asl/walker.js';
import type { HistoryEvent } from './history.js';

export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionResult {
  status: ExecutionStatus;
  output?: unknown;
  error?: string;
  cause?: string;
  history: HistoryEvent[];
}

/** What a Task asks of the stubs: which state, which invocation, with what input. */
export interface TaskRequest {
  /** The state's own name. */
  stateName: string;
  /** "Outer/0/Inner" for states nested in Parallel branches or Map processors. */
  qualifiedName: string;
  resource: string;
  /** The effective input (after InputPath and Parameters, or the evaluated Arguments). */
  input: unknown;
  /** 0-based count of earlier invocations of this state in this execution (retries and loops included). */
  invocation: number;
  context: Record<string, unknown>;
}

export type TaskAnswer =
  | { kind: 'result'; result: unknown; latencySeconds?: number }
  | { kind: 'error'; error?: string; cause?: string; latencySeconds?: number };

/** Answers Task invocations: our stub files, AWS mock config files, or the caller's own function. */
export interface TaskAnswerer {
  answer(request: TaskRequest): Promise<TaskAnswer | undefined>;
  /** How to add an answer for a state that has none, in this answerer's own file format. */
  missingHint?(stateName: string): string;
  /** Reads a Distributed Map's ItemReader source (bucket/key from the reader's parameters). */
  readItems?(request: { stateName: string; resource: string; parameters: Record<string, unknown> }): Promise<string | undefined>;
  /** Stores a Distributed Map ResultWriter's files (keys are S3 keys inside `bucket`). */
  writeResults?(request: { stateName: string; bucket: string; files: Array<{ key: string; content: string }> }): Promise<void>;
}

/** One answer in a stub file (docs/stubs.md); checked by checkStubFile in src/run/stubs/stub-file.ts. */
export type StubAnswer =
  | { result: unknown; latency?: number }
  | { error: string; cause?: string; latency?: number }
  | { sequence: StubAnswer[] }
  | { expression: string; latency?: number }
  | { module: string; latency?: number };

export interface StubFile {
  states?: Record<string, StubAnswer>;
  resources?: Record<string, StubAnswer>;
  /** ItemReader sources: "s3://bucket/key" (or a bare key) → file path, read by the caller's `readText`. */
  items?: Record<string, string>;
  /** Folder where Distributed Map ResultWriter files go, as <folder>/<bucket>/<key>. */
  results?: string;
}

export interface ExecuteOptions {
  /** Answers the Task states. Takes precedence over `stubs`. */
  answerer?: TaskAnswerer;
  /**
   * Answers in the stub file format (docs/stubs.md), as a parsed object; checked first (a bad one throws
   * StubFileError). Modules, `items` files and the `results` folder resolve against `stubsDir`.
   */
  stubs?: StubFile;
  /** Where `stubs` paths resolve from. Default: the current working directory. */
  stubsDir?: string;
  /** Seeds every random choice (jitter, $random, UUIDs, ids). Default 0. */
  seed?: number;
  /** Start of the execution on the virtual clock. Default 2024-01-01T00:00:00Z. */
  startTime?: Date | string;
  /** At most this many history events, then the run fails with a clear cause. Default 25,000. */
  maxEvents?: number;
  /** Wall-clock milliseconds one JSONata evaluation may take, then States.QueryEvaluationError. Default 10,000. */
  jsonataTimeout?: number;
  /** How deeply one JSONata evaluation may nest (a recursive function takes about 3 levels a call). Default 10,000. */
  jsonataMaxDepth?: number;
  /** How many items the large sequences one JSONata evaluation builds may hold in all (and the longest string). Default 10,000,000. */
  jsonataMaxItems?: number;
  /** Aborts the execution: it ends ABORTED at the next yield. */
  signal?: AbortSignal;
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  stateMachineName?: string;
  executionName?: string;
  region?: string;
  account?: string;
  /** Context object fields (`$$`) merged over the generated ones, for every state (as TestState's `context`). */
  context?: Record<string, unknown>;
  /** False to skip keeping the events (the result's history is then empty); they are still counted. */
  keepHistory?: boolean;
  /**
   * Called for every history event as it happens (live views), with the thread it happened in: "" for
   * the execution itself, "Fan/1" for the second branch of Parallel state Fan, "Fan/1/Each[3]" for the
   * item of index 3 of Map state Each inside that branch (indexes count from 0, as in qualified names).
   */
  onEvent?: (event: HistoryEvent, thread: string) => void;
  /**
   * Called whenever virtual time advances by a wait, back-off or latency; a CLI `--real-time` passes a
   * function that actually sleeps. The core itself never sleeps.
   */
  onDelay?: (milliseconds: number) => Promise<void>;
  /**
   * Called once per state visit when the state is done, with what it did (see StateVisit). `asl test`
   * counts workflow coverage and checks per-state expectations from these; the interpreter ignores it.
   */
  onStateDone?: (visit: StateVisit) => void;
}

/** How a state visit ended: the way it left, as coverage counts transitions. */
export type StateExit =
  | { kind: 'next'; next: string }
  | { kind: 'choice'; next: string; index: number }
  | { kind: 'default'; next: string }
  | { kind: 'catch'; next: string; index: number }
  /** The state ended its scope (End, Succeed): the execution, a Parallel branch or a Map iteration. */
  | { kind: 'end' }
  /** The state failed and nothing caught the error inside it. */
  | { kind: 'failed'; error?: string; cause?: string };

/** One visit of one state, reported by `onStateDone`. */
export interface StateVisit {
  node: StateNode;
  /** The thread it ran in, as `onEvent` names it ("" for the execution itself). */
  thread: string;
  /** Virtual time when the state was done, in epoch milliseconds. */
  time: number;
  input: unknown;
  /** The state's output (absent when it failed). */
  output?: unknown;
  /** The error it caught or failed with. */
  error?: { error?: string; cause?: string };
  /** Variables the state assigned (they take effect in its scope once it is done). */
  assigned?: Record<string, unknown>;
  /** Index of the retrier behind each retry that fired, in order. */
  retries: number[];
  exit: StateExit;
}
