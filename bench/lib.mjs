// Small timing helpers shared by every bench/*.bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(benchDir, '..');
export const aslBin = join(repoRoot, 'bin', 'asl.js');

/** The real-world corpus when it sits next to the repository, else undefined. */
export function corpusDir() {
  const dir = resolve(repoRoot, '../shared/corpus');
  return existsSync(dir) ? dir : undefined;
}

/** Path of a peer's executable installed under bench/node_modules/.bin. */
export function peerBin(name) {
  return join(benchDir, 'node_modules', '.bin', name);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time of one child process, in milliseconds; `expectExit` guards against timing a crash. */
export function timeSpawn(command, args, { cwd = repoRoot, expectExit, input, env } = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', input, env, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (expectExit !== undefined && !expectExit.includes(child.status)) {
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${child.status}: ${(child.stderr || child.stdout).slice(0, 500)}`);
  }
  return { ms, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Median wall time over `runs` spawns, after one warm-up run (fills the OS file cache). */
export function medianSpawn(command, args, { runs = 15, ...options } = {}) {
  timeSpawn(command, args, options);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(timeSpawn(command, args, options).ms);
  return median(times);
}

/**
 * Median wall times of several commands measured in turn, run after run, so a machine that gets
 * busier halfway through slows every contender alike instead of skewing the ratio.
 * `commands` maps a label to `[command, args, options]`.
 */
export function interleavedMedians(commands, { runs = 15 } = {}) {
  const entries = Object.entries(commands);
  for (const [, [command, args, options]] of entries) timeSpawn(command, args, options);
  const times = Object.fromEntries(entries.map(([label]) => [label, []]));
  for (let i = 0; i < runs; i++) {
    for (const [label, [command, args, options]] of entries) times[label].push(timeSpawn(command, args, options).ms);
  }
  return Object.fromEntries(entries.map(([label]) => [label, median(times[label])]));
}

export function fmtMs(ms) {
  if (ms === undefined) return '';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** Prints rows `{ case, ours, peer, ratio, target, ok }` as an aligned table. */
export function printTable(title, rows, out = process.stdout) {
  const header = ['case', 'asl-toolkit', 'peer', 'ratio', 'target', 'ok'];
  const cells = rows.map((r) => [r.case, r.ours ?? '', r.peer ?? '', r.ratio ?? '', r.target ?? '', r.ok === undefined ? '' : r.ok ? 'yes' : 'NO']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => '| ' + c.map((v, i) => String(v).padEnd(widths[i])).join(' | ') + ' |';
  out.write(`\n## ${title}\n\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${cells.map(line).join('\n')}\n`);
}

/**
 * Up to n definitions as paths relative to the repository: *.asl.json of the real-world corpus (JSON only:
 * the peers read JSON, only we read JSON5), or examples/ and test/fixtures/ without it. `skipDirs` adds
 * folders to leave out (lint leaves out examples/broken, whose findings would swamp the timing).
 */
export function sampleFiles(n, skipDirs = []) {
  const corpus = corpusDir();
  const roots = corpus ? [corpus] : [join(repoRoot, 'examples'), join(repoRoot, 'test', 'fixtures')];
  const skip = new Set(['invalid', 'unparseable', 'templates', 'node_modules', 'LICENSES', ...skipDirs]);
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.name.endsWith('.asl.json') || (!corpus && entry.name.endsWith('.json'))) {
        found.push(relative(repoRoot, join(dir, entry.name)));
      }
    }
  };
  for (const root of roots) walk(root);
  return found.slice(0, n);
}
