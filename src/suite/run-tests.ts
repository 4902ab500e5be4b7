/**
 * `runTests`: finds test files, loads each with its machine and stubs, runs the scenarios through the
 * interpreter, checks their expectations and, when asked, measures workflow coverage. Returns the same
 * structure `asl test --format json` prints. A bad test file is reported and the other files still run.
 */
import { FileCache } from './answerers.js';
import { CoverageCollector } from './coverage.js';
import { findTestFiles } from './find-test-files.js';
import { prepareTestFile, type PreparedTestFile } from './prepare.js';
import { runScenario } from './run-scenario.js';
import type { ScenarioResult, TestFileResult, TestReport, TestSummary } from './types.js';

export interface RunTestsOptions {
  /** Where relative paths start (default: the current directory). */
  cwd?: string;
  /** Only scenarios whose name matches. */
  grep?: RegExp;
  /** Stop after the first scenario that fails or cannot run. */
  bail?: boolean;
  /** Scenarios at once, on worker threads, once a suite proves long enough to repay them (default 1: in this thread). */
  jobs?: number;
  /** Wall milliseconds of running in this thread before the rest may go to workers (default 500; 0: at once). */
  parallelAfterMs?: number;
  /** Measure workflow coverage (the report's `coverage`). */
  coverage?: boolean;
  /** Called as each scenario finishes, for progress views. */
  onScenario?: (file: string, result: ScenarioResult) => void;
  /** Called as each test file finishes (or fails to load), for reports that print as they go. */
  onFile?: (result: TestFileResult) => void;
}

function summarise(files: TestFileResult[], started: number): TestSummary {
  const summary: TestSummary = { files: files.length, passed: 0, failed: 0, skipped: 0, errors: 0, durationMs: performance.now() - started, workers: 0 };
  for (const file of files) {
    if (file.error) summary.errors++;
    for (const s of file.scenarios) {
      if (s.status === 'passed') summary.passed++;
      else if (s.status === 'failed') summary.failed++;
      else if (s.status === 'skipped') summary.skipped++;
      else summary.errors++;
    }
  }
  return summary;
}

function skipped(name: string, place: ScenarioResult['place'], reason: string): ScenarioResult {
  return { name, place, status: 'skipped', reason, failures: [], durationMs: 0, virtualMs: 0, transitions: 0, priceUsd: 0 };
}

/**
 * Worker threads pay off only for suites that take a while: each worker loads the interpreter and the test
 * files again (a few hundred milliseconds), and a typical scenario runs in well under a millisecond. So
 * scenarios start in this thread; when, after PARALLEL_AFTER_MS, the rest would still take longer than
 * PARALLEL_WORTH_MS at the pace so far (and there are at least PARALLEL_MIN of them), they go to workers.
 * 1,000 scenarios of the README example run in about 0.7 s in one thread, 2.2 s through two workers.
 */
const PARALLEL_MIN = 24;
const PARALLEL_AFTER_MS = 500;
const PARALLEL_WORTH_MS = 2000;

interface Planned {
  file: PreparedTestFile;
  result: TestFileResult;
  index: number;
  /** Set when the scenario is not run (skip, only, bail). */
  outcome?: ScenarioResult;
}

/** What to run and what to report as skipped, in file order; grep leaves non-matching scenarios out. */
function plan(loaded: PreparedTestFile[], results: TestFileResult[], grep: RegExp | undefined): Planned[] {
  const anyOnly = loaded.some((f) => f.test?.spec.scenarios.some((s) => s.only));
  const planned: Planned[] = [];
  loaded.forEach((file, i) => {
    const result = results[i]!;
    if (!file.test || !file.context) return;
    file.test.spec.scenarios.forEach((scenario, index) => {
      if (grep && !grep.test(scenario.name)) return;
      const place = file.test!.places[index]!;
      const entry: Planned = { file, result, index };
      if (scenario.skip) entry.outcome = skipped(scenario.name, place, typeof scenario.skip === 'string' ? scenario.skip : 'skip: true');
      else if (anyOnly && !scenario.only) entry.outcome = skipped(scenario.name, place, 'not marked only, and another scenario is');
      planned.push(entry);
    });
  });
  return planned;
}

