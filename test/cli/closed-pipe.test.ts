// `asl … | head -2`: the reader closes the pipe while asl still writes. Each command must end quietly, with its
// own exit code and no EPIPE stack trace. Through a real shell pipe with output far larger than a pipe holds.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-closed-pipe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 400 files with findings: several hundred kilobytes of report, against a 64 KB pipe.
mkdirSync(join(dir, 'many'));
const task = { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Next: 'Missing' };
for (let i = 0; i < 400; i++) writeFileSync(join(dir, 'many', `m${i}.asl.json`), JSON.stringify({ StartAt: 'A', States: { A: task } }, null, 2));
// A long chain of states: a large diagram, and a run with a long history.
const states: Record<string, unknown> = {};
for (let i = 0; i < 2000; i++) states[`Step${i}`] = i === 1999 ? { Type: 'Succeed' } : { Type: 'Pass', Next: `Step${i + 1}` };
writeFileSync(join(dir, 'long.asl.json'), JSON.stringify({ StartAt: 'Step0', States: states }));

/** `asl … | head -2` in bash: what asl wrote on stderr, and asl's own exit code (PIPESTATUS, not head's). */
function piped(args: string): { stderr: string; asl: number } {
  const script = `node "${repoRoot}bin/asl.js" ${args} 2>"${dir}/stderr" | head -2 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const run = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
  return { stderr: readFileSync(join(dir, 'stderr'), 'utf8'), asl: Number(run.stdout.trim()) };
}

describe('output to a closed pipe ends quietly', () => {
  test.each([
    ['lint many', 1],
    ['validate many', 1],
    ['validate many --format json', 1],
    ['graph long.asl.json --format dot', 0],
    ['run long.asl.json --format json --history', 0],
    ['run long.asl.json', 0],
  ])('asl %s | head -2', (args, code) => {
    const { stderr, asl } = piped(args);
    expect(stderr).not.toMatch(/EPIPE|Unhandled|\n\s+at /);
    expect(stderr).toBe('');
    expect(asl).toBe(code);
  });
});
