/**
 * YAML through the `yaml` package (YAML 1.2), keeping node ranges for positions. CloudFormation short
 * tags (`!Ref`, `!GetAtt`, `!Sub` …) become their long form (`{ "Ref": … }`, `{ "Fn::GetAtt": [...] }`)
 * so later stages see what CloudFormation sees. Our own conversion to plain values (rather than
 * `toJS`) lets us report duplicate keys with the key's position, refuse deep nesting and cap alias
 * expansion in the same pass.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { escapePointerToken } from '../asl/pointer.js';
import { isWholePlaceholder } from '../asl/unresolved.js';
import type { NodeSpan, ParsedText, ParseProblem } from './document.js';
import { lazyIndex, MAX_NESTING_DEPTH, setMember, tooDeepMessage } from './document.js';
import { relaxFor } from './yaml-lax.js';

// The yaml package takes about 90 ms to load: loaded on the first YAML file, so a JSON-only run never pays for it.
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
const isAlias = (node: unknown): node is Yaml.Alias => yaml().isAlias(node);
const isMap = (node: unknown): node is Yaml.YAMLMap => yaml().isMap(node);
const isPair = (node: unknown): node is Yaml.Pair => yaml().isPair(node);
const isScalar = (node: unknown): node is Yaml.Scalar => yaml().isScalar(node);
const isSeq = (node: unknown): node is Yaml.YAMLSeq => yaml().isSeq(node);

/** How many values aliases may expand to before the document counts as an alias bomb. */
const MAX_ALIAS_EXPANSION = 100_000;

const CFN_FUNCTIONS = new Set([
  'And', 'Base64', 'Cidr', 'Equals', 'FindInMap', 'ForEach', 'GetAtt', 'GetAZs', 'If', 'ImportValue', 'Join',
  'Length', 'Not', 'Or', 'Select', 'Split', 'Sub', 'ToJsonString', 'Transform',
]);

/** The long-form key for a CloudFormation short tag, or undefined for any other tag. */
export function cfnKeyForTag(tag: string | undefined): string | undefined {
  if (!tag || !tag.startsWith('!') || tag.startsWith('!!')) return undefined;
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return name;
  return CFN_FUNCTIONS.has(name) ? `Fn::${name}` : undefined;
}

export interface YamlSpan extends NodeSpan {
  /** The yaml scalar type (BLOCK_LITERAL, QUOTE_DOUBLE …) for scalars. */
  scalarType?: string;
}

export function parseYaml(text: string): ParsedText & { spanOf(pointer: string): YamlSpan | undefined } {
  let doc = parse(text);
  let toOriginal = (offset: number): number => offset;
  // What CloudFormation accepts but strict YAML does not is indented into shape, a few rounds at most
  // (a template may need both relaxations); the original errors stand when that does not cure them.
  let current = { text, doc, toOriginal };
  for (let round = 0; round < 3; round++) {
    const relaxed = relaxFor(current.doc.errors[0], current.text);
    if (!relaxed) break;
    const previous = current.toOriginal;
    current = { text: relaxed.text, doc: parse(relaxed.text), toOriginal: (offset) => previous(relaxed.toOriginal(offset)) };
    if (current.doc.errors.length === 0) {
      doc = current.doc;
      toOriginal = current.toOriginal;
      break;
    }
  }
  const error = doc.errors[0];
  const spanOf = lazyIndex(() => indexYaml(doc, toOriginal)) as (pointer: string) => YamlSpan | undefined;
  if (error) {
    const offset = error.pos[0];
    const problem: ParseProblem = /call stack/i.test(error.message)
      ? { code: 'nesting-too-deep', message: tooDeepMessage(), offset }
      : { code: 'parse-error', message: `Invalid YAML: ${yamlErrorMessage(error)}`, offset };
    return { format: 'yaml', parsed: false, value: undefined, problems: [problem], spanOf };
  }
  const converter = new Converter(doc, toOriginal);
  try {
    const value = converter.convert(doc.contents, 0, '');
    const { unquoted } = converter;
    return { format: 'yaml', parsed: true, value, problems: converter.problems, spanOf, ...(unquoted ? { unquoted } : {}) };
  } catch (failure) {
    if (failure instanceof ConversionStop) return { format: 'yaml', parsed: false, value: undefined, problems: [failure.problem], spanOf };
    if (failure instanceof RangeError) {
      return { format: 'yaml', parsed: false, value: undefined, problems: [{ code: 'nesting-too-deep', message: tooDeepMessage(), offset: 0 }], spanOf };
    }
    throw failure;
  }
}

function parse(text: string): Document {
  return yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false, keepSourceTokens: false });
}

/** How to fix the commonest YAML mistakes, after the yaml library's description of what it met. */
const YAML_FIXES: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces',
  MISSING_CHAR: 'add it where the value ends',
  BLOCK_AS_IMPLICIT_KEY: 'put the value in quotes when it contains ": "',
  MULTILINE_IMPLICIT_KEY: 'a line here or above probably lacks the ":" between key and value, or a quote that is never closed',
  BAD_SCALAR_START: 'put the value in quotes',
};

