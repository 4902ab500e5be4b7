import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BufferStream } from '../../src/cli/io.js';
import type { CommandContext } from '../../src/cli/context.js';
import { inputTarget, isRelevant, runWatch, separator, type CreateWatcher, type WatchClock, type WatchFrame, type WatcherOptions } from '../../src/cli/watch.js';
import { validateMachine } from '../../src/validate/index.js';
import { repoRoot } from './run-cli.js';

const VALID = JSON.stringify({ StartAt: 'Greet', States: { Greet: { Type: 'Pass', Next: 'Done' }, Done: { Type: 'Succeed' } } }, null, 2);
const UNKNOWN_NEXT = JSON.stringify({ StartAt: 'Greet', States: { Greet: { Type: 'Pass', Next: 'Gone' }, Done: { Type: 'Succeed' } } }, null, 2);
const NO_DEFAULT = JSON.stringify(
  {
    StartAt: 'Pick',
    States: {
      Pick: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Done' }] },
      Done: { Type: 'Succeed' },
    },
  },
  null,
  2,
);

let dir: string;
beforeEach(() => {
  // realpath: chokidar reports real paths, and macOS/Linux temp folders may be symlinks.
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'asl-watch-')));
  mkdirSync(join(dir, 'defs'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Polls until the check passes: generous for slow machines, quick when things are fast. */
async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

function fileWatchers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'FSEventWrap' || r === 'StatWatcher').length;
}

