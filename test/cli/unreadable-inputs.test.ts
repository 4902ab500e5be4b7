// The built `asl` meets folders it may not read, and a directory symlink loop, as a user would.
// chmod 000 stops nobody when the tests run as root, so as root the command runs as the user
// "nobody" (setpriv, util-linux); without setpriv there it is skipped.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const runnable = process.platform !== 'win32' && (!isRoot || hasSetpriv);
const definition = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';

let root: string;

function asl(...args: string[]): { code: number; stdout: string; stderr: string } {
  const command = [process.execPath, join(repoRoot, 'bin/asl.js'), ...args];
  const [file, ...argv] = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
  const child = spawnSync(file!, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

beforeAll(() => {
  if (!runnable) return;
  root = mkdtempSync(join(tmpdir(), 'asl-unreadable-'));
  chmodSync(root, 0o755);
  for (const path of ['proj/ok/a.asl.json', 'proj/locked/b.asl.json', 'loop/sub/c.asl.json']) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), definition);
  }
  symlinkSync('..', join(root, 'loop/sub/up'));
  chmodSync(join(root, 'proj/locked'), 0);
});

afterAll(() => {
  if (!root) return;
  chmodSync(join(root, 'proj/locked'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!runnable)('asl validate with folders it cannot read', () => {
  const hint = 'permission denied (give your user read and execute permission on it, or name the folders you can read)';

  it('warns about a locked folder inside a search and checks the rest', () => {
    const run = asl('validate', 'proj');
    expect(run.stderr).toBe(`asl: warning: proj: cannot read the folder proj/locked: ${hint}; the files in it were not checked\n`);
    expect(run.stdout).toContain('1 state machine valid');
    expect(run.code).toBe(0);
  });

  it('says "permission denied" for a folder named directly, and exits 2', () => {
    const run = asl('validate', 'proj/locked');
    expect(run.stderr).toBe(`asl: proj/locked: cannot read this directory: ${hint}\n`);
    expect(run.code).toBe(2);
  });

  it('explains a glob below a locked folder instead of an internal error', () => {
    const run = asl('validate', 'proj/locked/*.json');
    expect(run.stderr).toBe(`asl: proj/locked/*.json: cannot read the folder proj/locked: ${hint}; nothing else matches\n`);
    expect(run.code).toBe(2);
  });

  it('names a file behind a locked folder, checks the others and exits 2', () => {
    const run = asl('validate', 'proj/locked/b.asl.json', 'proj/ok/a.asl.json');
    expect(run.stderr).toBe('asl: proj/locked/b.asl.json: permission denied\n');
    expect(run.stdout).toContain('1 state machine valid');
    expect(run.code).toBe(2);
  });

  it('reports a file once through a directory symlink loop', () => {
    for (const input of ['loop', 'loop/**/*.json']) {
      const run = asl('validate', '--format', 'json', input);
      expect(run.code).toBe(0);
      expect((JSON.parse(run.stdout) as { file: string }[]).map((entry) => entry.file)).toEqual(['loop/sub/c.asl.json']);
    }
  });
});
