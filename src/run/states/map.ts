/**
 * Map, inline and distributed: items from ItemsPath/Items (or a Distributed Map's ItemReader), each
 * shaped by ItemSelector, optionally batched, run through the processor with at most MaxConcurrency in
 * flight on the virtual clock (lanes.ts, map-iterations.ts); results in item order. Inline: the first
 * iteration to fail in virtual time (the lowest index on a tie) fails the Map with its own error and stops
 * the others. Distributed: failures count against ToleratedFailurePercentage/Count.
 */
import type { MapState } from '../../asl/types.js';
import { queryEvaluationError, runtimeError, StatesError } from '../errors.js';
import { evaluateTemplate } from '../jsonata.js';
import { jsonataBody } from '../../asl/jsonata-syntax.js';
import { applyInputPath, finishState, isJsonata, jsonataEnv, numberField, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';
import { evaluatePayload, resolvePath } from '../payload.js';
import type { MapItem } from '../runtime.js';
import { Lanes } from '../lanes.js';
import { readItems } from '../item-reader.js';
import { batchItems } from '../item-batcher.js';
import { writeResults } from '../result-writer.js';
import { MapIterations, type MapWork } from './map-iterations.js';

const INLINE_CONCURRENCY = 40;
const DISTRIBUTED_CONCURRENCY = 10_000;

/** Items from the state's data carry this `$$.Map.Item.Source`; an ItemReader's carry its S3 URI. */
const STATE_DATA = 'STATE_DATA';

async function itemsOf(call: StateCall, state: MapState, effective: unknown): Promise<{ items: unknown[]; source: string }> {
  if (state.ItemReader) return readItems(call, state.ItemReader, effective);
  return { items: await stateItems(call, state, effective), source: STATE_DATA };
}

async function stateItems(call: StateCall, state: MapState, effective: unknown): Promise<unknown[]> {
  if (isJsonata(call)) {
    const items = state.Items === undefined ? call.input : await evaluateTemplate(state.Items, jsonataEnv(call), 'Items');
    if (!Array.isArray(items)) {
      if (state.Items === undefined) throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(items)}`);
      const body = jsonataBody(state.Items)?.trim() ?? JSON.stringify(state.Items);
      const type = items === null ? 'null' : typeof items;
      throw queryEvaluationError(`The JSONata expression '${body}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${JSON.stringify(items)}`, 'Items');
    }
    return items;
  }
  const path = typeof state.ItemsPath === 'string' ? state.ItemsPath : '$';
  const items = resolvePath(path, pathEnv(call, effective), 'ItemsPath');
  if (!Array.isArray(items)) {
    throw runtimeError(`An error occurred while executing the state '${call.node.name}'. The ItemsPath '${path}' did not select an array: ${JSON.stringify(items)?.slice(0, 200)}`);
  }
  if (call.inspection) call.inspection.afterItemsPath = items;
  return items;
}

