/**
 * Task: builds the effective input, asks the stubs for an answer (counting invocations per state, as
 * AWS Step Functions Local does), applies TimeoutSeconds/HeartbeatSeconds against the answer's
 * virtual latency, then runs the result through the data flow.
 */
import { qualifiedName } from '../../asl/walker.js';
import { ErrorNames, RunSetupError, StatesError } from '../errors.js';
import { payloadText } from '../history.js';
import { contextOf, finishState, numberField, taskInput, type StateCall, type StateOutcome } from '../dataflow.js';

export async function runTask(call: StateCall): Promise<StateOutcome> {
  const { runtime, node, frame } = call;
  const resource = typeof node.raw.Resource === 'string' ? node.raw.Resource : String(node.raw.Resource);
  // Every Task has a token in its context ($$.Task.Token), not only .waitForTaskToken ones.
  call.taskToken = runtime.random.uuid();
  const input = await taskInput(call);
  const timeoutSeconds = (await numberField(call, 'TimeoutSeconds', input)) ?? 99_999_999;
  const heartbeatSeconds = await numberField(call, 'HeartbeatSeconds', input);
  const resourceType = resourceTypeOf(resource);
  const eventResource = { resource, resourceType: resourceType.type };
  runtime.event(frame, 'TaskScheduled', { ...eventResource, region: runtime.identity.region, parameters: payloadText(input), timeoutInSeconds: timeoutSeconds });
  runtime.event(frame, 'TaskStarted', eventResource);

  const name = qualifiedName(node);
  const invocation = runtime.invocations.get(node.name) ?? 0;
  runtime.invocations.set(node.name, invocation + 1);
  if (!runtime.answerer) throw noStub(node.name, name, resource, invocation);
  const answer = await runtime.answerer.answer({ stateName: node.name, qualifiedName: name, resource, input, invocation, context: contextOf(call) });
  if (!answer) throw noStub(node.name, name, resource, invocation);

  const latency = answer.latencySeconds ?? 0;
  const limit = Math.min(timeoutSeconds, heartbeatSeconds ?? Infinity);
  if (latency > limit) {
    await runtime.delay(frame, limit * 1000);
    const error = heartbeatSeconds !== undefined && heartbeatSeconds < timeoutSeconds ? ErrorNames.HeartbeatTimeout : ErrorNames.Timeout;
    runtime.event(frame, 'TaskTimedOut', { ...eventResource, error, cause: '' });
    throw new StatesError(error, undefined);
  }
  await runtime.delay(frame, latency * 1000);
  if (answer.kind === 'error') {
    runtime.event(frame, 'TaskFailed', { ...eventResource, error: answer.error, cause: answer.cause });
    throw new StatesError(answer.error, answer.cause);
  }
  runtime.event(frame, 'TaskSucceeded', { ...eventResource, output: payloadText(answer.result), outputDetails: { truncated: false } });
  return finishState(call, answer.result);
}

function noStub(stateName: string, qualified: string, resource: string, invocation: number): RunSetupError {
  return new RunSetupError(
    `No stub answers invocation ${invocation} of Task state "${qualified}" (resource ${resource}). ` +
      `Add one to your stub file, for example:\n  states:\n    ${JSON.stringify(stateName)}:\n      result: { ok: true }`,
  );
}

/** "arn:aws:states:::lambda:invoke" → type "lambda", as history events name it. */
function resourceTypeOf(resource: string): { type: string } {
  const service = /^arn:[^:]+:states:::([^:]+)/.exec(resource);
  if (service) return { type: service[1]! };
  const lambda = /^arn:[^:]+:lambda:/.exec(resource);
  if (lambda) return { type: 'lambda' };
  return { type: 'activity' };
}
