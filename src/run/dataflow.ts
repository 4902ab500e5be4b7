/**
 * The data flow around a state, in the documented order. JSONPath: InputPath → Parameters → (work) →
 * ResultSelector → ResultPath → OutputPath, with Assign reading the selected result. JSONata:
 * Arguments → (work) → Output and Assign, both seeing `$states.result`.
 */
import type { Scope, StateNode } from '../asl/walker.js';
import type { JsonObject, JsonValue, NumberOrExpression, PathField, StateView, Text } from '../asl/types.js';
import { ErrorNames, StatesError } from './errors.js';
import { evaluateTemplate, evaluateJsonata, type JsonataEnv } from './jsonata.js';
import { jsonataBody } from '../asl/jsonata-syntax.js';
import { writePath } from './jsonpath.js';
import { evaluatePayload, resolvePath, type PathEnv } from './payload.js';
import type { Frame, Runtime } from './runtime.js';

/** Everything one attempt of one state needs. */
/**
 * Runs a nested scope (a Parallel branch, a Map iteration) to its end and returns its output: the engine's
 * runScope, handed to every executor in its StateCall so the executors need not import the engine.
 */
export type ScopeRunner = (runtime: Runtime, scope: Scope, input: unknown, frame: Frame) => Promise<unknown>;

export interface StateCall {
  runtime: Runtime;
  node: StateNode;
  frame: Frame;
  /** The raw state input, before InputPath. */
  input: unknown;
  enteredTime: number;
  retryCount: number;
  taskToken?: string;
  /** When set (single-state runs with --inspect), each data-flow step records its value here. */
  inspection?: Record<string, unknown>;
  /** Runs the scopes nested in this state (Parallel branches, Map iterations). */
  runScope: ScopeRunner;
  /**
   * Set by a single-state run given a mock (TestState's `mock`): a Map or Parallel takes its result from
   * here instead of running its iterations or branches, after its own inputs are evaluated. It gets the
   * Map's tolerated failures (0 for Parallel) and returns the result, or throws the mocked error.
   */
  mockedResult?: (tolerated: { count: number; percentage: number }) => unknown;
}

export interface StateOutcome {
  output: unknown;
  /** The next state's name; undefined when the state ends its scope. */
  next?: string;
  /** Variables to assign once the state completes (evaluated with the values from before it). */
  assigned?: Record<string, unknown>;
  /** Set by Choice: the rule (by index) or the Default that chose `next`, for onStateDone. */
  chosenBy?: number | 'default';
}

export const isJsonata = (call: StateCall): boolean => call.node.queryLanguage === 'JSONata';

/** The body of a field written as `{% … %}` in a JSONata state; undefined otherwise (a literal, or a JSONPath state). */
export function jsonataExpression(call: StateCall, value: unknown): string | undefined {
  return isJsonata(call) ? jsonataBody(value) : undefined;
}

export function contextOf(call: StateCall): Record<string, unknown> {
  return call.runtime.context(call.frame, call.node, call.enteredTime, call.retryCount, call.taskToken);
}

/** A PathEnv whose context object (`$$`) is built on first use: most paths never read it. */
class LazyPathEnv implements PathEnv {
  private built: Record<string, unknown> | undefined;

  constructor(
    private readonly call: StateCall,
    readonly input: unknown,
  ) {}

  get context(): Record<string, unknown> {
    return (this.built ??= contextOf(this.call));
  }

  get variables(): Record<string, unknown> {
    return this.call.frame.variables;
  }

  get stateName(): string {
    return this.call.node.name;
  }

  get random(): PathEnv['random'] {
    return this.call.runtime.random;
  }
}

export function pathEnv(call: StateCall, input: unknown): PathEnv {
  return new LazyPathEnv(call, input);
}

export function jsonataEnv(call: StateCall, extra: { result?: unknown; errorOutput?: unknown } = {}): JsonataEnv {
  return { input: call.input, context: contextOf(call), variables: call.frame.variables, random: call.runtime.random, bounds: call.runtime.jsonataBounds, ...extra };
}

/**
 * The data-flow fields of the running state, read through its view: each is undefined where the state's type
 * has no such field (a Fail state has no InputPath) or the state does not set it.
 */