function fileResult(file: PreparedTestFile): TestFileResult {
  const result: TestFileResult = { file: file.shown, scenarios: [] };
  if (file.error || !file.machine) {
    result.error = { message: file.error?.detail ?? 'cannot be loaded', ...(file.error?.place ? { place: file.error.place } : {}) };
    return result;
  }
  result.definition = file.machine.file;
  if (file.machine.source.name !== undefined) result.machine = file.machine.source.name;
  return result;
}

/** Runs every scenario of the test files found under `paths`; `problems` lists paths that named nothing. */
export async function runTests(paths: string[] = ['.'], options: RunTestsOptions = {}): Promise<TestReport & { problems: string[] }> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const { files: found, problems } = await findTestFiles(paths, cwd);
  const cache = new FileCache();
  const loaded: PreparedTestFile[] = [];
  for (const shown of found) loaded.push(await prepareTestFile(shown, cwd, cache));
  const results = loaded.map(fileResult);
  const planned = plan(loaded, results, options.grep);
  const coverage = options.coverage ? new CoverageCollector() : undefined;
  const targetOf = (file: PreparedTestFile) => {
    const m = file.machine!;
    return coverage?.target(`${m.absolute}#${m.source.pointer}`, m.file, m.source.name, m.source.definition, m.source.locate);
  };
  // Files are finished (their scenarios listed, onFile called) in order, each as soon as all of its
  // scenarios have an outcome, so a report can print as it goes.
  const byFile = new Map<TestFileResult, Planned[]>(results.map((r) => [r, []]));
  for (const entry of planned) byFile.get(entry.result)!.push(entry);
  let cursor = 0;
  const finishReadyFiles = () => {
    for (; cursor < results.length; cursor++) {
      const entries = byFile.get(results[cursor]!)!;
      if (entries.some((e) => !e.outcome)) return;
      results[cursor]!.scenarios.push(...entries.map((e) => e.outcome!));
      options.onFile?.(results[cursor]!);
    }
  };
  finishReadyFiles();
  const record = (entry: Planned, result: ScenarioResult, hits: Map<string, number> | undefined): boolean => {
    entry.outcome = result;
    const target = hits ? targetOf(entry.file) : undefined;
    if (target && hits) coverage!.add(target, hits);
    options.onScenario?.(entry.file.shown, result);
    finishReadyFiles();
    return !(options.bail && (result.status === 'failed' || result.status === 'error'));
  };
  const toRun = planned.filter((p) => !p.outcome);
  // (The skipped ones already have their outcome; files with nothing to run are finished above.)
  const jobs = Math.max(1, options.jobs ?? 1);
  let notRun: Planned[] = [];
  const parallelAfter = options.parallelAfterMs ?? PARALLEL_AFTER_MS;
  const pool = jobs > 1 && toRun.length >= PARALLEL_MIN ? await import('./scenario-pool.js') : undefined;
  const canParallel = pool?.workersAvailable() ?? false;
  const startedRunning = performance.now();
  let next = 0;
  for (; next < toRun.length; next++) {
    const spent = performance.now() - startedRunning;
    const left = toRun.length - next;
    if (canParallel && spent >= parallelAfter && left >= PARALLEL_MIN && (next === 0 || (spent / next) * left > PARALLEL_WORTH_MS)) break;
    const entry = toRun[next]!;
    const { result, hits } = await runScenario(entry.file.context!, entry.index);
    if (!record(entry, result, hits)) {
      notRun = toRun.slice(next + 1);
      next = toRun.length;
      break;
    }
  }
  let workers = 0;
  if (next < toRun.length) {
    workers = Math.min(jobs, toRun.length - next);
    const tasks = toRun.slice(next).map((p) => ({ shown: p.file.shown, cwd, index: p.index, entry: p }));
    const left = await pool!.runPool(tasks, { jobs, onResult: (task, result, hits) => record((task as (typeof tasks)[number]).entry, result, hits) });
    notRun = left.map((t) => (t as (typeof tasks)[number]).entry);
  }
  for (const entry of notRun) {
    const scenario = entry.file.test!.spec.scenarios[entry.index]!;
    entry.outcome = skipped(scenario.name, entry.file.test!.places[entry.index]!, 'not run: --bail stopped at an earlier failure');
  }
  finishReadyFiles();
  const report: TestReport & { problems: string[] } = { files: results, summary: { ...summarise(results, started), workers }, problems };
  if (coverage) report.coverage = coverage.report();
  return report;
}
