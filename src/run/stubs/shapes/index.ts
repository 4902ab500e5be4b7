/**
 * Mocks shaped like the real service: checks a stubbed Task result against the response shape of the API
 * its `Resource` calls, as TestState's `fieldValidationMode` does. The shapes come from the AWS SDK's service
 * models at build time (src/generated/service-shapes.js, about 100 KB gzipped, one JSON text per service,
 * parsed when first used); this module holds them, so load it with `await import()` only when a check runs.
 * A resource whose API is not in the data (a Lambda function ARN, an activity, a `.sync` or callback call, a
 * service not generated) is not checked.
 */
import data from '../../../generated/service-shapes.js';
import { checkShape, type ShapeContext, type ShapeProblem } from './check.js';
import type { ServiceShapes, ShapeRef } from './data.js';
import { serviceCallOf } from './resource.js';

export type FieldValidationMode = 'STRICT' | 'PRESENT' | 'NONE';
export type { ShapeProblem } from './check.js';
export { serviceCallOf } from './resource.js';

/** What Step Functions adds to the response of an optimized integration: the SDK's HTTP and request metadata. */
const SDK_METADATA: Record<string, ShapeRef> = { SdkHttpMetadata: 'a', SdkResponseMetadata: 'a' };

interface ResolvedShape {
  ctx: Omit<ShapeContext, 'strict'>;
  root: ShapeRef;
  /** The operation returns nothing (Step Functions answers `{}`). */
  empty?: boolean;
}

const resolved = new Map<string, ResolvedShape | null>();

/** The response shape of the API a resource calls, with Step Functions' own wrapping; cached per resource. */
function resolveShape(resource: string): ResolvedShape | undefined {
  const cached = resolved.get(resource);
  if (cached !== undefined) return cached ?? undefined;
  const found = lookUp(resource);
  resolved.set(resource, found ?? null);
  return found;
}

function lookUp(resource: string): ResolvedShape | undefined {
  const call = serviceCallOf(resource);
  if (!call) return undefined;
  const target = call.kind === 'optimized' ? data.optimized[`${call.service}:${call.action}`] : sdkTarget(call.service, call.action);
  if (!target) return undefined;
  const original = serviceShapes(target[0]);
  const op = original?.ops[target[1]];
  if (original === undefined || op === undefined) return undefined;
  const lambdaInvoke = call.service === 'lambda' && call.action === 'invoke';
  const title = `${call.kind === 'aws-sdk' ? 'aws-sdk:' : ''}${call.service}:${call.action}`;
  if (op === -1) return { ctx: { service: original, title }, root: 'a', empty: true };
  if (typeof op === 'string') return { ctx: { service: original, title }, root: op };
  const [fields, required] = original.shapes[op] as [Record<string, ShapeRef>, string[]?];
  // The top-level structure gets Step Functions' changes: Lambda's Payload is the function's result parsed
  // as JSON (not base64), and an optimized integration adds the SDK metadata fields.
  const top: Record<string, ShapeRef> = { ...fields, ...(lambdaInvoke ? { Payload: 'a' } : {}), ...(call.kind === 'optimized' ? SDK_METADATA : {}) };
  const service = { ops: original.ops, shapes: [...original.shapes, required ? [top, required] : [top]] } as typeof original;
  const topLevelHint = lambdaInvoke ? 'the function\'s own result goes under "Payload", as in {"Payload": {…}, "StatusCode": 200}' : undefined;
  return { ctx: { service, title, topLevelHint }, root: service.shapes.length - 1 };
}

const parsed = new Map<string, ServiceShapes>();

/** One service's shapes, parsed from the generated JSON text the first time a stub for it is checked. */
function serviceShapes(id: string): ServiceShapes | undefined {
  if (!Object.prototype.hasOwnProperty.call(data.services, id)) return undefined;
  let shapes = parsed.get(id);
  if (shapes === undefined) parsed.set(id, (shapes = JSON.parse(data.services[id]!) as ServiceShapes));
  return shapes;
}

function sdkTarget(service: string, action: string): [string, string] | undefined {
  const id = Object.prototype.hasOwnProperty.call(data.sdkNames, service) ? data.sdkNames[service] : undefined;
  return id === undefined ? undefined : [id, action];
}

/** True when the generated data knows the response shape of the API this resource calls. */
export function hasMockShape(resource: string): boolean {
  return resolveShape(resource) !== undefined;
}

/**
 * Problems of a mocked `result` for a Task with this `Resource`, each at a JSON Pointer into the result.
 * STRICT: fields the API does not return, values of the wrong type, and required fields left out; PRESENT:
 * the same without the required fields; NONE: nothing. Unknown resources give no problems.
 */
export function validateMockShape(resource: string, result: unknown, mode: FieldValidationMode): Array<{ pointer: string; message: string }> {
  if (mode === 'NONE') return [];
  const shape = resolveShape(resource);
  if (!shape) return [];
  if (shape.empty) return emptyOutputProblems(result, shape.ctx.title);
  return checkShape(result, shape.root, { ...shape.ctx, strict: mode === 'STRICT' }) as ShapeProblem[];
}

/** An operation with no output answers `{}` in Step Functions; anything else could never come back. */
function emptyOutputProblems(result: unknown, title: string): ShapeProblem[] {
  const empty = result !== null && typeof result === 'object' && !Array.isArray(result) && Object.keys(result).length === 0;
  return empty ? [] : [{ pointer: '', message: `must be {}: the ${title} response has no fields` }];
}
