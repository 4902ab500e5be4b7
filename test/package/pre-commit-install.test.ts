/**
 * The hooks as a pre-commit user gets them: the real `pre-commit` installs asl-toolkit from a clone of this
 * repository at HEAD (its node language: `npm install` in the clone, then `npm install -g $(npm pack)`) and
 * runs asl-validate, asl-lint and asl-test in a scratch repository, first on a broken definition, then on the
 * fixed one (whose scenario suite passes).
 * It tests what is committed: uncommitted changes are not in the clone.
 *
 * Slow (two builds and two installs, a minute or more). Skipped when `pre-commit` is not on PATH, when this
 * checkout is not a git repository, or when the npm registry cannot be reached and the dependencies are not in
 * the npm cache. Set ASL_SKIP_PACK_TEST=1 to leave it out with the other package tests.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot as root } from '../api/doc-examples.js';

const NETWORK_FAILURE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|fetch failed/i;

/** The environment of a user's shell: no variables that `npm test` sets for its own scripts. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(npm_|FORCE_COLOR$|NO_COLOR$|PRE_COMMIT)/i.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

function run(command: string, args: string[], cwd: string, env = userEnv({}), timeout = 60_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout });
}

function explain(result: SpawnSyncReturns<string>): string {
  return `exit ${String(result.status)}${result.error ? ` (${result.error.message})` : ''}\n${result.stdout}\n${result.stderr}`;
}

function whyNot(): string {
  if (process.env.ASL_SKIP_PACK_TEST === '1' || process.env.ASL_PACK_TEST_CHILD === '1') return 'ASL_SKIP_PACK_TEST=1';
  const version = run('pre-commit', ['--version'], root);
  if (version.error || version.status !== 0) return 'pre-commit is not on PATH (install it, e.g. `pipx install pre-commit` or `apt-get install pre-commit`)';
  if (run('git', ['rev-parse', 'HEAD'], root).status !== 0) return 'this checkout is not a git repository with a commit';
  return '';
}
const skipReason = whyNot();

const BROKEN = `{
  "Comment": "Charge, then ship",
  "StartAt": "Charge",
  "States": {
    "Charge": { "Type": "Pass", "Next": "Ship" }
  }
}
`;
const FIXED = BROKEN.replace('"Next": "Ship"', '"End": true');
const SUITE = 'definition: ./order.asl.json\nscenarios:\n  - name: passes the order through\n    input: { id: 1 }\n    expect: { status: SUCCEEDED, output: { id: 1 }, path: [Charge] }\n';

describe.skipIf(skipReason !== '')(`pre-commit installing and running the hooks${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work = '';
  let project = '';
  let env: NodeJS.ProcessEnv = {};
  let broken: SpawnSyncReturns<string> | undefined;
  let unreachable = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'asl-pre-commit-'));
    const hooks = join(work, 'asl-toolkit');
    const cloned = run('git', ['clone', '--quiet', root, hooks], work);
    if (cloned.status !== 0) throw new Error(`git clone failed: ${explain(cloned)}`);
    const rev = run('git', ['rev-parse', 'HEAD'], hooks).stdout.trim();

    project = join(work, 'project');
    mkdirSync(project);
    env = userEnv({ PRE_COMMIT_HOME: join(work, 'pre-commit-home'), NO_COLOR: '1' });
    const git = (...args: string[]): void => {
      const result = run('git', args, project, env);
      if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${explain(result)}`);
    };
    git('init', '--quiet');
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(hooks)}\n    rev: ${rev}\n    hooks:\n      - id: asl-validate\n      - id: asl-lint\n      - id: asl-test\n`,
    );
    mkdirSync(join(project, 'statemachines'));
    writeFileSync(join(project, 'statemachines/order.asl.json'), BROKEN);
    writeFileSync(join(project, 'statemachines/order.asl-test.yaml'), SUITE);
    git('add', '.');

    // The first run installs the hook environment: npm builds asl-toolkit in pre-commit's copy of the clone.
    broken = run('pre-commit', ['run', '--all-files', '--color', 'never'], project, env, 540_000);
    const output = `${broken.stdout}${broken.stderr}`;
    if (broken.status !== 1 && NETWORK_FAILURE.test(output)) {
      unreachable = 'the npm registry cannot be reached and the dependencies are not in the npm cache';
    }
  }, 600_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs the hooks and fails both on a broken definition, with the finding and its position', ({ skip }) => {
    if (unreachable) skip(`skipped: ${unreachable}`);
    const output = `${broken!.stdout}${broken!.stderr}`;
    expect(broken!.status, explain(broken!)).toBe(1);
    expect(output).not.toMatch(/ERR_MODULE_NOT_FOUND|An unexpected error has occurred/);
    expect(output).toMatch(/^asl validate\.+Failed$/m);
    expect(output).toMatch(/^asl lint\.+Failed$/m);
    expect(output).toMatch(/^asl test\.+Failed$/m);
    expect(output).toContain('statemachines/order.asl.json');
    expect(output).toMatch(/5:\d+ +error +Next "Ship" does not exist.*unknown-state/);
  });

  it('passes once the definition is fixed', ({ skip }) => {
    if (unreachable) skip(`skipped: ${unreachable}`);
    writeFileSync(join(project, 'statemachines/order.asl.json'), FIXED);
    expect(run('git', ['add', '.'], project, env).status).toBe(0);
    const fixed = run('pre-commit', ['run', '--all-files', '--color', 'never'], project, env, 120_000);
    expect(fixed.status, explain(fixed)).toBe(0);
    expect(fixed.stdout).toMatch(/^asl validate\.+Passed$/m);
    expect(fixed.stdout).toMatch(/^asl lint\.+Passed$/m);
    expect(fixed.stdout).toMatch(/^asl test\.+Passed$/m);
  }, 150_000);
});
