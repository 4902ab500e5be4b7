/**
 * Map, inline and distributed: items from ItemsPath/Items (or a Distributed Map's ItemReader), each
 * shaped by ItemSelector, optionally batched, run through the processor with at most MaxConcurrency in
 * flight on the virtual clock (lanes.ts); results in item order. Inline: the first iteration to fail in
 * virtual time (the lowest index on a tie) fails the Map with its own error and stops the others. Distributed: failures count against ToleratedFailurePercentage/Count.
 */
import { ErrorNames, StatesError, queryEvaluationError, runtimeError } from '../errors.js';
import { evaluateTemplate } from '../jsonata.js';
import { jsonataBody } from '../../asl/jsonata-syntax.js';
import { applyInputPath, finishState, isJsonata, jsonataEnv, numberField, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';
import { evaluatePayload, resolvePath } from '../payload.js';
import { childFrame, type Frame, type MapItem } from '../runtime.js';
import { Lanes } from '../lanes.js';
import { readItems } from '../item-reader.js';
import { batchItems } from '../item-batcher.js';
import { writeResults, type ChildRecord } from '../result-writer.js';

const INLINE_CONCURRENCY = 40;
const DISTRIBUTED_CONCURRENCY = 10_000;

/** Items from the state's data carry this `$$.Map.Item.Source`; an ItemReader's carry its S3 URI. */
const STATE_DATA = 'STATE_DATA';

async function itemsOf(call: StateCall, effective: unknown): Promise<{ items: unknown[]; source: string }> {
  const raw = call.node.raw;
  if (raw.ItemReader && typeof raw.ItemReader === 'object') return readItems(call, effective);
  return { items: await stateItems(call, effective), source: STATE_DATA };
}

async function stateItems(call: StateCall, effective: unknown): Promise<unknown[]> {
  const raw = call.node.raw;
  if (isJsonata(call)) {
    const items = raw.Items === undefined ? call.input : await evaluateTemplate(raw.Items, jsonataEnv(call), 'Items');
    if (!Array.isArray(items)) {
      if (raw.Items === undefined) throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(items)}`);
      const body = jsonataBody(raw.Items)?.trim() ?? JSON.stringify(raw.Items);
      const type = items === null ? 'null' : typeof items;
      throw queryEvaluationError(`The JSONata expression '${body}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${type}' for value: ${JSON.stringify(items)}`, 'Items');
    }
    return items;
  }
  const path = typeof raw.ItemsPath === 'string' ? raw.ItemsPath : '$';
  const items = resolvePath(path, pathEnv(call, effective), 'ItemsPath');
  if (!Array.isArray(items)) {
    throw runtimeError(`An error occurred while executing the state '${call.node.name}'. The ItemsPath '${path}' did not select an array: ${JSON.stringify(items)?.slice(0, 200)}`);
  }
  if (call.inspection) call.inspection.afterItemsPath = items;
  return items;
}

async function iterationInput(call: StateCall, effective: unknown, item: MapItem): Promise<unknown> {
  const raw = call.node.raw;
  const selector = raw.ItemSelector ?? (isJsonata(call) ? undefined : raw.Parameters);
  if (selector === undefined) return item.Value;
  const itemCall: StateCall = { ...call, frame: { ...call.frame, mapItem: item } };
  if (isJsonata(call)) return evaluateTemplate(selector, jsonataEnv(itemCall), 'ItemSelector');
  return evaluatePayload(selector, pathEnv(itemCall, effective), raw.ItemSelector !== undefined ? 'ItemSelector' : 'Parameters');
}

export async function runMap(call: StateCall): Promise<StateOutcome> {
  const { runtime, node, frame, runScope } = call;
  const processor = node.children[0];
  if (!processor) throw runtimeError(`Map state '${node.name}' has no ItemProcessor.`);
  const distributed = processor.distributed;
  const effective = isJsonata(call) ? call.input : applyInputPath(call);
  const { items, source } = await itemsOf(call, effective);
  const inputs: unknown[] = [];
  for (let i = 0; i < items.length; i++) inputs.push(await iterationInput(call, effective, { Index: i, Value: items[i], Source: source }));
  if (call.inspection && (call.node.raw.ItemSelector ?? call.node.raw.Parameters) !== undefined) call.inspection.afterItemSelector = inputs;
  const batched = call.node.raw.ItemBatcher ? await batchItems(call, inputs, effective) : inputs;
  if (call.inspection && call.node.raw.ItemBatcher) call.inspection.afterItemBatcher = batched;

  runtime.event(frame, 'MapStateStarted', { length: batched.length });
  // As recorded on AWS, a bad MaxConcurrencyPath or ToleratedFailure…Path fails the Map after it started.
  const maxConcurrency = (await numberField(call, 'MaxConcurrency', effective)) ?? 0;
  const toleratedCount = (await numberField(call, 'ToleratedFailureCount', effective)) ?? 0;
  const toleratedPercent = (await numberField(call, 'ToleratedFailurePercentage', effective)) ?? 0;
  if (call.inspection) {
    call.inspection.maxConcurrency = maxConcurrency;
    if (distributed) Object.assign(call.inspection, { toleratedFailureCount: toleratedCount, toleratedFailurePercentage: toleratedPercent });
  }
  // A mocked Map (TestState's mock) stops here: the mock stands for what the iterations would return.
  if (call.mockedResult) return finishState(call, call.mockedResult({ count: toleratedCount, percentage: toleratedPercent }));
  if (distributed) runtime.event(frame, 'MapRunStarted', { mapRunArn: `arn:aws:states:${runtime.identity.region}:${runtime.identity.account}:mapRun:${runtime.identity.stateMachineName}/${node.name}` });
  const results: unknown[] = new Array(batched.length);
  const writing = distributed && call.node.raw.ResultWriter !== undefined && typeof call.node.raw.ResultWriter === 'object';
  const records: ChildRecord[] = [];
  const starts: number[] = [];
  const inFlight = new Set<number>();
  const allowed = Math.max(toleratedCount, Math.floor((toleratedPercent / 100) * batched.length));
  let failures = 0;
  let failure: unknown;
  // AWS runs at most 40 iterations of an inline Map at once and 10,000 child executions of a distributed one.
  const ceiling = distributed ? DISTRIBUTED_CONCURRENCY : INLINE_CONCURRENCY;
  const lanes = maxConcurrency > 0 ? Math.min(maxConcurrency, ceiling) : ceiling;
  await new Lanes(runtime, frame).run(batched.length, lanes, {
    frame(index, start) {
      const child: Frame = childFrame(frame, distributed ? {} : frame.variables, { Index: index, Value: items[index], Source: source });
      child.clock = start;
      starts[index] = start;
      child.thread = `${frame.thread ? `${frame.thread}/` : ''}${node.name}[${index}]`;
      if (distributed) child.silent = true;
      return child;
    },
    async run(index, child) {
      inFlight.add(index);
      runtime.event(child, 'MapIterationStarted', { name: node.name, index });
      return runScope(runtime, processor, batched[index], child);
    },
    done(index, value, child) {
      inFlight.delete(index);
      results[index] = value;
      if (writing) records.push({ index, input: batched[index], output: value, startMs: starts[index]!, stopMs: child.clock });
      runtime.event(child, 'MapIterationSucceeded', { name: node.name, index });
      return true;
    },
    failed(index, err, child) {
      inFlight.delete(index);
      if (!(err instanceof StatesError)) {
        failure = err;
        return false;
      }
      runtime.event(child, 'MapIterationFailed', { name: node.name, index });
      if (!distributed) {
        // The first iteration to fail in virtual time fails the Map with its own error.
        failure = err;
        return false;
      }
      failures++;
      results[index] = { Error: err.error, Cause: err.cause };
      if (writing) records.push({ index, input: batched[index], error: err.error, cause: err.cause, startMs: starts[index]!, stopMs: child.clock });
      if (failures > allowed) {
        failure = new StatesError(ErrorNames.ExceedToleratedFailureThreshold, 'The specified tolerated failure threshold was exceeded');
        return false;
      }
      return true;
    },
  });
  if (failure !== undefined) {
    if (failure instanceof StatesError) {
      // Iterations still running when the Map fails are stopped.
      for (const index of [...inFlight].sort((a, b) => a - b)) runtime.event(frame, 'MapIterationAborted', { name: node.name, index });
    }
    // MapStateFailed is recorded by the engine once retries are over.
    throw failure;
  }
  records.sort((a, b) => a.index - b.index);
  runtime.event(frame, 'MapStateSucceeded');
  if (writing) return finishState(call, await writeResults(call, effective, records));
  return finishState(call, results);
}
