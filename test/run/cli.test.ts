/** `asl run` end to end, in-process: exit codes, both output formats, stubs, mock config and guards. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const cwd = path.resolve(import.meta.dirname, '../fixtures/run/cli');
const asl = (argv: string[], options: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {}) => runCli(['run', ...argv], { cwd, ...options });

describe('asl run', () => {
  test('prints exactly status and output as JSON and exits 0 when the execution succeeds', async () => {
    const result = await asl(['order.asl.json', '--input-file', 'input.json', '--stubs', 'stubs.yaml', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'SUCCEEDED', output: { total: 3, charge: { charged: 300 } } });
  });

  test('exits 1 with error and cause when the execution fails', async () => {
    const result = await asl(['order.asl.json', '--input', '{"total":1}', '--stubs', 'declined.stubs.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'FAILED', error: 'ChargeFailed', cause: 'the card was declined' });
  });

  test('adds the history with --history, starting with ExecutionStarted and ending with ExecutionSucceeded', async () => {
    const result = await asl(['order.asl.json', '--input', '{"total":1}', '--stubs', 'stubs.yaml', '--format', 'json', '--history']);
    const history = JSON.parse(result.stdout).history as Array<{ id: number; type: string; previousEventId: number }>;
    expect(history[0]).toMatchObject({ id: 1, type: 'ExecutionStarted', previousEventId: 0 });
    expect(history.at(-1)!.type).toBe('ExecutionSucceeded');
    expect(history.map((e) => e.type)).toContain('TaskFailed');
  });

  test('prints plain text without escape codes when stdout is not a terminal', async () => {
    const result = await asl(['order.asl.json', '--input', '{"total":1}', '--stubs', 'stubs.yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SUCCEEDED after 3.5s of virtual time');
    expect(result.stdout).toContain('task failed: Lambda.TooManyRequestsException');
    expect(result.stdout).toContain('     +2s  ↻ retry');
    expect(result.stdout).not.toMatch(/\u001b\[/);
    const declined = await asl(['order.asl.json', '--input', '{"total":1}', '--stubs', 'declined.stubs.yaml']);
    expect(declined.stdout).toContain('✓ Charge (error caught)');
    expect(declined.stdout).toContain('→ Report failure (Fail)');
  });

  test('shows the live view on a terminal outside CI, with the steps and the result', async () => {
    const result = await asl(['order.asl.json', '--input', '{"total":1}', '--stubs', 'stubs.yaml'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('→ Charge (Task)');
    expect(result.stdout).toContain('task failed: Lambda.TooManyRequestsException');
    expect(result.stdout).toContain('SUCCEEDED after 3.5s of virtual time');
  });

  test('plain text nests interleaved Parallel branches and Map items under a header for each, in virtual-time order', async () => {
    const wait = (seconds: number, next: Record<string, unknown>) => ({ Type: 'Wait', Seconds: seconds, ...next });
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Slow', States: { Slow: wait(5, { End: true }) } },
            { StartAt: 'Quick', States: { Quick: wait(2, { Next: 'Each' }), Each: { Type: 'Map', ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } }, End: true } } },
          ],
          End: true,
        },
      },
    };
    const result = await asl(['-', '--input', '[7]'], { stdin: JSON.stringify(definition) });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').map((l) => l.trimEnd());
    const trace = lines.slice(0, lines.indexOf(''));
    expect(trace).toEqual([
      '      +0s  → Fan (Parallel)',
      '      +0s  ┌ branch 1 of Fan',
      '      +0s    → Slow (Wait)',
      '      +0s  ┌ branch 2 of Fan',
      '      +0s    → Quick (Wait)',
      '      +2s    ✓ Quick in 2s',
      '      +2s    → Each (Map)',
      '      +2s    ┌ item 1 of Each',
      '      +2s      → Item (Pass)',
      '      +2s      ✓ Item',
      '      +2s  ┌ branch 2 of Fan',
      '      +2s    ✓ Each',
      '      +5s  ┌ branch 1 of Fan',
      '      +5s    ✓ Slow in 5s',
      '      +5s  ✓ Fan in 5s',
    ]);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  test.each([{ CI: 'true' }, { PRE_COMMIT: '1' }])('prints plain text with %o even on a terminal', async (env) => {
    const result = await asl(['wait.asl.json'], { tty: true, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SUCCEEDED after');
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  test('answers Task states from an AWS Step Functions Local mock config and test case', async () => {
    const ok = await asl(['order.asl.json', '--input', '{}', '--mock-config', 'mock-config.json', '--test-case', 'HappyPath', '--format', 'json']);
    expect(JSON.parse(ok.stdout)).toEqual({ status: 'SUCCEEDED', output: { charge: { charged: 7 } } });
    const throttled = await asl(['order.asl.json', '--mock-config', 'mock-config.json', '--test-case', 'Throttled', '--format', 'json']);
    expect(JSON.parse(throttled.stdout)).toMatchObject({ status: 'FAILED', error: 'ChargeFailed' });
  });

  test('names a missing test case and the ones that exist, exit 2', async () => {
    const result = await asl(['order.asl.json', '--mock-config', 'mock-config.json', '--test-case', 'Nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no test case "Nope"; it has HappyPath, Throttled');
  });

  test('stops with exit 2 naming the state, resource and a stub example when a Task has no stub', async () => {
    const result = await asl(['order.asl.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Task state "Charge" (resource arn:aws:states:::lambda:invoke)');
    expect(result.stderr).toContain('states:');
  });

  test('warns about stub entries for states the machine does not have, with the nearest Task state', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-unused-'));
    try {
      writeFileSync(path.join(dir, 'stubs.yaml'), 'states:\n  Charge:\n    result: { Payload: { amount: 1 } }\n  Chrage:\n    result: 1\n  Done:\n    result: 2\n');
      const result = await asl(['order.asl.json', '--stubs', path.join(dir, 'stubs.yaml'), '--format', 'json']);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('stubs.yaml:4:3: no Task state is named "Chrage", so this entry is never used; did you mean "Charge"?');
      expect(result.stderr).toContain('stubs.yaml:6:3: "Done" is a Succeed state; only Task states are answered by stubs');
      expect(JSON.parse(result.stdout).status).toBe('SUCCEEDED');
      writeFileSync(path.join(dir, 'mock.json'), JSON.stringify({ StateMachines: { Orders: { TestCases: { T: { Charge: 'Ok', Chrage: 'Ok' } } } }, MockedResponses: { Ok: { '0': { Return: { Payload: { amount: 1 } } } } } }));
      const mock = await asl(['order.asl.json', '--mock-config', path.join(dir, 'mock.json'), '--test-case', 'T', '--format', 'json']);
      expect(mock.code).toBe(0);
      expect(mock.stderr).toMatch(/mock\.json:1:\d+: no Task state is named "Chrage", so this entry is never used; did you mean "Charge"\?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a Task missing from a mock config test case is exit 2 with an example in the mock config format', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-mock-'));
    try {
      writeFileSync(path.join(dir, 'mock.json'), JSON.stringify({ StateMachines: { Orders: { TestCases: { Empty: {} } } }, MockedResponses: {} }));
      const result = await asl(['order.asl.json', '--mock-config', path.join(dir, 'mock.json'), '--test-case', 'Empty']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('No stub answers invocation 0 of Task state "Charge" (resource arn:aws:states:::lambda:invoke)');
      expect(result.stderr).toContain('Add it to test case "Empty" of state machine "Orders" in the mock config');
      expect(result.stderr).toContain('"MockedResponses": { "ChargeOk": { "0": { "Return": { "ok": true } } } }');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('rejects bad JSON in --input with exit 2 and the position of the error', async () => {
    const result = await asl(['wait.asl.json', '--input', '{"a":}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--input is not valid JSON at line 1, column 6 \(position 5\)/);
  });

  test('rejects a stub file whose answer has two kinds, exit 2, naming the entry', async () => {
    const result = await asl(['order.asl.json', '--stubs', 'bad.stubs.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.stubs.yaml:2:3: states.Charge: an answer needs exactly one of result, error, sequence, expression, module (it has result and error)');
    expect(result.stderr).not.toMatch(/is missing/);
  });

  test('reports every stub file problem with file:line:column, and a syntax error with its position (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-stubs-'));
    try {
      writeFileSync(path.join(dir, 'stubs.yaml'), 'states:\n  Charge:\n    sequence:\n      - error: 5\n      - result: 1\n        latency: -2\nextra: 1\n');
      const result = await asl(['order.asl.json', '--stubs', path.join(dir, 'stubs.yaml')]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('stubs.yaml:7:8: extra: unexpected key "extra"');
      expect(result.stderr).toContain('stubs.yaml:4:16: states.Charge.sequence[0].error: error must be a string');
      expect(result.stderr).toContain('stubs.yaml:6:18: states.Charge.sequence[1].latency: latency must be a number of seconds, 0 or more');
      writeFileSync(path.join(dir, 'broken.json'), '{"states": {"Charge": {"result": 1,}}}');
      const broken = await asl(['order.asl.json', '--stubs', path.join(dir, 'broken.json')]);
      expect(broken.code).toBe(2);
      expect(broken.stderr).toMatch(/broken\.json:1:\d+: the stub file does not parse as JSON/);
      writeFileSync(path.join(dir, 'mock.json'), JSON.stringify({ StateMachines: { M: { TestCases: { C: { Charge: 'R' } } } }, MockedResponses: { R: { first: { Return: 1 } } } }, null, 2));
      const mock = await asl(['order.asl.json', '--mock-config', path.join(dir, 'mock.json'), '--test-case', 'C']);
      expect(mock.code).toBe(2);
      expect(mock.stderr).toContain('mock.json:13:7: MockedResponses.R.first: "first" is not an invocation number like "0" or a range like "1-3"');
      expect(mock.stderr).not.toContain('    at ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('needs --state-machine for a template with several machines, and runs the one named', async () => {
    const ambiguous = await asl(['two-machines.yaml']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('pick one with --state-machine: Greeter, Stopper');
    const unknown = await asl(['two-machines.yaml', '--state-machine', 'Nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no state machine "Nope"; it has Greeter, Stopper');
    const greeter = await asl(['two-machines.yaml', '--state-machine', 'Greeter', '--input', '{"name":"Ada"}', '--format', 'json']);
    expect(greeter.code).toBe(0);
    expect(JSON.parse(greeter.stdout)).toEqual({ status: 'SUCCEEDED', output: { greeting: 'hello Ada' } });
  });

  test("a template's DefinitionUri is read relative to the template, not to where asl runs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-run-uri-'));
    try {
      mkdirSync(path.join(dir, 'sub', 'statemachine'), { recursive: true });
      const definition = { StartAt: 'Greet', States: { Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('hi {}', $.name)" }, End: true } } };
      writeFileSync(path.join(dir, 'sub', 'statemachine', 'flow.asl.json'), JSON.stringify(definition));
      writeFileSync(
        path.join(dir, 'sub', 'template.yaml'),
        ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Flow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      DefinitionUri: statemachine/flow.asl.json', ''].join('\n'),
      );
      const result = await runCli(['run', 'sub/template.yaml', '--input', '{"name":"Ada"}', '--format', 'json'], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ status: 'SUCCEEDED', output: { greeting: 'hi Ada' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a Fail state without Error prints a FAILED status with no error or cause at all', async () => {
    const result = await asl(['two-machines.yaml', '--state-machine', 'Stopper', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'FAILED' });
  });

  test('prints TIMED_OUT and exits 1 when the execution TimeoutSeconds passes on the virtual clock', async () => {
    const definition = JSON.stringify({ TimeoutSeconds: 60, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });
    const result = await asl(['-', '--format', 'json'], { stdin: definition });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'TIMED_OUT' });
  });

  test.each([
    [['--input', '{}', '--input-file', 'input.json'], 'use either --input or --input-file'],
    [['--input', '[1,'], '--input is not valid JSON at line 1, column 4 (position 3): the JSON ends too early'],
    [['--input', "{'a': 1}"], '--input is not valid JSON at line 1, column 2 (position 1): unexpected \' (JSON strings use double quotes)'],
    [['--seed', 'x'], '--seed must be an integer'],
    [['--max-events', '0'], '--max-events must be an integer of at least 1'],
    [['--now', 'yesterday'], '--now must be an ISO-8601 timestamp'],
    [['--format', 'xml'], "argument 'xml' is invalid"],
    [['--stubs', 'nope.yaml'], 'cannot read the stub file nope.yaml: no such file or directory'],
    [['--stubs', 'stubs.yaml', '--mock-config', 'mock-config.json', '--test-case', 'X'], 'use either --stubs or --mock-config'],
  ])('exits 2 for %j with a clear message', async (args, message) => {
    const result = await asl(['wait.asl.json', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('    at ');
  });

  test.each([
    ['a bad literal', '{\n  "a": 1,\n  "b": tru\n}', 'in.json:3:8: the input file is not valid JSON: unexpected "tru"'],
    ['a byte-order mark before a bad literal (not counted as a column)', '\ufeff{\n  "b": tru\n}', 'in.json:2:8: the input file is not valid JSON: unexpected "tru"'],
    ['a missing closing brace', '{\n  "a": [1, 2]\n', 'in.json:3:1: the input file is not valid JSON: the JSON ends too early'],
    ['an empty file', '', 'in.json:1:1: the input file is not valid JSON: there is no JSON value'],
    ['a trailing comma', '{"a": 1,}', 'in.json:1:9: the input file is not valid JSON: unexpected "}"'],
    ['text after the value', '{"a": 1}\n{"b": 2}', 'in.json:2:1: the input file is not valid JSON: unexpected text after the JSON value'],
    ['a line break inside a string', '{"a": "x\ny"}', 'in.json:1:9: the input file is not valid JSON: unexpected line break'],
    ['an escape JSON does not have', '{"path": "C:\\q"}', 'in.json:1:13: the input file is not valid JSON: invalid escape "\\\\q" in a string'],
  ])('rejects --input-file with %s: exit 2 with file:line:column and what is wrong there', async (_what, content, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-input-'));
    try {
      writeFileSync(path.join(dir, 'in.json'), content);
      const result = await asl(['wait.asl.json', '--input-file', path.join(dir, 'in.json'), '--format', 'json']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`asl: ${path.join(dir, message)}`);
      // One line, no stack, and it says how to fix it.
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('the input must be one JSON value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reads a valid --input-file that starts with a byte-order mark', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-input-'));
    try {
      writeFileSync(path.join(dir, 'in.json'), '\ufeff{"total": 1}');
      const result = await asl(['order.asl.json', '--input-file', path.join(dir, 'in.json'), '--stubs', 'charge.stubs.yaml', '--format', 'json']);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout).status).toBe('SUCCEEDED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    ['missing.json', 'cannot read the input file missing.json: no such file or directory (relative paths start from the current directory); check the path, or give the input inline with --input JSON.'],
    ['.', 'cannot read the input file .: it is a directory.'],
  ])('exits 2 with a clear message when --input-file %s cannot be read', async (file, message) => {
    const result = await asl(['wait.asl.json', '--input-file', file, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`asl: ${message}\n`);
  });

  test('ends a self-looping machine at the default limit of 25,000 events', async () => {
    const result = await asl(['loop.asl.json', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(JSON.parse(result.stdout).cause).toContain('reached 25000 history events');
  });

  test('ends a self-looping machine at the event guard with a failure that says why', async () => {
    const result = await asl(['loop.asl.json', '--max-events', '200', '--format', 'json']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body.status).toBe('FAILED');
    expect(body.cause).toContain('reached 200 history events');
  });

  test('finishes an hour-long Wait at once on the virtual clock, from the --now start time', async () => {
    const started = Date.now();
    const result = await asl(['wait.asl.json', '--now', '2030-01-01T00:00:00Z', '--format', 'json', '--history']);
    expect(Date.now() - started).toBeLessThan(5000);
    const history = JSON.parse(result.stdout).history as Array<{ timestamp: string }>;
    expect(history[0]!.timestamp).toBe('2030-01-01T00:00:00.000Z');
    expect(history.at(-1)!.timestamp).toBe('2030-01-01T01:00:00.000Z');
  });

  test('--real-time really waits for a Wait state; without it the same Wait passes at once', async () => {
    const definition = JSON.stringify({ StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 1, End: true } } });
    const timed = async (extra: string[]) => {
      const started = performance.now();
      const result = await asl(['-', '--format', 'json', '--history', ...extra], { stdin: definition });
      const elapsed = performance.now() - started;
      const body = JSON.parse(result.stdout) as { status: string; history: Array<{ timestamp: string }> };
      const virtual = Date.parse(body.history.at(-1)!.timestamp) - Date.parse(body.history[0]!.timestamp);
      return { code: result.code, status: body.status, elapsed, virtual };
    };
    // The real-time run first: it also pays for loading the interpreter, so the other one is not slowed by it.
    const real = await timed(['--real-time']);
    expect(real).toMatchObject({ code: 0, status: 'SUCCEEDED', virtual: 1000 });
    expect(real.elapsed).toBeGreaterThanOrEqual(900);
    const virtualOnly = await timed([]);
    expect(virtualOnly).toMatchObject({ code: 0, status: 'SUCCEEDED', virtual: 1000 });
    expect(virtualOnly.elapsed).toBeLessThan(900);
  });

  test('gives the same history for the same seed', async () => {
    const argv = ['order.asl.json', '--input', '{"total":2}', '--stubs', 'stubs.yaml', '--format', 'json', '--history', '--seed', '9'];
    expect((await asl(argv)).stdout).toBe((await asl(argv)).stdout);
  });

  test('reads a Distributed Map ItemReader CSV through the stub file', async () => {
    const result = await asl(['items.asl.json', '--stubs', 'items.stubs.yaml', '--format', 'json']);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'SUCCEEDED', output: [{ id: '1' }, { id: '2' }] });
  });

  test('writes a Distributed Map ResultWriter manifest and results into the stub file\'s results folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'asl-run-writer-'));
    try {
      writeFileSync(path.join(dir, 'stubs.json'), JSON.stringify({ results: './out' }));
      const result = await asl([path.join(cwd, 'writer.asl.json'), '--input', '[{"n":1},{"n":2}]', '--stubs', path.join(dir, 'stubs.json'), '--format', 'json']);
      const body = JSON.parse(result.stdout);
      expect(body.status).toBe('SUCCEEDED');
      expect(body.output.ResultWriterDetails).toMatchObject({ Bucket: 'results', Key: expect.stringMatching(/^runs\/[0-9a-f-]{36}\/manifest\.json$/) });
      const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'results', body.output.ResultWriterDetails.Key), 'utf8'));
      const succeeded = JSON.parse(readFileSync(path.join(dir, 'out', 'results', manifest.ResultFiles.SUCCEEDED[0].Key), 'utf8'));
      expect(succeeded.map((e: { Output: string }) => JSON.parse(e.Output))).toEqual([{ twice: 2 }, { twice: 4 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [['wait.asl.json', '--format', 'jsn'], "argument 'jsn' is invalid. Allowed choices are pretty, json. Did you mean \"json\"?"],
    [['wait.asl.json', '--format', 'Pretty'], 'Allowed choices are pretty, json. Did you mean "pretty"?'],
    [['order.asl.json', '--mock-config', 'mock-config.json', '--test-case', 'HappyPath', '--state-machine', 'Ordrs'], 'mock-config.json: The mock config file has no state machine "Ordrs"; it has Orders. Did you mean "Orders"?'],
    [['order.asl.json', '--mock-config', 'mock-config.json', '--test-case', 'HapyPath'], 'State machine "Orders" has no test case "HapyPath"; it has HappyPath, Throttled. Did you mean "HappyPath"?'],
    [['two-machines.yaml', '--state-machine', 'Greter'], 'two-machines.yaml has no state machine "Greter"; it has Greeter, Stopper. Did you mean "Greeter"?'],
    [['order.asl.json', '--state', 'Chrage'], 'There is no state "Chrage"; the states are "Charge", "Report failure", "Done". Did you mean "Charge"?'],
  ])('suggests the nearest name for a misspelt option value: %j', async (argv, message) => {
    const result = await asl(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('    at ');
  });

  test.each([
    [['wait.asl.json', '--format', 'xml'], 'Allowed choices are pretty, json.'],
    [['order.asl.json', '--mock-config', 'mock-config.json', '--test-case', 'Refund'], 'has no test case "Refund"; it has HappyPath, Throttled.'],
    [['two-machines.yaml', '--state-machine', 'Nope'], 'has no state machine "Nope"; it has Greeter, Stopper.'],
  ])('suggests nothing when no name is close: %j', async (argv, message) => {
    const result = await asl(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/did you mean/i);
  });

  test('rejects --test-case without --mock-config as a usage error', async () => {
    const result = await asl(['wait.asl.json', '--test-case', 'X']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--test-case only applies with --mock-config');
  });
});

describe('asl run --state', () => {
  test('runs one state with a stubbed result and prints each data-flow step with --inspect', async () => {
    const result = await asl(['order.asl.json', '--state', 'Charge', '--input', '{"total":2}', '--stubs', 'charge.stubs.yaml', '--inspect']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('input: {"total":2}');
    expect(result.stdout).toContain('after InputPath: {"total":2}');
    expect(result.stdout).toContain('after Parameters: {"FunctionName":"charge","Payload":{"total":2}}');
    expect(result.stdout).toContain('after ResultSelector: {"charged":200}');
    expect(result.stdout).toContain('after ResultPath: {"total":2,"charge":{"charged":200}}');
    expect(result.stdout).toContain('next state: Done');
  });

  test('reports a caught error and the catcher\'s next state as JSON', async () => {
    const result = await asl(['order.asl.json', '--state', 'Charge', '--input', '{"total":2}', '--stubs', 'declined.stubs.yaml', '--format', 'json']);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ status: 'CAUGHT_ERROR', nextState: 'Report failure' });
    expect(JSON.parse(body.output)).toMatchObject({ error: { Error: 'CardDeclined' } });
  });

  test('never retries, as TestState: a retried error is RETRIABLE with the retrier and back-off, and no next state', async () => {
    const result = await asl(['order.asl.json', '--state', 'Charge', '--input', '{"total":2}', '--stubs', 'stubs.yaml', '--format', 'json', '--inspect']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ status: 'RETRIABLE', error: 'Lambda.TooManyRequestsException', cause: 'slow down' });
    expect(body).not.toHaveProperty('nextState');
    expect(body.inspectionData.errorDetails).toEqual({ retryIndex: 0, retryBackoffIntervalSeconds: 2 });
    expect(body).not.toHaveProperty('output');
    const text = await asl(['order.asl.json', '--state', 'Charge', '--input', '{"total":2}', '--stubs', 'stubs.yaml']);
    expect(text.stdout).toContain('RETRIABLE\nerror: Lambda.TooManyRequestsException\ncause: slow down\nretried by Retry[0] after 2s');
    expect(text.stdout).not.toContain('next state');
  });

  test('with --retrier-retry-count at MaxAttempts the error goes to Catch, with the catcher index', async () => {
    const result = await asl(['order.asl.json', '--state', 'Charge', '--input', '{"total":2}', '--stubs', 'stubs.yaml', '--format', 'json', '--inspect', '--retrier-retry-count', '3']);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({ status: 'CAUGHT_ERROR', error: 'Lambda.TooManyRequestsException', nextState: 'Report failure' });
    expect(JSON.parse(body.output)).toEqual({ total: 2, error: { Error: 'Lambda.TooManyRequestsException', Cause: 'slow down' } });
    expect(body.inspectionData.errorDetails).toEqual({ catchIndex: 0 });
    const back = await asl(['order.asl.json', '--state', 'Charge', '--input', '{}', '--stubs', 'stubs.yaml', '--format', 'json', '--retrier-retry-count', '1']);
    expect(JSON.parse(back.stdout)).toMatchObject({ status: 'RETRIABLE' });
  });

  test('prints exactly the TestState response fields as JSON, variables in inspectionData', async () => {
    const definition = JSON.stringify({
      StartAt: 'Tag',
      States: { Tag: { Type: 'Pass', Parameters: { 'id.$': '$orderId' }, Assign: { tagged: true }, Next: 'Done' }, Done: { Type: 'Succeed' } },
    });
    const result = await asl(['-', '--state', 'Tag', '--variables', '{"orderId":"o-1"}', '--format', 'json', '--inspect'], { stdin: definition });
    expect(result.stderr).toBe('');
    const body = JSON.parse(result.stdout);
    expect(Object.keys(body).sort()).toEqual(['inspectionData', 'nextState', 'output', 'status']);
    // As the TestState API returns them: the output and every data-flow step are JSON text.
    expect(body).toEqual({
      status: 'SUCCEEDED',
      output: '{"id":"o-1"}',
      nextState: 'Done',
      inspectionData: { input: '{}', afterInputPath: '{}', afterParameters: '{"id":"o-1"}', result: '{"id":"o-1"}', afterResultPath: '{"id":"o-1"}', variables: '{"orderId":"o-1","tagged":true}' },
    });
  });

  test('a Map state: its data-flow steps are JSON text, MaxConcurrency a number, as the TestState API returns them', async () => {
    const definition = JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'n.$': '$$.Map.Item.Value' },
          MaxConcurrency: 2,
          ItemProcessor: { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
          End: true,
        },
      },
    });
    const result = await asl(['-', '--state', 'Each', '--input', '{"items":[1,2]}', '--format', 'json', '--inspect'], { stdin: definition });
    expect(result.stderr).toBe('');
    const body = JSON.parse(result.stdout);
    expect(body.output).toBe('[{"n":1},{"n":2}]');
    expect(body.inspectionData).toMatchObject({ input: '{"items":[1,2]}', afterItemsPath: '[1,2]', afterItemSelector: '[{"n":1},{"n":2}]', maxConcurrency: 2 });
    for (const [key, value] of Object.entries(body.inspectionData as Record<string, unknown>)) {
      expect([key, typeof value]).toEqual([key, key === 'maxConcurrency' ? 'number' : 'string']);
    }
    // The pretty form stays readable: one step a line, as JSON.
    const text = await asl(['-', '--state', 'Each', '--input', '{"items":[1,2]}', '--inspect'], { stdin: definition });
    expect(text.stdout).toContain('after ItemsPath: [1,2]\nafter ItemSelector: [{"n":1},{"n":2}]');
    expect(text.stdout).toContain('output: [{"n":1},{"n":2}]');
  });

  test('--context sets context object fields, such as the Map item of a state inside a Map', async () => {
    const definition = JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Label', States: { Label: { Type: 'Pass', Parameters: { 'index.$': '$$.Map.Item.Index', 'name.$': '$$.Execution.Name', 'state.$': '$$.State.Name' }, End: true } } },
          End: true,
        },
      },
    });
    const result = await asl(['-', '--state', 'Each/Label', '--context', '{"Map":{"Item":{"Index":2,"Value":"c"}},"Execution":{"Name":"nightly"}}', '--format', 'json'], { stdin: definition });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ status: 'SUCCEEDED', output: '{"index":2,"name":"nightly","state":"Label"}' });
    const bad = await asl(['-', '--state', 'Each/Label', '--context', '[1]'], { stdin: definition });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--context must be a JSON object');
  });

  test('a failing state is FAILED with exit 1 and no next state', async () => {
    const definition = JSON.stringify({ StartAt: 'Stop', States: { Stop: { Type: 'Fail', Error: 'Nope', Cause: 'because' } } });
    const result = await asl(['-', '--state', 'Stop', '--format', 'json'], { stdin: definition });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({ status: 'FAILED', error: 'Nope', cause: 'because' });
  });

  test('--retrier-retry-count, --inspect, the mock flags and the rest need --state, each named', async () => {
    const result = await asl(['order.asl.json', '--retrier-retry-count', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--retrier-retry-count applies only with --state NAME');
    const several = await asl(['order.asl.json', '--inspect', '--mock-result', '{}', '--map-item-reader-data', '[]']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('--inspect, --mock-result, --map-item-reader-data apply only with --state NAME');
  });

  test('names the states that exist when --state names none of them', async () => {
    const result = await asl(['order.asl.json', '--state', 'Chrage']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('There is no state "Chrage"');
  });
});
