// Removes from dist/ every compiled file whose source under src/ no longer exists (a module moved or
// deleted), so neither the tests nor `npm pack` can pick up a stale module. Runs at the end of `npm run build`;
// it deletes only orphans, so a build never leaves dist/ missing while something else reads it.
import { existsSync, readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const src = join(root, 'src');
const OUTPUT = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

// The command-line bundle has no sources of its own; scripts/bundle-cli.mjs rewrites it whole after this.
const BUNDLE = join(dist, 'cli-bundle');

function prune(dir) {
  let left = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === BUNDLE) {
      left++;
      continue;
    }
    if (entry.isDirectory()) {
      if (prune(path) === 0) rmdirSync(path);
      else left++;
      continue;
    }
    const match = OUTPUT.exec(entry.name);
    const stem = match ? join(src, relative(dist, path)).slice(0, -match[1].length) : undefined;
    if (stem !== undefined && !SOURCE_EXTENSIONS.some((ext) => existsSync(stem + ext))) {
      unlinkSync(path);
      console.error(`prune-dist: removed ${relative(root, path)} (its source is gone)`);
    } else left++;
  }
  return left;
}

if (existsSync(dist)) prune(dist);
