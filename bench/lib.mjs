// Small timing helpers shared by every bench/*.bench.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
export function timeSpawn(command, args, { cwd = repoRoot, expectExit, input } = {}) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd, encoding: 'utf8', input, maxBuffer: 256 * 1024 * 1024 });
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
