/**
 * The engine behind `asl validate` and `asl lint`: read the inputs, check every state machine,
 * format the results, write them, pick the exit code. The two commands differ only in the function
 * that checks one machine and in the rule metadata they hand to the formatters.
 */
import { countProblems } from '../report/counts.js';
import { formatNames, isFormatName } from '../report/names.js';
import type { MachineResult, RuleMetadata } from '../report/types.js';
import type { CheckOptions } from './check-options.js';
import { checkFile, formatReport, inputsOf, writeReport, type CheckHooks, type CheckMachine } from './check-file.js';
import type { CommandContext } from './context.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { readInputs } from './read-inputs.js';
import { printable } from '../printable.js';

export type { CheckOptions } from './check-options.js';
export { addCheckOptions, readCheckOptions } from './check-options.js';
export type { MachineResult, RuleMetadata } from '../report/types.js';
export type { CheckHooks, CheckMachine } from './check-file.js';

export async function runCheckCommand(
  ctx: CommandContext,
  inputs: string[],
  options: CheckOptions,
  checkMachine: CheckMachine,
  rules?: readonly RuleMetadata[],
  hooks: CheckHooks = {},
): Promise<number> {
  if (!isFormatName(options.format)) {
    throw new UsageError(`unknown format "${options.format}"; valid formats: ${formatNames.join(', ')}`);
  }
  if (inputs.length === 0) {
    throw new UsageError('no input given: name files, directories or globs, or - to read from stdin');
  }
  if (options.watch) {
    // Loaded only for --watch: the watcher and (on a terminal) ink stay out of a normal run.
    const { runWatch } = await import('./watch.js');
    return runWatch(ctx, inputs, options, checkMachine, rules, hooks);
  }

  const { files, problems, warnings } = await readInputs(inputs, ctx.cwd, ctx.io.stdin);
  for (const problem of problems) ctx.io.stderr.write(`asl: ${printable(problem, { keepNewlines: true })}\n`);
  for (const warning of warnings) ctx.io.stderr.write(`asl: warning: ${printable(warning, { keepNewlines: true })}\n`);
  const inputProblems = problems.length;

  const results: MachineResult[] = [];
  const texts = new Map<string, string>();
  for (const input of files) {
    if (hooks.skip?.(input.loaded.file)) continue;
    texts.set(input.loaded.file, input.text);
    results.push(...(await checkFile(ctx, input, checkMachine, problems)));
  }
  for (const problem of problems.slice(inputProblems)) ctx.io.stderr.write(`asl: ${printable(problem, { keepNewlines: true })}\n`);

  // Nothing could be read: the reasons are on stderr; a "0 state machines valid" summary would only mislead.
  if (files.length === 0 && problems.length > 0 && options.format === 'stylish') return EXIT_USAGE;

  const counts = countProblems(results);
  const toFile = options.outputFile !== undefined;
  const report = await formatReport(ctx, results, options, rules, (file) => texts.get(file), toFile);
  writeReport(ctx, report, options.outputFile, toFile ? inputsOf(files.map((f) => f.loaded.file), results, hooks) : []);

  if (problems.length > 0) return EXIT_USAGE;
  if (counts.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    ctx.io.stderr.write(`asl: ${counts.warnings} warnings found; --max-warnings allows ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
