/**
 * Our own stub file (YAML or JSON, schemas/stubs.schema.json, docs/stubs.md): answers keyed by state
 * name (or the full "Outer/0/Inner" path of a nested state) or by resource pattern. An answer is a fixed
 * `result`, an `error` with `cause`, a `sequence` of answers (one per invocation, the last repeating), a
 * JSONata `expression` over the task input, or a JavaScript `module` function; `latency` is in virtual
 * seconds. The file is checked against schemas/stubs.schema.json and then by the checks a schema cannot
 * express; every problem points at its value, so the CLI can show file:line:column.
 */
import type { ErrorObject } from 'ajv';
import { jsonataBody, parseJsonata } from '../../asl/jsonata-syntax.js';
import validateStubFile from '../../generated/stubs.schema.js';
import { evaluateJsonata } from '../jsonata.js';
import type { JsonataBounds } from '../jsonata-guard.js';
import { childPointer, genericMessage, problemsMessage, valueAt, type FileProblem } from './problems.js';
import { SeededRandom } from '../random.js';
import type { StubAnswer, StubFile, TaskAnswer, TaskAnswerer, TaskRequest } from '../types.js';
import { isObject } from '../../asl/is-object.js';

export type { StubAnswer, StubFile } from '../types.js';

/** A stub file that does not fit the schema or the checks after it; `problems` point into the file. */
export class StubFileError extends Error {
  readonly problems: FileProblem[];

  constructor(problemsOrMessage: FileProblem[] | string) {
    const problems = typeof problemsOrMessage === 'string' ? [{ pointer: '', message: problemsOrMessage }] : problemsOrMessage;
    super(typeof problemsOrMessage === 'string' ? problemsOrMessage : problemsMessage('', problems));
    this.name = 'StubFileError';
    this.problems = problems;
  }
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
const TOP_KEYS = '"states", "resources", "items" or "results"';

/**
 * Checks a parsed stub file against schemas/stubs.schema.json (compiled at build time), then what the
 * schema cannot say (a JSONata expression that does not parse), and returns it typed. Every problem
 * carries the JSON Pointer of its value; the error lists them all.
 */
export function checkStubFile(value: unknown): StubFile {
  const problems: FileProblem[] = [];
  if (!validateStubFile(value)) problems.push(...schemaProblems(value, validateStubFile.errors ?? []));
  else semanticProblems(value as StubFile, problems);
  if (problems.length > 0) throw new StubFileError(problems);
  return value as StubFile;
}

function schemaProblems(value: unknown, errors: ErrorObject[]): FileProblem[] {
  const out: FileProblem[] = [];
  const seen = new Set<string>();
  const add = (problem: FileProblem) => {
    const key = `${problem.pointer}\u0000${problem.message}`;
    if (!seen.has(key)) out.push(problem), seen.add(key);
  };
  // Errors at an answer that fits none of its shapes (or at its direct fields) are explained once, by
  // the answer's own diagnosis, instead of one complaint per shape.
  const answers = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const inAnswer = (e: ErrorObject) => answers.has(e.instancePath) || answers.has(e.instancePath.slice(0, e.instancePath.lastIndexOf('/')));
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && inAnswer(error)) continue;
    if (error.keyword === 'oneOf') {
      for (const problem of answerProblems(value, error.instancePath, errors)) add(problem);
      continue;
    }
    const problem = genericMessage(error);
    if (error.keyword === 'additionalProperties' && error.instancePath === '') problem.message += `; a stub file has ${TOP_KEYS}`;
    else if (error.keyword === 'type' && error.instancePath === '') problem.message = `a stub file must hold an object with ${TOP_KEYS}`;
    else if (/^\/(states|resources)$/.test(error.instancePath)) problem.message = `must be an object keyed by ${error.instancePath === '/states' ? 'state name' : 'resource pattern'}`;
    else if (/^\/items(\/|$)/.test(error.instancePath)) problem.message = '"items" must map "s3://bucket/key" to a local file path';
    else if (error.instancePath === '/results') problem.message = '"results" must be a folder path for Distributed Map ResultWriter files';
    add(problem);
  }
  return out;
}

/** Why one answer fits none of the five shapes: which key is missing, extra or of the wrong type. */
function answerProblems(root: unknown, pointer: string, errors: ErrorObject[]): FileProblem[] {
  const answer = valueAt(root, pointer);
  if (!isObject(answer)) return [{ pointer, message: `an answer must be an object with one of ${ANSWER_KEYS.join(', ')}` }];
  const kinds = ANSWER_KEYS.filter((k) => k in answer);
  if (kinds.length !== 1) {
    return [{ pointer, message: `an answer needs exactly one of ${ANSWER_KEYS.join(', ')}${kinds.length > 1 ? ` (it has ${kinds.join(' and ')})` : ''}` }];
  }
  const kind = kinds[0]!;
  const branch = `#/oneOf/${ANSWER_KEYS.indexOf(kind)}/`;
  const atAnswer = (e: ErrorObject) => e.instancePath === pointer || e.instancePath.slice(0, e.instancePath.lastIndexOf('/')) === pointer;
  // Errors of the shape the answer chose; shared definitions ($ref, such as latency) carry no branch.
  const mine = errors.filter((e) => atAnswer(e) && e.keyword !== 'oneOf' && (e.schemaPath.startsWith(branch) || !e.schemaPath.startsWith('#/oneOf/')));
  return mine.map((error) => {
    const problem = genericMessage(error);
    const field = error.instancePath.slice(pointer.length + 1);
    if (error.keyword === 'additionalProperties') problem.message += ` for a "${kind}" answer (it may add ${kind === 'error' ? '"cause" and ' : ''}"latency")`;
    else if (field === 'latency') problem.message = 'latency must be a number of seconds, 0 or more';
    else if (field === 'error') problem.message = 'error must be a string such as "Lambda.ServiceException"';
    else if (field === 'cause') problem.message = 'cause must be a string';
    else if (field === 'expression') problem.message = 'expression must be a JSONata expression written as "{% ... %}"';
    else if (field === 'module') problem.message = 'module must look like "./handlers.mjs#functionName"';
    else if (field === 'sequence') problem.message = 'sequence must be a non-empty list of answers';
    return problem;
  });
}

/** What the schema cannot check: JSONata expressions must parse. */
function semanticProblems(file: StubFile, problems: FileProblem[]): void {
  const visit = (answer: StubAnswer, pointer: string) => {
    if ('sequence' in answer) answer.sequence.forEach((item, i) => visit(item, childPointer(childPointer(pointer, 'sequence'), i)));
    if ('expression' in answer) {
      const parsed = parseJsonata(jsonataBody(answer.expression)!);
      if (!parsed.ok) problems.push({ pointer: childPointer(pointer, 'expression'), message: `the JSONata expression does not parse: ${parsed.message}` });
    }
  };
  for (const section of ['states', 'resources'] as const) {
    for (const [key, answer] of Object.entries(file[section] ?? {})) visit(answer, childPointer(childPointer('', section), key));
  }
}

/** `*` matches any run of characters in a resource pattern. */
function globMatches(pattern: string, text: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(text);
}

/** `bounds` limit the `expression` answers' JSONata as the execution's own (see jsonata-guard.ts). */
export function stubFileAnswerer(file: StubFile, hooks: StubHooks, bounds?: JsonataBounds): TaskAnswerer {
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
      const result = await evaluateJsonata(jsonataBody(answer.expression)!, { input: request.input, context: request.context, variables: {}, random, bounds }, `stub for ${request.qualifiedName}`);
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
