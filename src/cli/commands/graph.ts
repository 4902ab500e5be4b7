/**
 * `asl graph <file>`: draws a state machine as Mermaid, Markdown, DOT or SVG. The drawing itself is the
 * library's `graph()`; this module reads the file, picks the machine(s), writes the result and the exit code.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option } from 'commander';
import type { Diagnostic } from '../../diagnostics.js';
import type { LoadedFile, MachineSource } from '../../source/types.js';
import type { CommandContext } from '../context.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, InputError, UsageError } from '../errors.js';
import type { RegisterCommand } from '../context.js';
import type { InputFile } from '../output-guard.js';
import { printable } from '../../printable.js';
import { systemErrorReason } from '../../system-error.js';

const FORMATS = ['mermaid', 'dot', 'svg', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const DIRECTIONS = ['TB', 'LR'] as const;
type Direction = (typeof DIRECTIONS)[number];

interface GraphCommandOptions {
  format: string;
  output?: string;
  direction: string;
  stateMachine?: string;
  retries: boolean;
  catches: boolean;
  coverage?: string;
}

const HELP_EXAMPLES = `
Examples:
  $ asl graph order.asl.json --format markdown --output order.md
  $ asl graph template.yaml --state-machine OrderMachine --format svg --direction LR --output order.svg
`;

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('graph')
    .description('draw a state machine as Mermaid, Markdown (fenced Mermaid), Graphviz DOT or SVG')
    .argument('<file>', 'a definition (JSON or YAML), a CloudFormation / SAM / Serverless template, or - for stdin')
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).default('mermaid'))
    .option('-o, --output <file>', 'write the diagram to this file, never the input file (default: stdout)')
    .option('-d, --direction <direction>', 'layout direction: TB (top to bottom) or LR (left to right)', 'TB')
    .option('--state-machine <name>', 'in a template with several state machines, draw only this one, by logical id (default: all of them, one after another)')
    .option('--no-retries', 'leave out the Retry summaries on states (default: shown)')
    .option('--no-catches', 'leave out the Catch edges (default: drawn)')
    .option('--coverage <file>', 'colour covered and never-reached states and transitions, with hit counts, from asl test --coverage-report FILE (JSON) (default: no colouring)')
    .addHelpText('after', HELP_EXAMPLES)
    .action(async (file: string, opts: GraphCommandOptions) => {
      ctx.exitCode = await runGraph(ctx, file, opts);
    });
};

async function runGraph(ctx: CommandContext, file: string, opts: GraphCommandOptions): Promise<number> {
  const format = formatOption(opts.format);
  const direction = directionOption(opts.direction);
  // Before reading anything: the plain mistake is refused at once. The definition files a template names are
  // known after loading, and checked again then.
  const refuse = await outputGuard(ctx, opts.output);
  refuse?.([{ path: file, role: 'the input file' }]);
  const loaded = await load(ctx, file);
  refuse?.(loaded.machines.filter((m) => m.file !== loaded.file).map((m) => ({ path: m.file, role: 'the definition file' })));
  if (loaded.machines.length === 0) {
    printDiagnostics(ctx, loaded.file, loaded.diagnostics);
    if (loaded.diagnostics.length === 0) say(ctx, `${loaded.file}: no state machine found to draw`);
    return EXIT_FINDINGS;
  }
  const chosen = pickMachines(ctx, loaded, opts.stateMachine);
  if (chosen === undefined) return EXIT_FINDINGS;
  if (format === 'svg' && chosen.length > 1) {
    throw new UsageError(`${loaded.file} holds ${chosen.length} state machines and an SVG shows one; pick one with --state-machine: ${names(loaded)}`);
  }
  const { drawable, code } = reportUndrawable(ctx, loaded, chosen, opts.stateMachine);
  if (drawable.length === 0) return EXIT_FINDINGS;
  // Still drawn (and exit 0): the text is valid, only Mermaid's default limits stop it from rendering.
  const warn = (message: string) => say(ctx, `asl: warning: ${message}`);
  const coverage = opts.coverage === undefined ? undefined : (await import('../graph-coverage.js')).readGraphCoverage(ctx.cwd, opts.coverage, loaded.file, drawable);
  const text = await draw(drawable, format, direction, opts, warn, coverage);
  await write(ctx, opts.output, text);
  return code;
}

/** --format, in any case; an unknown one is a usage error. */
function formatOption(text: string): Format {
  const format = FORMATS.find((f) => f === text.toLowerCase());
  if (format === undefined) throw new UsageError(`unknown format "${text}"; valid formats: ${FORMATS.join(', ')}`);
  return format;
}

