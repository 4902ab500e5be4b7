/**
 * `asl run`: reads the definition, input and stubs, runs the interpreter, and renders the result as
 * JSON, plain text, or (on a terminal, outside CI) the ink live view. Exit 0 SUCCEEDED, 1 any other
 * status, 2 for usage, stub or input problems.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoadedFile } from '../source/types.js';
import { suggestNearest } from '../asl/suggest.js';
import type { CommandContext } from './context.js';
import { InputError, UsageError } from './errors.js';
import { executeAndShow, isStubError } from './run-output.js';
import type { ExecuteOptions, TaskAnswerer, TestStateResult } from '../run/index.js';
import { jsonataBounds, type JsonataBounds } from '../run/jsonata-guard.js';
import { describePlace, jsonSyntaxError } from './run-json-error.js';
import { integerOption, parseJsonArgument } from './run-arguments.js';
import { stateMachineTypeOf } from './workflow-type.js';
import { placedMessage } from './run-setup-place.js';
import { printable } from '../printable.js';
import type { InputFile } from './output-guard.js';
import { boundsFromFlags, type BoundsFlags } from './run-bounds.js';
import { refuseInvalid, refuseStrayMachineName } from './run-preflight.js';
import { checkInlineInput, checkInputNesting, readCappedText, readDefinitionStdin, readInputText } from './run-read.js';
import { systemErrorReason } from '../system-error.js';

export interface RunOptions extends BoundsFlags {
  input?: string;
  inputFile?: string;
  stubs?: string;
  mockConfig?: string;
  testCase?: string;
  stateMachine?: string;
  format?: 'pretty' | 'json';
  history?: boolean;
  seed?: string;
  now?: string;
  realTime?: boolean;
  maxEvents?: string;
  /** Runs one state (run-single-state.ts reads the flags that go with it). */
  state?: string;
  workflowType?: string;
  color?: boolean;
  validateStubs?: string;
}

function readText(ctx: CommandContext, file: string, what: string): string {
  return readCappedText(ctx, file, what);
}

/**
 * The execution input from --input-file: a file that cannot be read, or whose JSON is bad, is exit 2 with
 * `file:line:column` of the mistake (as an editor or compiler gives it), what is wrong there, and how to fix it.
 */
function readInputFile(ctx: Pick<CommandContext, 'cwd'>, file: string): unknown {
  let text = readInputText(ctx, file);
  // A byte-order mark (some Windows editors write one) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = jsonSyntaxError(text);
    if (!problem) throw new InputError(`${file}: the input file is not valid JSON: ${(error as Error).message}`);
    throw new InputError(`${file}:${problem.line}:${problem.column}: the input file is not valid JSON: ${problem.message}. Fix it there: the input must be one JSON value, such as {"total": 3}.`);
  }
}

async function loadDefinition(ctx: CommandContext, file: string, machineName: string | undefined, mockConfig?: string): Promise<{ definition: unknown; name?: string; workflowType?: 'STANDARD' | 'EXPRESS' }> {
  const text = file === '-' ? await readDefinitionStdin(ctx) : readText(ctx, file, 'the definition');
  // Even a bare JSON definition goes through the loader: it finds repeated keys, which JSON.parse drops.
  const { loadText } = await import('../source/index.js');
  // A template's DefinitionUri is relative to the template, not to where asl runs.
  const loaded: LoadedFile = await loadText(text, file, { baseDir: file === '-' ? ctx.cwd : dirname(resolve(ctx.cwd, file)) });
  const fileErrors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (loaded.machines.length === 0) {
    const why = fileErrors[0] ? `${fileErrors[0].line}:${fileErrors[0].column} ${fileErrors[0].message}` : 'it holds no state machine definition';
    throw new InputError(`cannot run ${file}: ${why}`);
  }
  refuseStrayMachineName(file, loaded, machineName, mockConfig);
  let machine = loaded.machines[0]!;
  if (machineName !== undefined && loaded.machines.some((m) => m.name !== undefined)) {
    const match = loaded.machines.find((m) => m.name === machineName);
    if (!match) {
      const names = loaded.machines.flatMap((m) => (m.name === undefined ? [] : [m.name]));
      const near = suggestNearest(machineName, names);
      throw new UsageError(`${file} has no state machine "${machineName}"; it has ${names.join(', ')}.${near ? ` Did you mean "${near}"?` : ''}`);
    }
    machine = match;
  } else if (loaded.machines.length > 1) {
    throw new UsageError(`${file} holds ${loaded.machines.length} state machines; pick one with --state-machine: ${loaded.machines.map((m) => m.name).join(', ')}`);
  }
  await refuseInvalid(ctx, loaded, machine, text);
  return { definition: machine.definition, name: machine.name, workflowType: machine.workflowType };
}

