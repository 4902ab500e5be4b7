/**
 * TestState's `mock` and `stateConfiguration` for a single-state run: the checks the API makes before it
 * runs anything (answered there with a ValidationException, here with a RunSetupError), and the pieces that
 * put the mock in place: an answerer for a Task, a result for a Map or Parallel, the ItemReader's data.
 */
import type { Scope, StateNode } from '../asl/walker.js';
import { suggestNearest } from '../asl/suggest.js';
import { ErrorNames, RunSetupError, StatesError } from './errors.js';
import { validateMockShape, type FieldValidationMode } from './mock-shape.js';
import type { TaskAnswerer } from './types.js';

/** TestState's `mock`: the state's result, or the error it raises, instead of calling anything. */
export interface TestStateMock {
  /** The mocked result (the value itself; the API takes it as JSON text). */
  result?: unknown;
  /** The mocked error: `{error, cause}`. */
  errorOutput?: { error?: string; cause?: string };
  /** How strictly a Task's mocked result is checked against the API's response shape (default STRICT). */
  fieldValidationMode?: FieldValidationMode;
}

/** TestState's `stateConfiguration`, beyond `retrierRetryCount`. */
export interface TestStateConfiguration {
  /** The state inside the tested Map or Parallel that the mocked error comes from. */
  errorCausedByState?: string;
  /** How many of the Map's iterations failed (with a mocked result: that many of its items). */
  mapIterationFailureCount?: number;
  /** What a Distributed Map's ItemReader reads, as it is in its source (JSON, JSON Lines or CSV text). */
  mapItemReaderData?: string;
}

/** The states TestState accepts a mock for ("State type 'Pass' is not supported when a mock is specified"). */
const MOCKABLE = new Set(['Task', 'Map', 'Parallel']);

const MAX_RESULT = 262_144;

/** The cause AWS gives when a Map's failed iterations exceed its tolerance. */
const THRESHOLD_CAUSE = 'The specified tolerated failure threshold was exceeded';

/** Refuses what TestState refuses: a mock it cannot use, a configuration that does not fit the state. */
export function checkMock(node: StateNode, mock: TestStateMock | undefined, config: TestStateConfiguration): void {
  const type = node.type ?? '';
  if (mock) {
    if (!MOCKABLE.has(type)) throw new RunSetupError(`State type '${type}' is not supported when a mock is specified; only Task, Map and Parallel states take a mock.`);
    if (mock.result !== undefined && mock.errorOutput !== undefined) throw new RunSetupError('Give the mock a result or an error, not both.');
    if (mock.result === undefined && mock.errorOutput === undefined) throw new RunSetupError('The mock needs a result or an error.');
    // TestState takes the mocked result as text of at most 262,144 characters (MockInput.result).
    if (mock.result !== undefined && JSON.stringify(mock.result).length > MAX_RESULT) throw new RunSetupError(`The mocked result is ${JSON.stringify(mock.result).length} characters of JSON; TestState takes at most ${MAX_RESULT}.`);
    if (mock.result !== undefined && (type === 'Map' || type === 'Parallel') && !Array.isArray(mock.result)) {
      throw new RunSetupError(`The mocked result of ${type} state "${node.name}" must be a JSON array (${type === 'Map' ? 'one element per item' : 'one element per branch'}).`);
    }
    if (type === 'Parallel' && Array.isArray(mock.result) && mock.result.length !== node.children.length) {
      throw new RunSetupError(`The mocked result of Parallel state "${node.name}" has ${mock.result.length} element(s), but the state has ${node.children.length} branch(es): give one per branch.`);
    }
  }
  checkMapIterationFailures(node, mock, config.mapIterationFailureCount);
  if (config.errorCausedByState !== undefined) checkErrorCausedByState(node, mock, config.errorCausedByState);
  if (config.mapItemReaderData !== undefined && !(node.state.Type === 'Map' && node.state.ItemReader !== undefined)) {
    throw new RunSetupError(`Map item reader data applies only to a Map state with an ItemReader; "${node.name}" is ${describe(node)}.`);
  }
}

function describe(node: StateNode): string {
  return node.type === 'Map' ? 'a Map state without an ItemReader' : `a ${node.type ?? 'typeless'} state`;
}