/** --direction, in any case; anything but TB or LR is a usage error. */
function directionOption(text: string): Direction {
  const direction = DIRECTIONS.find((d) => d === text.toUpperCase());
  if (direction === undefined) throw new UsageError(`unknown direction "${text}"; use TB (top to bottom) or LR (left to right)`);
  return direction;
}

/** With --output: refuses an output path that is one of the given inputs (the guard loads only then). */
async function outputGuard(ctx: CommandContext, output: string | undefined): Promise<((inputs: InputFile[]) => void) | undefined> {
  if (output === undefined) return undefined;
  const { refuseInputAsOutput } = await import('../output-guard.js');
  return (inputs) => refuseInputAsOutput(ctx.cwd, output, inputs, 'diagram');
}

/**
 * The machines to draw, or undefined (after saying why) when --state-machine names none of the drawable ones.
 * A template can hold machines that cannot be drawn beside ones that can (a DefinitionString that does not
 * parse, one built at deploy time): the loader reports those on the file, and they may be what was asked for.
 */
function pickMachines(ctx: CommandContext, loaded: LoadedFile, name: string | undefined): MachineSource[] | undefined {
  try {
    return choose(loaded, name);
  } catch (error) {
    if (!(error instanceof UsageError) || !hasFileErrors(loaded)) throw error;
    printDiagnostics(ctx, loaded.file, loaded.diagnostics);
    say(ctx, `asl: no drawable state machine named "${name}" in ${loaded.file}; the drawable ones are: ${names(loaded)}`);
    return undefined;
  }
}

/**
 * Shows the file's problems (unless --state-machine picked one machine) and those of each chosen machine that
 * cannot be drawn; either makes the exit code 1. Returns the machines that can be drawn, and that code.
 */
function reportUndrawable(ctx: CommandContext, loaded: LoadedFile, chosen: MachineSource[], name: string | undefined): { drawable: MachineSource[]; code: number } {
  let code = EXIT_OK;
  if (name === undefined) {
    printDiagnostics(ctx, loaded.file, loaded.diagnostics);
    if (hasFileErrors(loaded)) code = EXIT_FINDINGS;
  }
  // A machine whose definition did not parse (a DefinitionString with a syntax error, say) cannot be drawn.
  const drawable = chosen.filter((m) => isObject(m.definition));
  for (const machine of chosen) {
    if (drawable.includes(machine)) continue;
    printDiagnostics(ctx, loaded.file, machine.diagnostics);
    if (machine.diagnostics.length === 0) say(ctx, `${loaded.file}: the definition of ${label(machine)} is not an object`);
    code = EXIT_FINDINGS;
  }
  return { drawable, code };
}

function hasFileErrors(loaded: LoadedFile): boolean {
  return loaded.diagnostics.some((d) => d.severity === 'error');
}

