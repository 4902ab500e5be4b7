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

async function render(report: TestReport, format: NonNullable<TestOptions['format']>, painter: import('../report/types.js').Painter, streamed: boolean): Promise<string> {
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

async function runOnce(ctx: CommandContext, paths: string[], opts: TestOptions): Promise<number> {
  const format = opts.format ?? 'pretty';
  let grep: RegExp | undefined;
  if (opts.grep !== undefined) {
    try {
      grep = new RegExp(opts.grep);
    } catch (error) {
      throw new UsageError(`--grep ${opts.grep} is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const jobs = integerOption(opts.jobs, '--jobs', 1) ?? availableParallelism();
  const { parseThresholds, thresholdMisses } = await import('../suite/coverage.js');
  const thresholds = opts.coverageThreshold === undefined ? undefined : parseThresholds(opts.coverageThreshold);
  if (typeof thresholds === 'string') throw new UsageError(`--coverage-threshold: ${thresholds}.`);
  const coverage = Boolean(opts.coverage || thresholds || opts.coverageReport);
  const toStdout = opts.output === undefined;
  const level = decideColorLevel(toStdout ? opts.color : opts.color === true, ctx.env, ctx.io.stdout);
  const painter = await makePainter(level);
  const streamed = format === 'pretty' && toStdout;
  const { runTests } = await import('../suite/run-tests.js');
  const { fileBlock } = streamed ? await import('./test-report/pretty.js') : { fileBlock: undefined };
  const progress = streamed ? (await import('./test-progress.js')).testProgress(ctx) : undefined;
  const report = await runTests(paths.length === 0 ? ['.'] : paths, {
    cwd: ctx.cwd,
    grep,
    bail: opts.bail,
    jobs,
    // ASL_TEST_WORKERS=always sends a suite to the workers at once, whatever its size (for measuring them).
    parallelAfterMs: ctx.env.ASL_TEST_WORKERS === 'always' ? 0 : undefined,
    coverage,
    onScenario: progress ? (_file, result) => progress.scenario(result.status === 'failed' || result.status === 'error') : undefined,
    onFile: fileBlock
      ? (file) => {
          progress?.clear();
  progress?.dispose();
          ctx.io.stdout.write(`${fileBlock(file, painter).join('\n')}\n\n`);
        }
      : undefined,
  });
  progress?.clear();
  for (const problem of report.problems) ctx.io.stderr.write(`asl: ${problem}\n`);
  if (report.files.length === 0) {
    if (report.problems.length === 0) ctx.io.stderr.write(`asl: no test files (*.asl-test.yaml, *.asl-test.yml, *.asl-test.json) found in ${(paths.length ? paths : ['.']).join(', ')}\n`);
    return EXIT_USAGE;
  }
  const inputs: InputFile[] = report.files.flatMap((f) => [{ path: f.file, role: 'the test file' }, ...(f.definition ? [{ path: f.definition, role: 'the definition' }] : [])]);
  if (opts.output !== undefined) refuseInputAsOutput(ctx.cwd, opts.output, inputs, 'report');
  if (opts.coverageReport !== undefined) {
    refuseInputAsOutput(ctx.cwd, opts.coverageReport, inputs, 'coverage report', { name: (output) => `--coverage-report ${output}`, fix: 'Name another file for --coverage-report.' });
  }
  const text = await render(report, format, painter, streamed);
  if (toStdout) ctx.io.stdout.write(text);
  else writeFileAtomically(ctx.cwd, opts.output!, text, { createFolders: true, what: 'the report' });
  let misses: string[] = [];
  if (report.coverage) {
    if (format === 'pretty' && toStdout) ctx.io.stdout.write(`\n${(await import('./test-report/coverage-table.js')).formatCoverageTable(report.coverage, painter)}`);
    if (opts.coverageReport !== undefined) {
      const lcov = /\.(lcov|info)$/i.test(opts.coverageReport);
      const body = lcov ? (await import('../suite/lcov.js')).toLcov(report.coverage) : `${JSON.stringify(report.coverage, null, 2)}\n`;
      writeFileAtomically(ctx.cwd, opts.coverageReport, body, { createFolders: true, what: 'the coverage report' });
    }
    if (thresholds) misses = thresholdMisses(report.coverage, thresholds);
    for (const miss of misses) ctx.io.stderr.write(`asl: coverage: ${miss}\n`);
  }
  if (opts.update) {
    const { updateOutputs } = await import('./test-update.js');
    for (const u of await updateOutputs(report, ctx.cwd)) ctx.io.stderr.write(`asl: --update wrote expect.output into ${u.file} for: ${u.scenarios.join(', ')}\n`);
  }
  const { failed, errors } = report.summary;
  if (errors > 0 || report.problems.length > 0) return EXIT_USAGE;
  return failed > 0 || misses.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
