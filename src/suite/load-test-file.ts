/**
 * Reads one test file: parse (YAML or JSON), check it against schemas/asl-test.schema.json and the rules
 * a schema cannot say (unique names, one source of input, one source of stubs), keep where each scenario is.
 */
import type { ErrorObject } from 'ajv';
import validateTestFile from '../generated/asl-test.schema.js';
import { describePointer, genericMessage } from '../run/stubs/problems.js';
import { readDataFile, SuiteFileError, type DataFile } from './data-file.js';
import type { Place, ScenarioSpec, TestFileSpec } from './types.js';

export interface TestFile {
  data: DataFile;
  spec: TestFileSpec;
  /** Where each scenario starts, by index. */
  places: Place[];
}

/** The most useful schema error: a `oneOf` or `enum` says more than the `type` errors it brings along. */
function schemaProblem(errors: ErrorObject[], root: unknown): { pointer: string; message: string; atKey?: boolean } {
  const first = errors.find((e) => e.keyword === 'additionalProperties' || e.keyword === 'required') ?? errors[0]!;
  if (first.keyword === 'enum') {
    const allowed = (first.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return { pointer: first.instancePath, message: `must be one of ${allowed}` };
  }
  if (first.keyword === 'pattern' && first.instancePath.endsWith('/mockConfig')) {
    return { pointer: first.instancePath, message: 'must name a file and a test case: ./MockConfigFile.json#TestCaseName' };
  }
  const problem = genericMessage(first);
  return { pointer: problem.pointer, message: `${describePointer(problem.pointer, root)}: ${problem.message}`, atKey: first.keyword === 'additionalProperties' };
}

function checkScenarios(scenarios: ScenarioSpec[], data: DataFile): void {
  const seen = new Map<string, number>();
  scenarios.forEach((scenario, index) => {
    const at = (key?: string) => data.locate(`/scenarios/${index}${key ? `/${key}` : ''}`);
    const earlier = seen.get(scenario.name);
    if (earlier !== undefined) {
      throw new SuiteFileError(data.file, `scenario name "${scenario.name}" is used twice (also scenario ${earlier + 1}); names identify scenarios in reports, so make each unique`, at('name'));
    }
    seen.set(scenario.name, index);
    if (scenario.input !== undefined && scenario.inputFile !== undefined) {
      throw new SuiteFileError(data.file, `scenario "${scenario.name}" has both input and inputFile; keep one`, at('inputFile'));
    }
    if (scenario.mockConfig !== undefined && scenario.stubs !== undefined) {
      throw new SuiteFileError(data.file, `scenario "${scenario.name}" has both stubs and mockConfig; a mock config answers every Task, so keep one`, at('mockConfig'));
    }
    if (scenario.variables !== undefined && scenario.state === undefined) {
      throw new SuiteFileError(data.file, `scenario "${scenario.name}" gives variables without state; variables set what a single state can read (add state: NAME)`, at('variables'));
    }
  });
}

export async function loadTestFile(absolute: string, shown: string): Promise<TestFile> {
  const data = await readDataFile(absolute, shown, 'the test file');
  if (!validateTestFile(data.value)) {
    const problem = schemaProblem(validateTestFile.errors ?? [], data.value);
    const place = problem.atKey ? data.locateKey(problem.pointer) : data.locate(problem.pointer);
    throw new SuiteFileError(shown, `${problem.message} (see docs/test.md for the test file format)`, place);
  }
  const spec = data.value as TestFileSpec;
  checkScenarios(spec.scenarios, data);
  return { data, spec, places: spec.scenarios.map((_, i) => data.locate(`/scenarios/${i}`)) };
}
