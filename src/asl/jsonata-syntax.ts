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

/** Parse one expression body (the text between `{%` and `%}`). Never throws. */
export function parseJsonata(body: string): JsonataParse {
  const hit = cache.get(body);
  if (hit) return hit;
  let result: JsonataParse;
  try {
    result = { ok: true, ast: load()(body).ast() as unknown as JsonataNode };
  } catch (error) {
    const { message, position, code } = error as { message?: string; position?: number; code?: string };
    result = { ok: false, message: message ?? String(error), offset: typeof position === 'number' ? position : undefined, code };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(body, result);
  return result;
}
