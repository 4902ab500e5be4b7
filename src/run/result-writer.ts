/**
 * A Distributed Map's ResultWriter ("ResultWriter (Map)" page of the developer guide). With `Resource` and
 * `Parameters` the child results are exported to S3 (locally: where the stubs say) as SUCCEEDED/FAILED files
 * plus a manifest, and the state's result says where they are. With `WriterConfig` alone nothing is
 * exported: the state's result is the children's results, shaped by the transformation (a preview).
 */
import { evaluateTemplate } from './jsonata.js';
import { evaluatePayload } from './payload.js';
import { isJsonata, jsonataEnv, pathEnv, type StateCall } from './dataflow.js';
import { serialise, transform, type ChildIdentity, type ChildRecord, type Transformation } from './result-records.js';
import type { ResultWriter } from '../asl/types.js';

export type { ChildRecord } from './result-records.js';

interface ExportFormat {
  transformation: Transformation;
  outputType: string;
}

/** NONE is the default when exporting, COMPACT when only previewing (`WriterConfig` without `Resource`). */
function exportFormat(writer: ResultWriter, exporting: boolean): ExportFormat {
  const config = writer.WriterConfig ?? {};
  const transformation: Transformation = config.Transformation ?? (exporting ? 'NONE' : 'COMPACT');
  return { transformation, outputType: config.OutputType === 'JSONL' ? 'JSONL' : 'JSON' };
}

function identity(call: StateCall, runId: string): ChildIdentity {
  const { region, account, stateMachineName } = call.runtime.identity;
  const machine = `${stateMachineName}/${call.node.name}`;
  return {
    stateMachineArn: `arn:aws:states:${region}:${account}:stateMachine:${machine}`,
    executionArnPrefix: `arn:aws:states:${region}:${account}:execution:${machine}:`,
    name: (r) => `${runId.slice(0, 8)}-${r.index}`,
  };
}

export async function writeResults(call: StateCall, writer: ResultWriter, effective: unknown, records: ChildRecord[]): Promise<unknown> {
  const exporting = typeof writer.Resource === 'string';
  const config = exportFormat(writer, exporting);
  const { runtime, node } = call;
  const runId = runtime.random.uuid();
  const who = identity(call, runId);
  const succeeded = records.filter((r) => r.error === undefined);
  const failed = records.filter((r) => r.error !== undefined);
  if (!exporting) return transform(records, config.transformation, who);
  const parameters = (isJsonata(call)
    ? await evaluateTemplate(writer.Arguments ?? {}, jsonataEnv(call), 'ResultWriter.Arguments')
    : evaluatePayload(writer.Parameters ?? {}, pathEnv(call, effective), 'ResultWriter.Parameters')) as Record<string, unknown>;
  const bucket = String(parameters.Bucket ?? '');
  const prefix = typeof parameters.Prefix === 'string' && parameters.Prefix !== '' ? `${parameters.Prefix.replace(/\/$/, '')}/` : '';
  const mapRunArn = `arn:aws:states:${runtime.identity.region}:${runtime.identity.account}:mapRun:${runtime.identity.stateMachineName}/${node.name}:${runId}`;
  const base = `${prefix}${runId}/`;
  const files: Array<{ key: string; content: string }> = [];
  const resultFiles: Record<string, Array<{ Key: string; Size: number }>> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const [status, list] of [['SUCCEEDED', succeeded], ['FAILED', failed]] as const) {
    if (list.length === 0) continue;
    const key = `${base}${status}_0.json`;
    const content = serialise(transform(list, config.transformation, who), config.outputType);
    files.push({ key, content });
    resultFiles[status]!.push({ Key: key, Size: Buffer.byteLength(content) });
  }
  const manifestKey = `${base}manifest.json`;
  files.push({ key: manifestKey, content: JSON.stringify({ DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: resultFiles }) });
  await runtime.answerer?.writeResults?.({ stateName: node.name, bucket, files });
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } };
}
