/**
 * The rules of Choice states. JSONPath rules: a top-level rule has `Next`, nested ones (inside And,
 * Or, Not) do not; each rule is either a combinator or `Variable` plus exactly one comparison
 * operator with a value of the right kind. JSONata rules: `Condition` and `Next`. Fields of the
 * other query language are reported by the query-language check, not here. Timestamps are checked
 * here too, in comparisons and in a Wait state's `Timestamp`, under one code.
 */
import type { Finding } from '../../diagnostics.js';
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import { suggestNearest } from '../../asl/suggest.js';
import { jsonataBody } from '../../asl/jsonata-syntax.js';
import { hasPlaceholder, isUnresolved } from '../../asl/unresolved.js';
import type { StateNode } from '../../asl/walker.js';
import {
  COMBINATORS,
  COMPARISON_OPERATORS,
  describeKind,
  isRfc3339Timestamp,
  matchesKind,
  stringMatchesProblem,
} from './choice-operators.js';
import { finding, has, isObject } from './util.js';

const codes = {
  'empty-choices': { description: 'A Choice state has an empty Choices list', severity: 'error' as const },
  'choice-rule-next': { description: 'A top-level Choice rule lacks Next, or a nested rule has one', severity: 'error' as const },
  'choice-rule-operator': { description: 'A Choice rule has no comparison operator, several, or a value of the wrong kind', severity: 'error' as const },
  'choice-rule-variable': { description: 'A JSONPath Choice rule lacks Variable (or a combinator has one), or a JSONata rule lacks Condition', severity: 'error' as const },
  'choice-rule-combinator': { description: 'And / Or holds no rules', severity: 'error' as const },
  'string-matches-pattern': { description: 'A StringMatches pattern uses an escape other than \\* or \\\\', severity: 'error' as const },
  'invalid-timestamp': { description: 'A Timestamp comparison value, or the Timestamp of a Wait state, is not an RFC 3339 timestamp', severity: 'error' as const },
};

type Report = (f: Finding) => void;

/** Fields of a JSONPath rule that are not comparison operators. */
const RULE_FIELDS = new Set(['Variable', 'Next', 'Comment', 'Assign', 'Output', 'Condition']);

export const choiceRulesCheck: SemanticCheck = {
  name: 'choice-rules',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      if (node.type === 'Wait') checkWaitTimestamp(node, report);
      if (node.type !== 'Choice' || !Array.isArray(node.raw.Choices)) continue;
      const choicesPointer = joinPointer(node.pointer, 'Choices');
      if (node.raw.Choices.length === 0) {
        report(finding(codes, 'empty-choices', choicesPointer, `Choice state "${node.name}" has no rules; add at least one rule to "Choices"`));
        continue;
      }
      node.raw.Choices.forEach((rule, i) => {
        if (!isObject(rule)) return;
        const pointer = joinPointer(choicesPointer, i);
        if (!has(rule, 'Next')) {
          report(finding(codes, 'choice-rule-next', pointer, `Rule ${i} of Choice state "${node.name}" has no "Next"; add the state to go to when it matches`));
        }
        if (node.queryLanguage === 'JSONata') checkJsonataRule(node, rule, pointer, i, report);
        else checkJsonPathRuleTree(node, rule, pointer, report);
      });
    }
  },
};

/** A literal Wait `Timestamp` (not a JSONata expression, not a deploy-time placeholder) must be RFC 3339. */
function checkWaitTimestamp(node: StateNode, report: Report): void {
  const value = node.raw.Timestamp;
  if (typeof value !== 'string' || hasPlaceholder(value)) return;
  if (node.queryLanguage === 'JSONata' && jsonataBody(value) !== undefined) return;
  if (isRfc3339Timestamp(value)) return;
  report(
    finding(
      codes,
      'invalid-timestamp',
      joinPointer(node.pointer, 'Timestamp'),
      `"Timestamp" of Wait state "${node.name}" is "${value}", not an RFC 3339 timestamp; write it like "2024-03-14T01:59:00Z" (uppercase T, and Z or an offset such as +02:00)`,
    ),
  );
}

function checkJsonataRule(node: StateNode, rule: Record<string, unknown>, pointer: string, index: number, report: Report): void {
  if (has(rule, 'Condition')) return;
  report(
    finding(
      codes,
      'choice-rule-variable',
      pointer,
      `Rule ${index} of Choice state "${node.name}" has no "Condition"; JSONata rules test "Condition": "{% <expression> %}"`,
    ),
  );
}

