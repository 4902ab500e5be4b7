// `asl validate` runs in pre-commit hooks on every commit: it must not load the heavy dependencies
// or the code of the other commands. The built executable is traced module by module.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from './run-cli.js';
import { FORMAT_NAMES } from '../../src/cli/check-options.js';
import { formatNames, formatters } from '../../src/report/index.js';

function modulesLoadedBy(argv: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', `${fixtures}trace/register.mjs`, `${repoRoot}bin/asl.js`, ...argv], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return child.stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
}

describe('startup of asl validate', () => {
  const loaded = modulesLoadedBy(['validate', 'examples/order-processing.asl.json']);

  it('loads the validator (so the trace works)', () => {
    expect(loaded.some((url) => url.includes('/dist/validate/'))).toBe(true);
  });

  it('does not load jsonata, ink, react, viz or mermaid', () => {
    expect(loaded.filter((url) => /\/node_modules\/(jsonata|ink|react|@viz-js|mermaid)\//.test(url))).toEqual([]);
  });

  it('does not load the code of lint, run or graph', () => {
    expect(loaded.filter((url) => /\/dist\/(lint|run|graph)\//.test(url))).toEqual([]);
  });

  it('loads only the formatter it prints with', () => {
    expect(loaded.filter((url) => /\/dist\/report\/(stylish|json|sarif|github|junit)\.js$/.test(url)).map((url) => url.replace(/.*\//, ''))).toEqual([
      'stylish.js',
    ]);
  });
});

describe('--format choices', () => {
  // check-options spells them out so that registering the commands loads no formatter.
  it('are exactly the formatters, in the same order', () => {
    expect([...FORMAT_NAMES]).toEqual(formatNames);
    expect(Object.keys(formatters)).toEqual([...formatNames]);
  });
});