async function load(ctx: CommandContext, file: string): Promise<LoadedFile> {
  const [{ loadText, MAX_FILE_BYTES, MAX_STREAM_BYTES }, { readFileCapped, readStreamCapped, ReadCapExceeded }] = await Promise.all([
    import('../../source/index.js'),
    import('../../source/read-capped.js'),
  ]);
  let text: string;
  try {
    // Capped: a device or a pipe that never ends is refused instead of filling memory.
    if (file === '-') text = await readStreamCapped(ctx.io.stdin, MAX_STREAM_BYTES);
    else {
      const path = resolve(ctx.cwd, file);
      text = readFileCapped(path, statSync(path, { throwIfNoEntry: false })?.isFile() ? MAX_FILE_BYTES : MAX_STREAM_BYTES);
    }
  } catch (error) {
    if (error instanceof ReadCapExceeded) throw new InputError(`cannot read ${file === '-' ? 'stdin' : file}: it has more than ${error.limit / (1024 * 1024)} MB (reading stopped there); a state machine definition is at most 1 MB on AWS`);
    throw new InputError(`cannot read ${file}: ${systemErrorReason(error)}`);
  }
  // A template's DefinitionUri is relative to the template's folder (to the working directory for stdin).
  return loadText(text, file, { baseDir: file === '-' ? ctx.cwd : dirname(resolve(ctx.cwd, file)) });
}

/** The machines to draw: the named one, or all of them. */
function choose(loaded: LoadedFile, name: string | undefined): MachineSource[] {
  if (name === undefined) return loaded.machines;
  const match = loaded.machines.filter((m) => m.name === name);
  if (match.length === 0) {
    const known = loaded.machines.some((m) => m.name !== undefined)
      ? `its state machines are: ${names(loaded)}`
      : 'it holds a single definition, so leave out --state-machine';
    throw new UsageError(`no state machine named "${name}" in ${loaded.file}; ${known}`);
  }
  return match;
}

async function draw(
  machines: MachineSource[],
  format: Format,
  direction: Direction,
  opts: GraphCommandOptions,
  warn: (message: string) => void,
  coverage?: Map<MachineSource, import('../../graph/index.js').GraphCoverage>,
): Promise<string> {
  const { graph, mermaidLimitProblem, renderSvg, GraphRenderError } = await import('../../graph/index.js');
  const common = { direction, retries: opts.retries, catches: opts.catches };
  if (format === 'svg') {
    const machine = machines[0]!;
    try {
      return await renderSvg(graph(machine.definition, { ...common, format: 'dot', title: machine.name, coverage: coverage?.get(machine) }));
    } catch (error) {
      // Graphviz could not lay it out: the machine is fine, the drawing failed (exit 1, with what to do instead).
      if (error instanceof GraphRenderError) throw new CliError(`${label(machine)}: ${error.message}`, EXIT_FINDINGS);
      throw error;
    }
  }
  const several = machines.length > 1;
  return machines
    .map((machine) => {
      const text = graph(machine.definition, { ...common, format, title: machine.name, coverage: coverage?.get(machine) });
      const tooLarge = format === 'dot' ? undefined : mermaidLimitProblem(text);
      if (tooLarge) warn(`${label(machine)}: ${tooLarge}`);
      if (!several) return text;
      // Each drawing stays complete on its own; a heading (or comment) says which machine it is.
      if (format === 'markdown') return `### ${printable(machine.name ?? machine.pointer)}\n\n${text}`;
      if (format === 'mermaid') return `%% ${printable((machine.name ?? machine.pointer).replace(/\s+/g, ' '))}\n${text}`;
      return text;
    })
    .join('\n');
}

async function write(ctx: CommandContext, output: string | undefined, text: string): Promise<void> {
  if (output === undefined) {
    ctx.io.stdout.write(text);
    return;
  }
  const { writeFileAtomically } = await import('../atomic-write.js');
  // No missing folders created: --output writes one file and creates nothing else.
  writeFileAtomically(ctx.cwd, output, text, { what: 'the diagram' });
}

function printDiagnostics(ctx: CommandContext, file: string, diagnostics: readonly Diagnostic[]): void {
  const shown = file === '-' ? '<stdin>' : file;
  for (const d of diagnostics) say(ctx, `${shown}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.code})`);
}

/** One line on stderr; names and messages from the user's file are shown with their control characters escaped. */
function say(ctx: CommandContext, line: string): void {
  ctx.io.stderr.write(`${printable(line)}\n`);
}

function names(loaded: LoadedFile): string {
  return loaded.machines.map(label).join(', ');
}

function label(machine: MachineSource): string {
  return machine.name ?? (machine.pointer === '' ? 'the definition' : machine.pointer);
}

function isObject(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

