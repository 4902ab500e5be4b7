/**
 * `asl run --validate-stubs`, as a user meets it: real stub and mock config files, the BUILT executable
 * (`npm test` builds first), exit codes and file:line:column in the messages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtures, repoRoot, spawnCli } from '../cli/run-cli.js';

const built = existsSync(`${repoRoot}dist/cli-bundle`);

const machine = {
  StartAt: 'Charge',
  States: {
    Charge: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'charge' }, OutputPath: '$.Payload', Next: 'Load' },
    Load: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 't', Key: { id: { S: '1' } } }, ResultPath: '$.item', Next: 'Fn' },
    Fn: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', ResultPath: '$.fn', End: true },
  },
};

const badStubs = `states:
  Charge:
    result: { approved: true }
  Load:
    sequence:
      - error: DynamoDB.ProvisionedThroughputExceededException
      - result: { Item: { id: "1" } }
  Fn:
    result: { anything: 1 }
`;

const goodStubs = `states:
  Charge:
    result: { Payload: { approved: true }, StatusCode: 200 }
  Load:
    result: { Item: { id: { S: "1" } } }
  Fn:
    result: { anything: 1 }
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'asl-shapes-'));
  writeFileSync(path.join(dir, 'order.asl.json'), JSON.stringify(machine, null, 2));
  writeFileSync(path.join(dir, 'bad.yaml'), badStubs);
  writeFileSync(path.join(dir, 'good.yaml'), goodStubs);
  const mock = {
    StateMachines: { Orders: { TestCases: { Happy: { Charge: 'ChargeOk', Load: 'LoadOk' } } } },
    MockedResponses: {
      ChargeOk: { '0': { Return: { Payload: { approved: true }, StatusCode: '200' } } },
      LoadOk: { '0': { Return: { Item: { id: { S: '1' } } } } },
    },
  };
  writeFileSync(path.join(dir, 'mock.json'), JSON.stringify(mock, null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const asl = (...argv: string[]) => spawnCli(['run', 'order.asl.json', ...argv], { cwd: dir });

describe.skipIf(!built)('asl run --validate-stubs', () => {
  test('by default (present) a result the service would never return is exit 2 before the run, each at file:line:column', () => {
    const result = asl('--stubs', 'bad.yaml', '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^asl: bad\.yaml:3:25: states\.Charge\.result\.approved: the lambda:invoke response has no field "approved" here \(it has StatusCode, .*Payload.*\); the function's own result goes under "Payload"/);
    expect(lines[1]).toMatch(/^bad\.yaml:7:31: states\.Load\.sequence\[1\]\.result\.Item\.id: must be an object with S, N, .* in the dynamodb:getItem response, not a string$/);
    expect(lines[2]).toBe('2 problems: stub results the real service would never return. Write the result as the service returns it (see docs/stubs.md, "Results shaped like the service"), or pass --validate-stubs none to skip this check.');
    // The Lambda function ARN returns the function's own result: nothing to check there.
    expect(result.stderr).not.toContain('states.Fn');
  });

  test('results shaped like the service run; none skips the check', () => {
    const good = asl('--stubs', 'good.yaml', '--format', 'json', '--validate-stubs', 'strict');
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).output).toMatchObject({ approved: true, item: { Item: { id: { S: '1' } } } });
    // The run goes ahead and fails the way the check foresaw: OutputPath $.Payload finds no Payload (exit 1).
    const skipped = asl('--stubs', 'bad.yaml', '--format', 'json', '--validate-stubs', 'none');
    expect(skipped.code).toBe(1);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  });

  test('mock config Return values are checked too, at their place in the file', () => {
    const result = asl('--mock-config', 'mock.json', '--test-case', 'Happy', '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^asl: mock\.json:\d+:\d+: MockedResponses\.ChargeOk\."0"\.Return\.StatusCode: must be an integer in the lambda:invoke response, not a string\n/);
    expect(result.stderr).toContain('A stub result the real service would never return.');
  });

  test('a wrong mode is a usage error with the nearest one; without stubs the flag is refused', () => {
    const typo = asl('--stubs', 'good.yaml', '--validate-stubs', 'strcit');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('asl: --validate-stubs must be strict, present or none, not "strcit". Did you mean "strict"?\n');
    expect(asl('--stubs', 'good.yaml', '--validate-stubs', 'PRESENT', '--format', 'json').code).toBe(0);
    const alone = asl('--validate-stubs', 'none');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toBe('asl: --validate-stubs applies only with --stubs or --mock-config.\n');
  });

  test('the example in docs/stubs.md is what asl prints', () => {
    const doc = readFileSync(`${repoRoot}docs/stubs.md`, 'utf8');
    const after = (marker: string) => /```[a-z]*\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf(marker)))![1]!;
    writeFileSync(path.join(dir, 'stubs.yaml'), after('For these stubs'));
    const result = spawnCli(['run', 'order.asl.json', '--stubs', 'stubs.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(after("`asl run` prints:"));
  });

  test('a result computed during the run (expression or module) is checked when it is answered, naming the state', () => {
    writeFileSync(path.join(dir, 'computed.yaml'), `states:\n  Charge: { expression: "{% {'approved': true} %}" }\n  Load: { result: { Item: {} } }\n  Fn: { result: 1 }\n`);
    const result = asl('--stubs', 'computed.yaml', '--format', 'json');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^asl: The stub for state "Charge" \(invocation 0\) computed a result the real service would never return:\n {2}\/approved: the lambda:invoke response has no field "approved"/);
    expect(asl('--stubs', 'computed.yaml', '--format', 'json', '--validate-stubs', 'none').code).toBe(1);
  });

  test('a single state run with --state checks the same stubs', () => {
    const bad = asl('--state', 'Load', '--stubs', 'bad.yaml', '--format', 'json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('states.Load.sequence[1].result.Item.id: must be an object with S, N');
    expect(asl('--state', 'Load', '--stubs', 'good.yaml', '--format', 'json').code).toBe(0);
  });

  test('the help names the modes and the default', () => {
    const help = spawnCli(['run', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain("--validate-stubs <mode> check stub and mock results against the real service's response shape: strict (required fields too), present or none (default: present)");
  });
});

/** The modules of this package the built executable loaded for `asl run …` in `dir`. */
function loadedBy(argv: string[]): string[] {
  const child = spawnSync(process.execPath, ['--import', `${fixtures}trace/register.mjs`, `${repoRoot}bin/asl.js`, 'run', ...argv], { cwd: dir, encoding: 'utf8' });
  return child.stderr.split('\n').filter((line) => line.startsWith('loaded ')).map((line) => line.slice('loaded '.length));
}

describe.skipIf(!built)('start-up with --validate-stubs', () => {
  const shapeChunk = (urls: string[]) => urls.filter((url) => /service-shapes|shapes\/index/.test(url));

  test('the shapes load only when a result answers a service they describe', () => {
    writeFileSync(path.join(dir, 'fn-only.yaml'), 'states:\n  Charge: { error: E }\n  Fn: { result: 1 }\n');
    const light = loadedBy(['order.asl.json', '--stubs', 'fn-only.yaml', '--format', 'json']);
    expect(light.some((url) => url.includes('/dist/'))).toBe(true);
    expect(shapeChunk(light)).toEqual([]);
    expect(shapeChunk(loadedBy(['order.asl.json', '--stubs', 'good.yaml', '--format', 'json'])).length).toBeGreaterThan(0);
  });
});
