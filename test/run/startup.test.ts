// A `--format json` run must not pay for ink (about 300 ms) or JSONata when the machine does not use it.
// The BUILT executable is traced module by module (`npm test` builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../cli/run-cli.js';

const built = existsSync(`${repoRoot}dist/cli/run-action.js`);

function modulesLoadedBy(argv: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', `${fixtures}trace/register.mjs`, `${repoRoot}bin/asl.js`, ...argv], {
    cwd: `${repoRoot}test/fixtures/run/cli`,
    encoding: 'utf8',
  });
  return child.stderr
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
}

describe.skipIf(!built)('startup of asl run', () => {
  const loaded = modulesLoadedBy(['run', 'wait.asl.json', '--format', 'json']);

  it('loads the interpreter (so the trace works)', () => {
    expect(loaded.some((url) => url.includes('/dist/run/'))).toBe(true);
  });

  it('does not load ink, react or jsonata for a JSONPath machine with --format json', () => {
    expect(loaded.filter((url) => /\/node_modules\/(jsonata|ink|react)\//.test(url))).toEqual([]);
  });
});
