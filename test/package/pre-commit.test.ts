/**
 * .pre-commit-hooks.yaml: it parses, each hook's `files` pattern picks the file names it should, and each
 * `entry`, run through bin/asl.js on the file list pre-commit would pass (the staged files its pattern
 * matches, as paths relative to the repository root), exits 0 on good files and 1 when one is broken.
 * Uses the build in dist/ (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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
}
const hooks = parse(hooksText) as Hook[];
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
  it('declares asl-validate and asl-lint as node hooks on the asl bin', () => {
    expect(hooks.map((h) => h.id)).toEqual(['asl-validate', 'asl-lint']);
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
});
