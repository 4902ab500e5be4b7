/**
 * JSONata evaluation for the JSONata query language. The `jsonata` package is imported on first use
 * only, so a JSONPath-only run never loads it. Step Functions' own functions are added ($partition,
 * $range, $hash, $random, $uuid, $parse) and $eval is taken away.
 */
import { queryEvaluationError, StatesError } from './errors.js';
import { seededFloat, type SeededRandom } from './random.js';
import { HASH_ALGORITHMS, hexDigest } from './hash.js';
import { jsonataBody } from '../asl/jsonata-syntax.js';
import { BoundExceeded, DEFAULT_JSONATA_BOUNDS, EvaluationGuard, GUARD_BINDING, installGuardHooks, jsonataPad, type JsonataBounds } from './jsonata-guard.js';

type JsonataFactory = typeof import('jsonata');
type Expression = ReturnType<JsonataFactory>;

let jsonataModule: Promise<JsonataFactory> | undefined;
let padImplementation: ReturnType<typeof jsonataPad> | undefined;
const compiled = new Map<string, Expression>();

export interface JsonataEnv {
  input: unknown;
  context: Record<string, unknown>;
  variables: Record<string, unknown>;
  result?: unknown;
  errorOutput?: unknown;
  random: SeededRandom;
  /** Time, depth and size bounds, and the execution's abort signal (defaults when absent). */
  bounds?: JsonataBounds;
}

async function compile(body: string): Promise<Expression> {
  const hit = compiled.get(body);
  if (hit) return hit;
  jsonataModule ??= import('jsonata').then((m) => (m as unknown as { default: JsonataFactory }).default);
  const factory = await jsonataModule;
  let expression: Expression;
  try {
    expression = factory(body);
  } catch (err) {
    throw queryEvaluationError(`The JSONata expression '${body.trim()}' could not be parsed: ${jsonataMessage(err)}`);
  }
  padImplementation ??= jsonataPad(factory);
  installGuardHooks(expression, await padImplementation);
  compiled.set(body, expression);
  return expression;
}

function jsonataMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}

/** Evaluates one expression body. `field` names where it came from, for the cause. */
export async function evaluateJsonata(body: string, env: JsonataEnv, field: string): Promise<unknown> {
  const expression = await compile(body);
  const states: Record<string, unknown> = { input: env.input, context: env.context };
  if ('result' in env) states.result = env.result;
  if ('errorOutput' in env) states.errorOutput = env.errorOutput;
  const bounds = env.bounds ?? DEFAULT_JSONATA_BOUNDS;
  const bindings: Record<string, unknown> = { ...env.variables, states, ...stepFunctionsFunctions(env.random), [GUARD_BINDING]: new EvaluationGuard(bounds) };
  let value: unknown;
  try {
    value = await expression.evaluate(env.input, bindings);
  } catch (err) {
    if (err instanceof StatesError) throw err;
    // An abort is not the expression's failure: the engine ends the execution ABORTED.
    if (bounds.signal?.aborted && err === bounds.signal.reason) throw err;
    if (err instanceof BoundExceeded) {
      throw queryEvaluationError(`The JSONata expression '${body.trim()}' in field '${field}' was stopped: ${err.message}.`, field);
    }
    throw queryEvaluationError(`An error occurred while evaluating the JSONata expression '${body.trim()}' in field '${field}': ${jsonataMessage(err)}`, field);
  }
  if (value === undefined) {
    throw queryEvaluationError(`The JSONata expression '${body.trim()}' specified for the field '${field}' returned nothing (undefined).`, field);
  }
  if (isFunction(value)) throw queryEvaluationError(`The JSONata expression '${body.trim()}' specified for the field '${field}' returned an unsupported result type.`, field);
  return toJson(value);
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function' || (value !== null && typeof value === 'object' && ('_jsonata_lambda' in value || '_jsonata_function' in value));
}

/** JSONata sequences and objects carry extra markers; results must be plain JSON values. */
function toJson(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && ('_jsonata_lambda' in value || '_jsonata_function' in value)) {
    throw queryEvaluationError('A JSONata expression returned a function, which is not a JSON value.');
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') throw queryEvaluationError('A JSONata expression returned a function, which is not a JSON value.');
    if (typeof value === 'number' && !Number.isFinite(value)) throw queryEvaluationError('A JSONata expression produced a number that is not finite.');
    return value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const converted = toJson(item);
      if (converted !== undefined) out.push(converted);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const converted = toJson(item);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}

/**
 * Evaluates a field that may hold JSONata: a whole-string `{% %}` is evaluated, objects and arrays are
 * walked, everything else is taken literally.
 */
export async function evaluateTemplate(value: unknown, env: JsonataEnv, field: string): Promise<unknown> {
  const body = jsonataBody(value);
  if (body !== undefined) return evaluateJsonata(body, env, field);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(await evaluateTemplate(value[i], env, `${field}[${i}]`));
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = await evaluateTemplate(item, env, `${field}/${key}`);
    return out;
  }
  return value;
}


/**
 * An integer argument of $partition, $range or $random: "Transforming data with JSONata" says non-integers
 * are rounded down; toward zero, as a Java long conversion does (-1.7 → -1). Undefined for a non-number.
 */
function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) || 0 : undefined;
}

function stepFunctionsFunctions(random: SeededRandom): Record<string, unknown> {
  return {
    eval: () => {
      throw queryEvaluationError('The JSONata function $eval is not supported by Step Functions.');
    },
    partition: (array: unknown, given: unknown) => {
      const size = wholeNumber(given);
      if (!Array.isArray(array) || size === undefined || size <= 0) {
        throw queryEvaluationError('$partition expects an array and a positive integer chunk size.');
      }
      const out: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
      return out;
    },
    range: (...given: unknown[]) => {
      const [start, end, step] = given.map(wholeNumber);
      if (start === undefined || end === undefined || step === undefined || step === 0) {
        throw queryEvaluationError('$range expects a start, an end and a non-zero step, all numbers.');
      }
      const out: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.push(v);
        if (out.length > 1000) throw queryEvaluationError('$range can produce at most 1000 items.');
      }
      // A one-item result collapses to the item, as JSONata sequences do.
      return out.length === 1 ? out[0] : out;
    },
    hash: (data: unknown, algorithm: unknown) => {
      const algo = typeof algorithm === 'string' ? HASH_ALGORITHMS[algorithm] : undefined;
      if (typeof data !== 'string' || !algo) {
        throw queryEvaluationError(`$hash expects a string and one of ${Object.keys(HASH_ALGORITHMS).join(', ')}.`);
      }
      return hexDigest(algo, data);
    },
    random: (...given: unknown[]) => {
      if (given.length === 0 || given[0] === undefined) return random.next();
      const seed = wholeNumber(given[0]);
      if (seed === undefined) throw queryEvaluationError('$random expects an integer seed, or no argument.');
      // The same seed gives the same number in every call and execution, whatever the run's own seed.
      return seededFloat(seed);
    },
    uuid: () => random.uuid(),
    parse: (text: unknown) => {
      if (typeof text !== 'string') throw queryEvaluationError('$parse expects a string of JSON.');
      try {
        return JSON.parse(text);
      } catch (err) {
        throw queryEvaluationError(`$parse could not parse its argument as JSON: ${(err as Error).message}`);
      }
    },
  };
}