const inputPathOf = (state: StateView): PathField | undefined => ('InputPath' in state ? state.InputPath : undefined);
const outputPathOf = (state: StateView): PathField | undefined => ('OutputPath' in state ? state.OutputPath : undefined);
const outputOf = (state: StateView): JsonValue | undefined => ('Output' in state ? state.Output : undefined);
/** The state's own Assign (none on a state type without one). */
export const assignOf = (state: StateView): JsonObject | undefined => ('Assign' in state ? state.Assign : undefined);
const resultSelectorOf = (state: StateView): JsonValue | undefined => ('ResultSelector' in state ? state.ResultSelector : undefined);
const resultPathOf = (state: StateView): PathField | undefined => ('ResultPath' in state ? state.ResultPath : undefined);

/** JSONPath InputPath: `$` by default, `null` gives `{}`. */
export function applyInputPath(call: StateCall): unknown {
  const path = inputPathOf(call.node.state);
  const value = path === undefined ? call.input : path === null ? {} : resolvePath(String(path), pathEnv(call, call.input), 'InputPath');
  if (call.inspection) call.inspection.afterInputPath = value;
  return value;
}

/** JSONPath Parameters (Task, Pass, Parallel) over the effective input. */
export function applyParameters(call: StateCall, effective: unknown): unknown {
  const state = call.node.state;
  const template = 'Parameters' in state ? state.Parameters : undefined;
  const value = template === undefined ? effective : evaluatePayload(template, pathEnv(call, effective), 'Parameters');
  if (call.inspection) call.inspection.afterParameters = value;
  return value;
}

/** JSONPath: InputPath then Parameters. JSONata: Arguments, or the state input when absent. */
export async function taskInput(call: StateCall): Promise<unknown> {
  if (isJsonata(call)) {
    const state = call.node.state;
    const args = 'Arguments' in state ? state.Arguments : undefined;
    const value = args === undefined ? call.input : await evaluateTemplate(args, jsonataEnv(call), 'Arguments');
    if (call.inspection) call.inspection.afterArguments = value;
    return value;
  }
  return applyParameters(call, applyInputPath(call));
}

/** The tail of the data flow once the state has a result. */
export async function finishState(call: StateCall, result: unknown, options: { selector?: boolean } = {}): Promise<StateOutcome> {
  const state = call.node.state;
  if (call.inspection) call.inspection.result = result;
  if (isJsonata(call)) {
    const env = jsonataEnv(call, { result });
    const template = outputOf(state);
    const output = template === undefined ? result : await evaluateTemplate(template, env, 'Output');
    const assigned = await evaluateAssign(call, env, assignOf(state));
    return { output, assigned, next: nextOf(state) };
  }
  const selector = options.selector !== false ? resultSelectorOf(state) : undefined;
  const selected = selector === undefined ? result : evaluatePayload(selector, pathEnv(call, result), 'ResultSelector');
  const assigned = evaluateAssignPath(call, selected, assignOf(state));
  const combined = applyResultPath(call, resultPathOf(state), selected);
  if (call.inspection) {
    if (selector !== undefined) call.inspection.afterResultSelector = selected;
    call.inspection.afterResultPath = combined;
  }
  return { output: applyOutputPath(call, combined), assigned, next: nextOf(state) };
}

export function applyResultPath(call: StateCall, resultPath: PathField | undefined, result: unknown): unknown {
  if (resultPath === undefined) return result;
  if (resultPath === null) return call.input;
  return writePath(call.input, String(resultPath), result, call.node.name);
}

function applyOutputPath(call: StateCall, value: unknown): unknown {
  const path = outputPathOf(call.node.state);
  if (path === undefined) return value;
  if (path === null) return {};
  return resolvePath(String(path), pathEnv(call, value), 'OutputPath');
}

/**
 * JSONPath Assign: a payload template whose `$` is the given value (the state's selected result). Which Assign
 * applies is always the caller's to say (the state's, a Choice rule's, a catcher's): a caught error or a
 * matched rule without one assigns nothing, and never falls back to the state's.
 */
