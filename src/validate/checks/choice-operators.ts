/**
 * The JSONPath Choice comparison operators and the kind of value each takes: a data table, so the
 * check, its docs and its tests read one list. https://states-language.net/spec.html#choice-state
 */
export type OperandKind = 'string' | 'number' | 'boolean' | 'timestamp' | 'path' | 'pattern';

const VALUE_OPERATORS: Record<string, OperandKind> = {
  StringEquals: 'string',
  StringLessThan: 'string',
  StringGreaterThan: 'string',
  StringLessThanEquals: 'string',
  StringGreaterThanEquals: 'string',
  StringMatches: 'pattern',
  NumericEquals: 'number',
  NumericLessThan: 'number',
  NumericGreaterThan: 'number',
  NumericLessThanEquals: 'number',
  NumericGreaterThanEquals: 'number',
  BooleanEquals: 'boolean',
  TimestampEquals: 'timestamp',
  TimestampLessThan: 'timestamp',
  TimestampGreaterThan: 'timestamp',
  TimestampLessThanEquals: 'timestamp',
  TimestampGreaterThanEquals: 'timestamp',
};

const TYPE_TESTS = ['IsNull', 'IsPresent', 'IsNumeric', 'IsString', 'IsBoolean', 'IsTimestamp'];

/** Every comparison operator with its operand kind; `…Path` forms (all but StringMatches) take a path. */
export const COMPARISON_OPERATORS: ReadonlyMap<string, OperandKind> = new Map<string, OperandKind>([
  ...Object.entries(VALUE_OPERATORS),
  ...Object.keys(VALUE_OPERATORS)
    .filter((op) => op !== 'StringMatches')
    .map((op): [string, OperandKind] => [`${op}Path`, 'path']),
  ...TYPE_TESTS.map((op): [string, OperandKind] => [op, 'boolean']),
]);

export const COMBINATORS = ['And', 'Or', 'Not'] as const;

const KIND_WORDS: Record<OperandKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  timestamp: 'an RFC 3339 timestamp string such as "2024-03-14T01:59:00Z"',
  path: 'a path string starting with "$" (such as "$.limit")',
  pattern: 'a string pattern (use * as the wildcard)',
};

export function describeKind(kind: OperandKind): string {
  return KIND_WORDS[kind];
}

/** True when the value has the kind the operator expects (timestamps and patterns are checked further elsewhere). */
export function matchesKind(value: unknown, kind: OperandKind): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'path':
      return typeof value === 'string' && value.startsWith('$');
    default:
      return typeof value === 'string';
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * RFC 3339 date-time as Step Functions reads it: uppercase T and Z, an offset or Z required,
 * and real calendar values (no February 30th, no hour 24).
 */
export function isRfc3339Timestamp(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return true;
}

/**
 * Where a StringMatches pattern goes wrong, or undefined when it is well formed. The only escapes
 * are `\*` (a literal star) and `\\` (a literal backslash); any other character after a backslash,
 * or a trailing lone backslash, is rejected by Step Functions.
 */
export function stringMatchesProblem(pattern: string): string | undefined {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '\\') continue;
    const next = pattern[i + 1];
    if (next === undefined) return 'it ends with a lone backslash';
    if (next !== '*' && next !== '\\') return `"\\${next}" at position ${i} is not a valid escape`;
    i++;
  }
  return undefined;
}
