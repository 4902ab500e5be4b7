/**
 * `asl run --state` with the flags that stand for the TestState request fields (`mock`, `stateConfiguration`,
 * `context`, `inspectionLevel`). Each fixture in fixtures/test-state names the page whose documented
 * behaviour it shows, the command line, and the TestState response `--format json` must print.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, spawnCli } from '../cli/run-cli.js';
import { testState, type TestStateOptions } from '../../src/index.js';
import { validateMockShape } from '../../src/run/index.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/test-state');

interface Case {
  page: string;
  description: string;
  definition: unknown;
  argv: string[];
  expect: { code: number; response: Record<string, unknown> };
}

const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Case) }));

const run = (definition: unknown, argv: string[]) => runCli(['run', '-', ...argv], { stdin: JSON.stringify(definition), cwd: dir });

describe('asl run --state: TestState request fields, as documented', () => {
  test.each(cases.map((c) => [`${c.file}: ${c.description} (${c.page})`, c] as const))('%s', async (_name, c) => {
    const result = await run(c.definition, [...c.argv, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(c.expect.code);
    expect(JSON.parse(result.stdout)).toEqual(c.expect.response);
  });
});

const fixture = (name: string) => cases.find((c) => c.file === `${name}.json`)!;

describe('asl run --state: what TestState refuses is exit 2 with the reason', () => {
  const charge = fixture('task-mock-result').definition;
  const fan = fixture('map-mock-result').definition;
  const both = fixture('parallel-mock-result').definition;
  test.each([
    ['a mock for a Pass state', fan, ['--state', 'Report', '--mock-result', '{}'], "State type 'Pass' is not supported when a mock is specified"],
    ['a Parallel mock without one element per branch', both, ['--state', 'Both', '--mock-result', '[1]'], 'has 1 element(s), but the state has 2 branch(es)'],
    ['a Map mock that is not an array', fan, ['--state', 'Ship all', '--mock-result', '{}'], 'must be a JSON array (one element per item)'],
    ['a failure count without a mock', fan, ['--state', 'Ship all', '--map-iteration-failure-count', '1'], 'needs a mock'],
    ['a failure count over the mocked items', fan, ['--state', 'Ship all', '--mock-result', '[1]', '--map-iteration-failure-count', '2'], 'is more than the 1 item(s) of the mocked result'],
    ['a failure count on a Task', charge, ['--state', 'Charge', '--mock-result', '{}', '--map-iteration-failure-count', '1'], 'applies only to a Map state; "Charge" is a Task state'],
    ['an unknown state an error is caused by', fan, ['--state', 'Ship all', '--mock-error', 'X', '--error-caused-by-state', 'Shp'], 'There is no state "Shp" inside Map state "Ship all"; it holds "Ship", "Label". Did you mean "Ship"?'],
    ['an error caused by a state without a mocked error', fan, ['--state', 'Ship all', '--mock-result', '[]', '--error-caused-by-state', 'Ship'], 'needs a mocked error'],
    ['reader data for a Map without an ItemReader', fan, ['--state', 'Ship all', '--map-item-reader-data', '[]'], 'applies only to a Map state with an ItemReader'],
    ['a mocked result and a mocked error', charge, ['--state', 'Charge', '--mock-result', '{}', '--mock-error', 'X'], 'not both'],
    ['field validation without a mocked result', charge, ['--state', 'Charge', '--mock-field-validation', 'NONE'], '--mock-field-validation checks a mocked result: give --mock-result too'],
    ['an unknown field validation mode', charge, ['--state', 'Charge', '--mock-result', '{}', '--mock-field-validation', 'LAX'], '--mock-field-validation must be one of STRICT, PRESENT, NONE, not "LAX"'],
    ['an unknown inspection level', charge, ['--state', 'Charge', '--inspection-level', 'VERBOSE'], '--inspection-level must be one of INFO, DEBUG, TRACE, not "VERBOSE"'],
    ['--inspect with another level', charge, ['--state', 'Charge', '--inspect', '--inspection-level', 'TRACE'], '--inspect means --inspection-level DEBUG'],
    ['a mocked result longer than TestState takes', fan, ['--state', 'Ship all', '--mock-result', JSON.stringify(['x'.repeat(262_144)])], 'The mocked result is 262148 characters of JSON; TestState takes at most 262144.'],
    ['a mocked result that is not JSON', charge, ['--state', 'Charge', '--mock-result', '{"a":}'], '--mock-result is not valid JSON at'],
    ['--mock with a result that is not JSON text', charge, ['--state', 'Charge', '--mock', '{"result": {"a": 1}}'], '--mock\'s result is JSON text, as in the API: write "result": "{\\"a\\":1}"'],
    ['--mock with a misspelt field', charge, ['--state', 'Charge', '--mock', '{"reslt": "{}"}'], '--mock has no field "reslt"; did you mean "result"?'],
    ['--mock with an unknown field validation mode', charge, ['--state', 'Charge', '--mock', '{"result": "{}", "fieldValidationMode": "LAX"}'], 'must be one of STRICT, PRESENT, NONE, not "LAX"'],
    ['--mock with --mock-error', charge, ['--state', 'Charge', '--mock', '{"result": "{}"}', '--mock-error', 'X'], '--mock already holds what --mock-error would say'],
    ['--state-configuration with --retrier-retry-count', charge, ['--state', 'Charge', '--state-configuration', '{}', '--retrier-retry-count', '1'], '--state-configuration already holds what --retrier-retry-count would say'],
    ['--state-configuration with a negative count', charge, ['--state', 'Charge', '--state-configuration', '{"retrierRetryCount": -1}'], 'retrierRetryCount must be an integer of at least 0, not -1'],
    ['--state-configuration with a misspelt field', fan, ['--state', 'Ship all', '--state-configuration', '{"mapIterationFailureCont": 1}'], 'did you mean "mapIterationFailureCount"?'],
  ])('%s', async (_name, definition, argv, message) => {
    const result = await run(definition, argv);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(2);
  });
});

describe('asl run --state: the pretty format and the inspection levels', () => {
  test('INFO prints the status, output and next state; DEBUG adds the steps; --inspect is DEBUG; lowercase levels work', async () => {
    const c = fixture('map-mock-result');
    const info = await run(c.definition, c.argv.filter((a) => a !== '--inspection-level' && a !== 'DEBUG'));
    expect(info.stdout).toBe('SUCCEEDED\noutput: {"orders":[{"id":1},{"id":2},{"id":3}],"shipped":["s1","s2","s3"]}\nnext state: Done\n');
    const debug = await run(c.definition, c.argv.map((a) => (a === 'DEBUG' ? 'debug' : a)));
    expect(debug.stdout).toContain('after ItemSelector: [{"order":{"id":1},"position":0}');
    expect(debug.stdout).toContain('MaxConcurrency: 5\nToleratedFailureCount: 1\nToleratedFailurePercentage: 0\nresult: ["s1","s2","s3"]');
    const inspect = await run(c.definition, [...c.argv.filter((a) => a !== '--inspection-level' && a !== 'DEBUG'), '--inspect']);
    expect(inspect.stdout).toBe(debug.stdout);
  });

  test('TRACE prints the HTTP request and response; DEBUG does not', async () => {
    const c = fixture('http-trace');
    const trace = await run(c.definition, c.argv);
    expect(trace.stdout).toContain('HTTP request: POST https://api.example.com/orders?dry=true headers {"content-type":"application/json"} body {"id":"o-1"}');
    expect(trace.stdout).toContain('HTTP response: 201 Created headers {"x-id":"9"} body {"ok":true}');
    const debug = await run(c.definition, c.argv.map((a) => (a === 'TRACE' ? 'DEBUG' : a)));
    expect(debug.stdout).not.toContain('HTTP request');
    const json = JSON.parse((await run(c.definition, [...c.argv.map((a) => (a === 'TRACE' ? 'DEBUG' : a)), '--format', 'json'])).stdout);
    expect(json.inspectionData.request).toBeUndefined();
  });

  test('a mocked error or cause with control characters is printed escaped', async () => {
    const c = fixture('task-mock-error-caught');
    const result = await run(c.definition, ['--state', 'Charge', '--mock-error', 'Bad\u001b[2J', '--mock-cause', 'line\rover']);
    expect(result.stdout).toContain('error: Bad\\u001b[2J');
    expect(result.stdout).toContain('cause: line\\rover');
    expect(result.stdout).not.toContain('\u001b');
  });
});

describe('asl run --state from a real process', () => {
  test('a mocked Map through a pipe prints the TestState response and exits 0; a refused mock exits 2', () => {
    const c = fixture('map-failures-over-tolerance');
    const ok = spawnCli(['run', '-', ...c.argv, '--format', 'json'], { stdin: JSON.stringify(c.definition), cwd: dir });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(c.expect.response);
    const refused = spawnCli(['run', '-', '--state', 'Report', '--mock-result', '{}'], { stdin: JSON.stringify(c.definition), cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("asl: State type 'Pass' is not supported when a mock is specified; only Task, Map and Parallel states take a mock.\n");
  });
});

describe('testState and validateMockShape in the library', () => {
  test('a mock overrides the stubs, and the mocked value is not shared with the result', async () => {
    const c = fixture('task-mock-result');
    const mock = { result: { Payload: { approved: true } } };
    const options: TestStateOptions = { mock, stubs: { states: { Charge: { result: { Payload: { approved: false } } } } } };
    const result = await testState(c.definition, 'Charge', {}, options);
    expect(result.output).toEqual({ charge: { approved: true } });
    (result.inspection.result as { Payload: { approved: boolean } }).Payload.approved = false;
    expect(mock.result.Payload.approved).toBe(true);
  });

  test('NONE checks nothing; PRESENT and STRICT check the mock against the service response shape', async () => {
    expect(await validateMockShape('arn:aws:states:::lambda:invoke', { StatusCode: 'not a number' }, 'NONE')).toEqual([]);
    for (const mode of ['PRESENT', 'STRICT'] as const) {
      const problems = await validateMockShape('arn:aws:states:::lambda:invoke', { StatusCode: 'not a number' }, mode);
      expect(problems.map((p) => p.path)).toContain('/StatusCode');
    }
    // STRICT also refuses a field the service never returns; PRESENT lets an extra field pass beside known ones.
    const extra = { Payload: {}, StatusCode: 200, Extra: true };
    expect((await validateMockShape('arn:aws:states:::lambda:invoke', extra, 'STRICT')).map((p) => p.path)).toContain('/Extra');
    expect(await validateMockShape('arn:aws:states:::lambda:invoke', extra, 'PRESENT')).toEqual([]);
    expect(await validateMockShape('arn:aws:states:::lambda:invoke', { Payload: { any: 'thing' }, StatusCode: 200 }, 'STRICT')).toEqual([]);
  });
});
