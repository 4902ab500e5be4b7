/**
 * The package as users get it: `npm pack` (which builds) in a copy of the sources (so the shared dist/ is left
 * alone), then `npm install <tarball>` into an empty folder, then the `asl` binary, the library by its name from
 * JavaScript, and its type declarations through tsc.
 *
 * Slow (a build and an install): everything is done once in beforeAll and the tests read the results.
 * Dependencies come from the npm cache or the registry; when the registry cannot be reached the install
 * tests are skipped with a message saying so. Set ASL_SKIP_PACK_TEST=1 to leave the file out.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docExamples, projectRoot as root } from '../api/doc-examples.js';

const SKIP = process.env.ASL_SKIP_PACK_TEST === '1' || process.env.ASL_PACK_TEST_CHILD === '1';
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
/** What the sources of the build are; the rest of the repository (tests, docs, bench) never reaches the tarball. */
const STAGED = ['package.json', 'package-lock.json', '.npmrc', 'tsconfig.json', 'scripts', 'schemas', 'src', 'bin', 'README.md', 'LICENSE', 'CHANGELOG.md'];
const NETWORK_FAILURE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network|offline|fetch failed/i;

let work = '';
let packed: SpawnSyncReturns<string> | undefined;
let tarball = '';
let files: string[] = [];
let app = '';
let installSkipped = '';
let installed: SpawnSyncReturns<string> | undefined;
let manifestBefore = '';
let manifestAfter = '';
let packedManifest: { scripts?: Record<string, string> } = {};

function run(command: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  // ASL_PACK_TEST_CHILD keeps a test run started inside this one (say, by a script) from packing again.
  const env: NodeJS.ProcessEnv = { ...process.env, ASL_PACK_TEST_CHILD: '1', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env });
}

function explain(result: SpawnSyncReturns<string>): string {
  return `exit ${String(result.status)}${result.error ? ` (${result.error.message})` : ''}\n${result.stdout}\n${result.stderr}`;
}

