/**
 * Our own stub file (YAML or JSON, schemas/stubs.schema.json, docs/stubs.md): answers keyed by state
 * name (or the full "Outer/0/Inner" path of a nested state) or by resource pattern. An answer is a fixed
 * `result`, an `error` with `cause`, a `sequence` of answers (one per invocation, the last repeating), a
 * JSONata `expression` over the task input, or a JavaScript `module` function; `latency` is in virtual
 * seconds. The file is checked here, with messages that name the offending entry.
 */
import { evaluateJsonata, jsonataBody } from '../jsonata.js';
import { SeededRandom } from '../random.js';
import type { TaskAnswer, TaskAnswerer, TaskRequest } from '../types.js';

export class StubFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StubFileError';
  }
}

export type StubAnswer =
  | { result: unknown; latency?: number }
  | { error: string; cause?: string; latency?: number }
  | { sequence: StubAnswer[] }
  | { expression: string; latency?: number }
  | { module: string; latency?: number };

export interface StubFile {
  states?: Record<string, StubAnswer>;
  resources?: Record<string, StubAnswer>;
  /** ItemReader sources: "s3://bucket/key" (or a bare key) → file path, read by the caller's `readText`. */
  items?: Record<string, string>;
  /** Folder where Distributed Map ResultWriter files go, as <folder>/<bucket>/<key>. */
  results?: string;
}

/** A handler from `module: ./file.mjs#name`: gets the task input and the request, returns the result. */
export type StubHandler = (input: unknown, request: TaskRequest) => unknown;

export interface StubHooks {
  /** Loads `./file.mjs#name` relative to the stub file (the CLI does the importing). */
  loadHandler(spec: string): Promise<StubHandler>;
  /** Reads an `items` file (the CLI does the reading). */
  readText?(file: string): Promise<string>;
  /** Writes a ResultWriter file under the `results` folder (the CLI does the writing). */
  writeText?(file: string, content: string): Promise<void>;
}

const ANSWER_KEYS = ['result', 'error', 'sequence', 'expression', 'module'] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Checks a parsed stub file and returns it typed; every problem names its place in the file. */
export function checkStubFile(value: unknown): StubFile {
  if (!isObject(value)) throw new StubFileError('The stub file must hold an object with "states", "resources" and/or "items".');
  const unknownKeys = Object.keys(value).filter((k) => !['states', 'resources', 'items', 'results', '$schema'].includes(k));
  if (unknownKeys.length > 0) throw new StubFileError(`The stub file has unknown top-level key(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')}; expected "states", "resources", "items" or "results".`);
  if (value.results !== undefined && typeof value.results !== 'string') throw new StubFileError('"results" in the stub file must be a folder path for Distributed Map ResultWriter files.');
  for (const section of ['states', 'resources'] as const) {
    const entries = value[section];
    if (entries === undefined) continue;
    if (!isObject(entries)) throw new StubFileError(`"${section}" in the stub file must be an object keyed by ${section === 'states' ? 'state name' : 'resource pattern'}.`);
    for (const [key, answer] of Object.entries(entries)) checkAnswer(answer, `${section}.${JSON.stringify(key)}`);
  }
  if (value.items !== undefined) {
    if (!isObject(value.items) || Object.values(value.items).some((v) => typeof v !== 'string')) {
      throw new StubFileError('"items" in the stub file must map "s3://bucket/key" to a local file path.');
    }
  }
  return value as StubFile;
}

