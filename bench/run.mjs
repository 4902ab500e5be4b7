#!/usr/bin/env node
// Runs every bench/*.bench.mjs in turn and prints one table each.
// Usage: npm run bench [-- name ...]   (e.g. `npm run bench -- validate`)
//
// A bench module default-exports `async () => ({ title, rows, notes? })`, where each row is
// `{ case, ours, peer?, ratio?, target?, ok? }` (strings, already formatted; ok false fails the run).
// Peer tools live in bench/package.json, not in the project's devDependencies, and are installed here
// on first use so the project's own installs stay lean.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDir, printTable, repoRoot } from './lib.mjs';

function ensurePeers() {
  const { dependencies = {} } = JSON.parse(readFileSync(join(benchDir, 'package.json'), 'utf8'));
  const missing = Object.keys(dependencies).filter((name) => !existsSync(join(benchDir, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  console.log(`Installing peer tools for the benchmarks (${missing.join(', ')}) into bench/node_modules …`);
  execSync('npm install --prefix bench --no-audit --no-fund --loglevel=error', { cwd: repoRoot, stdio: 'inherit' });
}

function ensureBuilt() {
  if (existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) return;
  console.log('Building asl-toolkit first …');
  execSync('npm run build --silent', { cwd: repoRoot, stdio: 'inherit' });
}

ensurePeers();
ensureBuilt();

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.mjs$/, '')))
  .sort();

console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
let failed = false;
for (const file of files) {
  const bench = (await import(pathToFileURL(join(benchDir, file)).href)).default;
  try {
    const { title, rows, notes = [] } = await bench();
    printTable(title, rows);
    for (const note of notes) console.log(`\n${note}`);
    if (rows.some((r) => r.ok === false)) failed = true;
  } catch (error) {
    failed = true;
    console.error(`\n${file} failed: ${error instanceof Error ? error.message : error}`);
  }
}
process.exitCode = failed ? 1 : 0;
