/**
 * What `asl run` is given that it must refuse or survive: endless sources, inputs over AWS's quota,
 * data nested thousands of levels deep, definitions that `asl validate` refuses, and a --state-machine
 * that cannot apply. Through the command line, with real devices and pipes where the problem lives there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../cli/run-cli.js';

const built = existsSync(`${repoRoot}dist/cli-bundle/main.js`);
const dir = mkdtempSync(join(tmpdir(), 'asl-hostile-'));
const write = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const ok = write('ok.asl.json', { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** The built `asl` in a shell, so pipes are real; `timeout` keeps a regression from hanging the suite. */
function shell(command: string): { code: number | null; stdout: string; stderr: string; ms: number } {
  const started = Date.now();
  const child = spawnSync('sh', ['-c', command.replaceAll('asl ', `"${process.execPath}" "${repoRoot}bin/asl.js" `)], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, ms: Date.now() - started };
}

describe.skipIf(!built || !existsSync('/dev/zero'))('endless sources are refused within a couple of seconds', () => {
  it.each([
    ['the definition', 'asl run /dev/zero', 'cannot read the definition /dev/zero: it has more than 64 MB (reading stopped there)'],
    ['--input-file', `asl run ${ok} --input-file /dev/zero`, 'the input file /dev/zero has more than 262,144 bytes; AWS Step Functions accepts an execution input of at most 262,144 bytes'],
    ['--stubs', `asl run ${ok} --stubs /dev/zero`, 'cannot read the stub file /dev/zero: it has more than 64 MB'],
    ['stdin (yes | asl run -)', 'yes | asl run -', 'cannot read the definition from stdin: it has more than 64 MB'],
  ])('%s', (_what, command, message) => {
    const run = shell(command);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.ms).toBeLessThan(5000);
  });

  it('yes | asl validate - is a file-too-large finding, not a hang', () => {
    const run = shell('yes | asl validate -');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('more than 64 MB (reading stopped there)');
    expect(run.ms).toBeLessThan(5000);
  });
});

describe('sizes AWS enforces', () => {
  it('refuses an execution input over 262,144 bytes at start (exit 2), inline or from a file', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(262_144) });
    const inline = await runCli(['run', ok, '--input', big, '--format', 'json']);
    expect(inline.code).toBe(2);
    expect(inline.stdout).toBe('');
    expect(inline.stderr).toContain(`--input has 262,155 bytes; AWS Step Functions accepts an execution input of at most 262,144 bytes (256 KB)`);
    const file = await runCli(['run', ok, '--input-file', write('big.json', big), '--format', 'json']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('has more than 262,144 bytes');
  });

  it('runs an input just under the quota', async () => {
    const input = JSON.stringify({ blob: 'x'.repeat(262_100) });
    const run = await runCli(['run', ok, '--input', input, '--format', 'json']);
    expect(run.code).toBe(0);
  });

  it('calls a definition over 1 MB an error in validate, and run refuses it', async () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 1200; i++) states[`S${i}`] = { Type: 'Pass', Result: 'y'.repeat(1000), ...(i < 1199 ? { Next: `S${i + 1}` } : { End: true }) };
    const file = write('huge.asl.json', { StartAt: 'S0', States: states });
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/The definition has 1\.2 MB as compact JSON \(\d+ bytes\); AWS accepts definitions up to 1 MB .*file-too-large/);
    const run = await runCli(['run', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('file-too-large');
  });
});

describe('data nested thousands of levels deep', () => {
  it.each([10_000, 100_000])('refuses a definition nested %i deep before it runs (exit 2)', async (depth) => {
    const file = write(`deep-def-${depth}.json`, `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${nested(depth)},"End":true}}}`);
    const run = await runCli(['run', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nested more than 256 levels deep');
    expect(run.stderr).not.toContain('internal error');
  });

  it.each([10_000, 100_000])('refuses an input nested %i deep before it runs (exit 2)', async (depth) => {
    const file = write(`deep-input-${depth}.json`, nested(depth));
    const run = await runCli(['run', ok, '--input-file', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nests objects and arrays more than 1000 levels deep');
  });

  it.each([10_000, 100_000])('fails States.StringToJson of a string nested %i deep with States.IntrinsicFailure', async (depth) => {
    const machine = write('string-to-json.asl.json', { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'v.$': 'States.StringToJson($.text)' }, End: true } } });
    const run = await runCli(['run', machine, '--input', JSON.stringify({ text: nested(depth) }), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'FAILED', error: 'States.IntrinsicFailure' });
    expect(JSON.parse(run.stdout).cause).toContain('more than 1000 levels deep');
  });

  it("fails JSONata's $parse of such a string as a failed execution, not an internal error", async () => {
    const machine = write('parse.asl.json', { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: { Type: 'Pass', Output: '{% $parse($states.input.text) %}', End: true } } });
    const run = await runCli(['run', machine, '--input', JSON.stringify({ text: nested(100_000) }), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(JSON.parse(run.stdout).cause).toContain('nests objects and arrays too deeply');
  });
});

describe('asl run refuses what asl validate refuses (exit 2, with the stylish report)', () => {
  it.each([
    ['an unknown field', { StartAt: 'A', States: { A: { Type: 'Pass', Bogus: 1, End: true } } }, 'unknown-field'],
    ['a Wait without a duration', { StartAt: 'A', States: { A: { Type: 'Wait', End: true } } }, 'missing-one-of-fields'],
    ['no terminal state', { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } }, 'no-terminal-state'],
    ['a repeated key', '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"Result":2,"End":true}}}', 'duplicate-key'],
  ])('%s', async (_what, definition, code) => {
    const file = write(`${code}.asl.json`, definition);
    const run = await runCli(['run', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${code}\n`);
    expect(run.stderr).toMatch(/✖ \d+ problems? \(\d+ errors?, 0 warnings\)/);
    expect(run.stderr).toContain(`asl: cannot run ${file}: asl validate finds`);
  });

  it("is not blocked by another machine's errors in the same template", async () => {
    const template = write(
      'two.yaml',
      `Resources:
  Good:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }
  Bad:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionString: '{"StartAt": "A", "States": {'
`,
    );
    const run = await runCli(['run', template, '--state-machine', 'Good', '--format', 'json']);
    expect(run.code).toBe(0);
  });

  it('is not blocked by warnings', async () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxDelaySeconds: 5 }], End: true } },
    };
    const file = write('warned.asl.json', definition);
    const stubs = write('stubs.json', { states: { T: { result: { Payload: { ok: true } } } } });
    const run = await runCli(['run', file, '--stubs', stubs, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'SUCCEEDED' });
  });
});

describe('--state-machine', () => {
  it('is refused on a bare definition (exit 2), not silently ignored', async () => {
    const run = await runCli(['run', ok, '--state-machine', 'Orders']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--state-machine "Orders" picks a state machine in a template or a mock config');
  });

  it('still picks the machine of a mock config for a bare definition', async () => {
    const config = write('mock.json', { StateMachines: { Orders: { TestCases: { Happy: {} } } }, MockedResponses: {} });
    const run = await runCli(['run', ok, '--mock-config', config, '--test-case', 'Happy', '--state-machine', 'Orders', '--format', 'json']);
    expect(run.code).toBe(0);
  });
});
