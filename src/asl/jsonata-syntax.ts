/**
 * JSONata syntax, for the checks that read expressions without evaluating them (validate's
 * `invalid-jsonata`, lint's variable rules). The `jsonata` package is loaded on the first
 * expression only and synchronously (it ships CommonJS), so JSONPath-only definitions never pay
 * for it and the checks stay synchronous. Parsed results are cached by expression text.
 */
import { createRequire } from 'node:module';

type JsonataFactory = typeof import('jsonata');

/** The parts of a JSONata AST node the checks read; the parser adds more. */
export interface JsonataNode {
  type: string;
  value?: unknown;
  position?: number;
  [key: string]: unknown;
}

export type JsonataParse =
  | { ok: true; ast: JsonataNode }
  | { ok: false; message: string; /** 0-based offset into the expression body, when the parser gives one */ offset?: number; code?: string };

let factory: JsonataFactory | undefined;
const cache = new Map<string, JsonataParse>();
const CACHE_LIMIT = 5_000;

function load(): JsonataFactory {
  factory ??= createRequire(import.meta.url)('jsonata') as JsonataFactory;
  return factory;
}

/** `{% expr %}` → `expr`; undefined when the string is not written as a JSONata expression. */
export function jsonataBody(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length >= 4 && value.startsWith('{%') && value.endsWith('%}')) return value.slice(2, -2);
  return undefined;
}

/** `$name` optionally followed by `.field` steps, with JSONata's whitespace around it. */
const SIMPLE_PATH = /^[ \t\n\r\v]*\$([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*)*)[ \t\n\r\v]*$/;
const KEYWORDS = new Set(['and', 'or', 'in', 'true', 'false', 'null', 'function']);

/**
 * The tree the parser would build for the commonest expressions (`$states.input.order.id`,
 * `$myVariable`), built directly: the jsonata parser costs about 0.2 ms an expression, and a
 * definition made only of such paths does not load jsonata at all. Positions are where each token
 * ends, as the parser reports them. Undefined for anything else.
 */
function parseSimplePath(body: string): JsonataNode | undefined {
  const match = SIMPLE_PATH.exec(body);
  if (!match) return undefined;
  const variable = match[1] ?? '';
  const rest = match[2] ?? '';
  const names = rest === '' ? [] : rest.slice(1).split('.');
  if (names.some((name) => KEYWORDS.has(name))) return undefined;
  let position = body.indexOf('$') + 1 + variable.length;
  const first: JsonataNode = { value: variable, type: 'variable', position };
  if (names.length === 0) return first;
  const steps: JsonataNode[] = [first];
  for (const name of names) {
    position += 1 + name.length;
    steps.push({ value: name, type: 'name', position });
  }
  return { type: 'path', steps };
}

/** Parse one expression body (the text between `{%` and `%}`). Never throws. */
export function parseJsonata(body: string): JsonataParse {
  const hit = cache.get(body);
  if (hit) return hit;
  let result: JsonataParse;
  const simple = parseSimplePath(body);
  if (simple) {
    result = { ok: true, ast: simple };
  } else {
    try {
      result = { ok: true, ast: load()(body).ast() as unknown as JsonataNode };
    } catch (error) {
      const { message, position, code } = error as { message?: string; position?: number; code?: string };
      result = { ok: false, message: message ?? String(error), offset: typeof position === 'number' ? position : undefined, code };
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(body, result);
  return result;
}

/**
 * How a string is written with respect to the `{% %}` delimiters. Step Functions evaluates a string
 * as JSONata only when it starts with `{%` and ends with `%}`, with nothing outside them; a string
 * that has one delimiter at its edge but not the other is refused ("improperly opening or closing
 * the expression"), and anything else is a literal (even `" {% x %} "`, whose edges are spaces).
 */
export type DelimiterShape = 'expression' | 'literal' | 'unclosed' | 'unopened';

export function delimiterShape(value: string): DelimiterShape {
  const opens = value.startsWith('{%');
  const closes = value.endsWith('%}');
  if (opens && closes) return value.length >= 4 ? 'expression' : 'unclosed';
  if (opens) return 'unclosed';
  if (closes) return 'unopened';
  return 'literal';
}

/** A place in an expression: a name it reads and the 0-based offset where the parser saw it end. */
export interface JsonataReference {
  name: string;
  position?: number;
}

function isNode(value: unknown): value is JsonataNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof (value as JsonataNode).type === 'string';
}

function nodes(value: unknown): JsonataNode[] {
  if (Array.isArray(value)) return value.filter(isNode);
  return isNode(value) ? [value] : [];
}

/** Every node of the tree once (the parser shares subtrees, e.g. for `?:`), iteratively. */
function eachJsonataNode(ast: JsonataNode, visit: (node: JsonataNode) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
      continue;
    }
    if (isNode(value)) visit(value);
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
}

