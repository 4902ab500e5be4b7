/**
 * Task: builds the effective input, asks the stubs for an answer (counting invocations per state, as
 * AWS Step Functions Local does), applies TimeoutSeconds/HeartbeatSeconds against the answer's
 * virtual latency, then runs the result through the data flow.
 */
import { qualifiedName } from '../../asl/walker.js';
import type { TaskState } from '../../asl/types.js';
import { intrinsicText } from '../../asl/unresolved.js';
import { ErrorNames, RunSetupError, StatesError } from '../errors.js';
import { payloadText } from '../history.js';
import { contextOf, finishState, numberField, taskInput, type StateCall, type StateOutcome } from '../dataflow.js';

export async function runTask(call: StateCall, state: TaskState): Promise<StateOutcome> {
  const { runtime, node, frame } = call;
  // A template's `!GetAtt Fn.Arn` stays unresolved offline: it is shown (and matched by stubs) as written.
  const resource = typeof state.Resource === 'string' ? state.Resource : (intrinsicText(state.Resource) ?? String(state.Resource));
  // Every Task has a token in its context ($$.Task.Token), not only .waitForTaskToken ones.
  call.taskToken = runtime.random.uuid();
  const input = await taskInput(call);
  const timeoutSeconds = (await numberField(call, 'TimeoutSeconds', state.TimeoutSeconds, state.TimeoutSecondsPath, input)) ?? 99_999_999;
  const heartbeatSeconds = await numberField(call, 'HeartbeatSeconds', state.HeartbeatSeconds, state.HeartbeatSecondsPath, input);
  const family = eventFamily(resource);
  const inputText = runtime.history.detailed ? payloadText(input) : '';
  runtime.event(frame, `${family.prefix}Scheduled`, family.scheduled(inputText, runtime.identity.region, timeoutSeconds, heartbeatSeconds));
  runtime.event(frame, `${family.prefix}Started`, family.base);
  const name = qualifiedName(node);
  const invocation = runtime.invocations.get(node.name) ?? 0;
  runtime.invocations.set(node.name, invocation + 1);
  if (!runtime.answerer) throw noStub(node.name, name, resource, invocation);
  const answer = await runtime.answerer.answer({ stateName: node.name, qualifiedName: name, resource, input, invocation, context: contextOf(call) });
  if (!answer) throw noStub(node.name, name, resource, invocation, runtime.answerer.missingHint?.(node.name));

  const latency = answer.latencySeconds ?? 0;
  const limit = Math.min(timeoutSeconds, heartbeatSeconds ?? Infinity);
  if (latency > limit) {
    await runtime.delay(frame, limit * 1000);
    const error = heartbeatSeconds !== undefined && heartbeatSeconds < timeoutSeconds ? ErrorNames.HeartbeatTimeout : ErrorNames.Timeout;
    runtime.event(frame, `${family.prefix}TimedOut`, { ...family.base, error, cause: '' });
    throw new StatesError(error, undefined);
  }
  await runtime.delay(frame, latency * 1000);
  if (answer.kind === 'error') {
    runtime.event(frame, `${family.prefix}Failed`, { ...family.base, error: answer.error, cause: answer.cause });
    throw new StatesError(answer.error, answer.cause);
  }
  runtime.event(frame, `${family.prefix}Succeeded`, { ...family.base, output: runtime.history.detailed ? payloadText(answer.result) : '', outputDetails: { truncated: false } });
  return finishState(call, answer.result);
}

function noStub(stateName: string, qualified: string, resource: string, invocation: number, hint?: string): RunSetupError {
  return new RunSetupError(
    `No stub answers invocation ${invocation} of Task state "${qualified}" (resource ${resource}). ` +
      (hint ?? `Add one to your stub file, for example:\n  states:\n    ${JSON.stringify(stateName)}:\n      result: { ok: true }`),
  );
}

interface EventFamily {
  /** "Task", "LambdaFunction" or "Activity": the history event types are <prefix>Scheduled, Started, Succeeded, Failed, TimedOut. */
  prefix: string;
  /** The fields every event of the family repeats (service integrations: resourceType and resource). */
  base: Record<string, unknown> | undefined;
  scheduled(input: string, region: string, timeoutSeconds: number, heartbeatSeconds: number | undefined): Record<string, unknown>;
}

/**
 * AWS records a service integration as Task* events ("arn:aws:states:::lambda:invoke" → resourceType
 * "lambda", resource "invoke"; "arn:aws:states:::aws-sdk:s3:listBuckets" → "aws-sdk:s3", "listBuckets"), a
 * Lambda function ARN as LambdaFunction* events and an activity as Activity* events.
 */
function eventFamily(resource: string): EventFamily {
  if (/^arn:[^:]+:lambda:[^:]*:[^:]*:function:/.test(resource)) {
    return {
      prefix: 'LambdaFunction',
      base: undefined,
      scheduled: (input, _region, timeoutSeconds) => ({ resource, input, inputDetails: { truncated: false }, timeoutInSeconds: timeoutSeconds }),
    };
  }
  if (/^arn:[^:]+:states:[^:]*:[^:]*:activity:/.test(resource)) {
    return {
      prefix: 'Activity',
      base: undefined,
      scheduled: (input, _region, timeoutSeconds, heartbeatSeconds) => ({
        resource,
        input,
        inputDetails: { truncated: false },
        timeoutInSeconds: timeoutSeconds,
        ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}),
      }),
    };
  }
  const service = /^arn:[^:]+:states:::(aws-sdk:[^:]+|[^:]+):(.+)$/.exec(resource);
  const base = service ? { resourceType: service[1]!, resource: service[2]! } : { resourceType: 'unknown', resource };
  return {
    prefix: 'Task',
    base,
    scheduled: (parameters, region, timeoutSeconds, heartbeatSeconds) => ({
      ...base,
      region,
      parameters,
      timeoutInSeconds: timeoutSeconds,
      ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}),
    }),
  };
}