/** Starts `asl <argv>` in-process; `stop()` aborts it as Ctrl-C would. */
function startCli(argv: string[], { tty = false, env = {} }: { tty?: boolean; env?: Record<string, string> } = {}) {
  const stdout = new BufferStream();
  const stderr = new BufferStream();
  stdout.isTTY = tty;
  const controller = new AbortController();
  const done = main(argv, { stdout, stderr, stdin: Readable.from(['']), env, cwd: dir, signal: controller.signal });
  return {
    stdout,
    stderr,
    done,
    /** The text after the last separator line: the current report. */
    latest: () => stdout.text.split(/^── .* ──$/m).at(-1) ?? '',
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

describe('asl validate --watch (real files, real watcher)', () => {
  it('re-checks a changed file, picks up a new one, survives a parse error, drops a deleted one, and stops with 0', async () => {
    const before = fileWatchers();
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const cli = startCli(['validate', '--watch', 'defs']);
    await until(() => cli.stderr.text.includes('watching 1 file'), 'the first report');
    expect(cli.stdout.text).toBe('✔ 1 state machine valid\n');

    writeFileSync(join(dir, 'defs/a.asl.json'), UNKNOWN_NEXT);
    await until(() => cli.latest().includes('unknown-state'), 'the changed result');
    expect(cli.stdout.text).toMatch(/^── \d\d:\d\d:\d\d defs\/a\.asl\.json changed ──$/m);

    writeFileSync(join(dir, 'defs/b.asl.json'), VALID);
    await until(() => /defs\/b\.asl\.json added/.test(cli.stdout.text), 'the new file');
    expect(cli.latest()).toContain('unknown-state'); // a.asl.json's result is kept
    expect(cli.latest()).toMatch(/2 state machines|in 1 file/);

    writeFileSync(join(dir, 'defs/b.asl.json'), '{ "StartAt": "Greet", ');
    await until(() => cli.latest().includes('defs/b.asl.json\n'), 'the parse error');
    expect(cli.latest()).toMatch(/defs\/b\.asl\.json\n {2}\d+:\d+ +error /);

    rmSync(join(dir, 'defs/a.asl.json'));
    await until(() => /defs\/a\.asl\.json deleted/.test(cli.stdout.text), 'the deletion');
    expect(cli.latest()).not.toContain('defs/a.asl.json');

    // A rename: the old name goes, the new one is checked.
    renameSync(join(dir, 'defs/b.asl.json'), join(dir, 'defs/c.asl.json'));
    await until(() => cli.latest().includes('defs/c.asl.json') && !cli.latest().includes('defs/b.asl.json'), 'the rename');

    expect(await cli.stop()).toBe(0);
    expect(cli.stdout.text).not.toContain('\u001b['); // plain text: no cursor or colour codes
    // Closed watchers release their handles on the next turns of the event loop.
    await until(() => fileWatchers() === before, 'the file watchers to be released', 3000);
  });

  it('reports a definition file that a SAM template names once, under the template, and follows its edits', async () => {
    writeFileSync(join(dir, 'defs/order.asl.json'), UNKNOWN_NEXT);
    writeFileSync(
      join(dir, 'defs/template.yaml'),
      ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  OrderFlow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      DefinitionUri: order.asl.json', ''].join('\n'),
    );
    const cli = startCli(['validate', '--watch', 'defs']);
    await until(() => cli.latest().includes('unknown-state'), 'the first report');
    expect(cli.latest().match(/unknown-state/g)).toHaveLength(1);
    expect(cli.latest()).toContain('OrderFlow');

    writeFileSync(join(dir, 'defs/order.asl.json'), VALID);
    await until(() => !cli.latest().includes('unknown-state') && cli.latest().includes('✔'), 'the fixed definition');
    expect(await cli.stop()).toBe(0);
  });

  it('files in a folder created later under a watched directory are picked up', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const cli = startCli(['validate', '--watch', 'defs']);
    await until(() => cli.stderr.text.includes('watching'), 'the first report');
    mkdirSync(join(dir, 'defs/nested/deeper'), { recursive: true });
    writeFileSync(join(dir, 'defs/nested/deeper/x.asl.json'), UNKNOWN_NEXT);
    await until(() => cli.latest().includes('defs/nested/deeper/x.asl.json'), 'the nested file');
    expect(await cli.stop()).toBe(0);
  });

  it('watches a named file that does not exist yet and checks it once it appears', async () => {
    const cli = startCli(['validate', '--watch', 'later/new.asl.json']);
    await until(() => cli.stderr.text.includes('watching'), 'the first report');
    expect(cli.stderr.text).toContain('later/new.asl.json: no such file or directory');
    mkdirSync(join(dir, 'later'));
    writeFileSync(join(dir, 'later/new.asl.json'), UNKNOWN_NEXT);
    await until(() => cli.latest().includes('unknown-state'), 'the created file');
    expect(await cli.stop()).toBe(0);
  });

  it('watches a glob: only matching files count', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const cli = startCli(['validate', '--watch', 'defs/**/*.asl.json']);
    await until(() => cli.stderr.text.includes('watching 1 file'), 'the first report');
    writeFileSync(join(dir, 'defs/notes.txt'), 'not a definition');
    writeFileSync(join(dir, 'defs/b.asl.json'), UNKNOWN_NEXT);
    await until(() => cli.latest().includes('defs/b.asl.json'), 'the new matching file');
    expect(cli.stdout.text).not.toContain('notes.txt');
    expect(await cli.stop()).toBe(0);
  });

  it('--format json with --output rewrites the file after every run', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const cli = startCli(['validate', '--watch', 'defs', '--format', 'json', '-o', 'out/report.json']);
    await until(() => cli.stderr.text.includes('watching'), 'the first report');
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))).toMatchObject([{ file: 'defs/a.asl.json', valid: true }]);
    writeFileSync(join(dir, 'defs/a.asl.json'), UNKNOWN_NEXT);
    await until(() => cli.latest().includes('unknown-state'), 'the changed result');
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))).toMatchObject([{ file: 'defs/a.asl.json', valid: false }]);
    expect(await cli.stop()).toBe(0);
  });
});

describe('plain text where a live view would not belong', () => {
  for (const env of [{ CI: 'true' }, { PRE_COMMIT: '1' }]) {
    it(`on a terminal with ${Object.keys(env)[0]} set: separators and reports, no cursor codes`, async () => {
      writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
      const cli = startCli(['validate', '--watch', 'defs'], { tty: true, env: { ...env, NO_COLOR: '1' } });
      await until(() => cli.stderr.text.includes('watching'), 'the first report');
      writeFileSync(join(dir, 'defs/a.asl.json'), UNKNOWN_NEXT);
      await until(() => cli.latest().includes('unknown-state'), 'the changed result');
      expect(await cli.stop()).toBe(0);
      expect(cli.stdout.text).not.toContain('\u001b[');
      expect(cli.stdout.text.startsWith('✔ 1 state machine valid\n\n── ')).toBe(true);
    });
  }
});

