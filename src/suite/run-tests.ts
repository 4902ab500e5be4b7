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
  /** Scenarios at once, on worker threads (default 1: in this thread). */
  jobs?: number;
  /** Measure workflow coverage (the report's `coverage`). */
  coverage?: boolean;
  /** Called as each scenario finishes, for progress views. */
  onScenario?: (file: string, result: ScenarioResult) => void;
  /** Called as each test file finishes (or fails to load), for reports that print as they go. */
  onFile?: (result: TestFileResult) => void;
}

function summarise(files: TestFileResult[], started: number): TestSummary {
  const summary: TestSummary = { files: files.length, passed: 0, failed: 0, skipped: 0, errors: 0, durationMs: performance.now() - started };
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

/** Below this many scenarios to run, worker threads cost more to start than they save. */
const PARALLEL_MIN = 24;

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
  const pool = jobs > 1 && toRun.length >= PARALLEL_MIN ? await import('./scenario-pool.js') : undefined;
  if (pool?.workersAvailable()) {
    const { runPool } = pool;
    const tasks = toRun.map((p) => ({ shown: p.file.shown, cwd, index: p.index, entry: p }));
    const left = await runPool(tasks, { jobs, onResult: (task, result, hits) => record((task as (typeof tasks)[number]).entry, result, hits) });
    notRun = left.map((t) => (t as (typeof tasks)[number]).entry);
  } else {
    for (const [i, entry] of toRun.entries()) {
      const { result, hits } = await runScenario(entry.file.context!, entry.index);
      if (!record(entry, result, hits)) {
        notRun = toRun.slice(i + 1);
        break;
      }
    }
  }
  for (const entry of notRun) {
    const scenario = entry.file.test!.spec.scenarios[entry.index]!;
    entry.outcome = skipped(scenario.name, entry.file.test!.places[entry.index]!, 'not run: --bail stopped at an earlier failure');
  }
  finishReadyFiles();
  const report: TestReport & { problems: string[] } = { files: results, summary: summarise(results, started), problems };
  if (coverage) report.coverage = coverage.report();
  return report;
}
