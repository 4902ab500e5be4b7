// Help that teaches: every command's help lists every flag with its default and gives examples that use only
// real flags; a mistyped command or flag gets the nearest right one; help stays light to start.
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import type { Command } from 'commander';
import { beforeAll, describe, expect, test } from 'vitest';
import { BufferStream } from '../../src/cli/io.js';
import { createProgram } from '../../src/cli/main.js';
import { fixtures, repoRoot, runCli } from './run-cli.js';

let program: Command;
beforeAll(async () => {
  const io = { stdout: new BufferStream(), stderr: new BufferStream(), stdin: Readable.from(['']) };
  program = await createProgram({ io, env: {}, cwd: fixtures, exitCode: 0, debug: false });
});

const COMMANDS = ['validate', 'lint', 'run', 'graph', 'rules', 'test'];

/** The flags each `$ asl …` example line uses, with the command it runs. */
function examplesOf(help: string): Array<{ line: string; command: string; flags: string[] }> {
  const section = help.split('\nExamples:\n')[1] ?? '';
  return section
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('$ asl '))
    .map((line) => ({ line, command: line.split(/\s+/)[2]!, flags: line.match(/(?<=\s)--?[a-z][\w-]*/g) ?? [] }));
}

describe('asl <command> --help', () => {
  test('the program has the commands this test expects (and no others)', () => {
    expect(program.commands.map((c) => c.name()).sort()).toEqual([...COMMANDS].sort());
  });

  test.each(COMMANDS)('asl %s --help lists every flag with its default, and examples', async (name) => {
    const { code, stdout, stderr } = await runCli([name, '--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const command = program.commands.find((c) => c.name() === name)!;
    // Commander wraps long descriptions; an option's entry runs until the next line that starts a flag.
    const options = stdout.split('\nOptions:\n')[1]!.split('\n\n')[0]!;
    const entries = options.split(/\n(?= {2}-)/).map((entry) => entry.replace(/\s+/g, ' ').trim());
    for (const option of command.options) {
      const entry = entries.find((e) => e.startsWith(option.flags + ' '));
      expect(entry, `${name} --help lists ${option.flags}`).toBeDefined();
      expect(entry, `${name} --help gives the default of ${option.flags}`).toMatch(/\bdefault\b/);
    }
    const examples = examplesOf(stdout);
    expect(examples.length, `${name} --help has examples`).toBeGreaterThanOrEqual(1);
    expect(examples.length, `${name} --help has one or two examples`).toBeLessThanOrEqual(2);
    const known = new Set(command.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined));
    for (const example of examples) {
      expect(example.command, example.line).toBe(name);
      for (const flag of example.flags) expect(known, `${example.line} uses a real flag`).toContain(flag);
    }
  });

  test('asl help <command> shows the same help', async () => {
    expect((await runCli(['help', 'graph'])).stdout).toBe((await runCli(['graph', '--help'])).stdout);
  });
});

describe('asl --help', () => {
  test('lists every command, the global flags with defaults, examples of each command and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(stdout.replace(/\s+/g, ' ')).toContain('--debug show stack traces for unexpected errors (default: off)');
    const examples = examplesOf(stdout);
    expect(examples.map((e) => e.command).sort()).toEqual(['graph', 'lint', 'run', 'validate']);
    for (const example of examples) {
      const command = program.commands.find((c) => c.name() === example.command)!;
      const known = new Set(command.options.flatMap((o) => [o.long, o.short]));
      for (const flag of example.flags) expect(known, `${example.line} uses a real flag`).toContain(flag);
    }
    expect(stdout).toContain('Exit codes: 0 clean, 1 findings or a failed execution, 2 usage or input error.');
  });

  test('asl alone shows the help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: asl \[options\] \[command\]/);
  });
});

describe('a wrong command or flag suggests the nearest right one (exit 2, no stack trace)', () => {
  test.each([
    [['valdate', 'machine.asl.json'], "asl: unknown command 'valdate'\n(Did you mean validate?)\n"],
    [['lnit', '.'], "asl: unknown command 'lnit'\n(Did you mean lint?)\n"],
    [['grpah', 'machine.asl.json'], "asl: unknown command 'grpah'\n(Did you mean graph?)\n"],
    [['rum', 'machine.asl.json'], "asl: unknown command 'rum'\n(Did you mean run?)\n"],
    [['help', 'grahp'], "asl: unknown command 'grahp'\n(Did you mean graph?)\n"],
    [['validate', '--formt', 'json', 'machine.asl.json'], "asl: unknown option '--formt'\n(Did you mean --format?)\n"],
    [['lint', '--max-warning', '0', '.'], "asl: unknown option '--max-warning'\n(Did you mean --max-warnings?)\n"],
    [['graph', 'machine.asl.json', '--directon', 'LR'], "asl: unknown option '--directon'\n(Did you mean --direction?)\n"],
    [['graph', 'machine.asl.json', '--no-retry'], "asl: unknown option '--no-retry'\n(Did you mean --no-retries?)\n"],
    [['run', 'machine.asl.json', '--stub', 'stubs.yaml'], "asl: unknown option '--stub'\n(Did you mean --stubs?)\n"],
    [['--verison'], "asl: unknown option '--verison'\n(Did you mean --version?)\n"],
  ])('asl %j', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    // A wrong flag of a command points at that command's help; anything else at the general help.
    const command = argv[0]!.startsWith('-') || message.includes('unknown command') ? '' : `${argv[0]} `;
    expect(stderr).toBe(`${message}(run "asl ${command}--help" for usage)\n`);
  });

  test('a wrong value for a flag with fixed choices names them', async () => {
    const { code, stderr } = await runCli(['run', 'machine.asl.json', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^asl: option '--format <format>' argument 'xml' is invalid\. Allowed choices are pretty, json\.\n/);
  });
});

describe('help starts light (built executable, traced module by module)', () => {
  const loadedBy = (argv: string[]): string[] => {
    const child = spawnSync(process.execPath, ['--import', `${fixtures}trace/register.mjs`, `${repoRoot}bin/asl.js`, ...argv], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    return child.stderr
      .split('\n')
      .filter((line) => line.startsWith('loaded '))
      .map((line) => line.slice('loaded '.length));
  };

  test.each(['--help', ...COMMANDS.map((name) => `${name} --help`)])('asl %s loads no command code and no heavy dependency', (args) => {
    const loaded = loadedBy(args.split(' '));
    expect(loaded.some((url) => url.includes('/dist/cli/main.js'))).toBe(true);
    expect(loaded.filter((url) => /\/dist\/(validate|lint|run|graph|source|asl)\//.test(url))).toEqual([]);
    expect(loaded.filter((url) => /\/node_modules\/(jsonata|ink|react|@viz-js|mermaid|yaml|ajv|chokidar|jsonpath-plus|jsonc-parser|chalk)\//.test(url))).toEqual([]);
  });
});
