// Operating-system errors reach the user as plain sentences ("cannot write the report to out: it is a
// directory"), never as Node's raw "EISDIR: illegal operation on a directory, open …". One table
// (src/system-error.ts) words them for every command.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { systemErrorReason } from '../../src/system-error.js';
import { spawnCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-system-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'flow.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }));
mkdirSync(join(dir, 'out'));

/** Root may write almost anywhere; sysfs refuses new files even to root. Probed, not assumed. */
const refusesWrites = (() => {
  const run = spawnCli(['validate', 'flow.asl.json', '--output', '/sys/asl-probe.json'], { cwd: dir });
  return run.stderr.includes('permission denied');
})();

const raw = /\b(EACCES|EISDIR|ENOENT|ENOTDIR|EEXIST|EPERM)\b|internal error|\n\s+at /;

describe('write errors through the CLI', () => {
  test.each([
    [['validate', 'flow.asl.json', '--output', 'out'], 'asl: cannot write the report to out: it is a directory\n'],
    [['lint', 'flow.asl.json', '-o', 'out/'], 'asl: cannot write the report to out/: it is a directory\n'],
    [['graph', 'flow.asl.json', '--output', 'out'], 'asl: cannot write the diagram to out: it is a directory\n'],
    [['graph', 'flow.asl.json', '--output', 'missing/flow.mmd'], 'asl: cannot write the diagram to missing/flow.mmd: the folder it goes in does not exist\n'],
    // validate and lint create missing folders: a file where a folder should be is what stops them.
    [['validate', 'flow.asl.json', '--output', 'flow.asl.json/report.json'], 'asl: cannot write the report to flow.asl.json/report.json: a part of the path is a file, not a folder\n'],
    [['validate', 'flow.asl.json', '--output', ''], 'asl: --output names no file; give the file to write the report to, such as --output report.txt\n'],
    [['graph', 'flow.asl.json', '--output', 'flow.asl.json/flow.mmd'], 'asl: cannot write the diagram to flow.asl.json/flow.mmd: a part of the path is a file, not a folder\n'],
  ])('asl %j', (argv, message) => {
    const run = spawnCli(argv, { cwd: dir });
    expect(run.stderr).toBe(message);
    expect(run.code).toBe(2);
  });

  test.runIf(refusesWrites)('permission denied', () => {
    const run = spawnCli(['lint', 'flow.asl.json', '--output', '/sys/asl-report.json'], { cwd: dir });
    expect(run).toMatchObject({ code: 2, stderr: 'asl: cannot write the report to /sys/asl-report.json: permission denied\n' });
  });
});

describe('read errors through the CLI', () => {
  test.each([
    [['validate', 'missing.asl.json'], 'missing.asl.json: no such file or directory'],
    [['graph', 'missing.asl.json'], 'asl: cannot read missing.asl.json: no such file or directory\n'],
    [['graph', 'out'], 'asl: cannot read out: it is a directory\n'],
    [['graph', 'flow.asl.json/x.asl.json'], 'asl: cannot read flow.asl.json/x.asl.json: a part of the path is a file, not a folder\n'],
    [['lint', 'flow.asl.json', '--config', 'missing.json'], 'missing.json: cannot read the lint config: no such file or directory.'],
    [['lint', 'flow.asl.json', '--config', 'out'], 'out: cannot read the lint config: it is a directory.'],
    [['run', 'flow.asl.json', '--stubs', 'out'], 'asl: cannot read the stub file out: it is a directory\n'],
    [['run', 'flow.asl.json', '--input-file', 'flow.asl.json/in.json'], 'asl: cannot read the input file flow.asl.json/in.json: a part of the path is a file, not a folder.\n'],
  ])('asl %j', (argv, message) => {
    const run = spawnCli(argv, { cwd: dir });
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(raw);
    expect(run.code).toBe(2);
  });
});

describe('systemErrorReason', () => {
  const error = (code: string, message = `${code}: something, open '/x'`) => Object.assign(new Error(message), { code });
  test('words the common codes, and a missing folder when writing', () => {
    expect(systemErrorReason(error('EACCES'))).toBe('permission denied');
    expect(systemErrorReason(error('ENOENT'))).toBe('no such file or directory');
    expect(systemErrorReason(error('ENOENT'), { writing: true })).toBe('the folder it goes in does not exist');
    expect(systemErrorReason(error('EROFS'))).toBe('the file system is read-only');
  });
  test('an unlisted code keeps Node\'s words without the code, the call and the path', () => {
    expect(systemErrorReason(error('ESOMETHING', "ESOMETHING: a rare failure, open '/x'"))).toBe('a rare failure');
    expect(systemErrorReason(new Error('plain'))).toBe('plain');
  });
});
