/**
 * `asl test`: runs the scenario suites through the library's runTests, prints the report in the chosen
 * format (streaming each file's lines as it finishes in the pretty format), writes coverage reports and
 * picks the exit code: 0 all passed, 1 a scenario failed or a coverage threshold was missed, 2 for a test
 * file, definition, stub or mock problem, or a path that names nothing.
 */
import { availableParallelism } from 'node:os';
import type { CommandContext } from './context.js';
import { decideColorLevel, makePainter } from './color.js';
import { writeFileAtomically } from './atomic-write.js';
import { integerOption } from './run-arguments.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from './errors.js';
import { refuseInputAsOutput, type InputFile } from './output-guard.js';
import type { Painter } from '../report/types.js';
import type { CoverageReport, CoverageThresholds } from '../suite/coverage.js';
import type { RunTestsOptions } from '../suite/run-tests.js';
import type { TestReport } from '../suite/types.js';

interface TestOptions {
  grep?: string;
  bail?: boolean;
  jobs?: string;
  format?: 'pretty' | 'json' | 'junit' | 'tap' | 'github';
  output?: string;
  coverage?: boolean;
  coverageThreshold?: string;
  coverageReport?: string;
  update?: boolean;
  color?: boolean;
  watch?: boolean;
}

async function render(report: TestReport, format: NonNullable<TestOptions['format']>, painter: Painter, streamed: boolean): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ files: report.files, summary: report.summary, ...(report.coverage ? { coverage: report.coverage } : {}) }, null, 2)}\n`;
    case 'junit':
      return (await import('./test-report/junit.js')).formatJunit(report);
    case 'tap':
      return (await import('./test-report/tap.js')).formatTap(report);
    case 'github':
      return (await import('./test-report/github.js')).formatGithub(report);
    default:
      return (await import('./test-report/pretty.js')).formatPretty(report, painter, streamed);
  }
}

export async function runTestCommand(ctx: CommandContext, paths: string[], raw: Record<string, unknown>): Promise<number> {
  const opts = raw as TestOptions;
  if (!opts.watch) return runOnce(ctx, paths, opts);
  if (opts.update) throw new UsageError('--update rewrites test files, which --watch would then run again; use it without --watch.');
  const { watchTests, chokidarWatch } = await import('./test-watch.js');
  await watchTests(ctx, paths.length === 0 ? ['.'] : paths, {
    run: async (some) => {
      ctx.exitCode = await runOnce(ctx, some, opts);
    },
    watch: chokidarWatch,
  });
  return ctx.exitCode;
}

/** One run of the suites under `paths`: the report printed or written, coverage reported, the exit code picked. */
async function runOnce(ctx: CommandContext, paths: string[], opts: TestOptions): Promise<number> {
  const format = opts.format ?? 'pretty';
  const grep = grepOption(opts.grep);
  const jobs = integerOption(opts.jobs, '--jobs', 1) ?? availableParallelism();
  const thresholds = await thresholdsOption(opts.coverageThreshold);
  const coverage = Boolean(opts.coverage || thresholds || opts.coverageReport);
  const toStdout = opts.output === undefined;
  const level = decideColorLevel(toStdout ? opts.color : opts.color === true, ctx.env, ctx.io.stdout);
  const painter = await makePainter(level);
  const streamed = format === 'pretty' && toStdout;
  const report = await runSuites(ctx, paths, { grep, bail: opts.bail, jobs, coverage }, streamed ? painter : undefined);
  for (const problem of report.problems) ctx.io.stderr.write(`asl: ${problem}\n`);
  if (report.files.length === 0) {
    if (report.problems.length === 0) ctx.io.stderr.write(`asl: no test files (*.asl-test.yaml, *.asl-test.yml, *.asl-test.json) found in ${(paths.length ? paths : ['.']).join(', ')}\n`);
    return EXIT_USAGE;
  }
  refuseOutputsOverInputs(ctx, report, opts);
  const text = await render(report, format, painter, streamed);
  if (toStdout) ctx.io.stdout.write(text);
  else writeFileAtomically(ctx.cwd, opts.output!, text, { createFolders: true, what: 'the report' });
  const misses = report.coverage ? await reportCoverage(ctx, report.coverage, opts, format === 'pretty' && toStdout ? painter : undefined, thresholds) : [];
  if (opts.update) await updateExpectedOutputs(ctx, report);
  const { failed, errors } = report.summary;
  if (errors > 0 || report.problems.length > 0) return EXIT_USAGE;
  return failed > 0 || misses.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** --grep as a regular expression; one that does not compile is a usage error. */
function grepOption(grep: string | undefined): RegExp | undefined {
  if (grep === undefined) return undefined;
  try {
    return new RegExp(grep);
  } catch (error) {
    throw new UsageError(`--grep ${grep} is not a valid regular expression: ${(error as Error).message}`);
  }
}

/** --coverage-threshold parsed; a malformed one is a usage error. */
async function thresholdsOption(text: string | undefined): Promise<CoverageThresholds | undefined> {
  const { parseThresholds } = await import('../suite/coverage.js');
  const thresholds = text === undefined ? undefined : parseThresholds(text);
  if (typeof thresholds === 'string') throw new UsageError(`--coverage-threshold: ${thresholds}.`);
  return thresholds;
}

/**
 * Runs the suites through the library's runTests. Given a painter (the pretty format on stdout), each file's
 * lines are printed as it finishes, with a progress line meanwhile on a terminal.
 */
async function runSuites(ctx: CommandContext, paths: string[], options: Pick<RunTestsOptions, 'grep' | 'bail' | 'jobs' | 'coverage'>, streamTo: Painter | undefined): Promise<TestReport & { problems: string[] }> {
  const { runTests } = await import('../suite/run-tests.js');
  const { fileBlock } = streamTo ? await import('./test-report/pretty.js') : { fileBlock: undefined };
  const progress = streamTo ? (await import('./test-progress.js')).testProgress(ctx) : undefined;
  try {
    return await runTests(paths.length === 0 ? ['.'] : paths, {
      cwd: ctx.cwd,
      ...options,
      // ASL_TEST_WORKERS=always sends a suite to the workers at once, whatever its size (for measuring them).
      parallelAfterMs: ctx.env.ASL_TEST_WORKERS === 'always' ? 0 : undefined,
      onScenario: progress ? (_file, result) => progress.scenario(result.status === 'failed' || result.status === 'error') : undefined,
      onFile:
        fileBlock && streamTo
          ? (file) => {
              progress?.clear();
              ctx.io.stdout.write(`${fileBlock(file, streamTo).join('\n')}\n\n`);
            }
          : undefined,
    });
  } finally {
    // Ctrl-C keeps clearing the progress line until the last file is done, then Node's own handling is back.
    progress?.clear();
    progress?.dispose();
  }
}

/** Neither the report nor the coverage report may overwrite a test file or a definition the run read. */
function refuseOutputsOverInputs(ctx: CommandContext, report: TestReport, opts: TestOptions): void {
  const inputs: InputFile[] = report.files.flatMap((f) => [{ path: f.file, role: 'the test file' }, ...(f.definition ? [{ path: f.definition, role: 'the definition' }] : [])]);
  if (opts.output !== undefined) refuseInputAsOutput(ctx.cwd, opts.output, inputs, 'report');
  if (opts.coverageReport !== undefined) {
    refuseInputAsOutput(ctx.cwd, opts.coverageReport, inputs, 'coverage report', { name: (output) => `--coverage-report ${output}`, fix: 'Name another file for --coverage-report.' });
  }
}

/**
 * The coverage table (given a painter: the pretty format on stdout), the --coverage-report file (LCOV for
 * .lcov/.info, else JSON), and the thresholds missed, each on stderr; returns those misses.
 */
async function reportCoverage(ctx: CommandContext, coverage: CoverageReport, opts: TestOptions, tablePainter: Painter | undefined, thresholds: CoverageThresholds | undefined): Promise<string[]> {
  if (tablePainter) ctx.io.stdout.write(`\n${(await import('./test-report/coverage-table.js')).formatCoverageTable(coverage, tablePainter)}`);
  if (opts.coverageReport !== undefined) {
    const lcov = /\.(lcov|info)$/i.test(opts.coverageReport);
    const body = lcov ? (await import('../suite/lcov.js')).toLcov(coverage) : `${JSON.stringify(coverage, null, 2)}\n`;
    writeFileAtomically(ctx.cwd, opts.coverageReport, body, { createFolders: true, what: 'the coverage report' });
  }
  const misses = thresholds ? (await import('../suite/coverage.js')).thresholdMisses(coverage, thresholds) : [];
  for (const miss of misses) ctx.io.stderr.write(`asl: coverage: ${miss}\n`);
  return misses;
}

/** --update: writes each scenario's actual output into its test file where it expects none yet, and says where. */
async function updateExpectedOutputs(ctx: CommandContext, report: TestReport): Promise<void> {
  const { updateOutputs } = await import('./test-update.js');
  for (const u of await updateOutputs(report, ctx.cwd)) ctx.io.stderr.write(`asl: --update wrote expect.output into ${u.file} for: ${u.scenarios.join(', ')}\n`);
}
