/**
 * Runs one scenario through the interpreter (`execute`, or `testState` for a single-state scenario) and
 * checks its expectations. The semantics are exactly `asl run`'s: this module only wires inputs, stubs
 * and an observer in, and reads what comes out.
 */
import { dirname, resolve } from 'node:path';
import { execute } from '../run/execute.js';
import { RunSetupError } from '../run/errors.js';
import { testState } from '../run/test-state.js';
import type { TaskAnswerer } from '../run/types.js';
import { anchorStubs, checkStubs, mergeStubs, mockAnswerer, stubAnswerer, type FileCache } from './answerers.js';
import { readDataFile, SuiteFileError } from './data-file.js';
import { checkExpectations } from './expectations.js';
import type { TestFile } from './load-test-file.js';
import type { LoadedMachine } from './machine.js';
import { RunObserver } from './observe.js';
import { checkSuiteStubShapes, shapeMode } from './stub-shapes.js';
import type { Outcome } from './outcome.js';
import type { ScenarioResult, ScenarioSpec } from './types.js';
import type { StubFile } from '../run/types.js';

/** AWS's published price of a Standard-workflow state transition: $0.025 per 1,000 (us-east-1). */
export const PRICE_PER_TRANSITION_USD = 0.000025;
const DEFAULT_START = '2024-01-01T00:00:00.000Z';

export interface ScenarioContext {
  test: TestFile;
  testAbsolute: string;
  machine: LoadedMachine;
  /** The file-level stubs, checked and anchored, if the test file names a stub file. */
  fileStubs?: StubFile;
  cache: FileCache;
}

async function inputOf(ctx: ScenarioContext, scenario: ScenarioSpec, index: number): Promise<unknown> {
  if (scenario.inputFile === undefined) return scenario.input ?? {};
  const absolute = resolve(dirname(ctx.testAbsolute), scenario.inputFile);
  try {
    return (await readDataFile(absolute, scenario.inputFile, 'the input file')).value;
  } catch (error) {
    if (error instanceof SuiteFileError && error.place === undefined) {
      throw new SuiteFileError(ctx.test.data.file, `inputFile ${scenario.inputFile}: ${error.detail} (the path is relative to the test file)`, ctx.test.data.locate(`/scenarios/${index}/inputFile`));
    }
    throw error;
  }
}

async function answererOf(ctx: ScenarioContext, scenario: ScenarioSpec, index: number): Promise<TaskAnswerer | undefined> {
  if (scenario.mockConfig !== undefined) {
    return mockAnswerer(scenario.mockConfig, ctx.test.data, ctx.testAbsolute, `/scenarios/${index}/mockConfig`, ctx.machine.source.name, ctx.cache);
  }
  let own: StubFile | undefined;
  if (scenario.stubs !== undefined) {
    const base = `/scenarios/${index}/stubs`;
    const checked = checkStubs(scenario.stubs, ctx.test.data, base);
    await checkSuiteStubShapes(checked, ctx.machine.source.definition, ctx.test.data, base, shapeMode(ctx.test.spec));
    own = anchorStubs(checked, dirname(ctx.testAbsolute));
  }
  const stubs = mergeStubs(ctx.fileStubs, own);
  return stubs ? stubAnswerer(stubs) : undefined;
}

async function runWhole(ctx: ScenarioContext, scenario: ScenarioSpec, input: unknown, answerer: TaskAnswerer | undefined): Promise<Outcome> {
  const observer = new RunObserver();
  const result = await execute(ctx.machine.source.definition, input, {
    answerer,
    seed: scenario.seed ?? 0,
    startTime: scenario.now,
    context: scenario.context,
    stateMachineType: ctx.test.spec.workflowType ?? ctx.machine.source.workflowType,
    stateMachineName: ctx.machine.source.name,
    keepHistory: false,
    onStateDone: observer.onStateDone,
  });
  return { status: result.status, output: result.output, error: result.error, cause: result.cause, path: observer.path, observer, transitions: observer.transitions };
}

async function runSingle(ctx: ScenarioContext, scenario: ScenarioSpec, state: string, input: unknown, answerer: TaskAnswerer | undefined): Promise<Outcome> {
  const observer = new RunObserver();
  const result = await testState(ctx.machine.source.definition, state, input, {
    answerer,
    seed: scenario.seed ?? 0,
    startTime: scenario.now,
    context: scenario.context,
    variables: scenario.variables,
    onStateDone: observer.onStateDone,
  });
  observer.states.set(state, { calls: 1, retries: 0, lastInput: input, lastOutput: result.output, lastError: result.error === undefined ? undefined : { error: result.error, cause: result.cause }, lastSeq: Number.MAX_SAFE_INTEGER, name: state });
  observer.variables = result.inspection.variables ?? {};
  observer.transitions += 1;
  return { status: result.status, output: result.output, error: result.error, cause: result.cause, path: [state], observer, transitions: observer.transitions };
}

/** Runs scenario `index` of the test file; a stub or mock problem is a SuiteFileError, a run that cannot start a RunSetupError. */
export async function runScenario(ctx: ScenarioContext, index: number): Promise<{ result: ScenarioResult; hits?: Map<string, number> }> {
  const scenario = ctx.test.spec.scenarios[index]!;
  const place = ctx.test.places[index]!;
  const started = performance.now();
  const base = { name: scenario.name, place, failures: [], durationMs: 0, virtualMs: 0, transitions: 0, priceUsd: 0 };
  try {
    const input = await inputOf(ctx, scenario, index);
    const answerer = await answererOf(ctx, scenario, index);
    const outcome = scenario.state === undefined ? await runWhole(ctx, scenario, input, answerer) : await runSingle(ctx, scenario, scenario.state, input, answerer);
    const failures = await checkExpectations(scenario.expect, outcome);
    const start = Date.parse(scenario.now ?? DEFAULT_START);
    const result: ScenarioResult = {
      ...base,
      status: failures.length === 0 ? 'passed' : 'failed',
      failures,
      durationMs: performance.now() - started,
      virtualMs: outcome.observer.lastTime === undefined ? 0 : Math.max(0, outcome.observer.lastTime - start),
      transitions: outcome.transitions,
      priceUsd: outcome.transitions * PRICE_PER_TRANSITION_USD,
      execution: { status: outcome.status, path: outcome.path, ...pick(outcome) },
    };
    // A single-state scenario covers one state out of context: it counts toward no machine's coverage.
    return { result, hits: scenario.state === undefined ? outcome.observer.hits : undefined };
  } catch (error) {
    if (error instanceof SuiteFileError || error instanceof RunSetupError || (error instanceof Error && (error.name === 'StubFileError' || error.name === 'MockConfigError'))) {
      return { result: { ...base, status: 'error', reason: error.message, durationMs: performance.now() - started } };
    }
    throw error;
  }
}

function pick(outcome: Outcome): { output?: unknown; error?: string; cause?: string } {
  const out: { output?: unknown; error?: string; cause?: string } = {};
  if (outcome.output !== undefined) out.output = outcome.output;
  if (outcome.error !== undefined) out.error = outcome.error;
  if (outcome.cause !== undefined) out.cause = outcome.cause;
  return out;
}
