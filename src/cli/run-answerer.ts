/**
 * How `asl run` answers its Task states: from a stub file (--stubs) or from one test case of an AWS Step
 * Functions Local mock config (--mock-config with --test-case). Either file is read keeping positions, so a
 * problem is exit 2 at its file:line:column; answers for states the machine lacks are warned about; and the
 * fixed results are checked against the services' response shapes (--validate-stubs). The stub modules load
 * only when a run uses them.
 */
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TaskAnswerer } from '../run/index.js';
import type { JsonataBounds } from '../run/jsonata-guard.js';
import type { StubHooks } from '../run/stubs/stub-file.js';
import type { FieldValidationMode } from '../run/stubs/shapes/index.js';
import type { CommandContext } from './context.js';
import { InputError, UsageError } from './errors.js';
import type { InputFile } from './output-guard.js';
import { readCappedText } from './run-read.js';
import { printable } from '../printable.js';
import { systemErrorReason } from '../system-error.js';

/** The flags of `asl run` that choose and check the answers. */
export interface AnswerFlags {
  stubs?: string;
  mockConfig?: string;
  testCase?: string;
  stateMachine?: string;
  validateStubs?: string;
}

interface DataFile {
  value: unknown;
  /** Line and column of the value at a JSON Pointer (its nearest existing ancestor). */
  locate(pointer: string): { line: number; column: number };
}

/** The response-shape check of --validate-stubs: its module and mode. */
interface ShapeCheck {
  shapes: typeof import('./stub-shapes.js');
  mode: FieldValidationMode;
}

const RESULT_WRITER = { name: (target: string) => `the ResultWriter file ${target}`, fix: "Change the ResultWriter's Prefix, or the stub file's results folder." };

/**
 * The answerer for a run's Task states, or undefined when the run has neither --stubs nor --mock-config.
 * `inputs` gets the items files the run reads, so a ResultWriter file never overwrites one.
 */
export async function buildAnswerer(ctx: CommandContext, opts: AnswerFlags, definition: unknown, inputs: InputFile[], stubBounds: JsonataBounds): Promise<TaskAnswerer | undefined> {
  if (opts.validateStubs !== undefined && opts.stubs === undefined && opts.mockConfig === undefined) throw new UsageError('--validate-stubs applies only with --stubs or --mock-config.');
  // The stub modules (and their compiled schemas) load only when a run uses them.
  const check = opts.stubs === undefined && opts.mockConfig === undefined ? undefined : await loadShapeCheck(opts.validateStubs);
  if (opts.mockConfig !== undefined && check !== undefined) return answerFromMockConfig(ctx, opts, opts.mockConfig, definition, check);
  if (opts.testCase !== undefined) throw new UsageError('--test-case only applies with --mock-config.');
  if (opts.stubs === undefined || check === undefined) return undefined;
  return answerFromStubFile(ctx, opts.stubs, definition, inputs, stubBounds, check);
}

/** Loads the shape checker and reads --validate-stubs (a wrong mode is a usage error). */
async function loadShapeCheck(validateStubs: string | undefined): Promise<ShapeCheck> {
  const shapes = await import('./stub-shapes.js');
  return { shapes, mode: await shapes.validateStubsMode(validateStubs) };
}

/** --mock-config: the answers of the test case --test-case names, for --state-machine (or the config's first). */
async function answerFromMockConfig(ctx: CommandContext, opts: AnswerFlags, file: string, definition: unknown, check: ShapeCheck): Promise<TaskAnswerer> {
  if (opts.stubs !== undefined) throw new UsageError('use either --stubs or --mock-config, not both.');
  const testCase = opts.testCase;
  if (testCase === undefined) throw new UsageError('--mock-config needs --test-case NAME to pick the test case.');
  const [{ mockConfigAnswerer, MockConfigError }, { describePointer }] = await Promise.all([import('../run/stubs/mock-config.js'), import('../run/stubs/problems.js')]);
  const config = await parseDataFile(ctx, file, 'the mock config');
  let answerer: TaskAnswerer;
  try {
    answerer = mockConfigAnswerer(config.value, testCase, opts.stateMachine);
  } catch (error) {
    if (error instanceof MockConfigError) throw fileProblems(file, config, error, describePointer);
    throw error;
  }
  const { unusedStateKeys } = await import('../run/stubs/problems.js');
  const { machine, states } = testCaseStates(config.value, testCase, opts.stateMachine);
  const pointerOf = (state: string) => ['', 'StateMachines', machine, 'TestCases', testCase, state].map(pointerToken).join('/');
  warnUnused(ctx, file, config, unusedStateKeys(definition, states.map((key) => ({ key, pointer: pointerOf(key) }))));
  const { mockConfigShapeTargets } = await import('../run/stubs/shape-targets.js');
  await check.shapes.checkStubShapes(file, config, mockConfigShapeTargets(definition, config.value, machine, testCase), check.mode);
  return answerer;
}

/** In a mock config already checked: the machine the run uses and the states its test case answers. */
function testCaseStates(config: unknown, testCase: string, stateMachine: string | undefined): { machine: string; states: string[] } {
  const machines = (config as { StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }> }).StateMachines;
  const machine = stateMachine ?? Object.keys(machines)[0]!;
  return { machine, states: Object.keys(machines[machine]!.TestCases[testCase]!) };
}

