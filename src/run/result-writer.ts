/**
 * A Distributed Map's ResultWriter: instead of returning the child results, AWS writes them to S3 as
 * a manifest plus SUCCEEDED/FAILED files and returns where they are. Locally the stubs decide where the
 * files go (a folder); the state output has the AWS shape either way.
 */
import { evaluateTemplate } from './jsonata.js';
import { evaluatePayload } from './payload.js';
import { isJsonata, jsonataEnv, pathEnv, type StateCall } from './dataflow.js';

export interface ChildRecord {
  index: number;
  input: unknown;
  output?: unknown;
  error?: string;
  cause?: string;
}

export async function writeResults(call: StateCall, effective: unknown, records: ChildRecord[]): Promise<unknown> {
  const writer = call.node.raw.ResultWriter as Record<string, unknown>;
  const parameters = (isJsonata(call)
    ? await evaluateTemplate(writer.Arguments ?? {}, jsonataEnv(call), 'ResultWriter.Arguments')
    : evaluatePayload(writer.Parameters ?? {}, pathEnv(call, effective), 'ResultWriter.Parameters')) as Record<string, unknown>;
  const { runtime, node } = call;
  const bucket = String(parameters.Bucket ?? '');
  const prefix = typeof parameters.Prefix === 'string' && parameters.Prefix !== '' ? `${parameters.Prefix.replace(/\/$/, '')}/` : '';
  const runId = runtime.random.uuid();
  const mapRunArn = `arn:aws:states:${runtime.identity.region}:${runtime.identity.account}:mapRun:${runtime.identity.stateMachineName}/${node.name}:${runId}`;
  const base = `${prefix}${runId}/`;
  const entry = (r: ChildRecord) => ({
    Name: `${runId.slice(0, 8)}-${r.index}`,
    Input: JSON.stringify(r.input),
    ...(r.error === undefined ? { Output: JSON.stringify(r.output) } : { Error: r.error ?? null, Cause: r.cause ?? null }),
    Status: r.error === undefined ? 'SUCCEEDED' : 'FAILED',
  });
  const succeeded = records.filter((r) => r.error === undefined).map(entry);
  const failed = records.filter((r) => r.error !== undefined).map(entry);
  const files: Array<{ key: string; content: string }> = [];
  const resultFiles: Record<string, Array<{ Key: string; Size: number }>> = { FAILED: [], PENDING: [], SUCCEEDED: [] };
  for (const [status, list] of [['SUCCEEDED', succeeded], ['FAILED', failed]] as const) {
    if (list.length === 0) continue;
    const key = `${base}${status}_0.json`;
    const content = JSON.stringify(list);
    files.push({ key, content });
    resultFiles[status]!.push({ Key: key, Size: Buffer.byteLength(content) });
  }
  const manifestKey = `${base}manifest.json`;
  files.push({ key: manifestKey, content: JSON.stringify({ DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: resultFiles }) });
  await runtime.answerer?.writeResults?.({ stateName: node.name, bucket, files });
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } };
}