interface DataFile {
  value: unknown;
  /** Line and column of the value at a JSON Pointer (its nearest existing ancestor). */
  locate(pointer: string): { line: number; column: number };
}

/** Reads a stub or mock config file (YAML or JSON) keeping positions; a syntax error is exit 2 with file:line:column. */
async function parseDataFile(ctx: CommandContext, file: string, what: string): Promise<DataFile> {
  const text = readText(ctx, file, what);
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

const RESULT_WRITER = { name: (target: string) => `the ResultWriter file ${target}`, fix: "Change the ResultWriter's Prefix, or the stub file's results folder." };

async function buildAnswerer(ctx: CommandContext, opts: RunOptions, definition: unknown, inputs: InputFile[], stubBounds: JsonataBounds): Promise<TaskAnswerer | undefined> {
  // The stub modules (and their compiled schemas) load only when a run uses them.
  if (opts.validateStubs !== undefined && opts.stubs === undefined && opts.mockConfig === undefined) throw new UsageError('--validate-stubs applies only with --stubs or --mock-config.');
  const shapes = opts.stubs === undefined && opts.mockConfig === undefined ? undefined : await import('./stub-shapes.js');
  const shapeMode = await shapes?.validateStubsMode(opts.validateStubs);
  if (opts.mockConfig !== undefined) {
    if (opts.stubs !== undefined) throw new UsageError('use either --stubs or --mock-config, not both.');
    if (opts.testCase === undefined) throw new UsageError('--mock-config needs --test-case NAME to pick the test case.');
    const [{ mockConfigAnswerer, MockConfigError }, { describePointer }] = await Promise.all([import('../run/stubs/mock-config.js'), import('../run/stubs/problems.js')]);
    const config = await parseDataFile(ctx, opts.mockConfig, 'the mock config');
    let answerer: TaskAnswerer;
    try {
      answerer = mockConfigAnswerer(config.value, opts.testCase, opts.stateMachine);
    } catch (error) {
      if (error instanceof MockConfigError) throw fileProblems(opts.mockConfig, config, error, describePointer);
      throw error;
    }
    const { unusedStateKeys } = await import('../run/stubs/problems.js');
    const machines = (config.value as { StateMachines: Record<string, { TestCases: Record<string, Record<string, string>> }> }).StateMachines;
    const machine = opts.stateMachine ?? Object.keys(machines)[0]!;
    const states = Object.keys(machines[machine]!.TestCases[opts.testCase]!);
    const pointerOf = (state: string) => ['', 'StateMachines', machine, 'TestCases', opts.testCase!, state].map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    warnUnused(ctx, opts.mockConfig, config, unusedStateKeys(definition, states.map((key) => ({ key, pointer: pointerOf(key) }))));
    const { mockConfigShapeTargets } = await import('../run/stubs/shape-targets.js');
    await shapes!.checkStubShapes(opts.mockConfig, config, mockConfigShapeTargets(definition, config.value, machine, opts.testCase), shapeMode!);
    return answerer;
  }
  if (opts.testCase !== undefined) throw new UsageError('--test-case only applies with --mock-config.');
  if (opts.stubs === undefined) return undefined;
  const stubPath = resolve(ctx.cwd, opts.stubs);
  const [{ checkStubFile, stubFileAnswerer, StubFileError }, { describePointer }] = await Promise.all([import('../run/stubs/stub-file.js'), import('../run/stubs/problems.js')]);
  const data = await parseDataFile(ctx, opts.stubs, 'the stub file');
  let file;
  try {
    file = checkStubFile(data.value);
  } catch (error) {
    if (error instanceof StubFileError) throw fileProblems(opts.stubs, data, error, describePointer);
    throw error;
  }
  const { unusedStateKeys } = await import('../run/stubs/problems.js');
  const keys = Object.keys(file.states ?? {}).map((key) => ({ key, pointer: `/states/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` }));
  warnUnused(ctx, opts.stubs, data, unusedStateKeys(definition, keys));
  const { stubFileShapeTargets } = await import('../run/stubs/shape-targets.js');
  await shapes!.checkStubShapes(opts.stubs, data, stubFileShapeTargets(definition, file), shapeMode!);
  const answerer = stubFileAnswerer(file, {
    async loadHandler(spec) {
      const [modulePath, exportName] = spec.split('#') as [string, string];
      const absolute = resolve(dirname(stubPath), modulePath);
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(absolute).href)) as Record<string, unknown>;
      } catch (error) {
        throw new InputError(`${opts.stubs}: cannot load stub module ${modulePath}: ${systemErrorReason(error)}`);
      }
      const handler = mod[exportName];
      if (typeof handler !== 'function') throw new InputError(`${opts.stubs}: ${modulePath} has no exported function "${exportName}".`);
      return handler as (input: unknown) => unknown;
    },
    async readText(path) {
      inputs.push({ path: resolve(dirname(stubPath), path), role: 'the items file' });
      return readText(ctx, resolve(dirname(stubPath), path), 'the items file');
    },
    async writeText(path, content) {
      const target = resolve(dirname(stubPath), path);
      // Never over the definition, the stubs, the input or an items file the run read; written whole or not at all.
      const [{ refuseInputAsOutput }, { writeFileAtomically }] = await Promise.all([import('./output-guard.js'), import('./atomic-write.js')]);
      refuseInputAsOutput(ctx.cwd, target, [...inputs, { path: opts.stubs!, role: 'the stub file' }], 'results', RESULT_WRITER);
      writeFileAtomically(ctx.cwd, target, content, { createFolders: true, what: 'the ResultWriter file' });
    },
  }, stubBounds);
  return shapes!.checkResultsAsAnswered(answerer, shapeMode!);
}

