/**
 * A Distributed Map's ItemReader, read from local files: the stubs map the S3 bucket and key to text
 * (JSON array, JSON Lines or CSV).
 */
import { ErrorNames, StatesError, queryEvaluationError, runtimeError } from './errors.js';
import { evaluateJsonata, evaluateTemplate } from './jsonata.js';
import { jsonataBody } from '../asl/jsonata-syntax.js';
import { intrinsicText } from '../asl/unresolved.js';
import { evaluatePayload, resolvePath } from './payload.js';
import { isJsonata, jsonataEnv, pathEnv, type StateCall } from './dataflow.js';
import type { ItemReader, ReaderConfig } from '../asl/types.js';

/** The items, and the S3 URI they came from (`$$.Map.Item.Source`). */
export interface ReadItems {
  items: unknown[];
  source: string;
}

/**
 * The context object's `Map.Item.Source` for a reader ("Context object" page): the bucket's URI for a
 * listing of objects, the object's URI for everything read from one object.
 */
function sourceOf(resource: string, parameters: Record<string, unknown>): string {
  const bucket = String(parameters.Bucket ?? '');
  if (/:listObjectsV2$/i.test(resource)) return `s3://${bucket}`;
  return `s3://${bucket}/${String(parameters.Key ?? '')}`;
}

export async function readItems(call: StateCall, reader: ItemReader, effective: unknown): Promise<ReadItems> {
  const resource = typeof reader.Resource === 'string' ? reader.Resource : (intrinsicText(reader.Resource) ?? String(reader.Resource ?? ''));
  const parameters = (isJsonata(call)
    ? await evaluateTemplate(reader.Arguments ?? {}, jsonataEnv(call), 'ItemReader.Arguments')
    : evaluatePayload(reader.Parameters ?? {}, pathEnv(call, effective), 'ItemReader.Parameters')) as Record<string, unknown>;
  const text = await call.runtime.answerer?.readItems?.({ stateName: call.node.name, resource, parameters });
  if (text === undefined) {
    throw new StatesError(ErrorNames.ItemReaderFailed, `No stub provides the items for the ItemReader of Map state '${call.node.name}' (bucket ${JSON.stringify(parameters.Bucket)}, key ${JSON.stringify(parameters.Key)}).`);
  }
  const config: ReaderConfig = reader.ReaderConfig ?? {};
  const format = config.InputType ?? 'JSON';
  let items: unknown[];
  try {
    if (format === 'CSV') items = parseCsv(text, config.CSVHeaderLocation === 'GIVEN' ? config.CSVHeaders : undefined);
    else if (format === 'JSONL') items = text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
    else {
      const parsed = JSON.parse(text);
      if (!Array.isArray(parsed)) throw new Error('the file does not hold a JSON array');
      items = parsed;
    }
  } catch (err) {
    throw new StatesError(ErrorNames.ItemReaderFailed, `The ItemReader of Map state '${call.node.name}' could not read its ${format} items: ${(err as Error).message}`);
  }
  const max = await maxItems(call, config, effective);
  return { items: max !== undefined && max > 0 ? items.slice(0, max) : items, source: sourceOf(resource, parameters) };
}

function parseCsv(text: string, givenHeaders?: readonly string[]): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const headers = givenHeaders ?? rows.shift() ?? [];
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
}

/** ReaderConfig MaxItems: a number, a JSONata expression, or (JSONPath) MaxItemsPath; at most 100,000,000. */
async function maxItems(call: StateCall, config: ReaderConfig, effective: unknown): Promise<number | undefined> {
  let value: unknown = config.MaxItems;
  const body = jsonataBody(value);
  if (isJsonata(call) && body !== undefined) value = await evaluateJsonata(body, jsonataEnv(call), 'ItemReader.ReaderConfig.MaxItems');
  else if (typeof config.MaxItemsPath === 'string') value = resolvePath(config.MaxItemsPath, pathEnv(call, effective), 'ItemReader.ReaderConfig.MaxItemsPath');
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100_000_000) {
    const message = `The MaxItems of the ItemReader of Map state '${call.node.name}' must be an integer from 0 to 100,000,000, not ${JSON.stringify(value)}.`;
    throw body !== undefined && isJsonata(call) ? queryEvaluationError(message) : runtimeError(message);
  }
  return value;
}
