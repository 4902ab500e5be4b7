/**
 * JSONPath Choice rules: every comparison operator and its `Path` form, And/Or/Not and the type
 * tests. A value of the wrong type never matches (it is not an error); a Variable that does not exist
 * is States.Runtime except for IsPresent.
 */
import { runtimeError } from './errors.js';
import { tryReadPath } from './jsonpath.js';
import { splitVariablePath } from '../asl/jsonpath-syntax.js';
import { resolvePath, type PathEnv } from './payload.js';

type Rule = Record<string, unknown>;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an RFC 3339 timestamp as Step Functions accepts it, else undefined. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function evaluateRule(rule: Rule, env: PathEnv): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => evaluateRule(r as Rule, env));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => evaluateRule(r as Rule, env));
  if (rule.Not && typeof rule.Not === 'object') return !evaluateRule(rule.Not as Rule, env);
  const variable = rule.Variable;
  if (typeof variable !== 'string') {
    throw runtimeError(`An error occurred while executing the state '${env.stateName}'. A Choice rule has no Variable.`);
  }
  const operator = Object.keys(rule).find((key) => key in OPERATORS || key.endsWith('Path') && key.slice(0, -4) in OPERATORS);
  if (!operator) throw runtimeError(`An error occurred while executing the state '${env.stateName}'. A Choice rule has no comparison operator.`);
  const present = readVariable(variable, env);
  if (operator === 'IsPresent') return present.found === (rule.IsPresent === true);
  if (!present.found) {
    throw runtimeError(`An error occurred while executing the state '${env.stateName}'. Invalid path '${variable}': The choice state's condition path references an invalid value.`);
  }
  let expected = rule[operator];
  let name = operator;
  if (!(operator in OPERATORS)) {
    name = operator.slice(0, -4);
    expected = resolvePath(String(expected), env, `Choices.${operator}`);
  }
  return OPERATORS[name]!(present.value, expected);
}

function readVariable(path: string, env: PathEnv): { found: boolean; value?: unknown } {
  if (path.startsWith('$$')) return tryReadPath(env.context, path.slice(1));
  if (path.length > 1 && path[1] !== '.' && path[1] !== '[') {
    const match = splitVariablePath(path);
    if (!match || !Object.prototype.hasOwnProperty.call(env.variables, match.name)) return { found: false };
    return tryReadPath(env.variables[match.name], match.rest);
  }
  return tryReadPath(env.input, path);
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isString = (v: unknown): v is string => typeof v === 'string';

function compare<T>(guard: (v: unknown) => v is T, test: (a: T, b: T) => boolean) {
  return (actual: unknown, expected: unknown) => guard(actual) && guard(expected) && test(actual, expected);
}

function timestampCompare(test: (a: number, b: number) => boolean) {
  return (actual: unknown, expected: unknown) => {
    const a = parseTimestamp(actual);
    const b = parseTimestamp(expected);
    return a !== undefined && b !== undefined && test(a, b);
  };
}

/** `*` matches any run of characters; `\*` and `\\` are a literal star and backslash. */
function stringMatches(value: string, pattern: string): boolean {
  let regex = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      regex += escapeRegex(pattern[++i]!);
    } else if (ch === '*') {
      regex += '[\\s\\S]*';
    } else {
      regex += escapeRegex(ch);
    }
  }
  return new RegExp(`${regex}$`).test(value);
}

function escapeRegex(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const OPERATORS: Record<string, (actual: unknown, expected: unknown) => boolean> = {
  StringEquals: compare(isString, (a, b) => a === b),
  StringLessThan: compare(isString, (a, b) => a < b),
  StringGreaterThan: compare(isString, (a, b) => a > b),
  StringLessThanEquals: compare(isString, (a, b) => a <= b),
  StringGreaterThanEquals: compare(isString, (a, b) => a >= b),
  StringMatches: compare(isString, stringMatches),
  NumericEquals: compare(isNumber, (a, b) => a === b),
  NumericLessThan: compare(isNumber, (a, b) => a < b),
  NumericGreaterThan: compare(isNumber, (a, b) => a > b),
  NumericLessThanEquals: compare(isNumber, (a, b) => a <= b),
  NumericGreaterThanEquals: compare(isNumber, (a, b) => a >= b),
  BooleanEquals: (a, b) => typeof a === 'boolean' && typeof b === 'boolean' && a === b,
  TimestampEquals: timestampCompare((a, b) => a === b),
  TimestampLessThan: timestampCompare((a, b) => a < b),
  TimestampGreaterThan: timestampCompare((a, b) => a > b),
  TimestampLessThanEquals: timestampCompare((a, b) => a <= b),
  TimestampGreaterThanEquals: timestampCompare((a, b) => a >= b),
  IsNull: (a, b) => (a === null) === (b === true),
  IsPresent: () => true,
  IsNumeric: (a, b) => (typeof a === 'number') === (b === true),
  IsString: (a, b) => (typeof a === 'string') === (b === true),
  IsBoolean: (a, b) => (typeof a === 'boolean') === (b === true),
  IsTimestamp: (a, b) => (parseTimestamp(a) !== undefined) === (b === true),
};
