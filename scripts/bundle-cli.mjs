// Bundles the command line (dist/cli/main.js and everything it imports) into dist/cli-bundle/, which
// bin/asl.js runs. Why: `asl validate` in a pre-commit hook pays for every module Node loads, and Node 20's
// ES module loader costs about half a millisecond per file; the ~65 small modules of a validate run become
// ~30 chunks (about 10 ms of a ~110 ms cold start). Code splitting keeps every lazy `import()` lazy, so a
// validate run still loads no lint, run or graph code, and packages stay external (loaded from node_modules
// as before). The library entry (dist/index.js) is not bundled: importers get the plain modules.
// meta.json maps each chunk to the modules in it, so tests that trace what a run loads can name modules.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli-bundle');

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  // The worker of `asl test --jobs` is an entry of its own: a Worker needs a file, and the suite code finds
  // it beside itself (new URL('./scenario-worker.js', import.meta.url)) in the bundle as in dist/suite/.
  entryPoints: { main: 'dist/cli/main.js', 'scenario-worker': 'dist/suite/scenario-worker.js' },
  outdir: 'dist/cli-bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies load from node_modules as usual (and lazily where the code imports them lazily).
  packages: 'external',
  // One folder: src/cli/version.ts finds package.json two levels up from the chunk it lands in.
  chunkNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
const chunks = Object.fromEntries(
  Object.entries(result.metafile.outputs).map(([file, output]) => [file.slice('dist/cli-bundle/'.length), Object.keys(output.inputs)]),
);
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(chunks, null, 1) + '\n');
