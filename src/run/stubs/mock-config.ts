/**
 * AWS Step Functions Local's mock config file: `StateMachines.<name>.TestCases.<case>.<state>` names a
 * mocked response, `MockedResponses.<response>` maps invocation numbers ("0", "1-2") to `Return` or
 * `Throw`. Invocations are counted per state per execution, retries and loops included.
 */
import { joinPointer } from '../../asl/pointer.js';
import validateMockConfig from '../../generated/mock-config.schema.js';
import type { TaskAnswer, TaskAnswerer, TaskRequest } from '../types.js';
import { childPointer, genericMessage, problemsMessage, type FileProblem } from './problems.js';
import { isObject } from '../../asl/is-object.js';
import { suggestNearest } from '../../asl/suggest.js';

/** ` Did you mean "X"?` for the name nearest to a misspelt one, or nothing when none is close. */
function didYouMean(word: string, names: readonly string[]): string {
  const near = suggestNearest(word, names);
  return near === undefined ? '' : ` Did you mean "${near}"?`;
}

/** `; did you mean "X"?` to end a problem line (which has no full stop), or nothing. */
function nearest(word: string, names: readonly string[]): string {
  const near = suggestNearest(word, names);
  return near === undefined ? '' : `; did you mean "${near}"?`;
}

/** A mock config file that does not fit; `problems` point into the file when the place is known. */
export class MockConfigError extends Error {
  readonly problems: FileProblem[];

  constructor(problemsOrMessage: FileProblem[] | string) {
    const problems = typeof problemsOrMessage === 'string' ? [] : problemsOrMessage;
    super(typeof problemsOrMessage === 'string' ? problemsOrMessage : problemsMessage('', problems));
    this.name = 'MockConfigError';
    this.problems = problems;
  }
}

type Responses = Array<{ from: number; to: number; answer: Record<string, unknown> }>;

/**
 * Checks a parsed mock config file against schemas/mock-config.schema.json (compiled at build time) and
 * then what a schema cannot say: every test case names a mocked response that exists, and ranges run
 * forwards without overlapping.
 */
export function checkMockConfig(config: unknown): void {
  const problems: FileProblem[] = [];
  if (!validateMockConfig(config)) {
    for (const error of validateMockConfig.errors ?? []) {
      const problem = genericMessage(error);
      const depth = error.instancePath.split('/').length - 1;
      // Invocation keys that are not numbers or ranges are reported below, once each.
      if (error.keyword === 'propertyNames' || error.propertyName !== undefined) continue;
      if (error.instancePath === '' && error.keyword === 'additionalProperties') problem.message += '; a mock config file has "StateMachines" and "MockedResponses"';
      else if (error.instancePath === '' && error.keyword === 'required') problem.message = 'the file has no "StateMachines" object';
      else if (error.instancePath.startsWith('/MockedResponses/') && depth === 3) {
        problem.message = error.keyword === 'additionalProperties' ? `${problem.message}; each entry is {"Return": …} or {"Throw": {"Error": …, "Cause": …}}` : 'each entry needs exactly one of "Return" or "Throw"';
      } else if (error.instancePath.startsWith('/StateMachines/') && depth === 5) problem.message = 'a test case maps a state name to the name of a mocked response (a string)';
      problems.push(problem);
    }
    // Invalid invocation keys are reported once per key, in our words.
    if (isObject(config) && isObject(config.MockedResponses)) {
      for (const [name, response] of Object.entries(config.MockedResponses)) {
        if (!isObject(response)) continue;
        for (const key of Object.keys(response)) {
          if (!/^\d+(-\d+)?$/.test(key)) problems.push({ pointer: childPointer(childPointer('/MockedResponses', name), key), message: `"${key}" is not an invocation number like "0" or a range like "1-3"` });
        }
      }
    }
    if (problems.length === 0) problems.push({ pointer: '', message: 'the mock config file does not fit its schema' });
    throw new MockConfigError(problems);
  }
  const file = config as { StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }>; MockedResponses?: Record<string, Record<string, unknown>> };
  const mocked = file.MockedResponses ?? {};
  for (const [machine, { TestCases }] of Object.entries(file.StateMachines)) {
    for (const [testCase, states] of Object.entries(TestCases)) {
      for (const [state, response] of Object.entries(states)) {
        if (!Object.prototype.hasOwnProperty.call(mocked, response)) {
          const known = Object.keys(mocked);
          problems.push({
            pointer: joinPointer('', 'StateMachines', machine, 'TestCases', testCase, state),
            message: `test case "${testCase}" maps state "${state}" to "${response}", which MockedResponses does not define${known.length ? ` (it has ${known.join(', ')})` : ''}${nearest(response, known)}`,
          });
        }
      }
    }
  }
  for (const [name, response] of Object.entries(mocked)) {
    const ranges: Array<{ key: string; from: number; to: number }> = [];
    for (const key of Object.keys(response)) {
      const [from, to = from] = key.split('-').map(Number) as [number, number?];
      const pointer = childPointer(childPointer('/MockedResponses', name), key);
      if (to < from) problems.push({ pointer, message: `the range "${key}" runs backwards; write "${to}-${from}"` });
      const clash = ranges.find((r) => from <= r.to && r.from <= to);
      if (clash) problems.push({ pointer, message: `invocations "${key}" overlap "${clash.key}" in the same mocked response` });
      ranges.push({ key, from, to });
    }
  }
  if (problems.length > 0) throw new MockConfigError(problems);
}

