/**
 * Evaluates JSONPath filter and script expressions (`[?(@.price < 10 && @.tag == 'x')]`, `[(@.length-1)]`)
 * from the tree of the grammar validate checks them with (`src/asl/jsonpath-filter-syntax.ts`), so input can
 * never run code and whatever validate accepts evaluates here.
 * The operators mean what they mean in Jayway JsonPath, which Step Functions evaluates paths with, not what
 * JavaScript makes of them (so jsonpath-plus's own `eval: 'safe'` interpreter, which keeps JavaScript's
 * `'5' < 9` and `true == 1`, is not used): `<` `<=` `>` `>=` hold only between two numbers or two strings;
 * `==` is equal values of one kind, objects and arrays compared by content, except that a number and a string
 * holding the same number are equal; `===` is equal values of one kind only. Jayway's other filter operators
 * work too: `=~ /regex/i` (the whole text must match), `in`, `nin`, `subsetof`, `anyof`, `noneof`, `size`
 * and `empty`, with list literals such as `['a', 'b']`.
 */
import { deepEqual } from './equality.js';
import { regexFlags, type FilterNode } from '../asl/jsonpath-filter-syntax.js';

/** Evaluates a parsed expression; `current` is what `@` stands for, `root` what `$` stands for. */
export function evaluateFilter(node: FilterNode, current: unknown, root: unknown): unknown {
  const run = (n: FilterNode): unknown => evaluateFilter(n, current, root);
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'current':
      return current;
    case 'root':
      return root;
    case 'member':
      return member(run(node.object), run(node.key));
    case 'list':
      return node.items.map(run);
    case 'unary':
      return node.op === '!' ? !run(node.operand) : -(run(node.operand) as number);
    case 'match':
      return matchesWhole(run(node.operand), node.source, node.flags);
    default:
      return binary(node.op, node.left, node.right, run);
  }
}

function binary(op: string, left: FilterNode, right: FilterNode, run: (n: FilterNode) => unknown): unknown {
  // && and || look at their right-hand side only when they need it, as in Jayway.
  if (op === '&&') return Boolean(run(left)) && Boolean(run(right));
  if (op === '||') return Boolean(run(left)) || Boolean(run(right));
  const a = run(left);
  const b = run(right);
  switch (op) {
    case '==':
      return jaywayEquals(a, b);
    case '!=':
      return !jaywayEquals(a, b);
    case '===':
      return deepEqual(a, b);
    case '!==':
      return !deepEqual(a, b);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, a, b);
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(op, a, b);
    default:
      return wordOperator(op, a, b);
  }
}

function member(value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) return key === 'length' ? value.length : typeof key === 'number' ? value[key] : undefined;
  if (typeof value === 'string') return key === 'length' ? value.length : undefined;
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, String(key))) {
    return (value as Record<string, unknown>)[String(key)];
  }
  return undefined;
}

const patterns = new Map<string, RegExp>();

/** Jayway's `=~`: the whole text of a string, number or boolean matches the pattern (other values are ""). */
function matchesWhole(value: unknown, source: string, flags: string): boolean {
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const key = `${flags}/${source}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`, regexFlags(flags));
    // A filter is tried on every item of a list: compile each pattern once (a bounded cache).
    if (patterns.size < 1000) patterns.set(key, pattern);
  }
  return pattern.test(text);
}

function wordOperator(op: string, left: unknown, right: unknown): boolean {
  const contains = (list: unknown, item: unknown) => Array.isArray(list) && list.some((x) => jaywayEquals(item, x));
  switch (op) {
    case 'in':
      return contains(right, left);
    case 'nin':
      return !contains(right, left);
    case 'subsetof':
      return Array.isArray(left) && Array.isArray(right) && left.every((x) => contains(right, x));
    case 'anyof':
      return Array.isArray(left) && Array.isArray(right) && left.some((x) => contains(right, x));
    case 'noneof':
      return Array.isArray(left) && Array.isArray(right) && !left.some((x) => contains(right, x));
    case 'size':
      return (typeof left === 'string' || Array.isArray(left)) && left.length === right;
    default: // empty
      return (typeof left === 'string' || Array.isArray(left)) && typeof right === 'boolean' && (left.length === 0) === right;
  }
}

/** A number as Java's BigDecimal reads it from a string (no spaces, no hex, no Infinity). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Jayway's `==`: a number equals a string that holds the same number; otherwise values of one kind, by content. */
function jaywayEquals(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'string') return DECIMAL.test(b) && Number(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return a === String(b);
  return deepEqual(a, b);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (typeof a !== 'number' || typeof b !== 'number') {
    // Text joins text and plain values; an object or a list has no text form here (and one without a
    // prototype, which a library caller may pass, cannot even be converted), so the result is no value.
    const plain = (v: unknown) => v === null || v === undefined || typeof v !== 'object';
    return op === '+' && (typeof a === 'string' || typeof b === 'string') && plain(a) && plain(b) ? `${String(a)}${String(b)}` : NaN;
  }
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    default:
      return a % b;
  }
}
