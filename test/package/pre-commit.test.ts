/**
 * .pre-commit-hooks.yaml: it parses, each hook's `files` pattern picks the file names it should, and each
 * `entry`, run through bin/asl.js on the file list pre-commit would pass (the staged files its pattern
 * matches, as paths relative to the repository root), exits 0 on good files and 1 when one is broken.
 * Uses the build in dist/ (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/fixtures/pre-commit');
const hooksText = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts?: Record<string, string> };

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
  pass_filenames?: boolean;
}
const allHooks = parse(hooksText) as Hook[];
/** The hooks that check the staged definitions they are given; asl-test is checked on its own below. */
const hooks = allHooks.filter((h) => h.id !== 'asl-test');
const hook = (id: string): Hook => hooks.find((h) => h.id === id)!;

/** pre-commit matches `files` with Python's re.search against the path relative to the repository root. */
const matches = (pattern: string, path: string): boolean => new RegExp(pattern).test(path);

/** The widened pattern the file's comments (and the README) suggest for templates. */
const widened = /^#\s+files: (.+)$/m.exec(hooksText)?.[1] ?? '';

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [relative(fixtures, join(dir, e.name)).split('\\').join('/')],
  );
}

/** Runs a hook as pre-commit does: its entry, split on spaces, with the file names appended, from the repository root. */
function runEntry(h: Hook, files: string[]): { code: number | null; out: string } {
  const [command, ...args] = h.entry.split(' ');
  expect(Object.keys(pkg.bin)).toContain(command);
  const result = spawnSync(process.execPath, [join(root, pkg.bin[command!]!), ...args, ...files], {
    cwd: fixtures,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares asl-validate, asl-lint and asl-test as node hooks on the asl bin', () => {
    expect(allHooks.map((h) => h.id)).toEqual(['asl-validate', 'asl-lint', 'asl-test']);
    for (const h of hooks) {
      expect(h.language).toBe('node');
      expect(h.name).toBeTruthy();
      expect(h.files).toBe('\\.asl\\.(json|ya?ml)$');
    }
    expect(hook('asl-validate').entry).toBe('asl validate');
    expect(hook('asl-lint').entry).toBe('asl lint');
  });

  it('builds in prepare and has no install script; npm pack runs its scripts in the background (.npmrc)', () => {
    // pre-commit installs a node hook with `npm install` in its clone (prepare builds), then
    // `npm install -g $(npm pack)`: a script run in the foreground would print its banner into that name.
    // test/package/pre-commit-install.test.ts runs the real pre-commit.
    expect(pkg.scripts?.prepare).toBe('npm run build');
    for (const script of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts?.[script], script).toBeUndefined();
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^foreground-scripts=false$/m);
  });

  it.each([
    ['order.asl.json', true],
    ['state-machines/order.asl.yaml', true],
    ['deep/dir/order.asl.yml', true],
    ['order.json', false],
    ['package.json', false],
    ['template.yaml', false],
    ['order.asl.json.bak', false],
    ['order-asl.json', false],
    ['orderasl.yaml', false],
    ['order.asl.txt', false],
  ])('matches %s by default: %s', (path, expected) => {
    for (const h of hooks) expect(matches(h.files, path)).toBe(expected);
  });

  it.each([
    ['order.asl.json', true],
    ['template.yaml', true],
    ['infra/template.yml', true],
    ['template.json', true],
    ['serverless.yml', true],
    ['service/serverless.yaml', true],
    ['my-template.yaml', false],
    ['package.json', false],
    ['config.yaml', false],
  ])('the widened pattern for templates matches %s: %s', (path, expected) => {
    expect(widened).not.toBe('');
    expect(matches(widened, path)).toBe(expected);
  });

  it('is described in the README with the same widened pattern', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('- id: asl-lint');
    expect(readme).toContain(`files: ${widened}`);
  });

  describe.each(hooks.map((h) => [h.id, h] as const))('%s', (_id, h) => {
    const staged = allFiles(fixtures).sort();
    const passed = staged.filter((f) => matches(h.files, f));

    it('is passed exactly the definitions among the staged files', () => {
      expect(passed).toEqual(['broken/broken.asl.json', 'good.asl.json', 'good.asl.yaml', 'nested/good.asl.yml']);
    });

    it('exits 0 on good files', () => {
      const run = runEntry(h, passed.filter((f) => !f.startsWith('broken/')));
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain('3 state machines valid');
    });

    it('exits 1 when one of them is broken, naming it', () => {
      const run = runEntry(h, passed);
      expect(run.code, run.out).toBe(1);
      expect(run.out).toContain('broken/broken.asl.json');
      expect(run.out).toContain('unknown-state');
    });

    it('with the widened pattern, also checks the template', () => {
      const run = runEntry(h, staged.filter((f) => matches(widened, f) && !f.startsWith('broken/')));
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain('4 state machines valid');
    });
  });

  describe('asl-test', () => {
    const h = allHooks.find((x) => x.id === 'asl-test')!;

    it('runs on a staged definition or test file, given no file names, from the repository root', () => {
      expect([h.language, h.entry, h.pass_filenames]).toEqual(['node', 'asl test', false]);
      for (const [path, expected] of [['order.asl.json', true], ['flows/order.asl-test.yaml', true], ['order.asl-test.json', true], ['order.asl.yml', true], ['order.json', false], ['test.yaml', false]] as const) {
        expect(matches(h.files, path), path).toBe(expected);
      }
    });

    it('passes when every scenario does and fails (exit 1) naming the scenario when one does not', () => {
      const dir = mkdtempSync(join(tmpdir(), 'asl-pre-commit-test-'));
      cpSync(join(root, 'examples'), dir, { recursive: true });
      const run = (): { code: number | null; out: string } => {
        const result = spawnSync(process.execPath, [join(root, pkg.bin.asl!), ...h.entry.split(' ').slice(1)], { cwd: dir, encoding: 'utf8', env: { ...process.env, PRE_COMMIT: '1' } });
        return { code: result.status, out: result.stdout + result.stderr };
      };
      const good = run();
      expect(good.code, good.out).toBe(0);
      expect(good.out).not.toMatch(/\u001b\[/);
      const suite = join(dir, 'order-processing.asl-test.yaml');
      writeFileSync(suite, readFileSync(suite, 'utf8').replace('error: OrderRejected', 'error: OrderAccepted'));
      const bad = run();
      expect(bad.code, bad.out).toBe(1);
      expect(bad.out).toContain('✗ an invalid order is rejected');
    });
  });
});
