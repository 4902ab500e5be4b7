/**
 * `Fn::Join` definitions, the form every CDK-synthesised state machine takes: the definition's JSON cut into
 * string pieces around `Ref` / `Fn::GetAtt` values that exist only after deployment. Joining the pieces, each
 * intrinsic written as a `${…}` placeholder, gives the definition as CloudFormation will build it, with
 * those values unknown; each character maps back to the piece (and the character in it) it came from, so
 * findings point into the synthesised template, as cfn-lint's do.
 */
import type { NodeSpan } from './document.js';
import type { OffsetMap } from './string-map.js';
import { mapStringOffsets } from './string-map.js';
import type { YamlSpan } from './yaml.js';

export interface JoinedPart {
  /** Offset of the piece in the joined text. */
  start: number;
  /** The piece's text: the string itself, or the placeholder standing for an intrinsic. */
  text: string;
  /** Where the piece sits in the template. */
  pointer: string;
  literal: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The joined text and its pieces, or undefined when `raw` is not a one-level `Fn::Join` of strings and intrinsics. */
export function joinDefinition(raw: unknown, property: string): { text: string; parts: JoinedPart[] } | undefined {
  if (!isObject(raw) || Object.keys(raw).length !== 1 || !Array.isArray(raw['Fn::Join'])) return undefined;
  const [delimiter, pieces] = raw['Fn::Join'] as unknown[];
  if (typeof delimiter !== 'string' || !Array.isArray(pieces)) return undefined;
  const parts: JoinedPart[] = [];
  let text = '';
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) text += delimiter;
    const piece = pieces[i];
    const pointer = `${property}/Fn::Join/1/${i}`;
    // A `Fn::Sub` string piece is text with placeholders of its own: joined as written.
    const sub = isObject(piece) && Object.keys(piece).length === 1 && typeof piece['Fn::Sub'] === 'string' ? piece['Fn::Sub'] : undefined;
    const literal = typeof piece === 'string' || sub !== undefined;
    const part = typeof piece === 'string' ? piece : (sub ?? placeholderFor(piece));
    if (part === undefined) return undefined;
    parts.push({ start: text.length, text: part, pointer: sub === undefined ? pointer : `${pointer}/Fn::Sub`, literal });
    text += part;
  }
  return { text, parts };
}

/** `${Name}` for `Ref`, `${Resource.Attribute}` for `Fn::GetAtt` (the names `Fn::Sub` uses), `${Fn::X}` otherwise. */
function placeholderFor(piece: unknown): string | undefined {
  if (!isObject(piece) || Object.keys(piece).length !== 1) return undefined;
  const [key, value] = Object.entries(piece)[0]!;
  if (key === 'Ref' && typeof value === 'string') return `\${${value}}`;
  if (key === 'Fn::GetAtt') {
    const path = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join('.') : String(value);
    return `\${${path}}`;
  }
  return key.startsWith('Fn::') ? `\${${key}}` : undefined;
}

/**
 * Joined-text offset → template offset: inside a string piece, the character's own place in the template's
 * string literal; inside a placeholder, the intrinsic's first character.
 */
export function joinedOffsets(
  source: string,
  spanOf: (pointer: string) => NodeSpan | undefined,
  format: 'json' | 'yaml',
  parts: readonly JoinedPart[],
): OffsetMap {
  const maps = new Map<number, OffsetMap>();
  return (inner) => {
    let index = 0;
    let high = parts.length - 1;
    while (index < high) {
      const mid = (index + high + 1) >> 1;
      if (parts[mid]!.start <= inner) index = mid;
      else high = mid - 1;
    }
    const part = parts[index];
    const span = part && spanOf(part.pointer);
    if (!part || !span) return 0;
    if (!part.literal) return span.start;
    let map = maps.get(index);
    if (!map) maps.set(index, (map = mapStringOffsets(source, span as YamlSpan, part.text, format)));
    return map(Math.min(inner - part.start, part.text.length));
  };
}
