// The built executable, spawned as users and CI run it. The in-process tests cover behaviour;
// these make sure the shim, the build and real process streams work together.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './run-cli.js';

const validText = readFileSync(new URL('../fixtures/cli/valid.asl.json', import.meta.url), 'utf8');

describe('bin/asl.js validate', () => {
  it('exits 0 for a valid definition', () => {
    expect(spawnCli(['validate', 'valid.asl.json'])).toMatchObject({ code: 0, stdout: '✔ 1 state machine valid\n' });
  });

  it('exits 1 for a definition with errors', () => {
    expect(spawnCli(['validate', 'syntax-error.asl.json']).code).toBe(1);
  });

  it('exits 2 with a clear message and no stack trace for a missing path', () => {
    const run = spawnCli(['validate', 'missing.asl.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^asl: .*missing\.asl\.json/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an unknown format', () => {
    expect(spawnCli(['validate', 'valid.asl.json', '--format', 'yaml']).code).toBe(2);
  });

  it('reads stdin when the path is -', () => {
    const run = spawnCli(['validate', '-', '--format', 'json'], { stdin: validText });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ file: '-', valid: true });
  });

  it('validates a directory and a glob', () => {
    expect(JSON.parse(spawnCli(['validate', 'dir', '--format', 'json']).stdout)).toHaveLength(2);
    expect(JSON.parse(spawnCli(['validate', 'dir/*.asl.json', '--format', 'json']).stdout)).toHaveLength(1);
  });

  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    it(`prints the ${format} format for a broken file and exits 1`, () => {
      const run = spawnCli(['validate', 'syntax-error.asl.json', '--format', format]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(format === 'sarif' || format === 'json' ? '"syntax-error.asl.json"' : 'syntax-error.asl.json');
    });
  }

  it('colours with FORCE_COLOR and not with NO_COLOR', () => {
    expect(spawnCli(['validate', 'syntax-error.asl.json'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(spawnCli(['validate', 'syntax-error.asl.json'], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('validates the README example cleanly', () => {
    const run = spawnCli(['validate', 'examples/order-processing.asl.json'], { cwd: new URL('../../', import.meta.url).pathname });
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });
});