function checkMapIterationFailures(node: StateNode, mock: TestStateMock | undefined, count: number | undefined): void {
  if (count === undefined) return;
  if (node.type !== 'Map') throw new RunSetupError(`The Map iteration failure count applies only to a Map state; "${node.name}" is ${describe(node)}.`);
  if (!mock) throw new RunSetupError('The Map iteration failure count needs a mock: give the Map\'s result (or error) too.');
  if (Array.isArray(mock.result) && count > mock.result.length) {
    throw new RunSetupError(`The Map iteration failure count (${count}) is more than the ${mock.result.length} item(s) of the mocked result.`);
  }
}

function checkErrorCausedByState(node: StateNode, mock: TestStateMock | undefined, name: string): void {
  if (node.type !== 'Map' && node.type !== 'Parallel') throw new RunSetupError(`The state an error is caused by applies only to a Map or Parallel state; "${node.name}" is ${describe(node)}.`);
  if (mock?.errorOutput === undefined) throw new RunSetupError('The state an error is caused by needs a mocked error (TestState\'s mock.errorOutput).');
  const inside = statesInside(node);
  if (!inside.includes(name)) {
    const near = suggestNearest(name, inside);
    throw new RunSetupError(`There is no state "${name}" inside ${node.type} state "${node.name}"; it holds ${inside.map((n) => `"${n}"`).join(', ')}.${near ? ` Did you mean "${near}"?` : ''}`);
  }
}

/** Names of every state nested in a Map or Parallel, at any depth. */
function statesInside(node: StateNode): string[] {
  const names: string[] = [];
  const scopes: Scope[] = [...node.children];
  for (let scope = scopes.pop(); scope; scope = scopes.pop()) {
    for (const state of scope.states) {
      names.push(state.name);
      scopes.push(...state.children);
    }
  }
  return names;
}

/**
 * Answers the tested Task with the mock, whatever the stubs say, after checking the result's shape; every other
 * request (and an ItemReader's read, unless `mapItemReaderData` replaces it) goes to the stubs' answerer.
 */
export function mockedAnswerer(node: StateNode, mock: TestStateMock | undefined, config: TestStateConfiguration, stubs: TaskAnswerer | undefined): TaskAnswerer | undefined {
  if (!mock && config.mapItemReaderData === undefined) return stubs;
  return {
    async answer(request) {
      if (!mock || node.type !== 'Task') return stubs?.answer(request);
      if (mock.errorOutput) return { kind: 'error', error: mock.errorOutput.error, cause: mock.errorOutput.cause };
      const problems = await validateMockShape(request.resource, mock.result, mock.fieldValidationMode ?? 'STRICT');
      if (problems.length > 0) {
        const lines = problems.map((p) => `  ${p.path || '(the result)'}: ${p.message}`).join('\n');
        throw new RunSetupError(`The mocked result does not fit the response of ${request.resource} (field validation ${mock.fieldValidationMode ?? 'STRICT'}):\n${lines}\nFix the result, or relax the check with field validation PRESENT or NONE.`);
      }
      return { kind: 'result', result: structuredClone(mock.result) };
    },
    missingHint: stubs?.missingHint?.bind(stubs),
    readItems: config.mapItemReaderData !== undefined ? async () => config.mapItemReaderData : stubs?.readItems?.bind(stubs),
    writeResults: stubs?.writeResults?.bind(stubs),
  };
}

/**
 * The result a mocked Map or Parallel stands for: the mocked array, or the mocked error. With a failure count
 * above what the Map tolerates (ToleratedFailureCount, or the percentage of the mocked items), the Map fails
 * with States.ExceedToleratedFailureThreshold, as it would after that many failed iterations.
 */
export function mockedResult(mock: TestStateMock, failureCount: number | undefined): (tolerated: { count: number; percentage: number }) => unknown {
  return (tolerated) => {
    if (mock.errorOutput) throw new StatesError(mock.errorOutput.error, mock.errorOutput.cause);
    const items = Array.isArray(mock.result) ? mock.result.length : 0;
    const allowed = Math.max(tolerated.count, Math.floor((tolerated.percentage / 100) * items));
    if (failureCount !== undefined && failureCount > allowed) throw new StatesError(ErrorNames.ExceedToleratedFailureThreshold, THRESHOLD_CAUSE);
    return structuredClone(mock.result);
  };
}