export function evaluateAssignPath(call: StateCall, dollar: unknown, assign: JsonObject | undefined): Record<string, unknown> | undefined {
  if (assign === undefined) return undefined;
  return evaluatePayload(assign, pathEnv(call, dollar), 'Assign') as Record<string, unknown>;
}

/** JSONata Assign, with `$states` as `env` has it; which Assign applies is the caller's to say, as above. */
export async function evaluateAssign(call: StateCall, env: JsonataEnv, assign: JsonObject | undefined): Promise<Record<string, unknown> | undefined> {
  if (assign === undefined) return undefined;
  return (await evaluateTemplate(assign, env, 'Assign')) as Record<string, unknown>;
}

/** The state the running one goes to: its Next, none when it ends its scope. */
export function nextOf(state: StateView): string | undefined {
  if ('End' in state && state.End === true) return undefined;
  return 'Next' in state && typeof state.Next === 'string' ? state.Next : undefined;
}

/** The number fields the interpreter reads, each with a `…Path` twin in JSONPath; the name is for messages. */
export type NumberFieldName =
  | 'Seconds'
  | 'TimeoutSeconds'
  | 'HeartbeatSeconds'
  | 'MaxConcurrency'
  | 'ToleratedFailureCount'
  | 'ToleratedFailurePercentage'
  | 'MaxItemsPerBatch'
  | 'MaxInputBytesPerBatch';

/**
 * A number field in either language: literal, JSONata expression, or (JSONPath) its `…Path` twin. `value` and
 * `path` are the field and its twin as the state (or its ItemBatcher) holds them.
 */
export async function numberField(call: StateCall, field: NumberFieldName, value: NumberOrExpression | undefined, path: Text | undefined, effective: unknown): Promise<number | undefined> {
  if (typeof value === 'number') return value;
  const expression = jsonataExpression(call, value);
  if (expression !== undefined) {
    const result = await evaluateJsonata(expression, jsonataEnv(call), field);
    if (typeof result !== 'number' || !Number.isInteger(result)) {
      throw new StatesError(ErrorNames.QueryEvaluationError, `The JSONata expression for ${field} in state '${call.node.name}' returned ${JSON.stringify(result)}; expected an integer.`);
    }
    return result;
  }
  if (typeof path === 'string') {
    let result = pathEnvValue(call, path, effective, `${field}Path`);
    // AWS accepts a numeric string ("1") here.
    if (typeof result === 'string' && /^-?\d+(\.\d+)?$/.test(result)) result = Number(result);
    const problem = pathNumberProblem(field, path, result);
    if (problem) throw new StatesError(ErrorNames.Runtime, `An error occurred while executing the state '${call.node.name}'. ${problem}`, true);
    return result as number;
  }
  return undefined;
}

/** What is wrong with the number a `…Path` field selected, in AWS's words; undefined when it is fine. */
function pathNumberProblem(field: NumberFieldName, path: string, value: unknown): string | undefined {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'Seconds') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `The SecondsPath parameter cannot be parsed as a long value: ${path} == ${shown}`;
    if (value < 0) return `The SecondsPath parameter references a negative value: ${path} == ${shown}`;
    return undefined;
  }
  if (field === 'ToleratedFailurePercentage') {
    if (typeof value !== 'number') return `The ToleratedFailurePercentagePath field refers to value "${shown}" which is not a valid float: ${path}`;
    if (value < 0 || value > 100) return 'ToleratedFailurePercentage must be between 0 and 100.';
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) return `The ${field}Path field refers to value "${shown}" which is not a valid integer: ${path}`;
  if (value < 0) return `${field} cannot be negative.`;
  return undefined;
}

function pathEnvValue(call: StateCall, path: string, effective: unknown, field: string): unknown {
  return resolvePath(path, pathEnv(call, effective), field);
}

/** States without a result (Choice, Wait, Succeed) in JSONPath: OutputPath over the effective input; Assign sees it as `$`. */
export function finishWithoutResult(call: StateCall, effective: unknown, next: string | undefined, assign: JsonObject | undefined): StateOutcome {
  const assigned = evaluateAssignPath(call, effective, assign);
  return { output: applyOutputPath(call, effective), assigned, next };
}
