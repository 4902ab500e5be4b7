// --output never replaces one of the command's inputs, whatever name reaches it (the same name, ./name, an
// absolute path, a symbolic link, a hard link), and a report is written whole or not at all. Through the built
// executable, as a user meets it; every input is compared byte for byte afterwards.
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, spawnCli } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'asl-output-guard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DEFINITION = JSON.stringify({
  StartAt: 'Work',
  States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } },
}, null, 2);
const TEMPLATE = ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Flow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      DefinitionUri: flow.asl.json', ''].join('\n');
const CONFIG = '{ "rules": { "task-timeout": "error" } }\n';

let count = 0;
/** A fresh folder with a definition, a template naming it, a lint config, and links to each. */
function project(): { dir: string; files: Record<string, string> } {
  const dir = join(root, `p${count++}`);
  mkdirSync(join(dir, 'sub'), { recursive: true });
  const files: Record<string, string> = { 'flow.asl.json': DEFINITION, 'template.yaml': TEMPLATE, '.aslrc.json': CONFIG, 'sub/other.asl.json': DEFINITION };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  for (const name of Object.keys(files)) {
    const base = name.replace(/[/.]/g, '_');
    symlinkSync(join(dir, name), join(dir, `sym_${base}`));
    linkSync(join(dir, name), join(dir, `hard_${base}`));
  }
  return { dir, files };
}

function expectUntouched(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(text);
  // No report and no temporary file was left anywhere.
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('report'))).toEqual([]);
}

const refused = /^asl: --output \S+ is (the|the same file as the) (input file|definition file|lint config) \S+.*: writing the (report|diagram) there would replace it\. Name another file for --output\.\n$/;

describe('--output naming an input is refused with exit 2, and the input stays byte-identical', () => {
  const cases: Array<{ command: string[]; target: string; names: string[] }> = [
    { command: ['validate', 'flow.asl.json'], target: 'flow.asl.json', names: ['flow.asl.json', './flow.asl.json', 'ABS', 'sym_flow_asl_json', 'hard_flow_asl_json'] },
    { command: ['lint', 'flow.asl.json'], target: 'flow.asl.json', names: ['flow.asl.json', 'sym_flow_asl_json', 'hard_flow_asl_json'] },
    // Found by expanding a directory or a glob.
    { command: ['lint', 'sub'], target: 'sub/other.asl.json', names: ['sub/other.asl.json', 'sym_sub_other_asl_json', 'hard_sub_other_asl_json'] },
    { command: ['validate', 'sub/*.asl.json'], target: 'sub/other.asl.json', names: ['sym_sub_other_asl_json', 'hard_sub_other_asl_json'] },
    // The definition file a template names.
    { command: ['validate', 'template.yaml'], target: 'flow.asl.json', names: ['flow.asl.json', 'sym_flow_asl_json', 'hard_flow_asl_json'] },
    { command: ['graph', 'template.yaml'], target: 'flow.asl.json', names: ['flow.asl.json', 'sym_flow_asl_json', 'hard_flow_asl_json'] },
    // The lint config, found upwards or named with --config.
    { command: ['lint', 'flow.asl.json'], target: '.aslrc.json', names: ['.aslrc.json', 'sym__aslrc_json', 'hard__aslrc_json'] },
    { command: ['lint', 'sub/other.asl.json', '--config', '.aslrc.json'], target: '.aslrc.json', names: ['sym__aslrc_json', 'hard__aslrc_json'] },
    { command: ['graph', 'flow.asl.json'], target: 'flow.asl.json', names: ['flow.asl.json', 'ABS', 'sym_flow_asl_json', 'hard_flow_asl_json'] },
  ];
  test.each(cases)('asl $command.0 $command.1 → $target', ({ command, names }) => {
    const { dir, files } = project();
    for (const name of names) {
      const output = name === 'ABS' ? join(dir, command[1]!) : name;
      const run = spawnCli([...command, '--format', command[0] === 'graph' ? 'mermaid' : 'json', '--output', output], { cwd: dir });
      expect(run.stderr, output).toMatch(refused);
      expect(run.code, output).toBe(2);
      expect(run.stdout).toBe('');
    }
    expectUntouched(dir, files);
  });

  test('the message names the output and the input it would replace', () => {
    const { dir } = project();
    const run = spawnCli(['validate', 'template.yaml', '--output', 'sym_flow_asl_json'], { cwd: dir });
    expect(run.stderr).toBe(
      'asl: --output sym_flow_asl_json is the same file as the definition file flow.asl.json (a link to it, or another name for it): writing the report there would replace it. Name another file for --output.\n',
    );
  });
});

describe('reports are written atomically', () => {
  test('a report replaces the old one whole, through a symbolic link to it, and leaves no temporary file', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'report-old.json'), 'x'.repeat(100_000));
    symlinkSync(join(dir, 'report-old.json'), join(dir, 'report-link.json'));
    const run = spawnCli(['validate', 'flow.asl.json', '--format', 'json', '--output', 'report-link.json'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'report-old.json'), 'utf8'))[0]).toMatchObject({ file: 'flow.asl.json', valid: true });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('special files are written to, not replaced: /dev/stdout, /dev/null', () => {
    const { dir } = project();
    // Through a shell pipe, as in `asl validate … -o /dev/stdout | tee`.
    const toStdout = spawnSync('sh', ['-c', `node "${repoRoot}bin/asl.js" validate flow.asl.json --output /dev/stdout | cat`], { cwd: dir, encoding: 'utf8' });
    expect(toStdout).toMatchObject({ status: 0, stdout: '✔ 1 state machine valid\n', stderr: '' });
    expect(spawnCli(['graph', 'flow.asl.json', '--output', '/dev/null'], { cwd: dir })).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a failed write leaves the old report as it was and no temporary file', () => {
    const { dir } = project();
    mkdirSync(join(dir, 'report.json'));
    const run = spawnCli(['lint', 'flow.asl.json', '--output', 'report.json'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: 'asl: cannot write the report to report.json: it is a directory\n' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'report.json'))).toEqual([]);
  });
});