/** Walks a rule and its nested rules with an explicit stack (rules can nest deeply). */
function checkJsonPathRuleTree(node: StateNode, top: Record<string, unknown>, topPointer: string, report: Report): void {
  const stack: Array<{ rule: Record<string, unknown>; pointer: string; nested: boolean }> = [{ rule: top, pointer: topPointer, nested: false }];
  while (stack.length > 0) {
    const { rule, pointer, nested } = stack.pop()!;
    if (nested && has(rule, 'Next')) {
      report(
        finding(codes, 'choice-rule-next', joinPointer(pointer, 'Next'), 'A rule inside "And", "Or" or "Not" cannot have "Next"; only top-level rules choose the next state'),
      );
    }
    // A JSONata-style rule in a JSONPath state: the query-language check explains it.
    if (has(rule, 'Condition')) continue;
    const combinators = COMBINATORS.filter((key) => has(rule, key));
    const operators = Object.keys(rule).filter((key) => COMPARISON_OPERATORS.has(key));
    const where = `in Choice state "${node.name}"`;

    if (combinators.length + operators.length > 1) {
      const names = [...combinators, ...operators].map((k) => `"${k}"`).join(', ');
      report(finding(codes, 'choice-rule-operator', pointer, `A rule ${where} has several operators (${names}); a rule tests exactly one, so combine tests with "And" or "Or"`));
    }
    if (combinators.length > 0) {
      if (has(rule, 'Variable')) {
        report(finding(codes, 'choice-rule-variable', joinPointer(pointer, 'Variable'), `A "${combinators[0]}" rule ${where} cannot have "Variable"; put "Variable" in each of its nested rules`));
      }
      for (const key of combinators) pushNested(rule, key, pointer, where, stack, report);
      continue;
    }
    if (operators.length === 0) report(noOperatorFinding(rule, pointer, where));
    if (!has(rule, 'Variable')) {
      report(finding(codes, 'choice-rule-variable', pointer, `A rule ${where} has no "Variable"; add the path of the value to test, such as "$.status"`));
    }
    for (const operator of operators) checkOperand(rule[operator], operator, joinPointer(pointer, operator), report);
  }
}

/** Points at a misspelt operator when there is one, since that is the likeliest mistake. */
function noOperatorFinding(rule: Record<string, unknown>, pointer: string, where: string): Finding {
  for (const key of Object.keys(rule)) {
    if (RULE_FIELDS.has(key)) continue;
    const suggestion = suggestNearest(key, COMPARISON_OPERATORS.keys());
    if (suggestion) {
      return finding(codes, 'choice-rule-operator', joinPointer(pointer, key), `A rule ${where} has no comparison operator: "${key}" is not one; did you mean "${suggestion}"?`);
    }
  }
  return finding(codes, 'choice-rule-operator', pointer, `A rule ${where} has no comparison operator; add one such as "StringEquals", "NumericGreaterThan" or "IsPresent"`);
}

function pushNested(
  rule: Record<string, unknown>,
  key: (typeof COMBINATORS)[number],
  pointer: string,
  where: string,
  stack: Array<{ rule: Record<string, unknown>; pointer: string; nested: boolean }>,
  report: Report,
): void {
  const value = rule[key];
  const at = joinPointer(pointer, key);
  if (key === 'Not') {
    if (isObject(value)) stack.push({ rule: value, pointer: at, nested: true });
    return;
  }
  if (!Array.isArray(value)) return;
  if (value.length === 0) {
    report(finding(codes, 'choice-rule-combinator', at, `"${key}" ${where} holds no rules; list at least one rule, or remove "${key}"`));
  }
  for (let i = value.length - 1; i >= 0; i--) {
    const nested = value[i];
    if (isObject(nested)) stack.push({ rule: nested, pointer: joinPointer(at, i), nested: true });
  }
}

function checkOperand(value: unknown, operator: string, pointer: string, report: Report): void {
  if (isUnresolved(value)) return;
  const kind = COMPARISON_OPERATORS.get(operator)!;
  // A `…Path` operand is checked once, elsewhere: its type by the schema (wrong-type), its text by
  // the paths check (invalid-path, invalid-reference-path).
  if (kind === 'path') return;
  if (!matchesKind(value, kind)) {
    report(finding(codes, 'choice-rule-operator', pointer, `"${operator}" takes ${describeKind(kind)}, not ${describeValue(value)}`));
    return;
  }
  // "${Day}T00:00:00Z" becomes a timestamp only after substitution.
  if (kind === 'timestamp' && !hasPlaceholder(value as string) && !isRfc3339Timestamp(value as string)) {
    report(
      finding(codes, 'invalid-timestamp', pointer, `"${operator}" value "${String(value)}" is not an RFC 3339 timestamp; write it like "2024-03-14T01:59:00Z" (uppercase T, and Z or an offset such as +02:00)`),
    );
  }
  if (kind === 'pattern') {
    const problem = stringMatchesProblem(value as string);
    if (problem) {
      report(
        finding(codes, 'string-matches-pattern', pointer, `StringMatches pattern "${String(value)}" is malformed: ${problem}; only \\* (a literal star) and \\\\ (a literal backslash) may follow a backslash`),
      );
    }
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}
