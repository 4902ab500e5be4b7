/**
 * The Task answers of one scenario: the file-level stub file with the scenario's own stubs merged over it
 * (per state name and per resource pattern), or a Step Functions Local mock config test case. Every problem
 * is a SuiteFileError at its place (in the stub file, the mock config, or the scenario's `stubs`).
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { isObject } from '../asl/is-object.js';
import { mockConfigAnswerer, MockConfigError } from '../run/stubs/mock-config.js';
import { fileStubHooks } from '../run/stubs/node-hooks.js';
import { describePointer } from '../run/stubs/problems.js';
import { checkStubFile, stubFileAnswerer, StubFileError } from '../run/stubs/stub-file.js';
import type { StubAnswer, StubFile, TaskAnswerer } from '../run/types.js';
import { readDataFile, SuiteFileError, type DataFile } from './data-file.js';

/** Stub and mock config files of one suite run, each read and checked once. */
export class FileCache {
  private readonly files = new Map<string, Promise<DataFile>>();

  read(absolute: string, shown: string, what: string): Promise<DataFile> {
    let file = this.files.get(absolute);
    if (!file) this.files.set(absolute, (file = readDataFile(absolute, shown, what)));
    return file;
  }
}

function problemError(data: DataFile, base: string, error: StubFileError | MockConfigError): SuiteFileError {
  const first = error.problems[0];
  if (!first) return new SuiteFileError(data.file, error.message, data.locate(base));
  const more = error.problems.length > 1 ? ` (and ${error.problems.length - 1} more problem(s))` : '';
  return new SuiteFileError(data.file, `${describePointer(first.pointer, isObject(data.value) ? undefined : data.value)}: ${first.message}${more}`, data.locate(base + first.pointer));
}

/** Checks a stub file value; `base` is the pointer of the stubs inside `data` ("" for a stub file). */
export function checkStubs(value: unknown, data: DataFile, base: string): StubFile {
  try {
    return checkStubFile(value);
  } catch (error) {
    if (error instanceof StubFileError) throw problemError(data, base, error);
    throw error;
  }
}

/** The same stubs with every relative file reference (modules, items, results) made absolute from `dir`. */
export function anchorStubs(stubs: StubFile, dir: string): StubFile {
  const anchor = (path: string) => (isAbsolute(path) ? path : resolve(dir, path));
  const answer = (a: StubAnswer): StubAnswer => {
    if ('module' in a) return { ...a, module: anchor(a.module) };
    if ('sequence' in a) return { ...a, sequence: a.sequence.map(answer) };
    return a;
  };
  const map = (entries: Record<string, StubAnswer> | undefined) => (entries ? Object.fromEntries(Object.entries(entries).map(([k, a]) => [k, answer(a)])) : undefined);
  const out: StubFile = {};
  if (stubs.states) out.states = map(stubs.states);
  if (stubs.resources) out.resources = map(stubs.resources);
  if (stubs.items) out.items = Object.fromEntries(Object.entries(stubs.items).map(([k, p]) => [k, anchor(p)]));
  if (stubs.results !== undefined) out.results = anchor(stubs.results);
  return out;
}

/** The scenario's stubs over the file's: per state name and resource pattern, the scenario wins. */
export function mergeStubs(base: StubFile | undefined, over: StubFile | undefined): StubFile | undefined {
  if (!base) return over;
  if (!over) return base;
  return {
    states: { ...base.states, ...over.states },
    // A scenario's pattern is tried before the file's, so it wins where both match.
    resources: { ...over.resources, ...base.resources },
    items: { ...base.items, ...over.items },
    ...(over.results ?? base.results ? { results: over.results ?? base.results } : {}),
  };
}

export function stubAnswerer(stubs: StubFile): TaskAnswerer {
  // Every path in `stubs` is absolute by now (anchorStubs), so the base folder does not matter.
  return stubFileAnswerer(stubs, fileStubHooks(process.cwd()));
}

/** `./MockConfigFile.json#TestCase`, relative to the test file, as an answerer. */
export async function mockAnswerer(reference: string, testData: DataFile, testAbsolute: string, pointer: string, machineName: string | undefined, cache: FileCache): Promise<TaskAnswerer> {
  const hash = reference.lastIndexOf('#');
  const path = reference.slice(0, hash);
  const testCase = reference.slice(hash + 1);
  const absolute = resolve(dirname(testAbsolute), path);
  let config: DataFile;
  try {
    config = await cache.read(absolute, path, 'the mock config');
  } catch (error) {
    if (error instanceof SuiteFileError && error.place === undefined) throw new SuiteFileError(testData.file, `mockConfig ${path}: ${error.detail} (the path is relative to the test file)`, testData.locate(pointer));
    throw error;
  }
  const machines = isObject(config.value) && isObject(config.value.StateMachines) ? Object.keys(config.value.StateMachines) : [];
  const machine = machineName !== undefined && machines.includes(machineName) ? machineName : undefined;
  try {
    return mockConfigAnswerer(config.value, testCase, machine);
  } catch (error) {
    if (!(error instanceof MockConfigError)) throw error;
    // A wrong test case name is the scenario's mistake; a malformed file is the file's.
    if (error.problems.length === 0 || error.problems.every((p) => p.pointer === '')) throw new SuiteFileError(testData.file, `mockConfig ${reference}: ${error.message}`, testData.locate(pointer));
    throw problemError(config, '', error);
  }
}
