/**
 * Stub results in a test file are checked against the response shape of the API each Task calls, as
 * `asl run --validate-stubs` checks them (default PRESENT): a scenario that passes only because its stub
 * returns what the service never would is a test that proves nothing. The file's `validateStubs` key sets
 * the mode. A problem is a SuiteFileError at the result's place, in the stub file or in the scenario.
 */
import type { StubFile } from '../run/types.js';
import type { FieldValidationMode } from '../run/mock-shape.js';
import { stubFileShapeTargets } from '../run/stubs/shape-targets.js';
import { SuiteFileError, type DataFile } from './data-file.js';
import type { TestFileSpec } from './types.js';

/** The file's validateStubs as the shape check's mode (default PRESENT, as asl run's --validate-stubs). */
export function shapeMode(spec: TestFileSpec): FieldValidationMode {
  return spec.validateStubs === 'strict' ? 'STRICT' : spec.validateStubs === 'none' ? 'NONE' : 'PRESENT';
}

export async function checkSuiteStubShapes(stubs: StubFile, definition: unknown, data: DataFile, base: string, mode: FieldValidationMode): Promise<void> {
  if (mode === 'NONE') return;
  const targets = stubFileShapeTargets(definition, stubs);
  if (targets.length === 0) return;
  // The shapes (generated from the AWS SDK's models) load only when there is a result to check.
  const { validateMockShape } = await import('../run/stubs/shapes/index.js');
  for (const target of targets) {
    const [problem] = validateMockShape(target.resource, target.result, mode);
    if (!problem) continue;
    const where = `${base}${target.pointer}${problem.pointer}`;
    throw new SuiteFileError(data.file, `${problem.message} (validateStubs ${mode.toLowerCase()}; set validateStubs: none in the test file to skip this check)`, data.locate(where));
  }
}
