/**
 * AWS Step Functions Local's mock config file: `StateMachines.<name>.TestCases.<case>.<state>` names a
 * mocked response, `MockedResponses.<response>` maps invocation numbers ("0", "1-2") to `Return` or
 * `Throw`. Invocations are counted per state per execution, retries and loops included.
 */
import type { TaskAnswer, TaskAnswerer, TaskRequest } from '../types.js';

export class MockConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MockConfigError';
  }
}

type Responses = Array<{ from: number; to: number; answer: Record<string, unknown> }>;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Picks the machine (the only one unless named) and the test case, and checks the file's shape. */
export function mockConfigAnswerer(config: unknown, testCase: string, stateMachine?: string): TaskAnswerer {
  if (!isObject(config) || !isObject(config.StateMachines)) throw new MockConfigError('The mock config file has no "StateMachines" object.');
  const machines = Object.keys(config.StateMachines);
  let machineName = stateMachine;
  if (machineName === undefined) {
    if (machines.length !== 1) throw new MockConfigError(`The mock config file names ${machines.length} state machines (${machines.join(', ')}); choose one with --state-machine.`);
    machineName = machines[0]!;
  }
  const machine = config.StateMachines[machineName];
  if (!isObject(machine)) throw new MockConfigError(`The mock config file has no state machine "${machineName}"; it has ${machines.join(', ') || 'none'}.`);
  const cases = isObject(machine.TestCases) ? machine.TestCases : {};
  const testCaseMap = cases[testCase];
  if (!isObject(testCaseMap)) throw new MockConfigError(`State machine "${machineName}" has no test case "${testCase}"; it has ${Object.keys(cases).join(', ') || 'none'}.`);
  const mocked = isObject(config.MockedResponses) ? config.MockedResponses : {};
  const byState = new Map<string, { name: string; responses: Responses }>();
  for (const [state, responseName] of Object.entries(testCaseMap)) {
    const response = mocked[String(responseName)];
    if (!isObject(response)) throw new MockConfigError(`Test case "${testCase}" maps state "${state}" to "${String(responseName)}", which MockedResponses does not define.`);
    byState.set(state, { name: String(responseName), responses: parseResponses(String(responseName), response) });
  }
  return {
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

function parseResponses(name: string, response: Record<string, unknown>): Responses {
  const out: Responses = [];
  for (const [key, answer] of Object.entries(response)) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(key);
    if (!match) throw new MockConfigError(`Mocked response "${name}" has the key "${key}"; keys are invocation numbers like "0" or ranges like "1-3".`);
    if (!isObject(answer) || (!('Return' in answer) && !isObject(answer.Throw))) {
      throw new MockConfigError(`Mocked response "${name}" entry "${key}" needs "Return" or "Throw".`);
    }
    out.push({ from: Number(match[1]), to: Number(match[2] ?? match[1]), answer });
  }
  return out;
}

function toAnswer(answer: Record<string, unknown>): TaskAnswer {
  if ('Return' in answer) return { kind: 'result', result: answer.Return };
  const thrown = answer.Throw as Record<string, unknown>;
  return { kind: 'error', error: thrown.Error === undefined ? undefined : String(thrown.Error), cause: thrown.Cause === undefined ? undefined : String(thrown.Cause) };
}
