/**
 * JSON (and JSON with comments and trailing commas, for .json5). A clean file, the common case, is read by
 * JSON.parse: native, many times faster, and nothing to load. Everything else (a syntax error, a duplicate key,
 * nesting past the limit, `.json5`) goes through jsonc-parser's event visitor, which reports offsets, so each
 * problem gets its exact position; it is several times faster than parsing JSON as YAML, builds the value in
 * one pass, and is loaded only when needed. Positions of a clean file's findings come from the same visitor,
 * afterwards (lazyIndex).
 */
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import { escapePointerToken } from '../asl/pointer.js';
import type { NodeSpan, ParsedText } from './document.js';
import { lazyIndex, MAX_NESTING_DEPTH } from './document.js';
import { JsonValueBuilder } from './json-builder.js';
import { syntaxMessage } from './json-errors.js';
import { maskUnquotedPlaceholders } from './placeholders.js';

let jsoncModule: typeof Jsonc | undefined;

/** jsonc-parser, on first use (the source layer's one loader of it). Its ESM build uses extension-less imports that Node refuses; its CommonJS build works everywhere. */
export function jsonc(): typeof Jsonc {
  jsoncModule ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;
  return jsoncModule;
}

export interface JsonOptions {
  /** Accept comments and trailing commas (JSON5-style files). */
  tolerant?: boolean;
  /** Accept trailing commas but not comments (what CloudFormation's YAML fallback lets a definition file get away with). */
  trailingCommas?: boolean;
}

function visitOptions(options: JsonOptions): Jsonc.ParseOptions {
  return { disallowComments: !options.tolerant, allowTrailingComma: options.tolerant || options.trailingCommas, allowEmptyContent: false };
}

export function parseJson(text: string, options: JsonOptions = {}): ParsedText {
  const value = options.tolerant ? NOT_CLEAN : parseCleanJson(text);
  if (value !== NOT_CLEAN) return { format: 'json', parsed: true, value, problems: [], spanOf: lazyIndex(() => indexJson(text, options)) };
  return parseJsonExactly(text, options);
}

const NOT_CLEAN = Symbol('not clean JSON');

/**
 * The value of a text that is valid JSON, repeats no key and nests less deeply than the limit; NOT_CLEAN for
 * anything else. JSON.parse keeps the last of two equal keys silently, so a repeat is told by counting: the
 * keys written in the text against the properties JSON.parse kept.
 */
function parseCleanJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_CLEAN;
  }
  const kept = countProperties(value);
  return kept >= 0 && kept === countWrittenKeys(text) ? value : NOT_CLEAN;
}

/** Properties of every object in a parsed value; -1 when containers nest to the limit (the exact path says so). */
function countProperties(root: unknown): number {
  let count = 0;
  const stack: Array<[value: unknown, depth: number]> = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH) return -1;
    const children = Array.isArray(value) ? value : Object.values(value as object);
    if (!Array.isArray(value)) count += children.length;
    for (const child of children) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return count;
}

/** The rest of a JSON string after its opening quote, up to and including the closing quote. */
const STRING_REST = /(?:[^"\\]|\\.)*"/y;

/**
 * Keys written in a valid JSON text: string tokens followed by ":". Outside strings JSON has no quotes, so
 * the next quote after a string token always opens the next one; tokens are read one after another, never
 * from inside one.
 */
function countWrittenKeys(text: string): number {
  let count = 0;
  for (let at = text.indexOf('"'); at >= 0; ) {
    STRING_REST.lastIndex = at + 1;
    if (!STRING_REST.test(text)) return -1;
    let next = STRING_REST.lastIndex;
    while (next < text.length && (text[next] === ' ' || text[next] === '\n' || text[next] === '\r' || text[next] === '\t')) next++;
    if (text[next] === ':') count++;
    at = text.indexOf('"', next);
  }
  return count;
}

function parseJsonExactly(text: string, options: JsonOptions): ParsedText {
  // Placeholders where values belong are masked as strings of the same length and put back by the builder.
  const masked = maskUnquotedPlaceholders(text);
  const source = masked?.text ?? text;
  const builder = new JsonValueBuilder(masked?.sites, (error, offset, inArray) =>
    syntaxMessage(jsonc().printParseErrorCode(error), text, offset, options.tolerant === true, inArray),
  );
  try {
    jsonc().visit(source, builder.visitor(), visitOptions(options));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // The recursive descent ran out of stack before our depth guard could stop it.
    builder.stackExhausted();
  }
  const fatal = builder.fatal();
  return {
    format: 'json',
    parsed: !fatal,
    value: fatal ? undefined : builder.root,
    problems: fatal ? [fatal] : builder.problems,
    spanOf: lazyIndex(() => indexJson(source, options)),
    ...(builder.unquoted && !fatal ? { unquoted: builder.unquoted } : {}),
  };
}

interface IndexFrame {
  pointer: string;
  isArray: boolean;
  count: number;
  key?: string;
  keyStart?: number;
  span?: NodeSpan;
}

/** Second pass, only when a position is asked for: pointer → span of every node. */
function indexJson(text: string, options: JsonOptions): Map<string, NodeSpan> {
  const index = new Map<string, NodeSpan>();
  const stack: IndexFrame[] = [];
  const childPointer = (): { pointer: string; keyStart?: number } => {
    const top = stack[stack.length - 1];
    if (!top) return { pointer: '' };
    if (top.isArray) return { pointer: `${top.pointer}/${top.count++}` };
    return { pointer: `${top.pointer}/${escapePointerToken(top.key!)}`, keyStart: top.keyStart };
  };
  const begin = (isArray: boolean, offset: number): void => {
    const { pointer, keyStart } = childPointer();
    const span: NodeSpan = { start: offset, end: offset + 1, keyStart, container: true };
    index.set(pointer, span);
    stack.push({ pointer, isArray, count: 0, span });
  };
  const end = (offset: number, length: number): void => {
    const frame = stack.pop();
    if (frame?.span) frame.span.end = offset + length;
  };
  try {
    jsonc().visit(
      text,
      {
        onObjectBegin: (offset) => begin(false, offset),
        onArrayBegin: (offset) => begin(true, offset),
        onObjectEnd: end,
        onArrayEnd: end,
        onObjectProperty: (key, offset) => {
          const top = stack[stack.length - 1];
          if (top) {
            top.key = key;
            top.keyStart = offset;
          }
        },
        onLiteralValue: (_value, offset, length) => {
          const { pointer, keyStart } = childPointer();
          index.set(pointer, { start: offset, end: offset + length, keyStart, container: false });
        },
      },
      visitOptions(options),
    );
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return index;
}

/** Decodes a JSON string literal starting at `start` (the opening quote), mapping each decoded character to its raw offset. */
export function mapJsonStringLiteral(text: string, start: number): { value: string; offsets: Int32Array } | undefined {
  if (text[start] !== '"') return undefined;
  const chars: string[] = [];
  const raw: number[] = [];
  let i = start + 1;
  while (i < text.length && text[i] !== '"') {
    const at = i;
    if (text[i] === '\\') {
      const e = text[i + 1];
      if (e === 'u') {
        chars.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
        i += 6;
      } else {
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
        chars.push(simple[e ?? ''] ?? e ?? '');
        i += 2;
      }
    } else {
      chars.push(text[i]!);
      i += 1;
    }
    raw.push(at);
  }
  raw.push(i);
  return { value: chars.join(''), offsets: Int32Array.from(raw) };
}