/** --stubs: the stub file's answers, its results checked as the services would return them. */
async function answerFromStubFile(ctx: CommandContext, stubs: string, definition: unknown, inputs: InputFile[], stubBounds: JsonataBounds, check: ShapeCheck): Promise<TaskAnswerer> {
  const [{ checkStubFile, stubFileAnswerer, StubFileError }, { describePointer }] = await Promise.all([import('../run/stubs/stub-file.js'), import('../run/stubs/problems.js')]);
  const data = await parseDataFile(ctx, stubs, 'the stub file');
  let file;
  try {
    file = checkStubFile(data.value);
  } catch (error) {
    if (error instanceof StubFileError) throw fileProblems(stubs, data, error, describePointer);
    throw error;
  }
  const { unusedStateKeys } = await import('../run/stubs/problems.js');
  const keys = Object.keys(file.states ?? {}).map((key) => ({ key, pointer: `/states/${pointerToken(key)}` }));
  warnUnused(ctx, stubs, data, unusedStateKeys(definition, keys));
  const { stubFileShapeTargets } = await import('../run/stubs/shape-targets.js');
  await check.shapes.checkStubShapes(stubs, data, stubFileShapeTargets(definition, file), check.mode);
  const answerer = stubFileAnswerer(file, stubFileHooks(ctx, stubs, inputs), stubBounds);
  return check.shapes.checkResultsAsAnswered(answerer, check.mode);
}

/** What a stub file asks of the CLI, each relative to the stub file: handler modules, items files, ResultWriter files. */
function stubFileHooks(ctx: CommandContext, stubs: string, inputs: InputFile[]): StubHooks {
  const besideStubs = (path: string): string => resolve(dirname(resolve(ctx.cwd, stubs)), path);
  return {
    async loadHandler(spec) {
      const [modulePath, exportName] = spec.split('#') as [string, string];
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(besideStubs(modulePath)).href)) as Record<string, unknown>;
      } catch (error) {
        throw new InputError(`${stubs}: cannot load stub module ${modulePath}: ${systemErrorReason(error)}`);
      }
      const handler = mod[exportName];
      if (typeof handler !== 'function') throw new InputError(`${stubs}: ${modulePath} has no exported function "${exportName}".`);
      return handler as (input: unknown) => unknown;
    },
    async readText(path) {
      inputs.push({ path: besideStubs(path), role: 'the items file' });
      return readCappedText(ctx, besideStubs(path), 'the items file');
    },
    async writeText(path, content) {
      const target = besideStubs(path);
      // Never over the definition, the stubs, the input or an items file the run read; written whole or not at all.
      const [{ refuseInputAsOutput }, { writeFileAtomically }] = await Promise.all([import('./output-guard.js'), import('./atomic-write.js')]);
      refuseInputAsOutput(ctx.cwd, target, [...inputs, { path: stubs, role: 'the stub file' }], 'results', RESULT_WRITER);
      writeFileAtomically(ctx.cwd, target, content, { createFolders: true, what: 'the ResultWriter file' });
    },
  };
}

/** One reference token of a JSON Pointer: `~` and `/` escaped. */
function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reads a stub or mock config file (YAML or JSON) keeping positions; a syntax error is exit 2 with file:line:column. */
async function parseDataFile(ctx: CommandContext, file: string, what: string): Promise<DataFile> {
  const text = readCappedText(ctx, file, what);
  const { parseDataText } = await import('../source/data-text.js');
  const data = parseDataText(text, file);
  if (!data.ok) {
    const where = `${file}:${data.place.line}:${data.place.column}`;
    throw new InputError(data.kind === 'duplicate' ? `${where}: ${data.message}` : `${where}: ${what} does not parse as ${data.format}: ${data.message ?? 'no value'}`);
  }
  return { value: data.value, locate: data.locate };
}

/** A stub or mock config problem list as `file:line:column: place: message` lines, for exit 2. */
function fileProblems(file: string, data: DataFile, error: { message: string; problems: Array<{ pointer: string; message: string }> }, describe: (pointer: string, root: unknown) => string): InputError {
  if (error.problems.length === 0) return new InputError(`${file}: ${error.message}`);
  const lines = error.problems.map((p) => {
    const at = data.locate(p.pointer);
    return `${file}:${at.line}:${at.column}: ${describe(p.pointer, data.value)}: ${p.message}`;
  });
  const fix = lines.length > 1 ? `\n${lines.length} problems; see docs/stubs.md for the file format.` : '';
  return new InputError(`${lines.join('\n')}${fix}`);
}

/** Warns (stderr, exit code unchanged) about answers for states the machine does not have. */
function warnUnused(ctx: CommandContext, file: string, data: DataFile, warnings: Array<{ pointer: string; message: string }>): void {
  for (const w of warnings) {
    const at = data.locate(w.pointer);
    ctx.io.stderr.write(`asl: warning: ${printable(`${file}:${at.line}:${at.column}: ${w.message}`)}\n`);
  }
}
