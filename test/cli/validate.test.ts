import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const valid = 'valid.asl.json';
const validText = readFileSync(new URL('../fixtures/cli/valid.asl.json', import.meta.url), 'utf8');

describe('asl validate: exit codes', () => {
  it('exits 0 and says the machine is valid when there are no errors', async () => {
    const run = await runCli(['validate', valid]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✔ 1 state machine valid\n');
  });

  it('exits 1 on a file that does not parse, naming the file and the position', async () => {
    const run = await runCli(['validate', 'syntax-error.asl.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^syntax-error\.asl\.json\n {2}\d+:\d+ +error /);
  });

  it('exits 1 when a transition names a state that does not exist', async () => {
    const run = await runCli(['validate', 'missing-next.asl.json', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ valid: false });
  });

  it('exits 2 with one clear line, and no stack, for a path that does not exist', async () => {
    const run = await runCli(['validate', 'no-such-file.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^asl: .*no-such-file\.json/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // Nothing was checked, so no "0 state machines valid" summary.
    expect(run.stdout).toBe('');
  });

  it('still checks the other inputs when one path is missing, and exits 2', async () => {
    const run = await runCli(['validate', 'no-such-file.json', valid, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toHaveLength(1);
  });

  it('exits 2 for an unknown format and lists the valid ones', async () => {
    const run = await runCli(['validate', valid, '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown format "xml"; valid formats: stylish, json, sarif, github, junit');
  });

  it('exits 2 when --max-warnings is not a whole number', async () => {
    const run = await runCli(['validate', valid, '--max-warnings', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--max-warnings');
  });

  it('exits 2 when given no input at all', async () => {
    const run = await runCli(['validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no input given');
  });
});

describe('asl validate: inputs', () => {
  it('reads a definition from stdin when the path is -', async () => {
    const run = await runCli(['validate', '-', '--format', 'json'], { stdin: validText });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ file: '-', machine: '', valid: true, diagnostics: [] }]);
  });

  it('checks several files given at once, in the order given', async () => {
    const run = await runCli(['validate', valid, 'dir/first.asl.json', '--format', 'json']);
    expect(JSON.parse(run.stdout).map((r: { file: string }) => r.file)).toEqual([valid, 'dir/first.asl.json']);
  });

  it('finds the definitions inside a directory, nested ones included', async () => {
    const run = await runCli(['validate', 'dir', '--format', 'json']);
    expect(run.code).toBe(0);
    const files = JSON.parse(run.stdout).map((r: { file: string }) => r.file.replace(/\\/g, '/'));
    expect(files).toEqual(expect.arrayContaining([expect.stringContaining('first.asl.json'), expect.stringContaining('nested/second.asl.json')]));
  });

  it('expands globs', async () => {
    const run = await runCli(['validate', 'dir/**/*.asl.json', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it('reports each state machine of a template with its pointer and logical id', async () => {
    const run = await runCli(['validate', 'template.yaml', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ machine: '/Resources/GreetMachine/Properties/Definition', valid: true }),
      expect.objectContaining({ machine: '/Resources/FarewellMachine/Properties/Definition', valid: true }),
    ]);
  });
});

describe('asl validate: output', () => {
  it('writes the report to --output instead of stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-out-'));
    try {
      const run = await runCli(['validate', valid, '--format', 'sarif', '--output', join(dir, 'reports', 'asl.sarif')]);
      expect(run).toMatchObject({ code: 0, stdout: '' });
      expect(JSON.parse(readFileSync(join(dir, 'reports', 'asl.sarif'), 'utf8')).version).toBe('2.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints GitHub annotations with --format github', async () => {
    const run = await runCli(['validate', 'syntax-error.asl.json', '--format', 'github']);
    expect(run.stdout).toMatch(/^::error file=syntax-error\.asl\.json,line=\d+,col=\d+,title=[a-z-]+::/);
  });

  it('prints JUnit XML with --format junit', async () => {
    const run = await runCli(['validate', valid, 'syntax-error.asl.json', '--format', 'junit']);
    expect(run.stdout).toContain('<testsuite name="valid.asl.json" tests="1" failures="0"');
    expect(run.stdout).toContain('<failure ');
  });

  it('lists the validation codes as SARIF rules with links to their docs', async () => {
    const run = await runCli(['validate', 'syntax-error.asl.json', '--format', 'sarif']);
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as Array<{ id: string; helpUri?: string }>;
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.helpUri).toMatch(new RegExp(`/docs/checks/${rule.id}\\.md$`));
  });

  it('quotes the offending line with a caret in the stylish format', async () => {
    const run = await runCli(['validate', 'syntax-error.asl.json']);
    expect(run.stdout).toMatch(/\n {4}\d+ \| .*\n {4} +\| +\^/);
  });
});

describe('asl validate: colour', () => {
  const ansi = /\u001b\[/;
  it('does not colour output that is not a terminal', async () => {
    expect((await runCli(['validate', 'syntax-error.asl.json'])).stdout).not.toMatch(ansi);
  });
  it('colours a terminal', async () => {
    expect((await runCli(['validate', 'syntax-error.asl.json'], { tty: true })).stdout).toMatch(ansi);
  });
  it('honours NO_COLOR on a terminal', async () => {
    expect((await runCli(['validate', 'syntax-error.asl.json'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });
  it('honours FORCE_COLOR on a pipe', async () => {
    expect((await runCli(['validate', 'syntax-error.asl.json'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ansi);
  });
  it('lets --no-color win over FORCE_COLOR', async () => {
    expect((await runCli(['validate', 'syntax-error.asl.json', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });
});