describe.skipIf(SKIP)('the npm package', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'asl-pack-'));
    const copy = join(work, 'source');
    mkdirSync(copy);
    for (const entry of STAGED) {
      if (existsSync(join(root, entry))) cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    // A file left in dist/ by a module that was moved or deleted would ship unless the build prunes it:
    // plant one to prove it does.
    mkdirSync(join(copy, 'dist', 'stale'), { recursive: true });
    writeFileSync(join(copy, 'dist', 'stale', 'left-over.test.js'), 'export {};\n');
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');

    // npm pack builds (prepack), as it does in pre-commit's clone and before a publish.
    const out = join(work, 'out');
    mkdirSync(out);
    manifestBefore = readFileSync(join(copy, 'package.json'), 'utf8');
    packed = run('npm', ['pack', '--pack-destination', out], copy, 150_000);
    manifestAfter = readFileSync(join(copy, 'package.json'), 'utf8');
    if (packed.status !== 0) throw new Error(`npm pack failed: ${explain(packed)}`);
    tarball = readdirSync(out).find((name) => name.endsWith('.tgz')) ?? '';
    if (!tarball) throw new Error(`npm pack wrote no tarball: ${explain(packed)}`);
    const listed = run('tar', ['-tzf', join(out, tarball)], out);
    if (listed.status !== 0) throw new Error(`cannot list the tarball: ${explain(listed)}`);
    files = listed.stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    const manifest = run('tar', ['-xzOf', join(out, tarball), 'package/package.json'], out);
    packedManifest = JSON.parse(manifest.stdout) as typeof packedManifest;

    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    installed = run('npm', ['install', join(out, tarball), '--prefer-offline', '--no-audit', '--no-fund'], app, 150_000);
    if (installed.status !== 0) {
      if (NETWORK_FAILURE.test(installed.stderr + installed.stdout)) {
        installSkipped = 'the npm registry cannot be reached and the dependencies are not in the npm cache';
      } else {
        throw new Error(`npm install of the tarball failed: ${explain(installed)}`);
      }
    }
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds only what runs: bin/, dist/, schemas/, package.json, README, LICENSE and CHANGELOG', () => {
    const allowed = /^(bin\/|dist\/|schemas\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const needed of ['bin/asl.js', 'dist/cli-bundle/main.js', 'dist/index.js', 'dist/index.d.ts', 'dist/cli/main.js', 'schemas/stubs.schema.json', 'schemas/aslrc.schema.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
      expect(files, needed).toContain(needed);
    }
  });

  it('prints only the tarball name on stdout when packed, though packing builds (pre-commit installs node hooks by reading it)', () => {
    expect(packed?.stdout.trim()).toBe(tarball);
  });

  it('ships a package.json with no script that npm would run on install, and leaves the one in the clone as it was', () => {
    // npm lists a tarball's prepare with the install scripts it asks users to review, though it never runs it.
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) expect(packedManifest.scripts?.[script], script).toBeUndefined();
    expect(packedManifest.scripts?._prepare).toBe('npm run build');
    expect(manifestAfter).toBe(manifestBefore);
  });

  it('ships no tests, maps, build info or files left over from sources that no longer exist', () => {
    expect(files.filter((f) => /\.test\.|\.spec\.|\.map$|\.tsbuildinfo$|^dist\/stale\//.test(f))).toEqual([]);
    const orphans = files
      .filter((f) => f.startsWith('dist/') && f.endsWith('.js'))
      .filter((f) => {
        const stem = join(root, 'src', f.slice('dist/'.length, -'.js'.length));
        // src/generated/ is built from schemas/ by the build itself, dist/cli-bundle/ from dist/cli/ (bin/asl.js runs it).
        return !f.startsWith('dist/generated/') && !f.startsWith('dist/cli-bundle/') && !['.ts', '.tsx', '.js'].some((ext) => existsSync(stem + ext));
      });
    expect(orphans).toEqual([]);
  });

  describe('installed into an empty folder', () => {
    const needInstall = (skip: (note?: string) => void): void => {
      if (installSkipped) skip(`skipped: ${installSkipped}`);
    };

    it('installs without asking to review an install script', ({ skip }) => {
      needInstall(skip);
      expect(installed?.status, explain(installed!)).toBe(0);
      expect(`${installed?.stdout}${installed?.stderr}`).not.toMatch(/install.?scripts|allowScripts/i);
    });

    it('gives a working npx asl', ({ skip }) => {
      needInstall(skip);
      const v = run('npx', ['--no', '--', 'asl', '--version'], app);
      expect(v.stdout.trim(), explain(v)).toBe(version);
      // The same binary without npx's start-up cost.
      const asl = join(app, 'node_modules/.bin/asl');
      const ok = run(asl, ['validate', join(root, 'examples/order-processing.asl.json')], app);
      expect(ok.status, explain(ok)).toBe(0);
      expect(ok.stdout).toContain('1 state machine valid');
      const broken = run(asl, ['validate', '--format', 'json', join(root, 'examples/broken/order-processing.asl.json')], app);
      expect(broken.status, explain(broken)).toBe(1);
      expect(JSON.parse(broken.stdout)[0].valid).toBe(false);
    }, 60_000);

    it('runs every command from the installed bundle, each loading its own lazy code and packages', ({ skip }) => {
      needInstall(skip);
      const asl = join(app, 'node_modules/.bin/asl');
      const fixtures = join(root, 'test/fixtures/run/cli');
      const ran = run(asl, ['run', join(fixtures, 'order.asl.json'), '--stubs', join(fixtures, 'charge.stubs.yaml'), '--input-file', join(fixtures, 'input.json'), '--format', 'json'], app);
      expect(JSON.parse(ran.stdout).status, explain(ran)).toBe('SUCCEEDED');
      const linted = run(asl, ['lint', '--format', 'json', join(root, 'examples/template.yaml')], app);
      expect(Array.isArray(JSON.parse(linted.stdout)), explain(linted)).toBe(true);
      const svg = run(asl, ['graph', '--format', 'svg', join(root, 'examples/order-processing.asl.json')], app);
      expect(svg.status, explain(svg)).toBe(0);
      expect(svg.stdout).toContain('<svg');
    }, 60_000);

    it('imports by name from JavaScript, and every docs/api.md example prints what the doc says', ({ skip }) => {
      needInstall(skip);
      writeFileSync(
        join(app, 'names.mjs'),
        "import { validate, lint, execute, graph, loadFile, loadText } from 'asl-toolkit';\n" +
          'console.log([validate, lint, execute, graph, loadFile, loadText].map((f) => typeof f).join(","));\n',
      );
      const names = run('node', ['names.mjs'], app);
      expect(names.stdout.trim(), explain(names)).toBe('function,function,function,function,function,function');
      for (const example of docExamples()) {
        const file = join(app, `doc-example-${example.line}.mjs`);
        writeFileSync(file, example.code);
        // The examples name files relative to the repository, so they run from its root; 'asl-toolkit'
        // resolves from the script's folder, that is from the installed package.
        const result = run('node', [file], root);
        expect(result.stdout.trimEnd(), `docs/api.md example at line ${example.line}: ${explain(result)}`).toBe(example.output.trimEnd());
      }
    }, 60_000);

    it('is fully typed: a strict TypeScript program type-checks against the shipped declarations', ({ skip }) => {
      needInstall(skip);
      writeFileSync(join(app, 'check.ts'), TYPED_PROGRAM);
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ['node'],
            typeRoots: [join(root, 'node_modules/@types')],
          },
          files: ['check.ts'],
        }),
      );
      const tsc = run('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
      expect(tsc.status, explain(tsc)).toBe(0);
    }, 90_000);
  });
});

/** Uses each entry point with its real types; the @ts-expect-error lines fail the check if the types were `any`. */
const TYPED_PROGRAM = `import { validate, lint, execute, graph, loadFile, loadText, ConfigError, SourceInputError } from 'asl-toolkit';
import type { CheckResult, Diagnostic, ExecutionResult, LoadedFile, LintOptions } from 'asl-toolkit';

const results: CheckResult[] = await validate('x.asl.json', { cwd: '.' });
const several: CheckResult[] = await validate(['statemachines/', '**/*.asl.yaml']);
const first: Diagnostic | undefined = results[0]?.diagnostics[0];
const line: number | undefined = first?.line;
const options: LintOptions = { rules: { 'task-timeout': 'error' }, workflowType: 'express', config: false };
const linted: CheckResult[] = await lint({ StartAt: 'A', States: {} }, options);
const loaded: LoadedFile = await loadFile('x.asl.json');
const fromText: LoadedFile = loadText('{}', 'x.asl.json');
const run: ExecutionResult = await execute(loaded.machines[0]?.definition, {}, {
  seed: 1,
  answerer: { answer: async (request) => ({ kind: 'result', result: request.input }) },
});
const status: 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' = run.status;
const drawn: string = graph({}, { format: 'mermaid', direction: 'LR' });
const errors: Error[] = [new ConfigError('x'), new SourceInputError('x', 'y')];
// @ts-expect-error a number is neither a path, a LoadedFile nor a definition object
await validate(42);
// @ts-expect-error line is a number
const wrong: string = results[0]!.diagnostics[0]!.line;
// @ts-expect-error a severity is off, info, warning or error
await lint('x', { rules: { 'task-timeout': 'loud' } });
// @ts-expect-error graph needs a format
graph({}, {});
export { several, line, linted, fromText, status, drawn, errors, wrong };
`;
