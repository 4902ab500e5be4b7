/**
 * A small evaluator for JSONPath filter and script expressions (`[?(@.price < 10 && @.tag == 'x')]`,
 * `[(@.length-1)]`). jsonpath-plus hands us the expression text with `@` rewritten to `_$_v`; we
 * interpret only comparisons, logic, arithmetic, literals and member access, so input can never run code.
 * The operators mean what they mean in Jayway JsonPath, which Step Functions evaluates paths with, not what
 * JavaScript makes of them (so jsonpath-plus's own `eval: 'safe'` interpreter, which keeps JavaScript's
 * `'5' < 9` and `true == 1`, is not used): `<` `<=` `>` `>=` hold only between two numbers or two strings;
 * `==` is equal values of one kind, objects and arrays compared by content, except that a number and a string
 * holding the same number are equal; `===` is equal values of one kind only. Jayway's other filter operators
 * work too: `=~ /regex/i` (the whole text must match), `in`, `nin`, `subsetof`, `anyof`, `noneof`, `size`
 * and `empty`, with list literals such as `['a', 'b']`.
 */
import { deepEqual } from './equality.js';

type Token = { kind: 'num' | 'str' | 'id' | 'op'; value: string } | { kind: 're'; value: string; flags: string };

/** Jayway's operators spelt as words; they bind as tightly as `==`. */
const WORD_OPERATORS = new Set(['in', 'nin', 'subsetof', 'anyof', 'noneof', 'size', 'empty']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', value: num[0] });
      i += num[0].length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j++];
      }
      if (j >= text.length) throw new Error(`unterminated string in filter ${text}`);
      tokens.push({ kind: 'str', value });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
    if (id) {
      tokens.push({ kind: 'id', value: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(===|!==|==|!=|=~|<=|>=|&&|\|\||[<>!()[\].,+\-*/%])/.exec(rest);
    if (!op) throw new Error(`unsupported character ${JSON.stringify(ch)} in filter ${text}`);
    tokens.push({ kind: 'op', value: op[0] });
    i += op[0].length;
    if (op[0] === '=~') i = regexLiteral(text, i, tokens);
  }
  return tokens;
}

/** Reads the `/source/flags` after `=~` into a token; returns the offset after it. */
function regexLiteral(text: string, from: number, tokens: Token[]): number {
  let i = from;
  while (/\s/.test(text[i] ?? '')) i++;
  if (text[i] !== '/') throw new Error(`=~ needs a regular expression such as /^a.*/i in filter ${text}`);
  let j = i + 1;
  while (j < text.length && text[j] !== '/') j += text[j] === '\\' ? 2 : 1;
  if (j >= text.length) throw new Error(`unterminated regular expression in filter ${text}`);
  const flags = /^[a-z]*/.exec(text.slice(j + 1))![0];
  tokens.push({ kind: 're', value: text.slice(i + 1, j), flags });
  return j + 1 + flags.length;
}

export function evaluateFilter(script: string, sandbox: Record<string, unknown>): unknown {
  const tokens = tokenize(script);
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (value?: string): Token => {
    const token = tokens[pos];
    if (!token || (value !== undefined && token.value !== value)) throw new Error(`unexpected ${token?.value ?? 'end'} in filter ${script}`);
    pos++;
    return token;
  };
  const binary = (next: () => unknown, ops: string[], apply: (op: string, a: unknown, b: unknown) => unknown) => (): unknown => {
    let left = next();
    while (peek()?.kind === 'op' && ops.includes(peek()!.value)) {
      const op = take().value;
      left = apply(op, left, next());
    }
    return left;
  };
  const primary = (): unknown => {
    const token = take();
    let value: unknown;
    if (token.kind === 'num') value = Number(token.value);
    else if (token.kind === 'str') value = token.value;
    else if (token.value === '(') {
      value = or();
      take(')');
    } else if (token.value === '[') {
      // A list literal, the right-hand side of in, nin, subsetof, anyof and noneof.
      const items: unknown[] = [];
      while (peek()?.value !== ']') {
        items.push(or());
        if (peek()?.value !== ']') take(',');
      }
      take(']');
      value = items;
    } else if (token.value === '!') return !primary();
    else if (token.value === '-') return -(primary() as number);
    else if (token.kind === 'id') {
      if (token.value === 'true' || token.value === 'false') value = token.value === 'true';
      else if (token.value === 'null') value = null;
      else if (token.value === 'undefined') value = undefined;
      else if (Object.prototype.hasOwnProperty.call(sandbox, token.value)) value = sandbox[token.value];
      else throw new Error(`unknown name ${token.value} in filter ${script}`);
    } else throw new Error(`unexpected ${token.value} in filter ${script}`);
    for (;;) {
      if (peek()?.value === '.') {
        take();
        value = member(value, take().value);
      } else if (peek()?.value === '[') {
        take();
        const key = or();
        take(']');
        value = member(value, key);
      } else return value;
    }
  };
  const multiplicative = binary(primary, ['*', '/', '%'], (op, a, b) => arithmetic(op, a, b));
  const additive = binary(multiplicative, ['+', '-'], (op, a, b) => arithmetic(op, a, b));
  const relational = binary(additive, ['<', '<=', '>', '>='], (op, a, b) => compare(op, a, b));
  const equality = (): unknown => {
    let left = relational();
    for (;;) {
      const token = peek();
      if (token?.kind === 'op' && ['==', '!=', '===', '!=='].includes(token.value)) {
        take();
        const right = relational();
        const equal = token.value.length === 3 ? deepEqual(left, right) : jaywayEquals(left, right);
        left = token.value.startsWith('=') ? equal : !equal;
      } else if (token?.kind === 'op' && token.value === '=~') {
        take();
        const pattern = take();
        if (pattern.kind !== 're') throw new Error(`=~ needs a regular expression in filter ${script}`);
        left = matchesWhole(left, pattern.value, pattern.flags);
      } else if (token?.kind === 'id' && WORD_OPERATORS.has(token.value)) {
        take();
        left = wordOperator(token.value, left, relational());
      } else return left;
    }
  };
  const and = binary(equality, ['&&'], (_op, a, b) => Boolean(a) && Boolean(b));
  const or = binary(and, ['||'], (_op, a, b) => Boolean(a) || Boolean(b));
  const result = or();
  if (pos !== tokens.length) throw new Error(`unexpected ${tokens[pos]!.value} in filter ${script}`);
  return result;
}

function member(value: unknown, key: unknown): unknown {
  if (Array.isArray(value)) return key === 'length' ? value.length : typeof key === 'number' ? value[key] : undefined;
  if (typeof value === 'string') return key === 'length' ? value.length : undefined;
  if (value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, String(key))) {
    return (value as Record<string, unknown>)[String(key)];
  }
  return undefined;
}

/** Jayway's `=~`: the whole text of a string, number or boolean matches the pattern (other values are ""). */
function matchesWhole(value: unknown, source: string, flags: string): boolean {
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const jsFlags = [...new Set(flags.replace(/[^ims]/g, ''))].join('');
  return new RegExp(`^(?:${source})$`, jsFlags).test(text);
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
  if (typeof a !== 'number' || typeof b !== 'number') return op === '+' && (typeof a === 'string' || typeof b === 'string') ? `${a}${b}` : NaN;
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
