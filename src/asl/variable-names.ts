/**
 * Which workflow variables a piece of text names: `$name` in a JSONPath path or intrinsic call, and the free
 * `$name` of a JSONata expression (`$states`, built-in functions, `:=` bindings, lambda parameters and `@`/`#`
 * bindings are not workflow variables). Text only: which fields hold such text is `variable-reads.ts`'s job.
 */
import { parseJsonata, type JsonataNode } from './jsonata-syntax.js';
import { isObject } from './is-object.js';

/** JSONata's built-in functions and the ones Step Functions adds; as a call target they are never variables. */
const BUILTINS = new Set(
  (
    'sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad contains ' +
    'split join match replace eval base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl number ' +
    'abs floor ceil round power sqrt random formatNumber formatBase formatInteger parseInteger boolean not exists append sort ' +
    'reverse shuffle distinct zip keys lookup spread merge sift each error assert type single filter reduce map now millis ' +
    'fromMillis toMillis clone partition range hash uuid parse'
  ).split(' '),
);
const RESERVED = new Set(['states', '', '$']);

const NAME = /(?<![\p{L}\p{N}_$@.\]])\$([\p{L}_][\p{L}\p{N}_]*)/gu;

/** `$name` references in a JSONPath path or intrinsic call (string literals inside intrinsics are skipped). */
export function jsonPathVariables(text: string): string[] {
  if (!text.includes('$')) return [];
  const code = text.includes("'") ? text.replace(/'(?:[^'\\]|\\.)*'/g, "''") : text;
  const out: string[] = [];
  NAME.lastIndex = 0;
  for (let m = NAME.exec(code); m; m = NAME.exec(code)) if (!RESERVED.has(m[1]!)) out.push(m[1]!);
  return out;
}

export interface JsonataVariable {
  name: string;
  /** True when the name is also a built-in function used as a value (`$map($xs, $string)`). */
  builtinName: boolean;
}

/**
 * Free variables of a JSONata expression body (the text between `{%` and `%}`), each with whether the
 * name is a built-in function used as a value. Undefined when the expression does not parse.
 */
export function jsonataVariables(body: string): JsonataVariable[] | undefined {
  const parsed = parseJsonata(body);
  if (!parsed.ok) return undefined;
  const search: FreeVariableSearch = { out: [], seen: new Set() };
  visitExpression(search, parsed.ast, withBindings(parsed.ast, new Set()));
  return search.out;
}

/** One search for free variables: what it found, and the AST nodes it has been through (the AST may share nodes). */
interface FreeVariableSearch {
  readonly out: JsonataVariable[];
  readonly seen: Set<unknown>;
}

/** Recursive: the JSONata parser that built the AST is recursive too, and nests deeper per AST level than this does. */
function visitExpression(search: FreeVariableSearch, node: unknown, locals: ReadonlySet<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) visitExpression(search, item, locals);
    return;
  }
  if (!isObject(node) || search.seen.has(node)) return;
  search.seen.add(node);
  const n = node as JsonataNode;
  switch (n.type) {
    case 'variable': {
      const name = String(n.value ?? '');
      if (!RESERVED.has(name) && !locals.has(name)) search.out.push({ name, builtinName: BUILTINS.has(name) });
      break;
    }
    case 'function':
    case 'partial': {
      const proc = n.procedure as JsonataNode | undefined;
      // A built-in called by name is a function, not a variable; any other callee is a reference.
      if (!(proc?.type === 'variable' && BUILTINS.has(String(proc.value)) && !locals.has(String(proc.value)))) visitExpression(search, proc, locals);
      visitExpression(search, n.arguments, locals);
      break;
    }
    case 'lambda': {
      const inner = new Set(locals);
      for (const a of (n.arguments as JsonataNode[] | undefined) ?? []) if (a?.type === 'variable') inner.add(String(a.value));
      visitExpression(search, n.body, withBindings(n.body, inner));
      break;
    }
    case 'block':
      visitChildren(search, n, withBindings(n.expressions, new Set(locals)));
      break;
    case 'bind':
      visitExpression(search, n.rhs, locals);
      break;
    default:
      visitChildren(search, n, locals);
  }
}

function visitChildren(search: FreeVariableSearch, n: JsonataNode, locals: ReadonlySet<string>): void {
  for (const [key, value] of Object.entries(n)) if (key !== 'value' && key !== 'position' && value !== null && typeof value === 'object') visitExpression(search, value, locals);
}

/** Adds the names bound by `:=`, `@$x` and `#$i` within a block (not inside nested blocks or lambdas). */
function withBindings(root: unknown, locals: Set<string>): Set<string> {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    const n = node as JsonataNode;
    if (n.type === 'bind' && (n.lhs as JsonataNode | undefined)?.type === 'variable') locals.add(String((n.lhs as JsonataNode).value));
    if (typeof n.focus === 'string') locals.add(n.focus);
    if (typeof n.index === 'string') locals.add(n.index);
    if (n !== root && (n.type === 'block' || n.type === 'lambda')) continue;
    for (const [key, value] of Object.entries(n)) if (key !== 'value' && key !== 'position' && value !== null && typeof value === 'object') stack.push(value);
  }
  return locals;
}