/**
 * What the expression reads from the context item at its top level: bare field names (`phone`,
 * the first step of `order.total`), `$` and `$$`. Step Functions evaluates expressions with no
 * context item (the input is `$states.input`), and refuses such references when the state machine
 * is created. Only the first step of a path reads the top level; predicates, later steps, sort terms
 * and group-by objects run against what the step before produced and are not looked into. A lambda
 * body keeps the context it was defined in, so it is looked into.
 */
export function topLevelReferences(ast: JsonataNode): JsonataReference[] {
  const found: JsonataReference[] = [];
  const stack: JsonataNode[] = [ast];
  const seen = new Set<JsonataNode>();
  const push = (value: unknown): void => {
    for (const node of nodes(value)) stack.push(node);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    switch (node.type) {
      case 'path':
        push((node.steps as unknown[] | undefined)?.[0]);
        break;
      case 'name':
        found.push({ name: String(node.value), position: node.position });
        break;
      case 'variable':
        if (node.value === '') found.push({ name: '$', position: node.position });
        else if (node.value === '$') found.push({ name: '$$', position: node.position });
        break;
      case 'unary':
        if (node.value === '{' && Array.isArray(node.lhs)) for (const pair of node.lhs) push(pair);
        else push(node.value === '[' ? node.expressions : node.expression);
        break;
      case 'binary':
      case 'apply':
        push(node.lhs);
        push(node.rhs);
        break;
      case 'function':
      case 'partial':
        push(node.procedure);
        push(node.arguments);
        break;
      case 'lambda':
        push(node.body);
        break;
      case 'condition':
        push(node.condition);
        push(node.then);
        push(node.else);
        break;
      case 'block':
        push(node.expressions);
        break;
      case 'bind':
        push(node.rhs);
        break;
      default:
        // literals, regexes, wildcards, descendants, transforms: nothing read from the top level
        break;
    }
  }
  return found.sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
}

/** Each `$states.<field>` the expression reads, with the field's name (`input`, `result` …). */
export function statesFields(ast: JsonataNode): JsonataReference[] {
  const found: JsonataReference[] = [];
  eachJsonataNode(ast, (node) => {
    if (node.type !== 'path' || !Array.isArray(node.steps)) return;
    const [first, second] = node.steps as unknown[];
    if (!isNode(first) || first.type !== 'variable' || first.value !== 'states') return;
    if (isNode(second) && second.type === 'name') found.push({ name: String(second.value), position: second.position });
  });
  return found;
}

/** Uses of the variable `$name` (as a value or called), unless the expression binds it itself. */
export function variableUses(ast: JsonataNode, name: string): JsonataReference[] {
  const uses: JsonataReference[] = [];
  let bound = false;
  eachJsonataNode(ast, (node) => {
    if (node.type === 'bind' && isNode(node.lhs) && node.lhs.value === name) bound = true;
    if (node.type === 'lambda' && nodes(node.arguments).some((arg) => arg.value === name)) bound = true;
    if (node.type === 'variable' && node.value === name) uses.push({ name: `$${name}`, position: node.position });
  });
  return bound ? [] : uses;
}

/**
 * Operators that came with JSONata 2.1 (`?:` and `??`). Step Functions implements JSONata 2.0.6,
 * which does not parse them. The parser here is newer, so they are recognised in its tree: `a ?: b`
 * is a condition whose result is a copy of its test (same positions, which `a ? a : b` cannot
 * have), `a ?? b` one that tests a `$exists` call the parser made up (it has no position).
 */
export function newerOperators(ast: JsonataNode): JsonataReference[] {
  const found: JsonataReference[] = [];
  eachJsonataNode(ast, (node) => {
    if (node.type !== 'condition') return;
    if (isNode(node.then) && JSON.stringify(node.then) === JSON.stringify(node.condition)) found.push({ name: '?:', position: node.position });
    const test = node.condition;
    if (isNode(test) && test.type === 'function' && isNode(test.procedure) && test.procedure.value === 'exists' && test.procedure.position === undefined) {
      found.push({ name: '??', position: node.position });
    }
  });
  return found;
}
