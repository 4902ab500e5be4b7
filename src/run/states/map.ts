/**
 * Map, inline and distributed: items from ItemsPath/Items (or a Distributed Map's ItemReader), each
 * shaped by ItemSelector, optionally batched, run through the processor with at most MaxConcurrency in
 * flight on the virtual clock; results in item order. Inline: one failing iteration fails the Map with its
 * own error. Distributed: failures count against ToleratedFailurePercentage/Count.
 */
import { ErrorNames, StatesError, queryEvaluationError, runtimeError } from '../errors.js';
import { evaluateTemplate } from '../jsonata.js';
import { applyInputPath, finishState, isJsonata, jsonataEnv, numberField, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';
import { runScope } from '../engine.js';
import { evaluatePayload, resolvePath } from '../payload.js';
import { childFrame, type Frame } from '../runtime.js';
import { readItems } from '../item-reader.js';
import { batchItems } from '../item-batcher.js';
import { writeResults, type ChildRecord } from '../result-writer.js';

async function itemsOf(call: StateCall, effective: unknown): Promise<unknown[]> {
  const raw = call.node.raw;
  if (raw.ItemReader && typeof raw.ItemReader === 'object') return readItems(call, effective);
  if (isJsonata(call)) {
    const items = raw.Items === undefined ? call.input : await evaluateTemplate(raw.Items, jsonataEnv(call), 'Items');
    if (!Array.isArray(items)) throw queryEvaluationError(`The Items of Map state '${call.node.name}' evaluated to ${JSON.stringify(items)}; expected an array.`);
    return items;
  }
  const path = typeof raw.ItemsPath === 'string' ? raw.ItemsPath : '$';
  const items = resolvePath(path, pathEnv(call, effective), 'ItemsPath');
  if (!Array.isArray(items)) {
    throw runtimeError(`An error occurred while executing the state '${call.node.name}'. The ItemsPath '${path}' did not select an array: ${JSON.stringify(items)?.slice(0, 200)}`);
  }
  return items;
}

async function iterationInput(call: StateCall, effective: unknown, item: unknown, index: number): Promise<unknown> {
  const raw = call.node.raw;
  const selector = raw.ItemSelector ?? (isJsonata(call) ? undefined : raw.Parameters);
  if (selector === undefined) return item;
  const itemCall: StateCall = { ...call, frame: { ...call.frame, mapItem: { Index: index, Value: item } } };
  if (isJsonata(call)) return evaluateTemplate(selector, jsonataEnv(itemCall), 'ItemSelector');
  return evaluatePayload(selector, pathEnv(itemCall, effective), raw.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters');
}

export async function runMap(call: StateCall): Promise<StateOutcome> {
  const { runtime, node, frame } = call;
  const processor = node.children[0];
  if (!processor) throw runtimeError(`Map state '${node.name}' has no ItemProcessor.`);
  const distributed = processor.distributed;
  const effective = isJsonata(call) ? call.input : applyInputPath(call);
  const items = await itemsOf(call, effective);
  const inputs: unknown[] = [];
  for (let i = 0; i < items.length; i++) inputs.push(await iterationInput(call, effective, items[i], i));
  const batched = call.node.raw.ItemBatcher ? await batchItems(call, inputs, effective) : inputs;

  const maxConcurrency = (await numberField(call, 'MaxConcurrency', effective)) ?? 0;
  const toleratedCount = (await numberField(call, 'ToleratedFailureCount', effective)) ?? 0;
  const toleratedPercent = (await numberField(call, 'ToleratedFailurePercentage', effective)) ?? 0;

  runtime.event(frame, 'MapStateStarted', { length: batched.length });
  if (distributed) runtime.event(frame, 'MapRunStarted', { mapRunArn: `arn:aws:states:${runtime.identity.region}:${runtime.identity.account}:mapRun:${runtime.identity.stateMachineName}/${node.name}` });
  const lanes: number[] = [];
  const laneCount = maxConcurrency > 0 ? maxConcurrency : Math.max(1, batched.length);
  const results: unknown[] = new Array(batched.length);
  let failures = 0;
  let end = frame.clock;
  const writing = distributed && call.node.raw.ResultWriter !== undefined && typeof call.node.raw.ResultWriter === 'object';
  const records: ChildRecord[] = [];
  for (let index = 0; index < batched.length; index++) {
    // The iteration starts when a lane frees up: the earliest-finishing one.
    let lane = lanes.length < laneCount ? lanes.length : 0;
    if (lanes.length >= laneCount) for (let l = 1; l < lanes.length; l++) if (lanes[l]! < lanes[lane]!) lane = l;
    const start = lanes[lane] ?? frame.clock;
    const child: Frame = childFrame(frame, distributed ? {} : frame.variables, { Index: index, Value: items[index] });
    child.clock = start;
    if (distributed) child.silent = true;
    runtime.event(child, 'MapIterationStarted', { name: node.name, index });
    try {
      results[index] = await runScope(runtime, processor, batched[index], child);
      if (writing) records.push({ index, input: batched[index], output: results[index] });
      runtime.event(child, 'MapIterationSucceeded', { name: node.name, index });
    } catch (err) {
      if (!(err instanceof StatesError)) throw err;
      runtime.event(child, 'MapIterationFailed', { name: node.name, index });
      if (!distributed) {
        frame.clock = Math.max(end, child.clock);
        runtime.event(frame, 'MapStateFailed', {});
        throw err;
      }
      failures++;
      results[index] = { Error: err.error, Cause: err.cause };
      if (writing) records.push({ index, input: batched[index], error: err.error, cause: err.cause });
      const allowed = Math.max(toleratedCount, Math.floor((toleratedPercent / 100) * batched.length));
      if (failures > allowed) {
        frame.clock = Math.max(end, child.clock);
        runtime.event(frame, 'MapStateFailed', {});
        throw new StatesError(ErrorNames.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded');
      }
    }
    lanes[lane] = child.clock;
    end = Math.max(end, child.clock);
  }
  frame.clock = end;
  runtime.event(frame, 'MapStateSucceeded');
  if (writing) return finishState(call, await writeResults(call, effective, records));
  return finishState(call, results);
}
