/**
 * action.yml: it parses as a composite action with the documented inputs, its steps use only flags that
 * `asl lint` accepts, and its lint step, run with bash exactly as the runner would (inputs in the
 * environment, the repository as the working directory), gives the right annotations, exit codes and
 * SARIF file. Uses the build in dist/ (npm test builds first); the `npm ci` install step is not run here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/action');
const bin = join(root, 'bin/asl.js');

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  with?: Record<string, string>;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: Step[] };
}
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action;
const lintStep = action.runs.steps.find((s) => s.run?.includes('"$ASL_BIN" lint'))!;

const tmp = mkdtempSync(join(tmpdir(), 'asl-action-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the lint step's script as the runner does: inputs through `env`, with the defaults filled in. */
function runLintStep(inputs: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  for (const [name, value] of Object.entries(lintStep.env ?? {})) {
    env[name] = value.replace(/\$\{\{\s*(github\.action_path|inputs\.([\w-]+))\s*\}\}/g, (_m, expr: string, input?: string) => {
      if (expr === 'github.action_path') return root.replace(/\/$/, '');
      return inputs[input!] ?? action.inputs[input!]?.default ?? '';
    });
  }
  const result = spawnSync('bash', ['-e', '-c', lintStep.run!], { cwd: fixtures, env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The long options `asl lint` accepts, from its own help. */
function lintFlags(): Set<string> {
  const help = spawnSync(process.execPath, [bin, 'lint', '--help'], { encoding: 'utf8' }).stdout;
  return new Set(help.match(/--[a-z][a-z-]*/g));
}

describe('action.yml', () => {
  it('is a composite action with the files, config, fail-on and sarif-file inputs, none required', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.name).toBeTruthy();
    expect(action.description).toBeTruthy();
    for (const input of ['files', 'config', 'fail-on', 'sarif-file']) {
      expect(action.inputs[input], input).toBeDefined();
      expect(action.inputs[input]!.description).toBeTruthy();
      expect(action.inputs[input]!.required ?? false).toBe(false);
    }
    expect(action.inputs['fail-on']!.default).toBe('error');
    expect(action.inputs.files!.default).toBe('.');
  });

  it('installs from its own checkout with npm ci, then runs its own bin/asl.js', () => {
    const install = action.runs.steps.find((s) => s.run?.startsWith('npm ci'));
    expect(install?.['working-directory']).toBe('${{ github.action_path }}');
    expect(lintStep.env?.ASL_BIN).toBe('${{ github.action_path }}/bin/asl.js');
    for (const step of action.runs.steps) if (step.run) expect(step.shell).toBe('bash');
  });

  it('passes inputs through the environment, never pasted into a script', () => {
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('expands arrays so that an empty one is not "unbound" under set -u in bash before 4.4 (macOS /bin/bash)', () => {
    const arrays = [...lintStep.run!.matchAll(/(\w+)=\(/g)].map((m) => m[1]!);
    expect(arrays).toEqual(expect.arrayContaining(['files', 'extra', 'flags']));
    for (const name of arrays) {
      const bare = lintStep.run!.replaceAll(`\${${name}[@]+"\${${name}[@]}"}`, '');
      expect(bare, `"\${${name}[@]}" outside the \${${name}[@]+…} guard`).not.toContain(`\${${name}[@]}`);
    }
  });

  it('uses only flags that asl lint accepts, and --format values it knows', () => {
    const accepted = lintFlags();
    expect(accepted.has('--format')).toBe(true);
    const used = new Set(lintStep.run!.match(/--[a-z][a-z-]*/g));
    expect([...used].filter((flag) => !accepted.has(flag))).toEqual([]);
    const lintPart = lintStep.run!.slice(lintStep.run!.indexOf('flags=()'));
    const formats = [...lintPart.matchAll(/--format (\w+)/g)].map((m) => m[1]);
    expect(formats.sort()).toEqual(['github', 'sarif']);
  });

  it('has every input documented in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const input of Object.keys(action.inputs)) expect(readme, input).toContain(`| \`${input}\` |`);
  });

  describe('the lint step', () => {
    it('prints nothing and succeeds on clean files', () => {
      const run = runLintStep({ files: 'good.asl.json' });
      expect(run).toMatchObject({ code: 0, stdout: '' });
    });

    it('annotates warnings and still succeeds with fail-on: error (the default)', () => {
      const run = runLintStep({ files: 'good.asl.json warn.asl.json' });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^::warning file=warn\.asl\.json,line=4,col=5,title=task-timeout::/m);
    });

    it('fails on warnings with fail-on: warning', () => {
      const run = runLintStep({ files: 'warn.asl.json', 'fail-on': 'warning' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--max-warnings');
    });

    it('takes globs and names on several lines', () => {
      const run = runLintStep({ files: '*.asl.json' });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^::error file=broken\.asl\.json,line=\d+,col=\d+,[^:]*title=unknown-state::/m);
      const lines = runLintStep({ files: 'good.asl.json\nwarn.asl.json\n' });
      expect(lines.code).toBe(0);
      expect(lines.stdout).toContain('file=warn.asl.json');
    });

    it('uses the config input and extra args', () => {
      expect(runLintStep({ files: 'warn.asl.json', config: 'strict.aslrc.yaml' }).code).toBe(1);
      const relaxed = runLintStep({ files: 'warn.asl.json', config: 'strict.aslrc.yaml', args: '--rule task-timeout=off' });
      expect(relaxed.code).toBe(0);
      expect(relaxed.stdout).not.toContain('title=task-timeout');
    });

    it('writes SARIF as well as the annotations when sarif-file is set, keeping the exit code', () => {
      const sarif = join(tmp, 'reports/asl.sarif');
      const run = runLintStep({ files: 'good.asl.json broken.asl.json', 'sarif-file': sarif });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('::error file=broken.asl.json');
      expect(existsSync(sarif)).toBe(true);
      const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
      expect(log.version).toBe('2.1.0');
      expect(log.runs[0]!.results.map((r) => r.ruleId)).toContain('unknown-state');
    });

    it('exits 2 for a fail-on value it does not know, and for a missing path', () => {
      const bad = runLintStep({ files: 'good.asl.json', 'fail-on': 'sometimes' });
      expect(bad.code).toBe(2);
      expect(bad.stdout).toContain('fail-on must be error or warning');
      expect(runLintStep({ files: 'missing.asl.json', 'sarif-file': join(tmp, 'missing.sarif') }).code).toBe(2);
    });
  });

  describe('command: test', () => {
    const suiteDir = join(root, 'examples');
    function runTestStep(inputs: Record<string, string>) {
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
      delete env.FORCE_COLOR;
      for (const [name, value] of Object.entries(lintStep.env ?? {})) {
        env[name] = value.replace(/\$\{\{\s*(github\.action_path|inputs\.([\w-]+))\s*\}\}/g, (_m, expr: string, input?: string) =>
          expr === 'github.action_path' ? root.replace(/\/$/, '') : (inputs[input!] ?? action.inputs[input!]?.default ?? ''),
        );
      }
      return spawnSync('bash', ['-e', '-c', lintStep.run!], { cwd: suiteDir, env, encoding: 'utf8' });
    }

    it('runs the scenario suites and reports with annotations; passes when they pass', () => {
      const run = runTestStep({ command: 'test' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^::notice title=asl test::4 passed, 0 failed, 0 skipped, 0 error\(s\)$/m);
    });

    it('fails with an annotation at the failing scenario, and refuses an unknown command', () => {
      const dir = mkdtempSync(join(tmpdir(), 'asl-action-test-'));
      cpSync(join(root, 'examples'), dir, { recursive: true });
      const suite = join(dir, 'order-processing.asl-test.yaml');
      writeFileSync(suite, readFileSync(suite, 'utf8').replace('error: OrderRejected', 'error: OrderAccepted'));
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASL_BIN: bin, ASL_COMMAND: 'test', ASL_FILES: '.', ASL_CONFIG: '', ASL_FAIL_ON: 'error', ASL_SARIF_FILE: '', ASL_ARGS: '' };
      const failed = spawnSync('bash', ['-e', '-c', lintStep.run!], { cwd: dir, env, encoding: 'utf8' });
      expect(failed.status).toBe(1);
      expect(failed.stdout).toMatch(/^::error file=order-processing\.asl-test\.yaml,line=\d+,col=5,title=asl test%3A an invalid order is rejected::/m);
      const unknown = spawnSync('bash', ['-e', '-c', lintStep.run!], { cwd: dir, env: { ...env, ASL_COMMAND: 'tset' }, encoding: 'utf8' });
      expect(unknown.status).toBe(2);
      expect(unknown.stdout).toContain('command must be lint or test, not tset');
    });
  });
});
