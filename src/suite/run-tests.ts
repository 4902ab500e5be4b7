/**
 * `runTests`: finds test files, loads each with its machine and stubs, runs the scenarios through the
 * interpreter, checks their expectations and, when asked, measures workflow coverage. Returns the same
 * structure `asl test --format json` prints. A bad test file is reported and the other files still run.
 */
import { FileCache } from './answerers.js';
import { CoverageCollector, type CoverageTarget } from './coverage.js';
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
  const loaded = await prepareAll(found, cwd);
  const results = loaded.map(fileResult);
  const planned = plan(loaded, results, options.grep);
  const coverage = options.coverage ? new CoverageCollector() : undefined;
  const finisher = new FileFinisher(results, planned, options);
  finisher.finishReady();
  const record = recorder(options, coverage, finisher);
  // (The skipped ones already have their outcome; files with nothing to run are finished above.)
  const toRun = planned.filter((p) => !p.outcome);
  const { workers, notRun } = await runPlanned(toRun, cwd, options, record);
  for (const entry of notRun) {
    const scenario = entry.file.test!.spec.scenarios[entry.index]!;
    entry.outcome = skipped(scenario.name, entry.file.test!.places[entry.index]!, 'not run: --bail stopped at an earlier failure');
  }
  finisher.finishReady();
  const report: TestReport & { problems: string[] } = { files: results, summary: { ...summarise(results, started), workers }, problems };
  if (coverage) report.coverage = coverage.report();
  return report;
}

/** Loads the test files in order, with their machines and stubs, through one cache of the files they read. */
async function prepareAll(found: readonly string[], cwd: string): Promise<PreparedTestFile[]> {
  const cache = new FileCache();
  const loaded: PreparedTestFile[] = [];
  for (const shown of found) loaded.push(await prepareTestFile(shown, cwd, cache));
  return loaded;
}

/**
 * Files are finished (their scenarios listed, onFile called) in order, each as soon as all of its scenarios
 * have an outcome, so a report can print as it goes.
 */
class FileFinisher {
  private readonly byFile: Map<TestFileResult, Planned[]>;
  private cursor = 0;

  constructor(
    private readonly results: TestFileResult[],
    planned: readonly Planned[],
    private readonly options: Pick<RunTestsOptions, 'onFile'>,
  ) {
    this.byFile = new Map(results.map((r) => [r, []]));
    for (const entry of planned) this.byFile.get(entry.result)!.push(entry);
  }

  /** Finishes every file, from the first unfinished one on, whose scenarios all have an outcome. */
  finishReady(): void {
    for (; this.cursor < this.results.length; this.cursor++) {
      const entries = this.byFile.get(this.results[this.cursor]!)!;
      if (entries.some((e) => !e.outcome)) return;
      this.results[this.cursor]!.scenarios.push(...entries.map((e) => e.outcome!));
      this.options.onFile?.(this.results[this.cursor]!);
    }
  }
}

/** Takes a scenario's outcome and coverage hits; false when --bail stops the run there. */
type Recorder = (entry: Planned, result: ScenarioResult, hits: Map<string, number> | undefined) => boolean;

/** Records each outcome and its coverage, tells onScenario, and finishes the files that are now complete. */
function recorder(options: RunTestsOptions, coverage: CoverageCollector | undefined, finisher: FileFinisher): Recorder {
  return (entry, result, hits) => {
    entry.outcome = result;
    if (hits && coverage) coverage.add(coverageTarget(coverage, entry.file), hits);
    options.onScenario?.(entry.file.shown, result);
    finisher.finishReady();
    return !(options.bail && (result.status === 'failed' || result.status === 'error'));
  };
}

/** The coverage target of a test file's machine: one per definition file and pointer, whichever test files use it. */
function coverageTarget(coverage: CoverageCollector, file: PreparedTestFile): CoverageTarget {
  const m = file.machine!;
  return coverage.target(`${m.absolute}#${m.source.pointer}`, m.file, m.source.name, m.source.definition, m.source.locate);
}

/**
 * Runs the scenarios: in this thread first, and the rest on workers once that pays (see PARALLEL_MIN).
 * Returns how many workers ran and the scenarios --bail left unrun.
 */
async function runPlanned(toRun: Planned[], cwd: string, options: RunTestsOptions, record: Recorder): Promise<{ workers: number; notRun: Planned[] }> {
  const jobs = Math.max(1, options.jobs ?? 1);
  const pool = jobs > 1 && toRun.length >= PARALLEL_MIN ? await import('./scenario-pool.js') : undefined;
  const canParallel = pool?.workersAvailable() ?? false;
  const { next, notRun } = await runInThread(toRun, record, canParallel, options.parallelAfterMs ?? PARALLEL_AFTER_MS);
  if (next >= toRun.length || pool === undefined) return { workers: 0, notRun };
  const tasks = toRun.slice(next).map((p) => ({ shown: p.file.shown, cwd, index: p.index, entry: p }));
  const left = await pool.runPool(tasks, { jobs, onResult: (task, result, hits) => record((task as (typeof tasks)[number]).entry, result, hits) });
  return { workers: Math.min(jobs, toRun.length - next), notRun: left.map((t) => (t as (typeof tasks)[number]).entry) };
}

/**
 * Runs scenarios in this thread until all have run, --bail stops (`notRun` then lists the rest), or the rest
 * would be worth handing to workers; `next` is the first scenario not run here (all of them: none left).
 */
async function runInThread(toRun: Planned[], record: Recorder, canParallel: boolean, parallelAfter: number): Promise<{ next: number; notRun: Planned[] }> {
  const startedRunning = performance.now();
  for (let next = 0; next < toRun.length; next++) {
    if (canParallel && worthWorkers(performance.now() - startedRunning, next, toRun.length - next, parallelAfter)) return { next, notRun: [] };
    const entry = toRun[next]!;
    const { result, hits } = await runScenario(entry.file.context!, entry.index);
    if (!record(entry, result, hits)) return { next: toRun.length, notRun: toRun.slice(next + 1) };
  }
  return { next: toRun.length, notRun: [] };
}

/** Whether, `spent` ms and `done` scenarios in, the `left` ones would still take long enough at this pace to repay workers. */
function worthWorkers(spent: number, done: number, left: number, parallelAfter: number): boolean {
  return spent >= parallelAfter && left >= PARALLEL_MIN && (done === 0 || (spent / done) * left > PARALLEL_WORTH_MS);
}
