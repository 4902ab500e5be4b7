/** Loads the state machine a test file names: a bare definition, or one machine of a template. */
import { dirname, relative, resolve } from 'node:path';
import { suggestNearest } from '../asl/suggest.js';
import { loadFile, SourceInputError } from '../source/load-file.js';
import type { MachineSource } from '../source/types.js';
import { SuiteFileError } from './data-file.js';
import type { TestFile } from './load-test-file.js';

export interface LoadedMachine {
  /** The definition file as reports show it (relative to the working directory). */
  file: string;
  absolute: string;
  source: MachineSource;
}

export async function loadMachine(test: TestFile, testAbsolute: string, cwd: string): Promise<LoadedMachine> {
  const { spec, data } = test;
  const absolute = resolve(dirname(testAbsolute), spec.definition);
  // Relative to where asl runs when it is below it; otherwise as an absolute path (no ../../ chains).
  const shown = relative(cwd, absolute);
  const file = shown && !shown.startsWith('..') ? shown : absolute;
  const at = data.locate('/definition');
  let loaded;
  try {
    loaded = await loadFile(absolute);
  } catch (error) {
    if (error instanceof SourceInputError) throw new SuiteFileError(data.file, `definition ${spec.definition}: ${error.reason} (the path is relative to the test file)`, at);
    throw error;
  }
  const fileError = loaded.diagnostics.find((d) => d.severity === 'error');
  if (loaded.machines.length === 0) {
    const why = fileError ? `${file}:${fileError.line}:${fileError.column}: ${fileError.message}` : `${file} holds no state machine definition`;
    throw new SuiteFileError(data.file, `definition ${spec.definition} cannot be run: ${why}`, at);
  }
  const source = pickMachine(test, loaded.machines, file);
  const machineError = source.diagnostics.find((d) => d.severity === 'error');
  if (machineError) {
    throw new SuiteFileError(data.file, `definition ${spec.definition} cannot be run: ${file}:${machineError.line}:${machineError.column}: ${machineError.message} (run asl validate ${file})`, at);
  }
  return { file, absolute, source };
}

function pickMachine(test: TestFile, machines: MachineSource[], file: string): MachineSource {
  const wanted = test.spec.stateMachine;
  const names = machines.flatMap((m) => (m.name === undefined ? [] : [m.name]));
  if (wanted === undefined) {
    if (machines.length === 1) return machines[0]!;
    throw new SuiteFileError(test.data.file, `${file} holds ${machines.length} state machines; name one with stateMachine: ${names.join(', ')}`, test.data.locate('/definition'));
  }
  if (names.length === 0) {
    throw new SuiteFileError(test.data.file, `stateMachine "${wanted}" was given, but ${file} is a bare definition with no logical ids; remove stateMachine`, test.data.locate('/stateMachine'));
  }
  const match = machines.find((m) => m.name === wanted);
  if (match) return match;
  const near = suggestNearest(wanted, names);
  throw new SuiteFileError(test.data.file, `${file} has no state machine "${wanted}"; it has ${names.join(', ')}.${near ? ` Did you mean "${near}"?` : ''}`, test.data.locate('/stateMachine'));
}