function checkAnswer(answer: unknown, where: string): void {
  if (!isObject(answer)) throw new StubFileError(`${where}: an answer must be an object with one of ${ANSWER_KEYS.join(', ')}.`);
  const kinds = ANSWER_KEYS.filter((k) => k in answer);
  if (kinds.length !== 1) {
    throw new StubFileError(`${where}: an answer needs exactly one of ${ANSWER_KEYS.join(', ')}${kinds.length > 1 ? ` (it has ${kinds.join(' and ')})` : ''}.`);
  }
  const allowed = new Set<string>([kinds[0]!, 'latency', ...(kinds[0] === 'error' ? ['cause'] : [])]);
  const extra = Object.keys(answer).filter((k) => !allowed.has(k));
  if (extra.length > 0) throw new StubFileError(`${where}: unexpected key(s) ${extra.join(', ')} for a "${kinds[0]}" answer.`);
  if ('latency' in answer && (typeof answer.latency !== 'number' || answer.latency < 0)) throw new StubFileError(`${where}: latency must be a number of seconds, 0 or more.`);
  if ('error' in answer && typeof answer.error !== 'string') throw new StubFileError(`${where}: error must be a string such as "Lambda.ServiceException".`);
  if ('cause' in answer && typeof answer.cause !== 'string') throw new StubFileError(`${where}: cause must be a string.`);
  if ('expression' in answer && jsonataBody(answer.expression) === undefined) throw new StubFileError(`${where}: expression must be a JSONata expression written as "{% ... %}".`);
  if ('module' in answer && (typeof answer.module !== 'string' || !/#[A-Za-z_$][\w$]*$/.test(answer.module))) {
    throw new StubFileError(`${where}: module must look like "./handlers.mjs#functionName".`);
  }
  if ('sequence' in answer) {
    if (!Array.isArray(answer.sequence) || answer.sequence.length === 0) throw new StubFileError(`${where}: sequence must be a non-empty list of answers.`);
    answer.sequence.forEach((item, i) => checkAnswer(item, `${where}.sequence[${i}]`));
  }
}

/** `*` matches any run of characters in a resource pattern. */
function globMatches(pattern: string, text: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(text);
}

export function stubFileAnswerer(file: StubFile, hooks: StubHooks): TaskAnswerer {
  const random = new SeededRandom(0);
  const find = (request: TaskRequest): StubAnswer | undefined => {
    const states = file.states ?? {};
    if (Object.prototype.hasOwnProperty.call(states, request.qualifiedName)) return states[request.qualifiedName];
    if (Object.prototype.hasOwnProperty.call(states, request.stateName)) return states[request.stateName];
    for (const [pattern, answer] of Object.entries(file.resources ?? {})) if (globMatches(pattern, request.resource)) return answer;
    return undefined;
  };
  const resolve = async (answer: StubAnswer, request: TaskRequest): Promise<TaskAnswer> => {
    if ('sequence' in answer) {
      const pick = answer.sequence[Math.min(request.invocation, answer.sequence.length - 1)]!;
      return resolve(pick, request);
    }
    const latencySeconds = answer.latency;
    if ('result' in answer) return { kind: 'result', result: answer.result, latencySeconds };
    if ('error' in answer) return { kind: 'error', error: answer.error, cause: answer.cause, latencySeconds };
    if ('expression' in answer) {
      const result = await evaluateJsonata(jsonataBody(answer.expression)!, { input: request.input, context: request.context, variables: {}, random }, `stub for ${request.qualifiedName}`);
      return { kind: 'result', result, latencySeconds };
    }
    const handler = await hooks.loadHandler(answer.module);
    try {
      return { kind: 'result', result: await handler(request.input, request), latencySeconds };
    } catch (err) {
      // A handler fails the task the way a Lambda function does: the error's name and message.
      const e = err as { name?: unknown; error?: unknown; message?: unknown; cause?: unknown };
      const error = typeof e?.error === 'string' ? e.error : typeof e?.name === 'string' ? e.name : 'Error';
      const cause = typeof e?.cause === 'string' ? e.cause : typeof e?.message === 'string' ? e.message : String(err);
      return { kind: 'error', error, cause, latencySeconds };
    }
  };
  return {
    async answer(request) {
      const answer = find(request);
      return answer ? resolve(answer, request) : undefined;
    },
    async readItems({ parameters }) {
      const items = file.items ?? {};
      const bucket = typeof parameters.Bucket === 'string' ? parameters.Bucket : '';
      const key = typeof parameters.Key === 'string' ? parameters.Key : '';
      const path = items[`s3://${bucket}/${key}`] ?? items[key];
      if (path === undefined || !hooks.readText) return undefined;
      return hooks.readText(path);
    },
    async writeResults({ bucket, files }) {
      if (file.results === undefined || !hooks.writeText) return;
      for (const f of files) await hooks.writeText(`${file.results}/${bucket}/${f.key}`, f.content);
    },
  };
}
