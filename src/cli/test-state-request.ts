/**
 * `--mock JSON` and `--state-configuration JSON`: TestState's `mock` (MockInput) and `stateConfiguration`
 * (TestStateConfiguration) written as the API and `aws stepfunctions test-state` take them, so a request can be
 * pasted as it is. As in the API, `mock.result` is JSON *text* (a string holding the JSON value).
 */
import { suggestNearest } from '../asl/suggest.js';
import { UsageError } from './errors.js';
import { parseJsonArgument } from './run-arguments.js';
import type { TestStateConfiguration, TestStateMock } from '../run/index.js';

const MOCK_FIELDS = ['result', 'errorOutput', 'fieldValidationMode'];
const ERROR_FIELDS = ['error', 'cause'];
const CONFIGURATION_FIELDS = ['retrierRetryCount', 'errorCausedByState', 'mapIterationFailureCount', 'mapItemReaderData'];
const MODES = ['STRICT', 'PRESENT', 'NONE'];

function objectOf(value: unknown, what: string, example: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${what} must be a JSON object such as ${example}.`);
  return value as Record<string, unknown>;
}

/** An unknown key is a mistake, named with the nearest known one: TestState refuses it too. */
function refuseUnknown(object: Record<string, unknown>, known: string[], what: string): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const near = suggestNearest(key, known);
    throw new UsageError(`${what} has no field "${key}"${near ? `; did you mean "${near}"?` : ''} It takes ${known.join(', ')}.`);
  }
}

function text(value: unknown, what: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new UsageError(`${what} must be a string, not ${JSON.stringify(value)}.`);
  return value;
}

export function parseMockFlag(source: string): TestStateMock {
  const mock = objectOf(parseJsonArgument(source, '--mock'), '--mock', '{"result": "{\\"Payload\\": 1}"}');
  refuseUnknown(mock, MOCK_FIELDS, '--mock');
  const out: TestStateMock = {};
  const result = mock.result;
  if (result !== undefined) {
    if (typeof result !== 'string') throw new UsageError(`--mock's result is JSON text, as in the API: write "result": ${JSON.stringify(JSON.stringify(result))}, or give the value itself with --mock-result.`);
    out.result = parseJsonArgument(result, "--mock's result");
  }
  if (mock.errorOutput !== undefined) {
    const error = objectOf(mock.errorOutput, "--mock's errorOutput", '{"error": "States.TaskFailed", "cause": "…"}');
    refuseUnknown(error, ERROR_FIELDS, "--mock's errorOutput");
    out.errorOutput = {};
    const name = text(error.error, "--mock's errorOutput.error");
    const cause = text(error.cause, "--mock's errorOutput.cause");
    if (name !== undefined) out.errorOutput.error = name;
    if (cause !== undefined) out.errorOutput.cause = cause;
  }
  const mode = text(mock.fieldValidationMode, "--mock's fieldValidationMode");
  if (mode !== undefined) {
    if (!MODES.includes(mode)) throw new UsageError(`--mock's fieldValidationMode must be one of ${MODES.join(', ')}, not "${mode}".`);
    out.fieldValidationMode = mode as TestStateMock['fieldValidationMode'];
  }
  return out;
}

function count(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || (value as number) < 0) throw new UsageError(`${what} must be an integer of at least 0, not ${JSON.stringify(value)}.`);
  return value as number;
}

export function parseStateConfigurationFlag(source: string): TestStateConfiguration & { retrierRetryCount?: number } {
  const config = objectOf(parseJsonArgument(source, '--state-configuration'), '--state-configuration', '{"retrierRetryCount": 1}');
  refuseUnknown(config, CONFIGURATION_FIELDS, '--state-configuration');
  return {
    retrierRetryCount: count(config.retrierRetryCount, '--state-configuration retrierRetryCount'),
    errorCausedByState: text(config.errorCausedByState, '--state-configuration errorCausedByState'),
    mapIterationFailureCount: count(config.mapIterationFailureCount, '--state-configuration mapIterationFailureCount'),
    mapItemReaderData: text(config.mapItemReaderData, '--state-configuration mapItemReaderData'),
  };
}
