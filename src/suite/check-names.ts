/**
 * The state names a test file's expectations use must exist in the machine: a misspelt name in `states`,
 * `path` or `state` would otherwise make an expectation that can never hold (or, worse, a `calls: 0` that
 * always does). Each unknown name is a problem with the test file at its place, with the nearest name.
 */
import { suggestNearest } from '../asl/suggest.js';
import { buildModel, qualifiedName } from '../asl/walker.js';
import { SuiteFileError } from './data-file.js';
import type { TestFile } from './load-test-file.js';

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

export function checkStateNames(test: TestFile, definition: unknown): void {
  const model = buildModel(definition);
  const full = new Set(model.states.map(qualifiedName));
  const bare = new Set(model.states.map((s) => s.name));
  const top = new Set(model.root.states.map((s) => s.name));
  const fail = (name: string, pointer: string, candidates: Set<string>, what: string): never => {
    const near = suggestNearest(name, candidates);
    throw new SuiteFileError(test.data.file, `${what} "${name}" is not a state of the machine${near ? `; did you mean "${near}"?` : ''}`, test.data.locate(pointer));
  };
  test.spec.scenarios.forEach((scenario, index) => {
    const at = `/scenarios/${index}`;
    if (scenario.state !== undefined && !full.has(scenario.state) && !bare.has(scenario.state)) fail(scenario.state, `${at}/state`, full, 'state');
    const expect = scenario.expect;
    if (!expect) return;
    for (const name of Object.keys(expect.states ?? {})) {
      if (!full.has(name) && !bare.has(name)) fail(name, `${at}/expect/states/${escapeToken(name)}`, full, 'expect.states names');
    }
    for (const key of ['path', 'pathContains'] as const) {
      (expect[key] ?? []).forEach((name, i) => {
        if (!top.has(name)) fail(name, `${at}/expect/${key}/${i}`, top, `expect.${key} names`);
      });
    }
    const regexes: Array<[unknown, string]> = [[expect.error, 'error'], [expect.cause, 'cause'], ...Object.entries(expect.states ?? {}).map(([n, s]): [unknown, string] => [s.error, `states/${escapeToken(n)}/error`])];
    for (const [matcher, where] of regexes) {
      if (typeof matcher !== 'object' || matcher === null) continue;
      try {
        new RegExp((matcher as { matches: string }).matches);
      } catch (error) {
        throw new SuiteFileError(test.data.file, `matches is not a valid regular expression: ${(error as Error).message}`, test.data.locate(`${at}/expect/${where}/matches`));
      }
    }
  });
}
