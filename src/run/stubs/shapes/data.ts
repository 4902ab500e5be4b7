/**
 * The form of src/generated/service-shapes.js, written by scripts/build-shapes.mjs from the AWS SDK's service
 * models. Only response (output) shapes are kept, compactly: a reference is a primitive code or the index
 * of a compound shape in its service's `shapes` list.
 */

/** s string, i integer, n number, b boolean, t timestamp, B blob (base64 text), a any JSON (a document). */
export type PrimitiveCode = 's' | 'i' | 'n' | 'b' | 't' | 'B' | 'a';

export type ShapeRef = PrimitiveCode | number;

/** `[fields, required?]` for a structure, `['L', item]` for a list, `['M', value]` for a map. */
export type CompoundShape = [Record<string, ShapeRef>, string[]?] | ['L', ShapeRef] | ['M', ShapeRef];

export interface ServiceShapes {
  /** camelCase action (as in the resource ARN) → the output shape; -1 when the operation returns nothing. */
  ops: Record<string, ShapeRef | -1>;
  shapes: CompoundShape[];
}

export interface ShapeData {
  /** The aws-sdk version the models came from. */
  sdkVersion: string;
  /** `aws-sdk:<name>:` service names → model ids. */
  sdkNames: Record<string, string>;
  /** `<service>:<action>` of an optimized integration → [model id, action]. */
  optimized: Record<string, [string, string]>;
  /** Model id → its ServiceShapes as JSON text, parsed on first use. */
  services: Record<string, string>;
}
