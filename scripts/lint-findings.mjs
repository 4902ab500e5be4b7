#!/usr/bin/env node
// Lints a set of state machines with the default rules (no config file) and prints how many findings each
// machine gets and how many each rule produces: the figures the README's lint section quotes.
// Usage: npm run lint-findings [-- <dir or glob> ...] [--machines]
// Default input: test/fixtures/real-world (public definitions, see its SOURCES.md). Needs a build (dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const { lint } = await import('../dist/index.js');

const args = process.argv.slice(2);
const perMachine = args.includes('--machines');
const inputs = args.filter((a) => a !== '--machines');
const results = await lint(inputs.length > 0 ? inputs : ['test/fixtures/real-world'], { cwd: repoRoot, config: false });

const machines = results; // one entry per state machine (or per file that could not be read)
const byRule = new Map();
let total = 0;
const rows = [];
for (const r of machines) {
  const codes = r.diagnostics.map((d) => d.code);
  total += codes.length;
  for (const c of codes) byRule.set(c, (byRule.get(c) ?? 0) + 1);
  rows.push([`${r.file}${r.name ? ` ${r.name}` : ''}`, codes.length]);
}
if (perMachine) for (const [label, n] of rows) console.log(`${String(n).padStart(4)}  ${label}`);
const average = machines.length === 0 ? 0 : total / machines.length;
console.log(`${machines.length} state machines, ${total} findings, ${average.toFixed(2)} per machine`);
for (const [code, n] of [...byRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`${String(n).padStart(5)}  ${code}`);
