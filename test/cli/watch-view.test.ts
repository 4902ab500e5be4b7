/**
 * The ink view of --watch: a report that fits is redrawn in place; a tall one is printed above the live
 * region, quickly, without ink's clear-screen (which wipes the terminal's scrollback); colours as decided
 * for every other output; a broken config shows its message without a misleading "0 state machines valid".
 */
// First, before ink loads: the view is drawn as on a terminal, also when the test suite runs in CI.
import './not-in-ci.js';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BufferStream } from '../../src/cli/io.js';
import type { CommandContext } from '../../src/cli/context.js';
import { runWatch, type WatchFrame } from '../../src/cli/watch.js';
import { fitsScreen, startWatchView } from '../../src/cli/watch-view.js';
import { plainPainter } from '../../src/report/types.js';
import { validateMachine } from '../../src/validate/index.js';
import { repoRoot } from './run-cli.js';

const SGR = /\u001b\[[0-9;]*m/;
const CLEAR_SCROLLBACK = '\u001b[3J';

function terminal(rows: number, columns = 120) {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns, rows });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

function frame(run: number, report: string, problems: string[] = []): WatchFrame {
  return { run, time: new Date(2026, 0, 1, 9, 30, run), files: 1, changes: run === 1 ? [] : [{ file: 'a.asl.json', kind: 'changed' }], problems, report, errors: true };
}

const tallReport = Array.from({ length: 2000 }, (_, i) => `  ${i + 1}:5  error  The state "S${i}" is not reachable  unreachable-state`).join('\n') + '\n';

describe('the watch view', () => {
  it('prints a 2,000-line report above the live region in milliseconds, and never clears the scrollback', async () => {
    const screen = terminal(40);
    const view = await startWatchView(screen.stream, plainPainter);
    const took: number[] = [];
    for (let run = 1; run <= 3; run++) {
      const start = performance.now();
      view.show(frame(run, `${tallReport}run ${run}\n`));
      took.push(performance.now() - start);
      await new Promise((done) => setTimeout(done, 50));
    }
    await view.close();
    // Measured at 2-10 ms a redraw; ink laying the report out took 1.4-2.4 s.
    expect(Math.max(...took)).toBeLessThan(300);
    const text = screen.text();
    expect(text).not.toContain(CLEAR_SCROLLBACK);
    for (let run = 1; run <= 3; run++) expect(text).toContain(`S1999" is not reachable  unreachable-state\nrun ${run}\n`);
    expect(text).toContain('── 09:30:02 a.asl.json changed ──');
    expect(text).toContain('Ctrl-C to stop');
  });

  it('redraws a report that fits in place, under the status line', async () => {
    const screen = terminal(24);
    const view = await startWatchView(screen.stream, plainPainter);
    view.show(frame(1, '✔ 1 state machine valid\n'));
    await new Promise((done) => setTimeout(done, 60));
    view.show(frame(2, 'a.asl.json\n  3:5  error  bad\n', ['a problem \u001b[2J with an escape']));
    await new Promise((done) => setTimeout(done, 60));
    await view.close();
    const text = screen.text();
    expect(text).not.toContain('──');
    expect(text).toContain('✔ 1 state machine valid');
    expect(text).toContain('3:5  error  bad');
    expect(text).toContain('asl: a problem \\u001b[2J with an escape');
    expect(text).not.toContain('\u001b[2J');
    expect(text).not.toContain(CLEAR_SCROLLBACK);
  });

  it('fits a report only if every line fits the width and the whole the height', () => {
    expect(fitsScreen(['a', 'b'], { columns: 10, rows: 5 })).toBe(true);
    expect(fitsScreen(['a', 'b', 'c'], { columns: 10, rows: 5 })).toBe(false);
    expect(fitsScreen(['x'.repeat(11)], { columns: 10, rows: 5 })).toBe(false);
    expect(fitsScreen(['\u001b[31m' + 'x'.repeat(10) + '\u001b[39m'], { columns: 10, rows: 5 })).toBe(true);
    expect(fitsScreen(['漢'.repeat(6)], { columns: 10, rows: 5 })).toBe(false);
  });
});

