/**
 * Short, readable text for the picture: a Task's service, a Wait's duration, a Choice rule's condition,
 * a Retry summary, a Catch's error names. The builder hands in typed views (`asl/types.ts`), whose values
 * have the kinds their types declare; a value of the wrong kind is not in the view, and shows as "?" where
 * the picture knows it was written (or as nothing). The guards on shapes stay: these helpers never throw,
 * whatever they are handed.
 */
import { isIntrinsicObject } from '../asl/unresolved.js';
import { isObject } from '../asl/is-object.js';
import { TYPE_TESTS, VALUE_COMPARISONS } from '../asl/types.js';
import type { Catcher, ChoiceRule, NumberOrExpression, Retrier, Text, TypeTest, ValueComparison, WaitState } from '../asl/types.js';

/** Labels longer than this are cut with an ellipsis: a diagram is not the place for a whole expression. */
const MAX_LABEL = 48;

export function shorten(text: string, max = MAX_LABEL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…';
}

/** `{ "Fn::GetAtt": ["Fn", "Arn"] }` → `Fn::GetAtt Fn.Arn`; `{ "Ref": "X" }` → `Ref X`. */
function describeIntrinsic(value: Record<string, unknown>): string {
  const [key, arg] = Object.entries(value)[0]!;
  if (typeof arg === 'string') return `${key} ${arg}`;
  if (Array.isArray(arg) && arg.every((a) => typeof a === 'string')) return `${key} ${arg.join('.')}`;
  if (Array.isArray(arg) && typeof arg[0] === 'string') return `${key} ${arg[0]}`;
  return key;
}

/**
 * The Task's service, briefly: `lambda:invoke`, `dynamodb:putItem`, `states:startExecution.sync`,
 * `activity OrderApproval`. Optimised integrations and AWS SDK integrations both read `service:action`.
 * A CloudFormation intrinsic shows as written (`Fn::GetAtt Fn.Arn`).
 */
export function describeResource(resource: Text | undefined): string | undefined {
  if (isObject(resource)) return isIntrinsicObject(resource) ? shorten(describeIntrinsic(resource)) : undefined;
  if (typeof resource !== 'string') return undefined;
  // arn:<partition>:states:::<service>:<action>, the partition possibly a ${AWS::Partition} placeholder.
  const integration = /:states:::(?:aws-sdk:)?(.+)$/.exec(resource);
  if (integration) return shorten(integration[1]!);
  const arn = /^arn:[^:]*:([^:]+):[^:]*:[^:]*:(.*)$/.exec(resource);
  if (arn) {
    const [, service, rest] = arn;
    if (service === 'states' && rest!.startsWith('activity:')) return shorten(`activity ${rest!.slice('activity:'.length)}`);
    if (service === 'lambda' && rest!.startsWith('function:')) {
      return shorten(`lambda:invoke ${rest!.slice('function:'.length).split(':')[0]}`);
    }
    return shorten(`${service} ${rest}`);
  }
  // A bare placeholder (`${OrderFunctionArn}`) or anything else: show it as written, cut short.
  return shorten(resource);
}

/** Which of a Wait's duration fields the author wrote, whatever the value (one of the wrong kind shows "?"). */
export type WrittenWaitField = (field: 'Seconds' | 'Timestamp') => boolean;

/**
 * `wait 10 s`, `wait $.delay`, `until 2024-01-01T00:00:00Z`, `until $.when`, or a JSONata `{% … %}`.
 * `writes` says which fields were written (the builder asks the state as written); by default, those in the view.
 */
export function describeWait(wait: WaitState, writes: WrittenWaitField = (field) => field in wait): string | undefined {
  if (writes('Seconds')) return `wait ${formatValue(wait.Seconds, 's')}`;
  if (typeof wait.SecondsPath === 'string') return `wait ${shorten(wait.SecondsPath)}`;
  if (writes('Timestamp')) return `until ${formatValue(wait.Timestamp)}`;
  if (typeof wait.TimestampPath === 'string') return `until ${shorten(wait.TimestampPath)}`;
  return undefined;
}

function formatValue(value: NumberOrExpression | undefined, unit?: string): string {
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  if (typeof value === 'string') return isJsonata(value) ? shortJsonata(value) : shorten(value);
  return '?';
}

function isJsonata(value: string): boolean {
  return /^\s*\{%[\s\S]*%\}\s*$/.test(value);
}

/** `{% $states.input.total > 1000 %}` → `{% $states.input.total > 1000 %}`, shortened in the middle. */
function shortJsonata(value: string): string {
  const inner = value.trim().slice(2, -2).replace(/\s+/g, ' ').trim();
  return `{% ${shorten(inner, MAX_LABEL - 6)} %}`;
}

/** Comparison operators of JSONPath Choice rules (after the String/Numeric/Boolean/Timestamp prefix), as symbols. */
const COMPARATORS: Record<string, string> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
  Matches: 'matches',
};

const TYPE_TEST_WORDS: Record<TypeTest, [yes: string, no: string]> = {
  IsPresent: ['is present', 'is absent'],
  IsNull: ['is null', 'is not null'],
  IsString: ['is a string', 'is not a string'],
  IsNumeric: ['is a number', 'is not a number'],
  IsBoolean: ['is a boolean', 'is not a boolean'],
  IsTimestamp: ['is a timestamp', 'is not a timestamp'],
};

