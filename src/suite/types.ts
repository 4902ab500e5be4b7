/**
 * The shapes of `asl test`: a test file as written (schemas/asl-test.schema.json, docs/test.md) and the
 * report that `runTests` returns and `--format json` prints.
 */
import type { StubFile } from '../run/types.js';

export type Matcher = string | { matches: string };

export interface StateExpectation {
  calls?: number;
  retries?: number;
  input?: unknown;
  inputContains?: unknown;
  output?: unknown;
  outputContains?: unknown;
  error?: Matcher;
}

export interface Expectations {
  status?: string;
  output?: unknown;
  outputContains?: unknown;
  error?: Matcher;
  cause?: Matcher;
  path?: string[];
  pathContains?: string[];
  states?: Record<string, StateExpectation>;
  variables?: Record<string, unknown>;
  variablesContain?: Record<string, unknown>;
  assert?: string[];
  maxTransitions?: number;
}

export interface ScenarioSpec {
  name: string;
  input?: unknown;
  inputFile?: string;
  stubs?: StubFile;
  mockConfig?: string;
  now?: string;
  seed?: number;
  context?: Record<string, unknown>;
  only?: boolean;
  skip?: boolean | string;
  state?: string;
  variables?: Record<string, unknown>;
  expect?: Expectations;
}

export interface TestFileSpec {
  definition: string;
  stateMachine?: string;
  workflowType?: 'STANDARD' | 'EXPRESS';
  stubs?: string;
  /** How stub results are checked against the services' response shapes (default present). */
  validateStubs?: 'strict' | 'present' | 'none';
  scenarios: ScenarioSpec[];
}

/** A place in a file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** One expectation that did not hold. */
export interface Failure {
  /** Which expectation, as written: "output", "states.Charge.calls", "assert[0]". */
  expectation: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}

export type ScenarioStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface ScenarioResult {
  name: string;
  /** Where the scenario is written in its test file. */
  place: Place;
  status: ScenarioStatus;
  /** Why it was skipped, or the problem that kept it from running (status "error"). */
  reason?: string;
  failures: Failure[];
  /** Wall-clock milliseconds the scenario took here. */
  durationMs: number;
  /** Virtual milliseconds the execution took (Waits, back-off and latencies included). */
  virtualMs: number;
  /** Billed state transitions (every state entered, and every retry). */
  transitions: number;
  /** Their price at the published Standard-workflow rate, in US dollars. */
  priceUsd: number;
  /** What the execution did, for reports. */
  execution?: {
    status: string;
    output?: unknown;
    error?: string;
    cause?: string;
    path: string[];
  };
}

export interface TestFileResult {
  /** The test file as found (relative to the working directory when it is inside it). */
  file: string;
  /** The definition file the scenarios ran against, and the machine's logical id in a template. */
  definition?: string;
  machine?: string;
  /** A problem with the file itself (syntax, schema, missing definition): no scenario ran. */
  error?: { message: string; place?: Place };
  scenarios: ScenarioResult[];
}

export interface TestSummary {
  files: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Scenarios that could not run (a stub or mock problem) and files that could not be read. */
  errors: number;
  durationMs: number;
  /** Worker threads the run used (0: every scenario ran in the calling thread). */
  workers: number;
}

export interface TestReport {
  files: TestFileResult[];
  summary: TestSummary;
  coverage?: import('./coverage.js').CoverageReport;
}
