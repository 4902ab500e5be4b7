// Text from a user's file never reaches a terminal raw: a state name holding an OSC sequence (retitles the
// terminal), a carriage return followed by a fake "✔ valid", the bytes of a binary file, a file name with an
// escape in it. Human-readable output shows each control character as an escape; machine formats keep data
// as data. Through the built executable, as a terminal would receive it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { spawnCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RETITLE = 'Evil\u001b]0;x\u0007';
const FAKE = '\r✔ valid';
const definition = {
  StartAt: RETITLE,
  States: {
    [RETITLE]: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Next: FAKE, Comment: 'x' },
    [`Orphan${FAKE}`]: { Type: 'Choice', Choices: [{ Variable: `$.a${FAKE}`, StringEquals: RETITLE, Next: RETITLE }], Default: RETITLE },
  },
};
writeFileSync(join(dir, 'evil.asl.json'), JSON.stringify(definition, null, 2));
const drawable = { StartAt: RETITLE, States: { [RETITLE]: { Type: 'Pass', Next: FAKE }, [FAKE]: { Type: 'Choice', Choices: [{ Variable: `$.a${FAKE}`, StringEquals: '\u001b[2J', Next: RETITLE }], Default: RETITLE } } };
writeFileSync(join(dir, 'draw.asl.json'), JSON.stringify(drawable, null, 2));
// The same names in a machine AWS would create (asl run refuses the one above, as validate does).
const runnable = { StartAt: RETITLE, States: { [RETITLE]: { Type: 'Pass', Next: FAKE }, [FAKE]: { Type: 'Succeed' } } };
writeFileSync(join(dir, 'run.asl.json'), JSON.stringify(runnable, null, 2));
// A "binary" file whose bytes are terminal commands: clear the screen, retitle, a fake result line.
writeFileSync(join(dir, 'binary.asl.json'), Buffer.from('\u001b[2J\u001b]0;pwned\u0007\r✔ 1 state machine valid\u0000\u0000\u0001\u0002', 'utf8'));
const nameWithEscape = 'e\u001b[31mvil.asl.json';
writeFileSync(join(dir, nameWithEscape), '{ "StartAt": ');
writeFileSync(join(dir, 'stubs.json'), JSON.stringify({ states: { [`Nope${FAKE}\u001b]0;t\u0007`]: { return: {} } } }));

// ESC, CR, BEL and the other C0/C1 controls; tab and newline are layout.
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function expectSafe(argv: string[]): { stdout: string; stderr: string; code: number } {
  const run = spawnCli(argv, { cwd: dir, env: { NO_COLOR: '1' } });
  expect(run.stdout, `stdout of asl ${argv.join(' ')}`).not.toMatch(RAW_CONTROL);
  expect(run.stderr, `stderr of asl ${argv.join(' ')}`).not.toMatch(RAW_CONTROL);
  return run;
}

describe('control characters from files are escaped in human-readable output', () => {
  test('validate and lint (stylish): messages, excerpts and pointers', () => {
    const validate = expectSafe(['validate', 'evil.asl.json']);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('Next "\\r✔ valid" does not exist');
    expect(validate.stdout).toContain('Evil\\u001b]0;x\\u0007');
    expect(validate.stdout).not.toMatch(/^✔/m);
    expect(expectSafe(['lint', 'evil.asl.json']).code).toBe(1);
  });

  test('a binary file', () => {
    const run = expectSafe(['validate', 'binary.asl.json']);
    expect(run.stdout).toContain('looks binary');
    expect(run.stdout).toContain('\\u001b[2J\\u001b]0;pwned\\u0007\\r✔ 1 state machine valid');
    expect(run.stdout).toMatch(/✖ 1 problem/);
    expect(run.code).toBe(1);
  });

  test('file names, in the report and in error messages', () => {
    expect(expectSafe(['validate', nameWithEscape]).stdout).toContain('e\\u001b[31mvil.asl.json');
    expect(expectSafe(['validate', 'missing\u001b]0;x\u0007.asl.json']).stderr).toContain('missing\\u001b]0;x\\u0007.asl.json');
    expect(expectSafe(['graph', 'missing\r✔.asl.json']).stderr).toContain('missing\\r✔.asl.json');
    expect(expectSafe(['validate', 'evil.asl.json', '--format', 'nope\u001b[2J']).stderr).toContain('nope\\u001b[2J');
  });

  test.each(['mermaid', 'markdown', 'dot', 'svg'])('graph labels (%s)', (format) => {
    const run = expectSafe(['graph', 'draw.asl.json', '--format', format]);
    expect(run.code).toBe(0);
    // DOT escapes the escape's backslash once more; Graphviz draws it as one (the SVG shows that).
    expect(run.stdout).toContain(format === 'dot' ? '\\\\u001b]0;x\\\\u0007' : '\\u001b]0;x\\u0007');
  });

  test('graph diagnostics on stderr', () => {
    const run = expectSafe(['graph', 'binary.asl.json']);
    expect(run.stderr).toContain('looks binary');
    expect(run.code).toBe(1);
  });

  test('run warnings about stub keys', () => {
    const run = expectSafe(['run', 'run.asl.json', '--stubs', 'stubs.json', '--input', '{"a\\r✔ valid": "x"}']);
    expect(run.stderr).toContain('Nope\\r✔ valid\\u001b]0;t\\u0007');
  });
});

describe('machine formats keep the data as data', () => {
  test('json carries the state name exactly (escaped by JSON itself)', () => {
    const run = spawnCli(['validate', 'evil.asl.json', '--format', 'json'], { cwd: dir });
    const [result] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ message: string; path: string }> }>;
    expect(result!.diagnostics.some((d) => d.message.includes(FAKE))).toBe(true);
  });
});
