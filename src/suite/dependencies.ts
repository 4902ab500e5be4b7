/**
 * The files a test file's scenarios depend on (the test file, its definition, its stub file, each
 * scenario's input file and mock config), as absolute paths, for `asl test --watch` to know which
 * test files a change affects. A test file that does not load depends on itself only.
 */
import { dirname, resolve } from 'node:path';
import { loadTestFile } from './load-test-file.js';

export async function testFileDependencies(absolute: string): Promise<string[]> {
  const deps = new Set([absolute]);
  try {
    const { spec } = await loadTestFile(absolute, absolute);
    const dir = dirname(absolute);
    deps.add(resolve(dir, spec.definition));
    if (spec.stubs !== undefined) deps.add(resolve(dir, spec.stubs));
    for (const scenario of spec.scenarios) {
      if (scenario.inputFile !== undefined) deps.add(resolve(dir, scenario.inputFile));
      if (scenario.mockConfig !== undefined) deps.add(resolve(dir, scenario.mockConfig.slice(0, scenario.mockConfig.lastIndexOf('#'))));
    }
  } catch {
    // Reported when it runs; until it is fixed, only its own changes matter.
  }
  return [...deps];
}
