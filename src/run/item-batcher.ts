/**
 * ItemBatcher: groups iteration inputs by count and size. Each child gets `{"BatchInput": …, "Items": […]}`, the
 * shape the developer guide's "ItemBatcher (Map)" page shows: BatchInput kept whole under its own key (not
 * spread among Items' siblings), and absent when the batcher has none.
 */
import { evaluateTemplate } from './jsonata.js';
import { evaluatePayload } from './payload.js';
import { isJsonata, jsonataEnv, numberField, pathEnv, type StateCall } from './dataflow.js';
import type { ItemBatcher } from '../asl/types.js';

export async function batchItems(call: StateCall, batcher: ItemBatcher, inputs: unknown[], effective: unknown): Promise<unknown[]> {
  const maxItems = (await numberField(call, 'MaxItemsPerBatch', batcher.MaxItemsPerBatch, batcher.MaxItemsPerBatchPath, effective)) ?? Infinity;
  const maxBytes = (await numberField(call, 'MaxInputBytesPerBatch', batcher.MaxInputBytesPerBatch, batcher.MaxInputBytesPerBatchPath, effective)) ?? 262_144;
  let batchInput: unknown;
  if (batcher.BatchInput !== undefined) {
    batchInput = isJsonata(call)
      ? await evaluateTemplate(batcher.BatchInput, jsonataEnv(call), 'ItemBatcher.BatchInput')
      : evaluatePayload(batcher.BatchInput, pathEnv(call, effective), 'ItemBatcher.BatchInput');
  }
  const batch = (items: unknown[]) => (batchInput === undefined ? { Items: items } : { BatchInput: batchInput, Items: items });
  const batches: unknown[] = [];
  let current: unknown[] = [];
  let bytes = 0;
  for (const input of inputs) {
    const size = Buffer.byteLength(JSON.stringify(input) ?? '');
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      batches.push(batch(current));
      current = [];
      bytes = 0;
    }
    current.push(input);
    bytes += size;
  }
  if (current.length > 0) batches.push(batch(current));
  return batches;
}
