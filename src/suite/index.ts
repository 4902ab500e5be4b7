/**
 * The library entry of `asl test`. `runTests` loads the suite runner (the test-file schema, the stub and
 * mock config support, the glob library) only when it is called, so `import 'asl-toolkit'` stays cheap.
 */
import type { RunTestsOptions } from './run-tests.js';
import type { TestReport } from './types.js';

export type { RunTestsOptions } from './run-tests.js';

/**
 * Runs every scenario of the test files found under `paths` (files, directories, globs; default the
 * current directory) and returns what `asl test --format json` prints; `problems` lists paths that named
 * nothing. Never throws for a bad test file: it is reported in the file's `error`.
 */
export async function runTests(paths: string[] = ['.'], options: RunTestsOptions = {}): Promise<TestReport & { problems: string[] }> {
  const { runTests: run } = await import('./run-tests.js');
  return run(paths, options);
}
