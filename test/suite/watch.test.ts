/**
 * `asl test --watch`: which test files a change re-runs (driven through injected watcher and runner), and
 * the real thing: the built CLI watching a folder, re-running after a stub file is saved.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BufferStream } from '../../src/cli/io.js';
import { watchTests } from '../../src/cli/test-watch.js';
import type { CommandContext } from '../../src/cli/context.js';
import { repoRoot } from '../cli/run-cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/suite/', import.meta.url));

function copyFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asl-test-watch-'));
  cpSync(join(fixtures, 'expectations'), join(dir, 'expectations'), { recursive: true });
  // Not named coverage/: directory search skips folders of that name (coverage reports live there).
  cpSync(join(fixtures, 'coverage'), join(dir, 'flows'), { recursive: true });
  writeFileSync(join(dir, 'expectations', 'stubs.yaml'), 'states:\n  Charge: { result: { Payload: { approved: true } } }\n');
  writeFileSync(join(dir, 'expectations', 'uses-stubs.asl-test.yaml'), 'definition: ./machine.asl.json\nstubs: ./stubs.yaml\nscenarios:\n  - name: approved\n    input: { total: 1 }\n    expect: { status: SUCCEEDED }\n');
  return dir;
}

describe('asl test --watch', () => {
  it('re-runs only the test files that depend on the changed file', async () => {
    const dir = copyFixtures();
    const ctx: CommandContext = { io: { stdout: new BufferStream(), stderr: new BufferStream(), stdin: process.stdin }, env: {}, cwd: dir, exitCode: 0, debug: false };
    const runs: string[][] = [];
    let ranOnce: () => void = () => {};
    const nextRun = () => new Promise<void>((done) => (ranOnce = done));
    let change: (path: string) => void = () => {};
    let watchingReady!: () => void;
    const ready = new Promise<void>((done) => (watchingReady = done));
    let stop!: () => void;
    const stopped = new Promise<void>((done) => (stop = done));
    const watching = watchTests(ctx, ['.'], {
      run: async (paths) => {
        runs.push(paths.map((p) => p.replace(`${dir}/`, '')));
        ranOnce();
      },
      watch: async (_roots, onChange) => {
        change = onChange;
        watchingReady();
        return { close: async () => {} };
      },
      debounceMs: 5,
      stopped,
    });
    await ready;
    for (const file of ['expectations/stubs.yaml', 'expectations/machine.asl.json', 'flows/machine.asl-test.yaml']) {
      const ran = nextRun();
      change(join(dir, file));
      await ran;
    }
    stop();
    await watching;
    expect(runs).toEqual([
      ['.'],
      ['expectations/uses-stubs.asl-test.yaml'],
      ['expectations/fail.asl-test.yaml', 'expectations/pass.asl-test.yaml', 'expectations/uses-stubs.asl-test.yaml'],
      ['flows/machine.asl-test.yaml'],
    ]);
  });

  it('the built CLI re-runs after a stub file is saved, with the new answer', async () => {
    const dir = copyFixtures();
    const child = spawn(process.execPath, [join(repoRoot, 'bin/asl.js'), 'test', 'expectations/uses-stubs.asl-test.yaml', '--watch', '--no-color'], { cwd: dir });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const until = async (pattern: RegExp) => {
      for (let i = 0; i < 200 && !pattern.test(out + err); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out + err).toMatch(pattern);
    };
    try {
      await until(/watching for changes/);
      expect(out).toContain('✓ approved');
      writeFileSync(join(dir, 'expectations', 'stubs.yaml'), readFileSync(join(dir, 'expectations', 'stubs.yaml'), 'utf8').replace('true', 'false'));
      await until(/re-running 1 test file/);
      await until(/✗ approved/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);
});
