/**
 * Loads one test file for running: the file itself (checked), its machine, the state names it uses, and
 * its file-level stubs. A problem with any of them is the file's `error`, so the other files still run.
 */
import { dirname, resolve } from 'node:path';
import { anchorStubs, checkStubs, type FileCache } from './answerers.js';
import { checkStateNames } from './check-names.js';
import { SuiteFileError } from './data-file.js';
import { loadTestFile, type TestFile } from './load-test-file.js';
import { loadMachine, type LoadedMachine } from './machine.js';
import type { ScenarioContext } from './run-scenario.js';
import { checkSuiteStubShapes, shapeMode } from './stub-shapes.js';

export interface PreparedTestFile {
  shown: string;
  absolute: string;
  test?: TestFile;
  machine?: LoadedMachine;
  context?: ScenarioContext;
  error?: SuiteFileError;
}

export async function prepareTestFile(shown: string, cwd: string, cache: FileCache): Promise<PreparedTestFile> {
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
      const checked = checkStubs(data.value, data, '');
      await checkSuiteStubShapes(checked, machine.source.definition, data, '', shapeMode(test.spec));
      fileStubs = anchorStubs(checked, dirname(stubPath));
    }
    return { shown, absolute, test, machine, context: { test, testAbsolute: absolute, machine, fileStubs, cache } };
  } catch (error) {
    if (error instanceof SuiteFileError) return { shown, absolute, error };
    throw error;
  }
}
