/**
 * The typed model and the schema say the same thing: every field the schema knows for a state type (or a
 * retrier, a Choice rule, an ItemReader …) is in the field tables the views are built from, with the same
 * kinds, and the tables hold nothing the schema does not. The tables are tied to the TypeScript types at
 * compile time (state-fields.ts), so this closes the loop from schema to types.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFINITION_FIELDS, NESTED_FIELDS, STATE_FIELDS, type FieldSpec, type FieldTable } from '../../src/asl/state-fields.js';
import { STATE_TYPES } from '../../src/asl/types.js';

type SchemaNode = {
  type?: string | string[];
  enum?: string[];
  $ref?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  if?: { properties: { Type: { const: string } } };
  then?: SchemaNode;
  allOf?: SchemaNode[];
};

const schema = JSON.parse(readFileSync(new URL('../../schemas/asl.schema.json', import.meta.url), 'utf8')) as SchemaNode & {
  definitions: Record<string, SchemaNode>;
};

/** The schema's shared definitions a field refers to by `$ref`, and the tables that stand for them. */
const SHARED = ['retrier', 'catcher', 'choiceRule', 'branch', 'processor'] as const;
const sharedNameOf = new Map<FieldTable, string>(SHARED.map((name) => [NESTED_FIELDS[name], name]));

/** A schema node in a form a table entry can be compared with. */
function fromSchema(node: SchemaNode): unknown {
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '');
    return name === 'states' ? { kinds: ['object'] } : { record: `$ref ${name}` };
  }
  if (node.enum) return { kinds: ['string'], oneOf: [...node.enum].sort() };
  const types = node.type === undefined ? [] : [node.type].flat();
  if (types.length === 0) return 'json';
  if (types.length === 1 && types[0] === 'array' && node.items) {
    if (node.items.type === 'string') return 'strings';
    const item = fromSchema(node.items) as { record: unknown };
    return { list: item.record };
  }
  if (types.length === 1 && types[0] === 'object' && node.properties) return { record: fieldsFromSchema(node) };
  return { kinds: [...new Set(types.map((t) => (t === 'integer' ? 'number' : t)))].sort() };
}

function fieldsFromSchema(node: SchemaNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node.properties ?? {})) if (key !== 'Type') out[key] = fromSchema(value);
  return out;
}

function fromSpec(spec: FieldSpec): unknown {
  if ('json' in spec) return 'json';
  if ('strings' in spec) return 'strings';
  if ('kinds' in spec) return spec.oneOf ? { kinds: ['string'], oneOf: [...spec.oneOf].sort() } : { kinds: [...spec.kinds].sort() };
  const table = 'list' in spec ? spec.list : spec.record;
  const shared = sharedNameOf.get(table);
  const inner = shared ? `$ref ${shared}` : fieldsFromTable(table);
  return 'list' in spec ? { list: inner } : { record: inner };
}

function fieldsFromTable(table: FieldTable): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).map(([key, spec]) => [key, fromSpec(spec)]));
}

describe('the field tables follow schemas/asl.schema.json', () => {
  for (const type of STATE_TYPES) {
    it(`${type}: the same fields with the same kinds`, () => {
      const branch = schema.definitions.state!.allOf!.find((b) => b.if?.properties.Type.const === type);
      expect(branch, `the schema has a branch for ${type}`).toBeDefined();
      expect(fieldsFromTable(STATE_FIELDS[type])).toEqual(fieldsFromSchema(branch!.then!));
    });
  }

  it('the top level: the same fields with the same kinds', () => {
    expect(fieldsFromTable(DEFINITION_FIELDS)).toEqual(fieldsFromSchema(schema));
  });

  for (const name of SHARED) {
    it(`${name}: the same fields with the same kinds`, () => {
      expect(fieldsFromTable(NESTED_FIELDS[name])).toEqual(fieldsFromSchema(schema.definitions[name]!));
    });
  }

  it('a field the schema does not know would be caught', () => {
    const extra: FieldTable = { ...STATE_FIELDS.Pass, Resource: { kinds: ['string'] } };
    const branch = schema.definitions.state!.allOf!.find((b) => b.if?.properties.Type.const === 'Pass')!;
    expect(fieldsFromTable(extra)).not.toEqual(fieldsFromSchema(branch.then!));
  });
});
