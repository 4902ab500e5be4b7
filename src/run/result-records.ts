/**
 * What a Distributed Map's ResultWriter makes of its child executions' results, per the developer guide's
 * "ResultWriter (Map)" page: `Transformation` NONE keeps each child's result with its execution metadata,
 * COMPACT keeps only the outputs, FLATTEN also splices outputs that are arrays into one list. A failed child
 * keeps its whole NONE record whatever the transformation.
 */
import { awsTimestamp } from './timestamp.js';

export interface ChildRecord {
  index: number;
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
  /** Virtual start and stop of the child execution, in epoch milliseconds. */
  startMs: number;
  stopMs: number;
}

export type Transformation = 'NONE' | 'COMPACT' | 'FLATTEN';

/** The fields of a child execution that identify it, shared by every record of one Map Run. */
export interface ChildIdentity {
  /** ARN of the child executions' state machine (the Map Run's). */
  stateMachineArn: string;
  /** The child execution's ARN without its name. */
  executionArnPrefix: string;
  /** The child execution's name. */
  name(record: ChildRecord): string;
}

/** The NONE record: a child's result and metadata, in the shape DescribeExecution gives them. */
export function fullRecord(record: ChildRecord, who: ChildIdentity): Record<string, unknown> {
  const failed = record.error !== undefined;
  const name = who.name(record);
  return {
    ExecutionArn: `${who.executionArnPrefix}${name}`,
    Input: JSON.stringify(record.input),
    InputDetails: { Included: true },
    Name: name,
    ...(failed ? { Error: record.error ?? null, Cause: record.cause ?? null } : { Output: JSON.stringify(record.output), OutputDetails: { Included: true } }),
    RedriveCount: 0,
    // The guide's example shows these for a succeeded child; a failed one's redrive status depends on its Map Run.
    ...(failed ? {} : { RedriveStatus: 'NOT_REDRIVABLE', RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' }),
    StartDate: awsTimestamp(record.startMs),
    StateMachineArn: who.stateMachineArn,
    Status: failed ? 'FAILED' : 'SUCCEEDED',
    StopDate: awsTimestamp(record.stopMs),
  };
}

/** The records of `list` (all SUCCEEDED or all FAILED) as the transformation shapes them. */
export function transform(list: ChildRecord[], transformation: Transformation, who: ChildIdentity): unknown[] {
  const out: unknown[] = [];
  for (const record of list) {
    if (record.error !== undefined || transformation === 'NONE') out.push(fullRecord(record, who));
    else if (transformation === 'FLATTEN' && Array.isArray(record.output)) out.push(...record.output);
    else out.push(record.output);
  }
  return out;
}

/** A file's text: a JSON array, or JSON Lines (one value a line). */
export function serialise(values: unknown[], outputType: string): string {
  if (outputType === 'JSONL') return values.map((v) => `${JSON.stringify(v)}\n`).join('');
  return JSON.stringify(values);
}