/** Picks the machine (the only one unless named) and the test case, and checks the file. */
export function mockConfigAnswerer(config: unknown, testCase: string, stateMachine?: string): TaskAnswerer {
  checkMockConfig(config);
  const file = config as { StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }>; MockedResponses?: Record<string, Record<string, Record<string, unknown>>> };
  const machines = Object.keys(file.StateMachines);
  let machineName = stateMachine;
  if (machineName === undefined) {
    if (machines.length !== 1) throw new MockConfigError(`The mock config file names ${machines.length} state machines (${machines.join(', ')}); choose one with --state-machine.`);
    machineName = machines[0]!;
  }
  if (!Object.prototype.hasOwnProperty.call(file.StateMachines, machineName)) {
    throw new MockConfigError(`The mock config file has no state machine "${machineName}"; it has ${machines.join(', ') || 'none'}.${didYouMean(machineName, machines)}`);
  }
  const cases = file.StateMachines[machineName]!.TestCases;
  if (!Object.prototype.hasOwnProperty.call(cases, testCase)) {
    throw new MockConfigError(`State machine "${machineName}" has no test case "${testCase}"; it has ${Object.keys(cases).join(', ') || 'none'}.${didYouMean(testCase, Object.keys(cases))}`);
  }
  const mocked = file.MockedResponses ?? {};
  const byState = new Map<string, { name: string; responses: Responses }>();
  for (const [state, responseName] of Object.entries(cases[testCase]!)) {
    const responses: Responses = Object.entries(mocked[responseName]!).map(([key, answer]) => {
      const [from, to = from] = key.split('-').map(Number) as [number, number?];
      return { from, to, answer };
    });
    byState.set(state, { name: responseName, responses });
  }
  return {
    missingHint(state: string): string {
      return (
        `Add it to test case "${testCase}" of state machine "${machineName}" in the mock config, for example:\n` +
        `  "TestCases": { ${JSON.stringify(testCase)}: { ${JSON.stringify(state)}: "${state.replace(/\W+/g, '')}Ok" } }\n` +
        `  "MockedResponses": { "${state.replace(/\W+/g, '')}Ok": { "0": { "Return": { "ok": true } } } }`
      );
    },
    async answer(request: TaskRequest): Promise<TaskAnswer | undefined> {
      const entry = byState.get(request.stateName);
      if (!entry) return undefined;
      const hit = entry.responses.find((r) => request.invocation >= r.from && request.invocation <= r.to);
      if (!hit) {
        throw new MockConfigError(`Mocked response "${entry.name}" has no answer for invocation ${request.invocation} of state "${request.qualifiedName}" (invocations count from 0, retries included).`);
      }
      return toAnswer(hit.answer);
    },
  };
}

function toAnswer(answer: Record<string, unknown>): TaskAnswer {
  if ('Return' in answer) return { kind: 'result', result: answer.Return };
  const thrown = answer.Throw as Record<string, unknown>;
  return { kind: 'error', error: thrown.Error === undefined ? undefined : String(thrown.Error), cause: thrown.Cause === undefined ? undefined : String(thrown.Cause) };
}
