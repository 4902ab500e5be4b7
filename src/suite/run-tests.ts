/**
 * `runTests`: finds test files, loads each with its machine and stubs, runs the scenarios through the
 * interpreter, checks their expectations and, when asked, measures workflow coverage. Returns the same
 * structure `asl test --format json` prints. A bad test file is reported and the other files still run.
 */
import { dirname, resolve } from 'node:path';
import { anchorStubs, checkStubs, FileCache } from './answerers.js';
import { checkStateNames } from './check-names.js';
import { CoverageCollector } from './coverage.js';
import { SuiteFileError } from './data-file.js';
import { findTestFiles } from './find-test-files.js';
import { loadTestFile, type TestFile } from './load-test-file.js';
import { loadMachine, type LoadedMachine } from './machine.js';
import { runScenario, type ScenarioContext } from './run-scenario.js';
import type { ScenarioResult, TestFileResult, TestReport, TestSummary } from './types.js';

export interface RunTestsOptions {
  /** Where relative paths start (default: the current directory). */
  cwd?: string;
  /** Only scenarios whose name matches. */
  grep?: RegExp;
  /** Stop after the first scenario that fails or cannot run. */
  bail?: boolean;
  /** Measure workflow coverage (the report's `coverage`). */
  coverage?: boolean;
  /** Called as each scenario finishes, for progress views. */
  onScenario?: (file: string, result: ScenarioResult) => void;
  /** Called as each test file finishes (or fails to load), for reports that print as they go. */
  onFile?: (result: TestFileResult) => void;
}

interface LoadedTestFile {
  shown: string;
  absolute: string;
  test?: TestFile;
  machine?: LoadedMachine;
  context?: ScenarioContext;
  error?: SuiteFileError;
}

async function prepare(shown: string, cwd: string, cache: FileCache): Promise<LoadedTestFile> {
  const absolute = resolve(cwd, shown);
  try {
    const test = await loadTestFile(absolute, shown);
    const machine = await loadMachine(test, absolute, cwd);
    checkStateNames(test, machine.source.definition);
    let fileStubs;
    if (test.spec.stubs !== undefined) {
      const stubPath = resolve(dirname(absolute), test.spec.stubs);
      const data = await cache.read(stubPath, test.spec.stubs, 'the stub file').catch((error: unknown) => {
        if (error instanceof SuiteFileError && error.place === undefined) throw new SuiteFileError(shown, `stubs ${test.spec.stubs}: ${error.detail} (the path is relative to the test file)`, test.data.locate('/stubs'));
        throw error;
      });
      fileStubs = anchorStubs(checkStubs(data.value, data, ''), dirname(stubPath));
    }
    return { shown, absolute, test, machine, context: { test, testAbsolute: absolute, machine, fileStubs, cache } };
  } catch (error) {
    if (error instanceof SuiteFileError) return { shown, absolute, error };
    throw error;
  }
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

/** Runs every scenario of the test files found under `paths`; `problems` lists paths that named nothing. */
export async function runTests(paths: string[] = ['.'], options: RunTestsOptions = {}): Promise<TestReport & { problems: string[] }> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const { files: found, problems } = await findTestFiles(paths, cwd);
  const cache = new FileCache();
  const loaded: LoadedTestFile[] = [];
  for (const shown of found) loaded.push(await prepare(shown, cwd, cache));
  const anyOnly = loaded.some((f) => f.test?.spec.scenarios.some((s) => s.only));
  const coverage = options.coverage ? new CoverageCollector() : undefined;
  const results: TestFileResult[] = [];
  let stopped = false;
  for (const file of loaded) {
    const result: TestFileResult = { file: file.shown, scenarios: [] };
    results.push(result);
    if (file.error || !file.context || !file.test || !file.machine) {
      result.error = { message: file.error?.detail ?? 'cannot be loaded', ...(file.error?.place ? { place: file.error.place } : {}) };
      options.onFile?.(result);
      continue;
    }
    result.definition = file.machine.file;
    if (file.machine.source.name !== undefined) result.machine = file.machine.source.name;
    const target = coverage?.target(`${file.machine.absolute}#${file.machine.source.pointer}`, file.machine.file, file.machine.source.name, file.machine.source.definition, file.machine.source.locate);
    for (const [index, scenario] of file.test.spec.scenarios.entries()) {
      const place = file.test.places[index]!;
      if (options.grep && !options.grep.test(scenario.name)) continue;
      let outcome: ScenarioResult;
      if (stopped) outcome = skipped(scenario.name, place, 'not run: --bail stopped at an earlier failure');
      else if (scenario.skip) outcome = skipped(scenario.name, place, typeof scenario.skip === 'string' ? scenario.skip : 'skip: true');
      else if (anyOnly && !scenario.only) outcome = skipped(scenario.name, place, 'not marked only, and another scenario is');
      else {
        const { result: ran, hits } = await runScenario(file.context, index);
        if (target && hits) coverage!.add(target, hits);
        outcome = ran;
        if (options.bail && (ran.status === 'failed' || ran.status === 'error')) stopped = true;
      }
      result.scenarios.push(outcome);
      options.onScenario?.(file.shown, outcome);
    }
    options.onFile?.(result);
  }
  const report: TestReport & { problems: string[] } = { files: results, summary: summarise(results, started), problems };
  if (coverage) report.coverage = coverage.report();
  return report;
}


