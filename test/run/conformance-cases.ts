/**
 * Loads the recorded AWS executions in ../shared/conformance/cases, runs each through `execute` with its
 * mock config, and compares status, output (minus ignorePaths), error and cause as the README says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execute, mockConfigAnswerer } from '../../src/run/index.js';
import { deepEqual } from '../../src/run/equality.js';

export const conformanceRoot = path.resolve(import.meta.dirname, '../../../shared/conformance');

export interface CaseOutcome {
  file: string;
  area: string;
  pass: boolean;
  reason?: string;
}

interface ConformanceCase {
  definition: unknown;
  input: unknown;
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  mockConfig?: unknown;
  testCase?: string;
  stateMachineName?: string;
  expect: { status: string; output?: unknown; error?: string | null; cause?: string };
  ignorePaths?: string[];
  /** AWS's own prose cause, left out of `expect`; LocalStack replaced some values in it with placeholders. */
  recordedCause?: string;
  /** `workflowType` says which kind of state machine AWS ran (EXPRESS for the Express case). */
  meta?: { workflowType?: 'STANDARD' | 'EXPRESS' };
  /** The recorded history, reduced to some event types. */
  trace?: Array<{ type: string }>;
}

export function listCases(): Array<{ file: string; area: string }> {
  const casesDir = path.join(conformanceRoot, 'cases');
  if (!existsSync(casesDir)) return [];
  const out: Array<{ file: string; area: string }> = [];
  for (const area of readdirSync(casesDir).sort()) {
    for (const name of readdirSync(path.join(casesDir, area)).sort()) {
      if (name.endsWith('.json')) out.push({ file: path.join(casesDir, area, name), area });
    }
  }
  return out;
}

function removePointer(value: unknown, pointer: string): void {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let current = value as Record<string, unknown> | undefined;
  for (let i = 0; i < parts.length - 1 && current; i++) current = current[parts[i]!] as Record<string, unknown> | undefined;
  if (current && typeof current === 'object') delete current[parts[parts.length - 1]!];
}

function sameCause(expected: string, actual: string | undefined): boolean {
  if (actual === expected) return true;
  if (actual === undefined) return false;
  try {
    return deepEqual(JSON.parse(expected), JSON.parse(actual));
  } catch {
    return false;
  }
}

function recordedCauseMatches(recorded: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  const pattern = recorded
    .split(/<[A-Za-z][\w-]*(?::\d+)?>/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(actual);
}

function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * An ignored value can still be checked for its shape: a recorded ARN with placeholders for names and ids
 * (`arn:aws:states:us-east-1:111111111111:express:<ArnPart_0idx>:<SyncExecArn_Part1_0idx>:<SyncExecArn_Part2_0idx>`)
 * must be matched by ours, each placeholder standing for one ARN segment. Says what differs, or nothing.
 * (The Express case relies on it: its execution ARN has a third segment after the name.)
 */
function misshapenArn(want: unknown, got: unknown, ignorePaths: string[]): string | undefined {
  for (const pointer of ignorePaths) {
    const recorded = valueAt(want, pointer);
    if (typeof recorded !== 'string' || !recorded.startsWith('arn:') || !/<[A-Za-z][\w-]*>/.test(recorded)) continue;
    const ours = valueAt(got, pointer);
    // The recording's account (111111111111) is LocalStack's stand-in, so any account id matches.
    const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\d{12}:/, ':\\d{12}:');
    const pattern = recorded.split(/<[A-Za-z][\w-]*>/).map(escape).join('[^:]+');
    if (typeof ours !== 'string' || !new RegExp(`^${pattern}$`).test(ours)) return `${pointer}: ${JSON.stringify(ours)} does not have the shape AWS recorded, ${recorded}`;
  }
  return undefined;
}

export async function runCase(file: string, area: string): Promise<CaseOutcome> {
  const spec = JSON.parse(readFileSync(file, 'utf8')) as ConformanceCase;
  const fail = (reason: string): CaseOutcome => ({ file: path.basename(file), area, pass: false, reason });
  let result;
  try {
    result = await execute(spec.definition, spec.input, {
      answerer: spec.mockConfig ? mockConfigAnswerer(spec.mockConfig, spec.testCase ?? 'RecordedExecution', spec.stateMachineName) : undefined,
      stateMachineType: spec.meta?.workflowType ?? spec.stateMachineType,
      stateMachineName: spec.stateMachineName ?? 'ConformanceStateMachine',
    });
  } catch (err) {
    return fail(`threw ${(err as Error).name}: ${(err as Error).message}`);
  }
  const expected = spec.expect;
  if (result.status !== expected.status) {
    return fail(`status ${result.status} (${result.error}: ${result.cause?.slice(0, 300)}), expected ${expected.status} (${expected.error})`);
  }
  if (expected.status === 'SUCCEEDED') {
    const want = structuredClone(expected.output);
    const got = structuredClone(result.output);
    const arn = misshapenArn(want, got, spec.ignorePaths ?? []);
    if (arn) return fail(arn);
    for (const pointer of spec.ignorePaths ?? []) {
      removePointer({ '': want }, `/${pointer}`);
      removePointer({ '': got }, `/${pointer}`);
    }
    if (!deepEqual(want, got)) return fail(`output ${JSON.stringify(got)?.slice(0, 400)}, expected ${JSON.stringify(want)?.slice(0, 400)}`);
  } else {
    if ((expected.error ?? undefined) !== result.error) return fail(`error ${result.error} (${result.cause?.slice(0, 200)}), expected ${expected.error}`);
    if (expected.cause !== undefined && !sameCause(expected.cause, result.cause)) return fail(`cause ${result.cause?.slice(0, 300)}, expected ${expected.cause.slice(0, 300)}`);
    // We also reproduce AWS's prose causes, placeholders (<json-input:1>, <ArnPart_0idx>) matching anything.
    if (expected.cause === undefined && spec.recordedCause !== undefined && !recordedCauseMatches(spec.recordedCause, result.cause)) {
      return fail(`cause ${result.cause?.slice(0, 300)}, AWS recorded ${spec.recordedCause.slice(0, 300)}`);
    }
  }
  // The recorded event sequence (the types the trace keeps) must be ours too. Traces of Parallel states
  // list concurrent branches grouped by event type rather than in time order, so those are not compared.
  if (spec.trace && !JSON.stringify(spec.definition).includes('"Parallel"')) {
    const kept = new Set(spec.trace.map((e) => e.type));
    const ours = result.history.filter((e) => kept.has(e.type)).map((e) => e.type);
    const theirs = spec.trace.map((e) => e.type);
    const at = ours.findIndex((type, i) => type !== theirs[i]);
    if (at >= 0 || ours.length !== theirs.length) {
      const i = at >= 0 ? at : Math.min(ours.length, theirs.length);
      return fail(`history event ${i}: ${ours[i] ?? '(none)'}, AWS recorded ${theirs[i] ?? '(none)'}`);
    }
  }
  return { file: path.basename(file), area, pass: true };
}