async function iterationInput(call: StateCall, state: MapState, effective: unknown, item: MapItem): Promise<unknown> {
  const selector = state.ItemSelector ?? (isJsonata(call) ? undefined : state.Parameters);
  if (selector === undefined) return item.Value;
  const itemCall: StateCall = { ...call, frame: { ...call.frame, mapItem: item } };
  if (isJsonata(call)) return evaluateTemplate(selector, jsonataEnv(itemCall), 'ItemSelector');
  return evaluatePayload(selector, pathEnv(itemCall, effective), state.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters');
}

/** The items, each shaped by ItemSelector and (with an ItemBatcher) grouped into batches: one input per child. */
async function mapWork(call: StateCall, state: MapState, effective: unknown): Promise<MapWork> {
  const { items, source } = await itemsOf(call, state, effective);
  const inputs: unknown[] = [];
  for (let i = 0; i < items.length; i++) inputs.push(await iterationInput(call, state, effective, { Index: i, Value: items[i], Source: source }));
  if (call.inspection && (state.ItemSelector ?? state.Parameters) !== undefined) call.inspection.afterItemSelector = inputs;
  if (!state.ItemBatcher) return { items, source, inputs };
  const batched = await batchItems(call, state.ItemBatcher, inputs, effective);
  if (call.inspection) call.inspection.afterItemBatcher = batched;
  return { items, source, inputs: batched };
}

interface MapLimits {
  /** 0: no limit of the state's own. */
  maxConcurrency: number;
  toleratedCount: number;
  toleratedPercent: number;
}

async function limitsOf(call: StateCall, state: MapState, effective: unknown, distributed: boolean): Promise<MapLimits> {
  const maxConcurrency = (await numberField(call, 'MaxConcurrency', state.MaxConcurrency, state.MaxConcurrencyPath, effective)) ?? 0;
  const toleratedCount = (await numberField(call, 'ToleratedFailureCount', state.ToleratedFailureCount, state.ToleratedFailureCountPath, effective)) ?? 0;
  const toleratedPercent = (await numberField(call, 'ToleratedFailurePercentage', state.ToleratedFailurePercentage, state.ToleratedFailurePercentagePath, effective)) ?? 0;
  if (call.inspection) {
    call.inspection.maxConcurrency = maxConcurrency;
    if (distributed) Object.assign(call.inspection, { toleratedFailureCount: toleratedCount, toleratedFailurePercentage: toleratedPercent });
  }
  return { maxConcurrency, toleratedCount, toleratedPercent };
}

/** Children at once: MaxConcurrency, within what AWS allows (40 inline iterations, 10,000 child executions). */
function laneCount(maxConcurrency: number, distributed: boolean): number {
  const ceiling = distributed ? DISTRIBUTED_CONCURRENCY : INLINE_CONCURRENCY;
  return maxConcurrency > 0 ? Math.min(maxConcurrency, ceiling) : ceiling;
}

export async function runMap(call: StateCall, state: MapState): Promise<StateOutcome> {
  const { runtime, node, frame } = call;
  const processor = node.children[0];
  if (!processor) throw runtimeError(`Map state '${node.name}' has no ItemProcessor.`);
  const distributed = processor.distributed;
  const effective = isJsonata(call) ? call.input : applyInputPath(call);
  const work = await mapWork(call, state, effective);
  runtime.event(frame, 'MapStateStarted', { length: work.inputs.length });
  // As recorded on AWS, a bad MaxConcurrencyPath or ToleratedFailure…Path fails the Map after it started.
  const limits = await limitsOf(call, state, effective, distributed);
  // A mocked Map (TestState's mock) stops here: the mock stands for what the iterations would return.
  if (call.mockedResult) return finishState(call, call.mockedResult({ count: limits.toleratedCount, percentage: limits.toleratedPercent }));
  if (distributed) runtime.event(frame, 'MapRunStarted', { mapRunArn: `arn:aws:states:${runtime.identity.region}:${runtime.identity.account}:mapRun:${runtime.identity.stateMachineName}/${node.name}` });
  const writer = distributed ? state.ResultWriter : undefined;
  const allowed = Math.max(limits.toleratedCount, Math.floor((limits.toleratedPercent / 100) * work.inputs.length));
  const iterations = new MapIterations(call, processor, work, allowed, writer !== undefined);
  await new Lanes(runtime, frame).run(work.inputs.length, laneCount(limits.maxConcurrency, distributed), iterations);
  if (iterations.failure !== undefined) {
    if (iterations.failure instanceof StatesError) {
      // Iterations still running when the Map fails are stopped.
      for (const index of [...iterations.inFlight].sort((a, b) => a - b)) runtime.event(frame, 'MapIterationAborted', { name: node.name, index });
    }
    // MapStateFailed is recorded by the engine once retries are over.
    throw iterations.failure;
  }
  runtime.event(frame, 'MapStateSucceeded');
  if (!writer) return finishState(call, iterations.results);
  const records = iterations.records.sort((a, b) => a.index - b.index);
  return finishState(call, await writeResults(call, writer, effective, records));
}