describe('asl lint --watch', () => {
  it('re-checks when a config file that applies is created, edited, broken and deleted', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), NO_DEFAULT);
    const cli = startCli(['lint', '--watch', 'defs']);
    await until(() => cli.stderr.text.includes('watching'), 'the first report');
    expect(cli.stdout.text).toContain('choice-default');

    writeFileSync(join(dir, '.aslrc.json'), JSON.stringify({ rules: { 'choice-default': 'off' } }));
    await until(() => cli.latest().includes('✔'), 'the config to apply');

    writeFileSync(join(dir, '.aslrc.json'), JSON.stringify({ rules: { 'choice-default': 'error' } }));
    await until(() => /error .*choice-default/.test(cli.latest()), 'the edited config');

    writeFileSync(join(dir, '.aslrc.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    await until(() => cli.stderr.text.includes('unknown rule "no-such-rule"'), 'the broken config message');
    expect(cli.stderr.text).not.toContain('a bug in asl-toolkit');

    rmSync(join(dir, '.aslrc.json'));
    await until(() => /warning .*choice-default/.test(cli.latest()), 'the defaults again');

    // The config's ignore globs take a file out while they match, and give it back when they stop.
    writeFileSync(join(dir, 'defs/b.asl.json'), UNKNOWN_NEXT);
    await until(() => cli.latest().includes('defs/b.asl.json'), 'the second file');
    writeFileSync(join(dir, '.aslrc.json'), JSON.stringify({ ignore: ['defs/b.asl.json'] }));
    await until(() => /defs\/b\.asl\.json ignored/.test(cli.stdout.text), 'the ignored file');
    expect(cli.latest()).not.toContain('defs/b.asl.json');
    rmSync(join(dir, '.aslrc.json'));
    await until(() => cli.latest().includes('defs/b.asl.json'), 'the file back');

    // A config created later, closer to the file, takes over.
    writeFileSync(join(dir, 'defs/.aslrc.yaml'), 'rules:\n  choice-default: info\n');
    await until(() => /info .*choice-default/.test(cli.latest()), 'the closer config');
    expect(cli.stdout.text).toMatch(/^── \d\d:\d\d:\d\d defs\/\.aslrc\.yaml changed ──$/m);
    expect(await cli.stop()).toBe(0);
  });
});

describe('--watch usage errors', () => {
  it('refuses stdin with exit 2', async () => {
    const cli = startCli(['validate', '--watch', '-']);
    expect(await cli.done).toBe(2);
    expect(cli.stderr.text).toContain('--watch cannot watch stdin');
  });

  it('refuses a machine format on stdout with exit 2, and says how to get it', async () => {
    for (const format of ['json', 'sarif', 'junit', 'github']) {
      const cli = startCli(['lint', '--watch', 'defs', '--format', format]);
      expect(await cli.done).toBe(2);
      expect(cli.stderr.text).toContain('add --output <file>');
    }
  });
});

describe('the watch loop with a fake watcher and clock', () => {
  function harness() {
    const timers = new Map<number, () => void>();
    let next = 1;
    const clock: WatchClock = {
      now: () => new Date(2026, 0, 1, 9, 30, 0),
      setTimeout: (fn) => {
        timers.set(next, fn);
        return next++;
      },
      clearTimeout: (h) => void timers.delete(h as number),
    };
    const fire = (): void => {
      const pending = [...timers.values()];
      timers.clear();
      for (const fn of pending) fn();
    };
    let watcher: WatcherOptions | undefined;
    let closed = false;
    const createWatcher: CreateWatcher = async (options) => {
      watcher = options;
      return { add: (roots) => void options.roots.push(...roots), close: async () => void (closed = true) };
    };
    const frames: WatchFrame[] = [];
    let cycles = 0;
    const stdout = new BufferStream();
    const stderr = new BufferStream();
    const ctx: CommandContext = { io: { stdout, stderr, stdin: Readable.from(['']) }, env: {}, cwd: dir, exitCode: 0, debug: false };
    const controller = new AbortController();
    const done = runWatch(ctx, ['defs'], { format: 'stylish' }, validateMachine, undefined, {}, {
      clock,
      createWatcher,
      signal: controller.signal,
      view: 'plain',
      onFrame: (f) => frames.push(f),
      onCycle: () => void cycles++,
    });
    return {
      frames,
      stdout,
      timers,
      fire,
      watcher: () => watcher!,
      closed: () => closed,
      cycles: () => cycles,
      stop: () => {
        controller.abort();
        return done;
      },
    };
  }

  it('turns a burst of events into one re-check, and an unchanged text into none', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const h = harness();
    await until(() => h.cycles() === 1, 'the first pass');
    expect(h.watcher().roots).toEqual([join(dir, 'defs')]);

    writeFileSync(join(dir, 'defs/a.asl.json'), UNKNOWN_NEXT);
    for (let i = 0; i < 3; i++) h.watcher().onChange(join(dir, 'defs/a.asl.json'));
    expect(h.timers.size).toBe(1); // debounced: one pending timer for three events
    h.fire();
    await until(() => h.cycles() === 2, 'the re-check');
    expect(h.frames).toHaveLength(2);
    expect(h.frames[1]).toMatchObject({ run: 2, changes: [{ file: 'defs/a.asl.json', kind: 'changed' }], errors: true });
    expect(separator(h.frames[1]!)).toBe('── 09:30:00 defs/a.asl.json changed ──');

    // The editor's second write with the same text: a pass, but no redraw.
    h.watcher().onChange(join(dir, 'defs/a.asl.json'));
    h.fire();
    await until(() => h.cycles() === 3, 'the second pass');
    expect(h.frames).toHaveLength(2);

    expect(await h.stop()).toBe(0);
    expect(h.closed()).toBe(true);
    expect(h.timers.size).toBe(0);
  });

  it('ignores node_modules and dot folders under a watched directory', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const h = harness();
    await until(() => h.cycles() === 1, 'the first pass');
    const { ignored } = h.watcher();
    expect(ignored(join(dir, 'defs/sub/x.asl.json'))).toBe(false);
    expect(ignored(join(dir, 'defs/node_modules'))).toBe(true);
    expect(ignored(join(dir, 'defs/.git/config'))).toBe(true);
    expect(ignored(join(dir, 'other/x.asl.json'))).toBe(true);
    expect(ignored(dir)).toBe(false); // on the way to a target
    expect(await h.stop()).toBe(0);
  });
});

