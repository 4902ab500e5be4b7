/**
 * `asl run`: reads the definition, input and stubs, runs the interpreter, and renders the result as
 * JSON, plain text, or (on a terminal, outside CI) the ink live view. Exit 0 SUCCEEDED, 1 any other
 * status, 2 for usage, stub or input problems.
 */
import { dirname, resolve } from 'node:path';
import type { LoadedFile } from '../source/types.js';
import { suggestNearest } from '../asl/suggest.js';
import type { CommandContext } from './context.js';
import { InputError, UsageError } from './errors.js';
import { executeAndShow } from './run-output.js';
import type { ExecuteOptions } from '../run/index.js';
import { jsonataBounds } from '../run/jsonata-guard.js';
import { jsonSyntaxError } from './run-json-error.js';
import { integerOption, parseJsonArgument } from './run-arguments.js';
import { stateMachineTypeOf } from './workflow-type.js';
import { placedMessage } from './run-setup-place.js';
import type { InputFile } from './output-guard.js';
import { boundsFromFlags, type BoundsFlags } from './run-bounds.js';
import { refuseInvalid, refuseStrayMachineName } from './run-preflight.js';
import { checkInlineInput, checkInputNesting, readCappedText, readDefinitionStdin, readInputText } from './run-read.js';
import { buildAnswerer } from './run-answerer.js';

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
