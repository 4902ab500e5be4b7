/**
 * `asl run` on a real terminal: the built CLI under `script`, which gives it a pseudo-terminal, as a user's
 * shell would. The live view's output stays bounded however long the run, the result is printed in full,
 * and Ctrl-C or SIGTERM stops an endless run within a second with exit 130 or 143.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const built = existsSync(join(repoRoot, 'dist/cli-bundle/main.js'));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'asl-run-tty-'));
  const map = (n: number) => ({
    QueryLanguage: 'JSONata',
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        Items: `{% [1..${n}] %}`,
        ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
        Output: '{% $count($states.result) %}',
        End: true,
      },
    },
  });
  // Long enough (a second or more even on a fast machine) that frames are drawn while it runs; a run over
  // before ink's first throttled frame would show only its last one.
  writeFileSync(join(dir, 'map.asl.json'), JSON.stringify(map(50_000)));
  writeFileSync(join(dir, 'stubs.yaml'), 'states:\n  Work:\n    result: {Payload: {ok: true}, StatusCode: 200}\n');
  writeFileSync(join(dir, 'endless.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }], Default: 'A' }, Done: { Type: 'Succeed' } } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The shell command that runs the built CLI; `exec` so that the process under `script` is node itself. */
function command(args: string): string {
  return `exec "${process.execPath}" "${join(repoRoot, 'bin/asl.js')}" ${args}`;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  for (const key of ['CI', 'PRE_COMMIT', 'NO_COLOR', 'FORCE_COLOR', 'GITHUB_ACTIONS']) if (!(key in extra)) delete clean[key];
  return clean;
}

function strip(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

describe.skipIf(!hasScript || !built)('asl run on a pseudo-terminal', () => {
  it('a 50,000-item Map: bounded output, progress with counts, the full result at the end', () => {
    const run = spawnSync('script', ['-qec', command('run map.asl.json --stubs stubs.yaml --max-events 400000'), '/dev/null'], { cwd: dir, encoding: 'utf8', env: env() });
    expect(run.status).toBe(0);
    // Redrawing the whole history took megabytes of output (and gigabytes of memory); a window does not grow.
    expect(run.stdout.length).toBeLessThan(200_000);
    const text = strip(run.stdout);
    expect(text).toMatch(/Each \(Map\): [\d,]+ of 50,000 items done · \d+ running/);
    // The last frame stays on the screen, with the final count, above the result.
    expect(text).toMatch(/done · 350,006 events · [\d.]+s\n\nSUCCEEDED after 0s of virtual time, 350006 history events/);
    expect(text).toContain('output: 50000');
    // The live region stays under the screen's height, so ink never clears the terminal and its scrollback.
    expect(run.stdout).not.toContain('\u001b[3J');
  });

  it('NO_COLOR and --no-color hold in the live view; --color wins over NO_COLOR', () => {
    const args = 'run endless.asl.json --max-events 50';
    const view = (extra: string, vars: Record<string, string>) => spawnSync('script', ['-qec', command(`${args}${extra}`), '/dev/null'], { cwd: dir, encoding: 'utf8', env: env(vars) });
    const noColorEnv = view('', { NO_COLOR: '1' });
    const noColorFlag = view(' --no-color', {});
    const colourFlag = view(' --color', { NO_COLOR: '1' });
    const byDefault = view('', {});
    for (const run of [noColorEnv, noColorFlag, colourFlag, byDefault]) expect(strip(run.stdout)).toContain('FAILED after 0s of virtual time, 50 history events');
    // Colour codes (SGR); ink's own cursor codes are not colour.
    const sgr = /\u001b\[[0-9;]*m/;
    expect(noColorEnv.stdout).not.toMatch(sgr);
    expect(noColorFlag.stdout).not.toMatch(sgr);
    expect(colourFlag.stdout).toMatch(sgr);
    expect(byDefault.stdout).toMatch(sgr);
  });

  for (const [how, code] of [['Ctrl-C', 130], ['SIGTERM', 143]] as const) {
    it(`${how} stops an endless run within a second: exit ${code}, a one-line note, the terminal given back`, async () => {
      const child = spawn('script', ['-qec', command('run endless.asl.json --max-events 100000000'), '/dev/null'], { cwd: dir, env: env() });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on('exit', (status) => done(status)));
      await until(() => /running · [\d,]+ events/.test(strip(out)), 'the live view');
      const sent = performance.now();
      if (how === 'Ctrl-C') child.stdin.write('\u0003');
      else process.kill(childOf(child.pid!), 'SIGTERM');
      const status = await exited;
      expect(performance.now() - sent).toBeLessThan(1000);
      expect(status).toBe(code);
      const text = strip(out);
      expect(text).toContain(`interrupted by ${how === 'Ctrl-C' ? 'SIGINT' : 'SIGTERM'}: the execution was stopped (ABORTED)`);
      expect(text).toMatch(/ABORTED after 0s of virtual time, \d+ history events/);
      // ink showed the cursor again.
      expect(out.lastIndexOf('\u001b[?25h')).toBeGreaterThan(out.lastIndexOf('\u001b[?25l'));
    });
  }
});

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** The process `script` runs (node, thanks to exec). */
function childOf(pid: number): number {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  return Number(children[0]);
}
