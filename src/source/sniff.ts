/**
 * Does a file met by a directory search hold a state machine? Decided from its content, not its name,
 * so `flow.json` or `blk_serverless.yml` is found as well as `flow.asl.json` or `serverless.yml`.
 * A directory search meets every JSON and YAML file of a repository, so the test is staged: a byte
 * search for a marker word first (most files stop there, never decoded), and only then a closer look.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Files above this size are not looked into: four times the largest definition AWS accepts (1 MB)
 * and the largest template CloudFormation accepts (1 MB), so only data files are skipped.
 */
export const SNIFF_LIMIT = 4 * 1024 * 1024;

/** A template declares a state machine resource with a `Type:` line, not a mere mention in a policy. */
const TEMPLATE_MARKER = /["']?Type["']?\s*:\s*["']?AWS::(StepFunctions|Serverless)::StateMachine\b/;
/** Top-level YAML keys start in column 0. */
const YAML_START_AT = /^["']?StartAt["']?\s*:/m;
const YAML_STATES = /^["']?States["']?\s*:/m;
const YAML_STEP_FUNCTIONS = /^["']?stepFunctions["']?\s*:/m;
const YAML_STATE_MACHINES = /^\s+["']?stateMachines["']?\s*:/m;
const JSON_START_AT = /"StartAt"\s*:/;
const JSON_STATES = /"States"\s*:/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads the file (up to SNIFF_LIMIT bytes) and tells; false for a file that cannot be read or is larger. */
export function fileHoldsStateMachine(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > SNIFF_LIMIT) return false;
    const buffer = Buffer.allocUnsafe(size);
    const read = readSync(fd, buffer, 0, size, 0);
    const bytes = buffer.subarray(0, read);
    // Synchronous reads: thousands of small files go much faster without the thread pool's round trips.
    if (!bytes.includes('StartAt') && !bytes.includes('stepFunctions') && !bytes.includes('::StateMachine')) return false;
    return textHoldsStateMachine(bytes.toString('utf8'), /\.json5?$/i.test(path));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A bare definition (top-level `StartAt` and `States`), a CloudFormation / SAM template with a state
 * machine resource, or a Serverless file with `stepFunctions.stateMachines`.
 */
export function textHoldsStateMachine(text: string, jsonByName = false): boolean {
  if (TEMPLATE_MARKER.test(text)) return true;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (jsonByName || /^\s*\{/.test(body)) return jsonHoldsStateMachine(body);
  return (YAML_START_AT.test(body) && YAML_STATES.test(body)) || (YAML_STEP_FUNCTIONS.test(body) && YAML_STATE_MACHINES.test(body));
}

function jsonHoldsStateMachine(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON with comments, or a definition with a syntax error: worth loading, the loader says what is wrong.
    return JSON_START_AT.test(text) && JSON_STATES.test(text);
  }
  if (!isObject(value)) return false;
  if ('StartAt' in value && 'States' in value) return true;
  return isObject(value.stepFunctions) && isObject(value.stepFunctions.stateMachines);
}
