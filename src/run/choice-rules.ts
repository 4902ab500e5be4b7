/**
 * JSONPath Choice rules: every comparison operator and its `Path` form, And/Or/Not and the type
 * tests. A value of the wrong type never matches (it is not an error); a Variable that does not exist
 * is States.Runtime except for IsPresent.
 */
import { runtimeError } from './errors.js';
import { tryReadPath } from './jsonpath.js';
import { splitVariablePath } from '../asl/jsonpath-syntax.js';
import { resolvePath, type PathEnv } from './payload.js';
import { TYPE_TESTS, VALUE_COMPARISONS, type ChoiceRule, type TypeTest, type ValueComparison } from '../asl/types.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an RFC 3339 timestamp as Step Functions accepts it, else undefined. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || !TIMESTAMP.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function evaluateRule(rule: ChoiceRule, env: PathEnv): boolean {
  if (rule.And) return rule.And.every((r) => evaluateRule(r, env));
  if (rule.Or) return rule.Or.some((r) => evaluateRule(r, env));
  if (rule.Not) return !evaluateRule(rule.Not, env);
  const variable = rule.Variable;
  if (typeof variable !== 'string') {
    throw runtimeError(`An error occurred while executing the state '${env.stateName}'. A Choice rule has no Variable.`);
  }
  const operator = operatorOf(rule);
  if (!operator) throw runtimeError(`An error occurred while executing the state '${env.stateName}'. A Choice rule has no comparison operator.`);
  const present = readVariable(variable, env);
  if (operator.test === 'IsPresent') return present.found === (rule.IsPresent === true);
  if (!present.found) {
    throw runtimeError(`An error occurred while executing the state '${env.stateName}'. Invalid path '${variable}': The choice state's condition path references an invalid value.`);
  }
  return OPERATORS[operator.test](present.value, operator.operand(rule, env));
}

/** A comparison as a rule writes it: the test it makes, and how to get the value it compares with. */
interface Operator {
  readonly test: ValueComparison | TypeTest;
  readonly operand: (rule: ChoiceRule, env: PathEnv) => unknown;
}

/** Every operator a rule may hold, by its field name: `NumericEquals`, `NumericEqualsPath`, `IsNull` … */
const OPERATOR_FIELDS: ReadonlyMap<string, Operator> = new Map<string, Operator>([
  ...VALUE_COMPARISONS.map((test): [string, Operator] => [test, { test, operand: (rule) => rule[test] }]),
  ...VALUE_COMPARISONS.map((test): [string, Operator] => {
    const field = `${test}Path` as const;
    return [field, { test, operand: (rule, env) => resolvePath(String(rule[field]), env, `Choices.${field}`) }];
  }),
  ...TYPE_TESTS.map((test): [string, Operator] => [test, { test, operand: (rule) => rule[test] }]),
]);

/** The rule's operator: its first field, in the order written, that is one (validate allows only one). */
function operatorOf(rule: ChoiceRule): Operator | undefined {
  for (const field in rule) {
    const operator = OPERATOR_FIELDS.get(field);
    if (operator) return operator;
  }
  return undefined;
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

const OPERATORS: Record<ValueComparison | TypeTest, (actual: unknown, expected: unknown) => boolean> = {
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
