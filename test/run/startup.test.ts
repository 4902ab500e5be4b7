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

  it('loads validate (a run refuses what validate refuses) but, for a valid machine, no report formatter, nor lint or graph', () => {
    // report/names.js is the list of --format names (strings, no imports) that registering validate and lint needs;
    // report/types.js holds the identity painter that the colour decision hands out (no imports either).
    expect(loaded.some((url) => url.includes('/dist/validate/'))).toBe(true);
    const allowed = ['/dist/report/names.js', '/dist/report/types.js'];
    expect(loaded.filter((url) => /\/dist\/(report|lint|graph)\//.test(url) && !allowed.some((end) => url.endsWith(end)))).toEqual([]);
  });
});

/** Whether the process running `asl ...argv` loaded node:crypto at all (by import or require), from Node's own load list. */
function loadsCrypto(argv: string[], stdin = ''): boolean {
  const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("crypto loaded: "+process.moduleLoadList.includes("NativeModule crypto")+"\\n"))';
  const child = spawnSync(process.execPath, ['--import', report, `${repoRoot}bin/asl.js`, ...argv], {
    cwd: `${repoRoot}test/fixtures/run/cli`,
    encoding: 'utf8',
    input: stdin,
  });
  const line = child.stderr.split('\n').find((l) => l.startsWith('crypto loaded: '));
  if (!line) throw new Error(`no report from the child: ${child.stderr}`);
  return line === 'crypto loaded: true';
}

describe.skipIf(!built)('node:crypto in asl run', () => {
  it('is not loaded for a machine that hashes nothing (it costs about 10 ms)', () => {
    expect(loadsCrypto(['run', 'wait.asl.json', '--format', 'json'])).toBe(false);
  });

  it('is loaded when States.Hash runs (so the check can fail)', () => {
    const machine = { StartAt: 'H', States: { H: { Type: 'Pass', Parameters: { 'h.$': "States.Hash('abc', 'SHA-256')" }, End: true } } };
    expect(loadsCrypto(['run', '-', '--format', 'json'], JSON.stringify(machine))).toBe(true);
  });
});
