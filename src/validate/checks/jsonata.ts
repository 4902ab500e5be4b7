/**
 * JSONata expressions of JSONata states, as Step Functions checks them when a state machine is
 * created ("Transforming data with JSONata in Step Functions"):
 * - a string that starts with `{%` and ends with `%}` is an expression and must parse; one that has
 *   only one of the two delimiters at its edge is refused; other strings are literals;
 * - fields that take a value only through an expression (Choice `Condition`, Map `Items`, the
 *   number fields) refuse plain strings;
 * - `$states.result` exists only in `Output`/`Assign` of Task, Map and Parallel states,
 *   `$states.errorOutput` only in a catcher's `Output`/`Assign`; `$states` has no other fields than
 *   `input`, `result`, `errorOutput` and `context`;
 * - expressions run without a context item: a bare field name, `$` or `$$` at the top level is refused;
 * - `$eval` is not available, and JSONata 2.1's `?:` and `??` do not exist in the 2.0.6 that Step
 *   Functions implements.
 * A `.$` key holding a path, or a whole field written as a path, is a literal in a JSONata state;
 * that is legal but almost never meant, so it is a warning.
 *
 * jsonata itself is loaded only when a JSONata state holds an expression, so JSONPath-only
 * definitions never pay for it.
 */
import type { Finding } from '../../diagnostics.js';
import type { SemanticCheck } from '../check.js';
import {
  delimiterShape,
  jsonataBody,
  newerOperators,
  parseJsonata,
  statesFields,
  topLevelReferences,
  variableUses,
  type JsonataNode,
} from '../../asl/jsonata-syntax.js';
import { looksLikePath } from '../../asl/path-like.js';
import { escapePointerToken } from '../../asl/pointer.js';
import { hasPlaceholder, isUnresolved } from '../../asl/unresolved.js';
import { jsonataSites, type Site } from './jsonata-sites.js';
import { finding, isObject } from './util.js';

const codes = {
  'invalid-jsonata': { description: 'A {% %} expression is not valid JSONata (as Step Functions parses it)', severity: 'error' as const },
  'jsonata-delimiters': { description: 'A string opens with {% but does not end with %}, or ends with %} but does not start with {%', severity: 'error' as const },
  'jsonata-expression-required': { description: 'A field that takes a value only through a JSONata expression holds a plain string', severity: 'error' as const },
  'jsonata-states-reference': { description: '$states.result or $states.errorOutput where it does not exist, or an unknown $states field', severity: 'error' as const },
  'jsonata-top-level-reference': { description: 'An expression reads a field name, $ or $$ at its top level, where there is no context item', severity: 'error' as const },
  'jsonata-unsupported-function': { description: 'An expression uses $eval, or an operator newer than the JSONata version Step Functions runs', severity: 'error' as const },
  'jsonpath-in-jsonata': { description: 'A JSONPath (a field, or a key ending in .$) in a JSONata state, where it is a literal string', severity: 'warning' as const },
};

type Report = (f: Finding) => void;

/** Number fields nested in Distributed Map objects, by the pointer suffix that leads to them. */
const NESTED_EXPRESSION_ONLY = ['/ItemBatcher/MaxItemsPerBatch', '/ItemBatcher/MaxInputBytesPerBatch', '/ItemReader/ReaderConfig/MaxItems'];

const STATES_FIELDS = new Set(['input', 'result', 'errorOutput', 'context']);

export const jsonataCheck: SemanticCheck = {
  name: 'jsonata',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      if (node.queryLanguage !== 'JSONata') continue;
      for (const site of jsonataSites(node)) checkSite(site, report);
    }
  },
};

function checkSite(site: Site, report: Report): void {
  const { value, pointer, label, node, required } = site;
  if (typeof value === 'string' && required && delimiterShape(value) === 'literal' && !hasPlaceholder(value)) {
    report(
      finding(codes, 'jsonata-expression-required', pointer, `${label} of state "${node.name}" must be ${required}, not the plain string ${quote(value)}; write it as "{% <expression> %}"`),
    );
    return;
  }
  if (looksLikePath(value)) {
    // A whole field written as a JSONPath (`"Output": "$.Payload"`): a literal string in JSONata.
    report(
      finding(codes, 'jsonpath-in-jsonata', pointer, `${label} of state "${node.name}" is the JSONPath ${quote(value)}, but the state uses JSONata, so it is kept as a literal string; write it as "{% <expression> %}" (the input is $states.input, a task's result $states.result)`),
    );
    return;
  }
  // Iterative walk over the value: strings are checked, intrinsic objects and placeholders skipped.
  // `member` tells an object member (whose key may end in ".$") from an array item.
  const stack: Array<{ value: unknown; pointer: string; key?: string; member?: boolean }> = [{ value, pointer }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const v = item.value;
    if (typeof v === 'string') {
      checkString(site, v, item.pointer, item.key, report);
      if (item.member && item.key !== undefined && item.key.endsWith('.$') && looksLikePath(v)) jsonPathKey(site, item.key, v, item.pointer, report);
      const nested = item.pointer.slice(site.node.pointer.length);
      if (NESTED_EXPRESSION_ONLY.includes(nested) && delimiterShape(v) === 'literal' && !hasPlaceholder(v)) {
        report(
          finding(codes, 'jsonata-expression-required', item.pointer, `"${item.key}" of state "${node.name}" must be a number or a JSONata expression, not the plain string ${quote(v)}; write it as "{% <expression> %}"`),
        );
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], pointer: `${item.pointer}/${i}`, key: item.key });
    } else if (isObject(v) && !isUnresolved(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        stack.push({ value: child, pointer: `${item.pointer}/${escapePointerToken(k)}`, key: k, member: true });
      }
    }
  }
}

