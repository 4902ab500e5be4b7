/**
 * Checking one loaded file and turning results into a report: the pieces `asl validate` / `asl lint`
 * share with their --watch loop (src/cli/check-runner.ts runs them once, src/cli/watch.ts again on
 * every change).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { hasErrors, compareDiagnostics } from '../diagnostics.js';
import type { MachineSource } from '../source/types.js';
import { loadFormatter } from '../report/load.js';
import { countProblems } from '../report/counts.js';
import { formatNames, isFormatName } from '../report/names.js';
import type { MachineResult, RuleMetadata } from '../report/types.js';
import type { CheckOptions } from './check-options.js';
import { decideColorLevel, makePainter } from './color.js';
import type { CommandContext } from './context.js';
import { writeFileAtomically } from './atomic-write.js';
import { CliError, UsageError } from './errors.js';
import { refuseInputAsOutput, type InputFile } from './output-guard.js';
import type { ReadInput } from './read-inputs.js';
import { readOwnVersion } from './version.js';

export type CheckMachine = (machine: MachineSource) => Diagnostic[] | Promise<Diagnostic[]>;

/** What a command tells the runner beyond checking one machine; watch mode uses it. */
export interface CheckHooks {
  /** Absolute paths, existing or not, whose change alters this input file's results (lint config files). */
  dependencies?(file: string): string[];
  /** Drops whatever was cached from those paths, before files are checked again. */
  forget?(): void;
  /** True for an input file to leave out of the results entirely (lint's `ignore` globs). */
  skip?(file: string): boolean;
}

/** Checks every machine of one loaded file. Problems that are not findings go to `problems`. */
export async function checkFile(
  ctx: CommandContext,
  { loaded }: ReadInput,
  checkMachine: CheckMachine,
  problems: string[],
): Promise<MachineResult[]> {
  const results: MachineResult[] = [];
  // File-level findings (syntax errors, not a state machine …): one entry with machine "".
  if (loaded.diagnostics.length > 0) results.push(toResult(loaded.file, '', undefined, loaded.diagnostics));
  for (const machine of loaded.machines) {
    try {
      // machine.file differs from loaded.file when a template names a separate definition file.
      results.push(toResult(machine.file || loaded.file, machine.pointer, machine.name, await checkMachine(machine)));
    } catch (error) {
      // Bad configuration met while checking (a broken lint config) is the user's to fix: its own message.
      if (error instanceof CliError) {
        if (!problems.includes(error.message)) problems.push(error.message);
        continue;
      }
      // A bug, not bad input: say where, keep checking the other machines, exit 2 at the end.
      const where = machine.name ?? (machine.pointer || loaded.file);
      problems.push(`internal error while checking ${where === loaded.file ? where : `${loaded.file} (${where})`}: ${bugMessage(error)}`);
      if (ctx.debug && error instanceof Error && error.stack) ctx.io.stderr.write(error.stack + '\n');
    }
  }
  return results;
}

/** The report text in the chosen format; colour as decided for stdout, or off for a file unless --color. */
export async function formatReport(
  ctx: CommandContext,
  results: readonly MachineResult[],
  options: CheckOptions,
  rules: readonly RuleMetadata[] | undefined,
  knownText: (file: string) => string | undefined,
  toFile: boolean,
  format: string = options.format,
): Promise<string> {
  const shown = options.quiet ? results.map(errorsOnly) : [...results];
  const level = decideColorLevel(toFile ? (options.color === true ? true : false) : options.color, ctx.env, ctx.io.stdout);
  if (!isFormatName(format)) throw new UsageError(`unknown format "${format}"; valid formats: ${formatNames.join(', ')}`);
  const formatter = await loadFormatter(format);
  const all = options.quiet ? countProblems(results) : undefined;
  return formatter(shown, {
    ...(all ? { hidden: { warnings: all.warnings, infos: all.infos } } : {}),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    painter: await makePainter(level),
    rules,
    sourceText: (file) => knownText(file) ?? readQuietly(resolve(ctx.cwd, file)),
    toolName: 'asl-toolkit',
    toolVersion: readOwnVersion(),
    baseDir: ctx.cwd,
  });
}

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function bugMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message} (a bug in asl-toolkit: run with --debug for details and please report it)`;
}

function toResult(file: string, machine: string, name: string | undefined, diagnostics: Diagnostic[]): MachineResult {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return { file, machine, ...(name !== undefined ? { name } : {}), valid: !hasErrors(sorted), diagnostics: sorted };
}

function errorsOnly(result: MachineResult): MachineResult {
  return { ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
}

/**
 * The report on stdout, or in `outputFile`: never over one of `inputs` (the files the run read), and
 * written whole or not at all.
 */
export function writeReport(ctx: CommandContext, report: string, outputFile: string | undefined, inputs: Iterable<InputFile> = []): void {
  if (outputFile === undefined) {
    ctx.io.stdout.write(report);
    return;
  }
  refuseInputAsOutput(ctx.cwd, outputFile, inputs, 'report');
  writeFileAtomically(ctx.cwd, outputFile, report, { createFolders: true, what: 'the report' });
}

/** Every file a check run read: the inputs, the definition files their templates name, and the lint configs that apply. */
export function* inputsOf(files: Iterable<string>, results: readonly MachineResult[], hooks: CheckHooks): Iterable<InputFile> {
  // Files in one folder share their configs: looked up once per folder, not once per file.
  const folders = new Set<string>();
  for (const file of files) {
    yield { path: file, role: 'the input file' };
    const folder = dirname(resolve(file));
    if (folders.has(folder)) continue;
    folders.add(folder);
    for (const config of hooks.dependencies?.(file) ?? []) yield { path: config, role: 'the lint config' };
  }
  for (const result of results) yield { path: result.file, role: 'the definition file' };
}