describe('watch mode colours and problems', () => {
  let dir: string;
  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'asl-watch-view-')));
    mkdirSync(join(dir, 'defs'));
    writeFileSync(join(dir, 'defs/a.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Gone' } } }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function watchOnce(env: Record<string, string>, color: boolean | undefined, tty: boolean) {
    const stdout = Object.assign(new BufferStream(), { columns: 100, rows: 30 });
    stdout.isTTY = tty;
    const stderr = new BufferStream();
    const ctx: CommandContext = { io: { stdout, stderr, stdin: Readable.from(['']) }, env, cwd: dir, exitCode: 0, debug: false };
    const controller = new AbortController();
    const done = runWatch(ctx, ['defs'], { format: 'stylish', color }, validateMachine, undefined, {}, {
      signal: controller.signal,
      onCycle: () => controller.abort(),
    });
    expect(await done).toBe(0);
    return { stdout: stdout.text, stderr: stderr.text };
  }

  it('NO_COLOR and --no-color hold for the whole ink view; --color wins over NO_COLOR', async () => {
    const noColor = await watchOnce({ NO_COLOR: '1' }, undefined, true);
    expect(noColor.stdout).toContain('unknown-state');
    expect(noColor.stdout).not.toMatch(SGR);
    expect((await watchOnce({}, false, true)).stdout).not.toMatch(SGR);
    expect((await watchOnce({ NO_COLOR: '1' }, true, true)).stdout).toMatch(SGR);
  });
});

describe('a broken lint config while watching', () => {
  it('shows the config problem, not "✔ 0 state machines valid"', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'asl-watch-config-')));
    try {
      mkdirSync(join(dir, 'defs'));
      writeFileSync(join(dir, 'defs/a.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }));
      writeFileSync(join(dir, '.aslrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
      const stdout = new BufferStream();
      const stderr = new BufferStream();
      const controller = new AbortController();
      const { main } = await import('../../src/cli/main.js');
      const done = main(['lint', '--watch', 'defs'], { stdout, stderr, stdin: Readable.from(['']), env: {}, cwd: dir, signal: controller.signal });
      const start = Date.now();
      while (!stderr.text.includes('watching') && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      expect(await done).toBe(0);
      expect(stderr.text).toContain('unknown rule "no-such-rule"');
      expect(stdout.text).not.toContain('0 state machines valid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const built = existsSync(join(repoRoot, 'dist/cli-bundle/main.js'));

describe.skipIf(!hasScript || !built)('watch mode on a pseudo-terminal', () => {
  it('a report taller than the screen keeps the scrollback, NO_COLOR holds, and Ctrl-C stops it (exit 0)', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'asl-watch-tty-')));
    try {
      const states: Record<string, unknown> = { Start: { Type: 'Succeed' } };
      for (let i = 0; i < 300; i++) states[`Orphan${i}`] = { Type: 'Pass', Next: 'Gone' };
      writeFileSync(join(dir, 'big.asl.json'), JSON.stringify({ StartAt: 'Start', States: states }, null, 1));
      const env = { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1' };
      for (const key of ['CI', 'PRE_COMMIT', 'GITHUB_ACTIONS']) delete env[key];
      const cmd = `stty rows 30 cols 120; exec "${process.execPath}" "${join(repoRoot, 'bin/asl.js')}" validate --watch big.asl.json`;
      const child = spawn('script', ['-qec', cmd, '/dev/null'], { cwd: dir, env });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on('exit', (status) => done(status)));
      const until = async (check: () => boolean) => {
        const start = Date.now();
        while (!check()) {
          if (Date.now() - start > 10_000) throw new Error(`timed out; output so far: ${out.slice(-500)}`);
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await until(() => out.includes('Ctrl-C to stop'));
      writeFileSync(join(dir, 'big.asl.json'), JSON.stringify({ StartAt: 'Start', States: { ...states, Orphan0: { Type: 'Pass', Next: 'Start' } } }, null, 1));
      await until(() => out.includes('big.asl.json changed ──'));
      await new Promise((r) => setTimeout(r, 100));
      child.stdin.write('\u0003');
      expect(await exited).toBe(0);
      expect(out).not.toContain(CLEAR_SCROLLBACK);
      expect(out).not.toMatch(SGR);
      expect(out.split('Orphan299').length - 1).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