type ComparisonKey = ValueComparison | `${ValueComparison}Path`;

const TYPE_TEST_KEYS: ReadonlySet<string> = new Set<TypeTest>(TYPE_TESTS);
const COMPARISON_KEYS: ReadonlySet<string> = new Set<ComparisonKey>([...VALUE_COMPARISONS, ...VALUE_COMPARISONS.map((op) => `${op}Path` as const)]);

/** An entry handed in is an object: always so for a view; the guard keeps anything else from throwing. */
function isEntry<T extends object>(value: T | undefined): value is T {
  return isObject(value);
}

const isTypeTest = (key: string): key is TypeTest => TYPE_TEST_KEYS.has(key);
const isComparison = (key: string): key is ComparisonKey => COMPARISON_KEYS.has(key);

/** A Choice rule as a short condition: `$.total > 1000`, `$.status == "rush"`, `not (…)`, `a and b`. */
export function describeCondition(rule: ChoiceRule | undefined): string {
  return shorten(conditionText(rule, 0));
}

function conditionText(rule: ChoiceRule | undefined, depth: number): string {
  if (!isEntry(rule)) return '?';
  if ('Condition' in rule) {
    const c = rule.Condition;
    if (typeof c === 'string') return isJsonata(c) ? shortJsonata(c) : c;
    return JSON.stringify(c) ?? '?';
  }
  // Deeply nested boolean rules get summarised: the label is already cut at MAX_LABEL characters.
  if (depth > 6) return '…';
  const group = (rules: readonly ChoiceRule[] | undefined, word: string): string => {
    if (!Array.isArray(rules)) return '?';
    return rules.map((r) => wrap(conditionText(r, depth + 1), r)).join(` ${word} `);
  };
  if ('And' in rule) return group(rule.And, 'and');
  if ('Or' in rule) return group(rule.Or, 'or');
  if ('Not' in rule) return `not ${wrap(conditionText(rule.Not, depth + 1), rule.Not)}`;
  return comparisonText(rule);
}

/** `$.x is null`, `$.total > 1000`, `$.a == $.b`: the first operator written, or just the variable. */
function comparisonText(rule: ChoiceRule): string {
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  // The first operator in the order written (a rule has one; a broken one may have more).
  for (const key of Object.keys(rule)) {
    if (isTypeTest(key)) return `${variable} ${TYPE_TEST_WORDS[key][rule[key] === false ? 1 : 0]}`;
    if (!isComparison(key)) continue;
    const comparator = COMPARATORS[/^(?:String|Numeric|Boolean|Timestamp)(\w+?)(?:Path)?$/.exec(key)?.[1] ?? ''];
    if (comparator === undefined) continue;
    const value: unknown = rule[key];
    // A *Path operand is another path: show it bare; a literal keeps its JSON spelling ("rush", 1000, true).
    const operand = key.endsWith('Path') && typeof value === 'string' ? value : JSON.stringify(value) ?? '?';
    return `${variable} ${comparator} ${operand}`;
  }
  return variable;
}

/** Compound sub-rules get parentheses so `a and (b or c)` reads right. */
function wrap(text: string, rule: ChoiceRule | undefined): string {
  return isEntry(rule) && ('And' in rule || 'Or' in rule) ? `(${text})` : text;
}

function errorNames(names: readonly string[] | undefined): string[] {
  return Array.isArray(names) ? names.map((e) => (typeof e === 'string' ? e : '?')) : [];
}

/** Catch edge label: the error names it catches. */
export function describeCatch(catcher: Catcher | undefined): string {
  return shorten(isEntry(catcher) ? errorNames(catcher.ErrorEquals).join(', ') : '');
}

/**
 * What the picture knows of a retrier as written, beyond its view: `undefined` when the entry is not an object
 * at all (the view shows it as `{}`), else whether it writes MaxAttempts, whatever the value.
 */
export type RetrierAsWritten = { readonly writesMaxAttempts: boolean } | undefined;

/** By default a retrier is taken as it is handed in. */
const asHandedIn = (retrier: Retrier): RetrierAsWritten => (isEntry(retrier) ? { writesMaxAttempts: 'MaxAttempts' in retrier } : undefined);

/**
 * One line per retrier: `retry ×6 Lambda.ServiceException …` (the attempts, then the errors). A retrier that is
 * not an object reads `retry`; a MaxAttempts of the wrong kind reads `×?` rather than the default.
 */
export function describeRetries(retriers: readonly Retrier[] | undefined, asWritten: (retrier: Retrier, index: number) => RetrierAsWritten = asHandedIn): string[] {
  if (!Array.isArray(retriers)) return [];
  return retriers.map((retrier, index) => {
    const written = asWritten(retrier, index);
    if (!written) return 'retry';
    // MaxAttempts defaults to 3 (ASL spec); a deploy-time value shows as "?".
    const attempts = retrier.MaxAttempts;
    const count = typeof attempts === 'number' ? String(attempts) : written.writesMaxAttempts ? '?' : '3';
    // The first error name says what the retrier is for; the rest would crowd the box.
    const errors = errorNames(retrier.ErrorEquals);
    const more = errors.length > 1 ? ' …' : '';
    return shorten(`retry ×${count} ${errors[0] ?? ''}${more}`.trim());
  });
}
