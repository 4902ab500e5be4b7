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
import { asWritten } from '../../asl/state-view.js';
import type { ChoiceRule, WaitState } from '../../asl/types.js';
import type { StateNode } from '../../asl/walker.js';
import {
  COMBINATORS,
  COMPARISON_OPERATORS,
  describeKind,
  isRfc3339Timestamp,
  matchesKind,
  stringMatchesProblem,
} from './choice-operators.js';
import { finding, writes, writtenAsObject } from './util.js';

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
      const state = node.state;
      if (state.Type === 'Wait') checkWaitTimestamp(node, state, report);
      if (state.Type !== 'Choice' || state.Choices === undefined) continue;
      const choicesPointer = joinPointer(node.pointer, 'Choices');
      if (state.Choices.length === 0) {
        report(finding(codes, 'empty-choices', choicesPointer, `Choice state "${node.name}" has no rules; add at least one rule to "Choices"`));
        continue;
      }
      state.Choices.forEach((rule, i) => {
        if (!writtenAsObject(rule)) return;
        const pointer = joinPointer(choicesPointer, i);
        // Written, whatever its value: a Next of the wrong kind is the schema's to report.
        if (!writes(rule, 'Next')) {
          report(finding(codes, 'choice-rule-next', pointer, `Rule ${i} of Choice state "${node.name}" has no "Next"; add the state to go to when it matches`));
        }
        if (node.queryLanguage === 'JSONata') checkJsonataRule(node, rule, pointer, i, report);
        else checkJsonPathRuleTree(node, rule, pointer, report);
      });
    }
  },
};

/** A literal Wait `Timestamp` (not a JSONata expression, not a deploy-time placeholder) must be RFC 3339. */
function checkWaitTimestamp(node: StateNode, state: WaitState, report: Report): void {
  const value = state.Timestamp;
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

function checkJsonataRule(node: StateNode, rule: ChoiceRule, pointer: string, index: number, report: Report): void {
  if (writes(rule, 'Condition')) return;
  report(
    finding(
      codes,
      'choice-rule-variable',
      pointer,
      `Rule ${index} of Choice state "${node.name}" has no "Condition"; JSONata rules test "Condition": "{% <expression> %}"`,
    ),
  );
}

interface PendingRule {
  rule: ChoiceRule;
  pointer: string;
  nested: boolean;
}

/**
 * Walks a rule and its nested rules with an explicit stack (rules can nest deeply). Operators are read
 * from the rule as written: a misspelt one is no field of the view but is the likeliest mistake to point
 * at, and an operand of the wrong kind (`"IsNull": "yes"`), which the view leaves out, is explained here.
 */
function checkJsonPathRuleTree(node: StateNode, top: ChoiceRule, topPointer: string, report: Report): void {
  const stack: PendingRule[] = [{ rule: top, pointer: topPointer, nested: false }];
  while (stack.length > 0) {
    const { rule, pointer, nested } = stack.pop()!;
    if (nested && writes(rule, 'Next')) {
      report(
        finding(codes, 'choice-rule-next', joinPointer(pointer, 'Next'), 'A rule inside "And", "Or" or "Not" cannot have "Next"; only top-level rules choose the next state'),
      );
    }
    // A JSONata-style rule in a JSONPath state: the query-language check explains it.
    if (writes(rule, 'Condition')) continue;
    const written = asWritten(rule) ?? {};
    const combinators = COMBINATORS.filter((key) => writes(rule, key));
    const operators = Object.keys(written).filter((key) => COMPARISON_OPERATORS.has(key));
    const where = `in Choice state "${node.name}"`;

    if (combinators.length + operators.length > 1) {
      const names = [...combinators, ...operators].map((k) => `"${k}"`).join(', ');
      report(finding(codes, 'choice-rule-operator', pointer, `A rule ${where} has several operators (${names}); a rule tests exactly one, so combine tests with "And" or "Or"`));
    }
    if (combinators.length > 0) {
      if (writes(rule, 'Variable')) {
        report(finding(codes, 'choice-rule-variable', joinPointer(pointer, 'Variable'), `A "${combinators[0]}" rule ${where} cannot have "Variable"; put "Variable" in each of its nested rules`));
      }
      for (const key of combinators) pushNested(rule, key, pointer, where, stack, report);
      continue;
    }
    if (operators.length === 0) report(noOperatorFinding(Object.keys(written), pointer, where));
    if (!writes(rule, 'Variable')) {
      report(finding(codes, 'choice-rule-variable', pointer, `A rule ${where} has no "Variable"; add the path of the value to test, such as "$.status"`));
    }
    for (const operator of operators) checkOperand(written[operator], operator, joinPointer(pointer, operator), report);
  }
}

/** Points at a misspelt operator when there is one, since that is the likeliest mistake. */
function noOperatorFinding(keys: readonly string[], pointer: string, where: string): Finding {
  for (const key of keys) {
    if (RULE_FIELDS.has(key)) continue;
    const suggestion = suggestNearest(key, COMPARISON_OPERATORS.keys());
    if (suggestion) {
      return finding(codes, 'choice-rule-operator', joinPointer(pointer, key), `A rule ${where} has no comparison operator: "${key}" is not one; did you mean "${suggestion}"?`);
    }
  }
  return finding(codes, 'choice-rule-operator', pointer, `A rule ${where} has no comparison operator; add one such as "StringEquals", "NumericGreaterThan" or "IsPresent"`);
}

function pushNested(rule: ChoiceRule, key: (typeof COMBINATORS)[number], pointer: string, where: string, stack: PendingRule[], report: Report): void {
  const at = joinPointer(pointer, key);
  if (key === 'Not') {
    if (rule.Not) stack.push({ rule: rule.Not, pointer: at, nested: true });
    return;
  }
  const rules = rule[key];
  if (rules === undefined) return;
  if (rules.length === 0) {
    report(finding(codes, 'choice-rule-combinator', at, `"${key}" ${where} holds no rules; list at least one rule, or remove "${key}"`));
  }
  for (let i = rules.length - 1; i >= 0; i--) {
    const nested = rules[i]!;
    if (writtenAsObject(nested)) stack.push({ rule: nested, pointer: joinPointer(at, i), nested: true });
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