function yamlErrorMessage(error: { code: string; message: string }): string {
  if (error.code === 'MULTIPLE_DOCS') return 'the file holds several YAML documents (separated by "---"); put one state machine or template in each file';
  const message = firstLine(error.message);
  let fix = YAML_FIXES[error.code];
  if (error.code === 'BAD_INDENT') {
    fix = /^Flow (map|sequence)/.test(message)
      ? `close the ${message.startsWith('Flow map') ? '"{"' : '"["'} it opens, and indent its continuation lines deeper than its key`
      : 'line up the keys of one mapping in the same column';
  }
  return fix ? `${message}; ${fix}` : message;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class ConversionStop extends Error {
  constructor(readonly problem: ParseProblem) {
    super(problem.message);
  }
}

class Converter {
  readonly problems: ParseProblem[] = [];
  /** Plain (unquoted) scalars that are one whole placeholder: a textual substitution gives them any type. */
  unquoted: Map<string, string> | undefined;
  private aliasExpansions = 0;

  constructor(
    private readonly doc: Document,
    private readonly toOriginal: (offset: number) => number,
  ) {}

  convert(node: unknown, depth: number, pointer: string, viaAlias = false): unknown {
    if (node === null || node === undefined) return null;
    if (viaAlias && ++this.aliasExpansions > MAX_ALIAS_EXPANSION) {
      throw new ConversionStop({
        code: 'parse-error',
        message: `Invalid YAML: aliases expand to more than ${MAX_ALIAS_EXPANSION} values (an alias bomb?); write the values out instead`,
        offset: this.toOriginal(rangeOf(node)[0]),
      });
    }
    if (depth > MAX_NESTING_DEPTH) throw new ConversionStop({ code: 'nesting-too-deep', message: tooDeepMessage(), offset: this.toOriginal(rangeOf(node)[0]) });
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return null;
      return this.convert(target, depth, pointer, true);
    }
    const wrap = cfnKeyForTag((node as { tag?: string }).tag);
    const inner = wrap ? `${pointer}/${escapePointerToken(wrap)}` : pointer;
    let value: unknown;
    if (isScalar(node)) {
      value = node.value;
      if (node.type === 'PLAIN' && !wrap && isWholePlaceholder(value)) (this.unquoted ??= new Map()).set(pointer, value);
      if (wrap === 'Fn::GetAtt' && typeof value === 'string') {
        // `!GetAtt Resource.Attribute`: the attribute may itself contain dots, the resource name may not.
        const dot = value.indexOf('.');
        value = dot === -1 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
      }
    } else if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(this.convert(pair.key, depth + 1, inner, viaAlias));
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          this.problems.push({
            code: 'duplicate-key',
            message: `Duplicate key "${key}": a mapping may name each key once; rename or merge the two (the later one would silently win)`,
            offset: this.toOriginal(rangeOf(pair.key)[0]),
            pointer: `${inner}/${escapePointerToken(key)}`,
          });
        }
        setMember(out, key, this.convert(pair.value, depth + 1, `${inner}/${escapePointerToken(key)}`, viaAlias));
      }
      value = out;
    } else if (isSeq(node)) {
      value = node.items.map((item, i) => this.convert(item, depth + 1, `${inner}/${i}`, viaAlias));
    } else if (isPair(node)) {
      value = { [String(node.key)]: this.convert(node.value, depth + 1, inner, viaAlias) };
    } else {
      value = null;
    }
    return wrap ? { [wrap]: value } : value;
  }
}

function rangeOf(node: unknown): [number, number, number] {
  return ((node as { range?: [number, number, number] } | null)?.range ?? [0, 0, 0]) as [number, number, number];
}

/** pointer → span for every node, following the same short-tag wrapping as the conversion. */
function indexYaml(doc: Document, toOriginal: (offset: number) => number): Map<string, YamlSpan> {
  const index = new Map<string, YamlSpan>();
  const visit = (node: unknown, pointer: string, keyStart: number | undefined, depth: number): void => {
    if (node === null || node === undefined || depth > MAX_NESTING_DEPTH) return;
    const [rawStart, rawEnd] = rangeOf(node);
    const start = toOriginal(rawStart);
    const end = toOriginal(rawEnd);
    const container = isMap(node) || isSeq(node);
    const span: YamlSpan = { start, end, keyStart, container, scalarType: isScalar(node) ? (node.type as string | undefined) : undefined };
    index.set(pointer, span);
    const wrap = cfnKeyForTag((node as { tag?: string }).tag);
    const inner = wrap ? `${pointer}/${escapePointerToken(wrap)}` : pointer;
    if (wrap) index.set(inner, { ...span, keyStart: undefined });
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPointer = `${inner}/${escapePointerToken(key)}`;
        const keyOffset = toOriginal(rangeOf(pair.key)[0]);
        if (pair.value === null || pair.value === undefined) index.set(childPointer, { start: keyOffset, end: keyOffset, keyStart: keyOffset, container: false });
        else visit(pair.value, childPointer, keyOffset, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, `${inner}/${i}`, undefined, depth + 1));
    }
  };
  visit(doc.contents as YamlNode | null, '', undefined, 0);
  return index;
}
