/**
 * Short, readable text for the picture: a Task's service, a Wait's duration, a Choice rule's condition,
 * a Retry summary, a Catch's error names. Everything here reads unvalidated values and never throws:
 * a field of the wrong type simply shows nothing (or a "?").
 */
import { isIntrinsicObject } from '../asl/unresolved.js';
import { isObject } from '../asl/is-object.js';

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
 */
export function describeResource(resource: unknown): string | undefined {
  if (isIntrinsicObject(resource)) return shorten(describeIntrinsic(resource as Record<string, unknown>));
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

/** `wait 10 s`, `wait $.delay`, `until 2024-01-01T00:00:00Z`, `until $.when`, or a JSONata `{% … %}`. */
export function describeWait(raw: Record<string, unknown>): string | undefined {
  if ('Seconds' in raw) return `wait ${formatValue(raw.Seconds, 's')}`;
  if (typeof raw.SecondsPath === 'string') return `wait ${shorten(raw.SecondsPath)}`;
  if ('Timestamp' in raw) return `until ${formatValue(raw.Timestamp)}`;
  if (typeof raw.TimestampPath === 'string') return `until ${shorten(raw.TimestampPath)}`;
  return undefined;
}

function formatValue(value: unknown, unit?: string): string {
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

const TYPE_TESTS: Record<string, [yes: string, no: string]> = {
  IsPresent: ['is present', 'is absent'],
  IsNull: ['is null', 'is not null'],
  IsString: ['is a string', 'is not a string'],
  IsNumeric: ['is a number', 'is not a number'],
  IsBoolean: ['is a boolean', 'is not a boolean'],
  IsTimestamp: ['is a timestamp', 'is not a timestamp'],
};

/** A Choice rule as a short condition: `$.total > 1000`, `$.status == "rush"`, `not (…)`, `a and b`. */
export function describeCondition(rule: unknown): string {
  return shorten(conditionText(rule, 0));
}

function conditionText(rule: unknown, depth: number): string {
  if (!isObject(rule)) return '?';
  if ('Condition' in rule) {
    const c = rule.Condition;
    if (typeof c === 'string') return isJsonata(c) ? shortJsonata(c) : c;
    return JSON.stringify(c) ?? '?';
  }
  // Deeply nested boolean rules get summarised: the label is already cut at MAX_LABEL characters.
  if (depth > 6) return '…';
  const group = (items: unknown, word: string): string => {
    if (!Array.isArray(items)) return '?';
    return items.map((r) => wrap(conditionText(r, depth + 1), r)).join(` ${word} `);
  };
  if ('And' in rule) return group(rule.And, 'and');
  if ('Or' in rule) return group(rule.Or, 'or');
  if ('Not' in rule) return `not ${wrap(conditionText(rule.Not, depth + 1), rule.Not)}`;
  const variable = typeof rule.Variable === 'string' ? rule.Variable : '?';
  for (const key of Object.keys(rule)) {
    const test = TYPE_TESTS[key];
    if (test) return `${variable} ${rule[key] === false ? test[1] : test[0]}`;
    const operator = /^(?:String|Numeric|Boolean|Timestamp)(\w+?)(?:Path)?$/.exec(key)?.[1];
    const comparator = operator !== undefined ? COMPARATORS[operator] : undefined;
    if (comparator) {
      const value = rule[key];
      // A *Path operand is another path: show it bare; a literal keeps its JSON spelling ("rush", 1000, true).
      const operand = key.endsWith('Path') && typeof value === 'string' ? value : JSON.stringify(value) ?? '?';
      return `${variable} ${comparator} ${operand}`;
    }
  }
  return variable;
}

/** Compound sub-rules get parentheses so `a and (b or c)` reads right. */
function wrap(text: string, rule: unknown): string {
  return isObject(rule) && ('And' in rule || 'Or' in rule) ? `(${text})` : text;
}

function errorNames(value: unknown): string[] {
  return Array.isArray(value) ? value.map((e) => (typeof e === 'string' ? e : '?')) : [];
}

/** Catch edge label: the error names it catches. */
export function describeCatch(catcher: unknown): string {
  return shorten(isObject(catcher) ? errorNames(catcher.ErrorEquals).join(', ') : '');
}

/** One line per retrier: `retry ×6 Lambda.ServiceException …` (the attempts, then the errors). */
export function describeRetries(retry: unknown): string[] {
  if (!Array.isArray(retry)) return [];
  return retry.map((retrier) => {
    if (!isObject(retrier)) return 'retry';
    // MaxAttempts defaults to 3 (ASL spec); a JSONata string or a placeholder shows as written.
    const attempts = 'MaxAttempts' in retrier ? retrier.MaxAttempts : 3;
    const count = typeof attempts === 'number' || typeof attempts === 'string' ? String(attempts) : '?';
    // The first error name says what the retrier is for; the rest would crowd the box.
    const errors = errorNames(retrier.ErrorEquals);
    const more = errors.length > 1 ? ' …' : '';
    return shorten(`retry ×${count} ${errors[0] ?? ''}${more}`.trim());
  });
}
