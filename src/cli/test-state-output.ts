/**
 * A single-state run's result as text: `--format json` in the shape of the TestState API's response, and the
 * plain lines of the pretty format. The inspection level decides what is shown, as the API's
 * `inspectionLevel` does: INFO the status, output, error and next state; DEBUG adds the data-flow steps
 * (`inspectionData`); TRACE adds an HTTP Task's request and response.
 */
import type { TestStateResult } from '../run/index.js';
import { printable } from '../printable.js';

export type InspectionLevel = 'INFO' | 'DEBUG' | 'TRACE';

/** Inspection data fields that the TestState API returns as numbers or objects; every other one is JSON text. */
const NON_TEXT_FIELDS = new Set(['errorDetails', 'maxConcurrency', 'toleratedFailureCount', 'toleratedFailurePercentage', 'request', 'response']);

/** Fields shown only at the TRACE level. */
const TRACE_FIELDS = new Set(['request', 'response']);

/**
 * `output` and the data-flow steps of `inspectionData` (input, afterInputPath, afterParameters, result,
 * variables …) are JSON text, as AWS returns them (type String in the API reference); `errorDetails`,
 * `request` and `response` are objects, and `maxConcurrency`, `toleratedFailureCount` and
 * `toleratedFailurePercentage` are numbers.
 */
export function formatTestStateJson(result: TestStateResult, level: InspectionLevel): string {
  const body: Record<string, unknown> = { status: result.status };
  if (result.output !== undefined) body.output = JSON.stringify(result.output);
  for (const key of ['error', 'cause', 'nextState'] as const) if (result[key] !== undefined) body[key] = result[key];
  if (level !== 'INFO') {
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(result.inspection)) {
      if (value === undefined || (TRACE_FIELDS.has(key) && level !== 'TRACE')) continue;
      data[key] = NON_TEXT_FIELDS.has(key) ? value : JSON.stringify(value);
    }
    body.inspectionData = data;
  }
  return `${JSON.stringify(body, null, 2)}\n`;
}

const STEP_LABELS: Array<[string, string]> = [
  ['input', 'input'],
  ['afterInputPath', 'after InputPath'],
  ['afterParameters', 'after Parameters'],
  ['afterArguments', 'after Arguments'],
  ['afterItemsPath', 'after ItemsPath'],
  ['afterItemSelector', 'after ItemSelector'],
  ['afterItemBatcher', 'after ItemBatcher'],
  ['maxConcurrency', 'MaxConcurrency'],
  ['toleratedFailureCount', 'ToleratedFailureCount'],
  ['toleratedFailurePercentage', 'ToleratedFailurePercentage'],
  ['result', 'result'],
  ['afterResultSelector', 'after ResultSelector'],
  ['afterResultPath', 'after ResultPath'],
];

function stepLines(result: TestStateResult, level: InspectionLevel): string[] {
  if (level === 'INFO') return [];
  const lines: string[] = [];
  for (const [key, label] of STEP_LABELS) if (key in result.inspection) lines.push(`${label}: ${JSON.stringify(result.inspection[key])}`);
  if (level === 'TRACE') {
    const { request, response } = result.inspection;
    if (request) lines.push(`HTTP request: ${request.method} ${request.url} headers ${request.headers} body ${request.body || '(none)'}`);
    if (response) lines.push(`HTTP response: ${response.statusCode} ${response.statusMessage} headers ${response.headers} body ${response.body || '(none)'}`);
  }
  return lines;
}

/** The status, then each step, the error, how it was handled, the output and the next state; control characters escaped. */
export function formatTestStatePretty(result: TestStateResult, level: InspectionLevel, retrierRetryCount: number): string {
  const lines = stepLines(result, level);
  if (result.status !== 'SUCCEEDED') {
    lines.push(`error: ${result.error ?? '(none)'}`);
    if (result.cause !== undefined) lines.push(`cause: ${result.cause}`);
  }
  const details = result.inspection.errorDetails;
  if (result.status === 'RETRIABLE' && details) {
    lines.push(`retried by Retry[${details.retryIndex}] after ${details.retryBackoffIntervalSeconds}s (retry ${retrierRetryCount + 1}; --retrier-retry-count N tests a later one)`);
  }
  if (result.status === 'CAUGHT_ERROR' && details) lines.push(`caught by Catch[${details.catchIndex}]`);
  if (result.status === 'SUCCEEDED' || result.status === 'CAUGHT_ERROR') {
    lines.push(`output: ${JSON.stringify(result.output)}`);
    if (result.assignedVariables) lines.push(`variables assigned: ${JSON.stringify(result.assignedVariables)}`);
    lines.push(`next state: ${result.nextState ?? '(end)'}`);
  }
  return printable(`${result.status}\n${lines.join('\n')}\n`, { keepNewlines: true });
}
