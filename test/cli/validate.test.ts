import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectGolden } from '../report/golden.js';
import { fixtures, repoRoot, runCli } from './run-cli.js';

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

  it('reads a YAML definition from stdin, telling it from JSON by its content', async () => {
    const run = await runCli(['validate', '-'], { stdin: 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Nxt: B\n    End: true\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<stdin>\n {2}5:10 +error +"Nxt" is not a field of Pass state "A"; did you mean "Next"\?  unknown-field\n/);
  });

  it.skipIf(process.platform === 'win32')('reads a pipe named as a path, as in asl validate <(command)', () => {
    const script = `"${process.execPath}" "${repoRoot}bin/asl.js" validate <(cat valid.asl.json) --format json`;
    const run = spawnSync('bash', ['-c', script], { cwd: fixtures, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([{ file: expect.stringMatching(/^\/(dev|proc)\//), machine: '', valid: true, diagnostics: [] }]);
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

describe('asl validate: every mistake in one pass', () => {
  it('reports each of the seven deliberate mistakes of the broken example, once', async () => {
    const run = await runCli(['validate', 'examples/broken/order-processing.asl.json', '--format', 'json'], { cwd: repoRoot });
    expect(run.code).toBe(1);
    const [entry] = JSON.parse(run.stdout) as Array<{ diagnostics: Array<{ code: string; path: string }> }>;
    expect(entry!.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'choice-rule-operator /States/IsOrderValid/Choices/0/And/0/BooleanEqual',
      'states-all-position /States/RejectOrder/Retry/0/ErrorEquals/0',
      'string-in-number-field /States/ReserveAndCharge/Branches/1/States/ChargePayment/TimeoutSeconds',
      'invalid-value /States/ShipItems/MaxConcurrency',
      'unknown-state /States/ShipItems/Catch/0/Next',
      'unknown-field /States/OrderCompleted/Next',
      'unreachable-state /States/LegacyAudit',
    ]);
  });
});

describe('asl validate: templates end to end', () => {
  const inputs = ['templates/sam.yaml', 'templates/serverless.yml'];

  it('reports every machine of a SAM template and a serverless.yml on its own, at positions in the file the user wrote', async () => {
    const run = await runCli(['validate', ...inputs]);
    expect(run.code).toBe(1);
    expectGolden(run.stdout, `${fixtures}templates/expected.stylish.txt`);
  });

  it('checks a definition file once when a template in the same search names it (SAM DefinitionUri), under the logical id', async () => {
    const run = await runCli(['validate', 'templates', '--format', 'json']);
    const entries = JSON.parse(run.stdout) as Array<{ file: string; name?: string }>;
    const order = entries.filter((e) => e.file.replace(/\\/g, '/') === 'templates/statemachine/order.asl.yaml');
    expect(order).toEqual([expect.objectContaining({ name: 'FileMachine', valid: false })]);
    const stylish = await runCli(['validate', 'templates']);
    expect(stylish.stdout.match(/states-all-position/g)).toHaveLength(1);
  });

  it('names each machine by logical id with the pointer of its definition, and skipped ones at the file', async () => {
    const run = await runCli(['validate', ...inputs, '--format', 'json']);
    const entries = JSON.parse(run.stdout) as Array<{ file: string; machine: string; name?: string; valid: boolean; diagnostics: Array<{ code: string; path: string }> }>;
    expect(entries.map((e) => [e.file, e.machine, e.name, e.valid, e.diagnostics.map((d) => d.code)])).toEqual([
      ['templates/sam.yaml', '', undefined, true, ['definition-not-static']],
      ['templates/sam.yaml', '/Resources/InlineMachine/Properties/Definition', 'InlineMachine', false, ['unknown-field', 'unreachable-state']],
      ['templates/sam.yaml', '/Resources/SubMachine/Properties/DefinitionString/Fn::Sub', 'SubMachine', false, ['unknown-state']],
      ['templates/sam.yaml', '/Resources/LongSubMachine/Properties/DefinitionString/Fn::Sub/0', 'LongSubMachine', false, ['mutually-exclusive-fields']],
      ['templates/statemachine/order.asl.yaml', '', 'FileMachine', false, ['states-all-position']],
      ['templates/serverless.yml', '', undefined, true, ['definition-not-static']],
      ['templates/serverless.yml', '/stepFunctions/stateMachines/placeOrder/definition', 'placeOrder', false, ['choice-rule-operator', 'unreachable-state']],
    ]);
    // Unresolved values (!GetAtt, !Ref, ${WorkerArn}, Fn::GetAtt) are never findings.
    expect(entries.flatMap((e) => e.diagnostics.map((d) => d.path)).filter((p) => /Resource$|TimeoutSeconds$/.test(p))).toEqual([]);
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
  it('never colours a report written to --output, even on a terminal with FORCE_COLOR, unless --color', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-colour-'));
    try {
      const plain = await runCli(['validate', 'syntax-error.asl.json', '--output', join(dir, 'plain.txt')], { tty: true, env: { FORCE_COLOR: '1' } });
      expect(plain.stdout).toBe('');
      expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).toMatch(/^syntax-error\.asl\.json\n/);
      expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).not.toMatch(ansi);
      await runCli(['validate', 'syntax-error.asl.json', '--output', join(dir, 'colour.txt'), '--color']);
      expect(readFileSync(join(dir, 'colour.txt'), 'utf8')).toMatch(ansi);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('lets --no-color win over FORCE_COLOR', async () => {
    expect((await runCli(['validate', 'syntax-error.asl.json', '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ansi);
  });
});


describe('asl validate: bad input ends quickly with a clear message, never a crash', () => {
  let dir: string;
  const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 10; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  const files: Record<string, string | Buffer> = {
    'empty.asl.json': '',
    'binary.asl.json': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    'array.asl.json': '[{"StartAt": "A"}]\n',
    'number.asl.json': '42\n',
    'deep.asl.json': '['.repeat(100_000) + ']'.repeat(100_000),
    'deep.asl.yaml': 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n',
    'bomb.asl.yaml': bomb.join('\n') + '\n',
    'huge.asl.yaml': 'StartAt: A\nStates:\n' + '  # filler filler filler filler\n'.repeat(600_000),
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'asl-bad-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    mkdirSync(join(dir, 'folder.asl.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['empty.asl.json', 'not-a-state-machine', /empty/],
    ['binary.asl.json', 'parse-error', /binary/],
    ['array.asl.json', 'not-a-state-machine', /array/],
    ['number.asl.json', 'not-a-state-machine', /number/],
    ['deep.asl.json', 'nesting-too-deep', /nested more than/],
    ['deep.asl.yaml', 'nesting-too-deep', /nested more than/],
    ['bomb.asl.yaml', 'parse-error', /alias/],
    ['huge.asl.yaml', 'file-too-large', /MB/],
  ])('%s: one %s diagnostic with a position, exit 1', async (name, code, message) => {
    const started = performance.now();
    const run = await runCli(['validate', name, '--format', 'json'], { cwd: dir });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(run).toMatchObject({ code: 1, stderr: '' });
    const [entry, ...rest] = JSON.parse(run.stdout) as Array<{ valid: boolean; diagnostics: Array<{ code: string; message: string; line: number; column: number }> }>;
    expect(rest).toEqual([]);
    expect(entry!.valid).toBe(false);
    expect(entry!.diagnostics).toHaveLength(1);
    expect(entry!.diagnostics[0]).toMatchObject({ code, message: expect.stringMatching(message), line: expect.any(Number), column: expect.any(Number) });
  });

  it('a file of hundreds of MB is refused from its size without being read, exit 1', async () => {
    const big = join(dir, 'big.asl.json');
    writeFileSync(big, '');
    truncateSync(big, 300 * 1024 * 1024); // sparse: no disk space, no time
    try {
      const started = performance.now();
      const run = await runCli(['validate', 'big.asl.json', '--format', 'json'], { cwd: dir });
      expect(performance.now() - started).toBeLessThan(2000);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.stdout)[0].diagnostics).toEqual([expect.objectContaining({ code: 'file-too-large', line: 1, column: 1, message: expect.stringMatching(/^The file has 300 MB/) })]);
    } finally {
      rmSync(big);
    }
  });

  it.skipIf(process.platform === 'win32')('a device in place of a file: one line on stderr, exit 2, nothing read', async () => {
    const run = await runCli(['validate', '/dev/zero']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe('asl: /dev/zero: not a regular file (a device or a socket); name a definition file, a directory or a glob\n');
  });

  it('a directory or a missing file in place of a file: one line on stderr, exit 2', async () => {
    for (const name of ['folder.asl.json', 'missing.asl.json']) {
      const run = await runCli(['validate', name], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^asl: ${name.replace('.', '\\.')}: [^\\n]+\\n$`));
      expect(run.stdout).toBe('');
    }
  });

  it('writes nothing: every input file keeps its content and time stamp, and no file appears', async () => {
    const before = snapshot(dir);
    await runCli(['validate', '.', ...Object.keys(files)], { cwd: dir });
    await runCli(['validate', 'empty.asl.json', '--format', 'sarif'], { cwd: dir });
    expect(snapshot(dir)).toEqual(before);
  });
});

function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const stat = statSync(join(root, name));
    out[name] = stat.isDirectory() ? 'dir' : `${stat.size} ${stat.mtimeMs} ${readFileSync(join(root, name)).toString('base64').length}`;
  }
  return out;
}

describe('asl validate --debug', () => {
  afterEach(() => {
    vi.doUnmock('../../src/validate/index.js');
    vi.resetModules();
  });

  it('shows the stack of an internal error only with --debug, and exits 2 either way', async () => {
    vi.resetModules();
    vi.doMock('../../src/validate/index.js', () => ({
      validateMachine: () => {
        throw new Error('boom');
      },
    }));
    const { runCli: fresh } = await import('./run-cli.js');
    const plain = await fresh(['validate', valid]);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/^asl: internal error while checking valid\.asl\.json: boom .*--debug/);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await fresh(['validate', valid, '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/boom/);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
