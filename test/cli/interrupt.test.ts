/**
 * Stopping commands: `asl run` turns an interrupt into an ABORTED execution and exit 130 (SIGINT) or 143
 * (SIGTERM) with a one-line note; validate, lint and graph keep Node's default, which ends them at once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BufferStream } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { repoRoot } from './run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-interrupt-'));
  writeFileSync(join(dir, 'endless.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'A' }, Done: { Type: 'Succeed' } } }));
  // Big enough that checking it takes seconds, so the signal comes while the command works.
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 150_000; i++) states[`S${i}`] = i < 149_999 ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Succeed' };
  writeFileSync(join(dir, 'huge.asl.json'), JSON.stringify({ StartAt: 'S0', States: states }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('asl run, stopped by the caller', () => {
  for (const format of ['pretty', 'json']) {
    it(`an endless run in --format ${format} ends ABORTED with exit 130 and a note on stderr`, async () => {
      const stdout = new BufferStream();
      const stderr = new BufferStream();
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 150);
      const code = await main(['run', 'endless.asl.json', '--max-events', '100000000', '--format', format], { stdout, stderr, stdin: Readable.from(['']), env: {}, cwd: dir, signal: controller.signal });
      expect(code).toBe(130);
      expect(stderr.text).toBe('asl: interrupted by SIGINT: the execution was stopped (ABORTED)\n');
      if (format === 'json') expect(JSON.parse(stdout.text)).toEqual({ status: 'ABORTED' });
      else expect(stdout.text).toMatch(/ABORTED after 0s of virtual time, \d+ history events\nstopped before it finished\n$/);
    });
  }

  it('--real-time: a long Wait is cut short', async () => {
    writeFileSync(join(dir, 'wait.asl.json'), JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }));
    const stdout = new BufferStream();
    const stderr = new BufferStream();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const code = await main(['run', 'wait.asl.json', '--real-time'], { stdout, stderr, stdin: Readable.from(['']), env: {}, cwd: dir, signal: controller.signal });
    expect(code).toBe(130);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('validate, lint and graph end at once on a signal', () => {
  for (const [command, signal] of [['validate', 'SIGINT'], ['lint', 'SIGTERM'], ['graph', 'SIGINT']] as const) {
    it(`asl ${command}, ${signal}`, async () => {
      const child = spawn(process.execPath, [join(repoRoot, 'bin/asl.js'), command, 'huge.asl.json'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, sig) => done({ code, signal: sig })));
      await new Promise((done) => setTimeout(done, 400));
      const sent = performance.now();
      child.kill(signal);
      const end = await exited;
      expect(performance.now() - sent).toBeLessThan(1000);
      // Killed by the signal (a shell shows 130 or 143), not finished.
      expect(end.signal).toBe(signal);
    });
  }
});