describe('watch targets', () => {
  it('a glob is watched from its fixed folder, a directory recursively, a file exactly', () => {
    expect(inputTarget('defs/**/*.asl.json', dir)).toEqual({ path: join(dir, 'defs'), recursive: true });
    expect(inputTarget('*.json', dir)).toEqual({ path: dir, recursive: true });
    expect(inputTarget('defs', dir)).toEqual({ path: join(dir, 'defs'), recursive: true });
    expect(inputTarget('defs/a.asl.json', dir)).toEqual({ path: join(dir, 'defs/a.asl.json'), recursive: false });
  });

  it('a path matters when it is a target, under a recursive one, or a folder on the way to one', () => {
    const targets = new Map([['/p/defs', true], ['/p/.aslrc.json', false]]);
    expect(isRelevant('/p/defs/x/y.asl.json', targets)).toBe(true);
    expect(isRelevant('/p/.aslrc.json', targets)).toBe(true);
    expect(isRelevant('/p', targets)).toBe(true);
    expect(isRelevant('/', targets)).toBe(true);
    expect(isRelevant('/p/other.json', targets)).toBe(false);
    expect(isRelevant('/p/defs/node_modules/x.asl.json', targets)).toBe(false);
  });
});

describe('ink view on a terminal', () => {
  it('draws the report with ink, redraws after a change, and leaves the last frame on stop', async () => {
    writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
    const stdout = new BufferStream();
    stdout.isTTY = true;
    const stderr = new BufferStream();
    const ctx: CommandContext = { io: { stdout, stderr, stdin: Readable.from(['']) }, env: {}, cwd: dir, exitCode: 0, debug: false };
    const controller = new AbortController();
    let cycles = 0;
    const done = runWatch(ctx, ['defs'], { format: 'stylish' }, validateMachine, undefined, {}, {
      signal: controller.signal,
      debounceMs: 20,
      onCycle: () => void cycles++,
    });
    await until(() => cycles === 1, 'the first pass');
    writeFileSync(join(dir, 'defs/a.asl.json'), UNKNOWN_NEXT);
    await until(() => cycles >= 2, 'the re-check');
    controller.abort();
    expect(await done).toBe(0);
    expect(stdout.text).toContain('unknown-state');
    expect(stdout.text).toContain('Ctrl-C to stop');
    expect(stderr.text).toBe(''); // on a terminal everything is inside the view
  });
});

const builtBin = join(repoRoot, 'dist/cli/watch.js');

describe.skipIf(!existsSync(builtBin))('the built executable', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`exits 0 and promptly on ${signal}`, async () => {
      writeFileSync(join(dir, 'defs/a.asl.json'), VALID);
      const child = spawn(process.execPath, [join(repoRoot, 'bin/asl.js'), 'validate', '--watch', 'defs'], { cwd: dir, env: { ...process.env, CI: '' } });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      await until(() => stderr.includes('watching'), 'the first report');
      const sent = Date.now();
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(Date.now() - sent).toBeLessThan(3000);
    });
  }
});
