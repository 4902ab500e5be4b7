/**
 * Retry and Catch: `States.ALL` must stand alone and come last; retrier numbers within AWS's limits;
 * a heartbeat shorter than the timeout. Limits from the Step Functions developer guide
 * ("Handling errors in Step Functions workflows", Retrier fields).
 */
import type { Finding } from '../../diagnostics.js';
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import type { Catcher, Retrier, TaskState } from '../../asl/types.js';
import type { StateNode } from '../../asl/walker.js';
import { finding, isNumber } from './util.js';

const codes = {
  'states-all-position': { description: 'States.ALL is not alone in ErrorEquals, or its retrier/catcher is not the last', severity: 'error' as const },
  'retry-limit': { description: 'A retrier field is outside the range Step Functions accepts', severity: 'error' as const },
  'retry-max-delay-below-interval': { description: 'MaxDelaySeconds is below IntervalSeconds, so every retry waits MaxDelaySeconds', severity: 'warning' as const },
  'heartbeat-not-below-timeout': { description: 'HeartbeatSeconds is not below TimeoutSeconds', severity: 'error' as const },
};

interface Limit {
  min: number;
  max?: number;
  integer: boolean;
  why: string;
}

type RetrierNumber = 'IntervalSeconds' | 'MaxAttempts' | 'BackoffRate' | 'MaxDelaySeconds';

const RETRIER_LIMITS: ReadonlyArray<readonly [RetrierNumber, Limit]> = [
  ['IntervalSeconds', { min: 1, max: 99999999, integer: true, why: 'the first wait, in whole seconds' }],
  ['MaxAttempts', { min: 0, max: 99999999, integer: true, why: '0 means never retry' }],
  ['BackoffRate', { min: 1, integer: false, why: 'the multiplier applied to the wait after each attempt' }],
  ['MaxDelaySeconds', { min: 1, max: 31622400, integer: true, why: 'a cap on the wait in whole seconds, at most one year' }],
];

type Report = (f: Finding) => void;

export const retryCatchCheck: SemanticCheck = {
  name: 'retry-catch',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      const state = node.state;
      // An entry that was not an object is seen with no fields, so it yields nothing here.
      if ('Retry' in state) {
        state.Retry?.forEach((retrier, i, list) => {
          const pointer = joinPointer(node.pointer, 'Retry', i);
          checkStatesAll(node, 'Retry', retrier, pointer, i === list.length - 1, report);
          checkRetrierNumbers(retrier, pointer, report);
        });
      }
      if ('Catch' in state) {
        state.Catch?.forEach((catcher, i, list) => {
          checkStatesAll(node, 'Catch', catcher, joinPointer(node.pointer, 'Catch', i), i === list.length - 1, report);
        });
      }
      if (state.Type === 'Task') checkHeartbeat(node, state, report);
    }
  },
};

function checkStatesAll(node: StateNode, field: 'Retry' | 'Catch', entry: Retrier | Catcher, pointer: string, isLast: boolean, report: Report): void {
  const errors = entry.ErrorEquals;
  if (errors === undefined) return;
  const at = errors.indexOf('States.ALL');
  if (at < 0) return;
  const noun = field === 'Retry' ? 'retrier' : 'catcher';
  if (errors.length > 1) {
    report(
      finding(codes, 'states-all-position', joinPointer(pointer, 'ErrorEquals', at), `"States.ALL" must be the only error in its "ErrorEquals" (it already matches every error); remove the other names or move them to an earlier ${noun}`),
    );
  }
  if (!isLast) {
    report(
      finding(codes, 'states-all-position', joinPointer(pointer, 'ErrorEquals', at), `The ${noun} with "States.ALL" must be the last in "${field}" of state "${node.name}"; ${noun}s after it can never match, so move it to the end`),
    );
  }
}

function checkRetrierNumbers(retrier: Retrier, pointer: string, report: Report): void {
  for (const [key, limit] of RETRIER_LIMITS) {
    const value = retrier[key];
    if (!isNumber(value)) continue;
    const tooSmall = value < limit.min;
    const tooBig = limit.max !== undefined && value > limit.max;
    const notWhole = limit.integer && !Number.isInteger(value);
    if (!tooSmall && !tooBig && !notWhole) continue;
    const range = limit.max !== undefined ? `from ${limit.min} to ${limit.max}` : `at least ${limit.min}`;
    const kind = limit.integer ? 'a whole number' : 'a number';
    report(finding(codes, 'retry-limit', joinPointer(pointer, key), `"${key}" is ${value}; it must be ${kind} ${range} (${limit.why})`));
  }
  const interval = isNumber(retrier.IntervalSeconds) ? retrier.IntervalSeconds : 1;
  const maxDelay = retrier.MaxDelaySeconds;
  if (isNumber(maxDelay) && maxDelay >= 1 && maxDelay < interval) {
    report(
      finding(
        codes,
        'retry-max-delay-below-interval',
        joinPointer(pointer, 'MaxDelaySeconds'),
        `"MaxDelaySeconds" (${maxDelay}) is below "IntervalSeconds" (${interval}), so every retry waits only ${maxDelay}s; raise MaxDelaySeconds or lower IntervalSeconds`,
      ),
    );
  }
}

function checkHeartbeat(node: StateNode, state: TaskState, report: Report): void {
  const { HeartbeatSeconds: heartbeat, TimeoutSeconds: timeout } = state;
  if (!isNumber(heartbeat) || !isNumber(timeout) || heartbeat < timeout) return;
  report(
    finding(
      codes,
      'heartbeat-not-below-timeout',
      joinPointer(node.pointer, 'HeartbeatSeconds'),
      `"HeartbeatSeconds" (${heartbeat}) must be smaller than "TimeoutSeconds" (${timeout}) of state "${node.name}"; a heartbeat is only useful within the timeout`,
    ),
  );
}