async function readInput(ctx: CommandContext, opts: RunOptions): Promise<unknown> {
  if (opts.input !== undefined && opts.inputFile !== undefined) throw new UsageError('use either --input or --input-file, not both.');
  if (opts.input !== undefined) {
    checkInlineInput(opts.input);
    return checkInputNesting(parseJsonArgument(opts.input, '--input'), '--input');
  }
  if (opts.inputFile !== undefined) return checkInputNesting(readInputFile(ctx, opts.inputFile), `the input file ${opts.inputFile}`);
  return {};
}

export async function runCommand(ctx: CommandContext, file: string, raw: Record<string, unknown>): Promise<number> {
  const opts = raw as RunOptions;
  const seed = integerOption(opts.seed, '--seed', 0) ?? 0;
  const maxEvents = integerOption(opts.maxEvents, '--max-events', 1);
  const bounds = boundsFromFlags(opts);
  if (opts.now !== undefined && (Number.isNaN(Date.parse(opts.now)) || !/^\d{4}-\d{2}-\d{2}T/.test(opts.now))) {
    throw new UsageError(`--now must be an ISO-8601 timestamp such as 2024-05-01T12:00:00Z, not "${opts.now}".`);
  }
  // The flag wins over the template's StateMachineType/Type, as lint's does.
  const flagType = stateMachineTypeOf(opts.workflowType);
  const input = await readInput(ctx, opts);
  const machine = await loadDefinition(ctx, file, opts.stateMachine, opts.mockConfig);
  const stateMachineType = flagType ?? machine.workflowType;
  const inputs: InputFile[] = [{ path: file, role: 'the definition' }, ...(opts.inputFile !== undefined ? [{ path: opts.inputFile, role: 'the input file' }] : [])];
  // The stubs' JSONata gets the same bounds, and the run's abort signal once the run has one (onSignal below).
  const stubBounds = jsonataBounds(bounds);
  const answerer = await buildAnswerer(ctx, opts, machine.definition, inputs, stubBounds);
  const { runSingleState, refuseSingleStateFlags } = await import('./run-single-state.js');
  if (opts.state === undefined) refuseSingleStateFlags(raw);
  else return runSingleState(ctx, machine.definition, opts.state, input, answerer, raw, { seed, startTime: opts.now, stateMachineType, ...bounds });
  const options: ExecuteOptions = {
    answerer,
    seed,
    startTime: opts.now,
    maxEvents,
    ...bounds,
    stateMachineType,
    stateMachineName: machine.name,
  };
  return executeAndShow(ctx, machine.definition, input, options, {
    format: opts.format,
    history: opts.history,
    color: opts.color,
    realTime: opts.realTime,
    describeSetupError: (error) => placedMessage(ctx, file, opts.stateMachine, error),
    onSignal: (signal) => (stubBounds.signal = signal),
  });
}