function checkString(site: Site, value: string, pointer: string, key: string | undefined, report: Report): void {
  if (hasPlaceholder(value)) return; // only known after deployment
  const shape = delimiterShape(value);
  if (shape === 'literal') return;
  const where = describe(site, key);
  if (shape === 'unclosed' || shape === 'unopened') {
    const problem =
      shape === 'unclosed'
        ? /%\}\s+$/.test(value)
          ? 'starts with "{%" but has whitespace after the closing "%}"'
          : 'starts with "{%" but does not end with "%}"'
        : /^\s+\{%/.test(value)
          ? 'ends with "%}" but has whitespace before the opening "{%"'
          : 'ends with "%}" but does not start with "{%"';
    report(
      finding(codes, 'jsonata-delimiters', pointer, `${where.replace('The expression in', 'The string in')} ${problem}; Step Functions refuses an expression that is not exactly "{% <expression> %}" (write the whole string as one expression, or remove the stray delimiter to make it a literal)`),
    );
    return;
  }
  const body = jsonataBody(value)!;
  const parsed = parseJsonata(body);
  if (!parsed.ok) {
    const at = parsed.offset !== undefined ? ` (near character ${Math.max(1, parsed.offset)} of the expression)` : '';
    report(finding(codes, 'invalid-jsonata', pointer, `${where} is not valid JSONata: ${parsed.message}${at}; fix the expression between "{%" and "%}"`));
    return;
  }
  checkTree(site, parsed.ast, where, pointer, report);
}

function checkTree(site: Site, ast: JsonataNode, where: string, pointer: string, report: Report): void {
  for (const ref of statesFields(ast)) {
    const problem = statesProblem(site, ref.name);
    if (problem) report(finding(codes, 'jsonata-states-reference', pointer, `${where} reads $states.${ref.name}${problem}`));
  }
  const names = new Set<string>();
  for (const ref of topLevelReferences(ast)) {
    if (names.has(ref.name)) continue;
    names.add(ref.name);
    report(finding(codes, 'jsonata-top-level-reference', pointer, `${where} reads ${topLevelWording(ref.name)} at the top level, which Step Functions refuses: expressions have no context item; ${topLevelFix(ref.name)}`));
  }
  if (variableUses(ast, 'eval').length > 0) {
    report(finding(codes, 'jsonata-unsupported-function', pointer, `${where} uses $eval, which Step Functions does not provide; parse a JSON string with $parse() instead`));
  }
  for (const op of new Set(newerOperators(ast).map((r) => r.name))) {
    const fix = op === '??' ? '$exists(a) ? a : b' : 'a ? a : b';
    report(finding(codes, 'jsonata-unsupported-function', pointer, `${where} uses the "${op}" operator, which came with JSONata 2.1; Step Functions implements JSONata 2.0.6, so write ${fix} instead`));
  }
}

function statesProblem(site: Site, field: string): string | undefined {
  if (!STATES_FIELDS.has(field)) {
    return `, but $states has only input, result, errorOutput and context; did you mean $states.input.${field}?`;
  }
  if (field === 'result' && site.where !== 'result') {
    if (site.where === 'catch') return ', but a catcher runs after the state failed, so there is no result; use $states.errorOutput for the error';
    if (site.where === 'arguments') return ', but "Arguments" is evaluated before the task runs, so there is no result yet; use $states.input';
    return `, but $states.result exists only in "Output" and "Assign" of Task, Map and Parallel states; use $states.input`;
  }
  if (field === 'errorOutput' && site.where !== 'catch') {
    return ', but $states.errorOutput exists only in the "Output" and "Assign" of a catcher (an entry of "Catch")';
  }
  return undefined;
}

function topLevelWording(name: string): string {
  if (name === '$') return '"$" (the context item)';
  if (name === '$$') return '"$$" (the root of the input)';
  return `the field "${name}"`;
}

function topLevelFix(name: string): string {
  if (name === '$' || name === '$$') return 'read the state input as $states.input';
  return `read the state input as $states.input.${name}, or a variable as $${name}`;
}

function jsonPathKey(site: Site, key: string, value: string, pointer: string, report: Report): void {
  const plain = key.slice(0, -2);
  report(
    finding(
      codes,
      'jsonpath-in-jsonata',
      pointer,
      `"${key}" in ${site.label} of state "${site.node.name}" uses the JSONPath ".$" convention, but the state uses JSONata, so ${quote(value)} is kept as a literal string; write "${plain}": "{% <expression> %}" (the input is $states.input)`,
    ),
  );
}

/** `"Output" of state "A"`, or `"payload" in "Arguments" of state "A"` for a nested value. */
function describe(site: Site, key: string | undefined): string {
  const field = site.pointer.slice(site.pointer.lastIndexOf('/') + 1);
  const inner = key !== undefined && key !== field ? `"${key}" in ` : '';
  return `The expression in ${inner}${site.label} of state "${site.node.name}"`;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}
