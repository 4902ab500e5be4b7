/**
 * A machine the Mermaid limits send to SVG must draw as SVG: a 20,000-state chain overflows the stack
 * of Graphviz (WebAssembly) on the main thread, and is laid out again in a worker with a larger stack.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, spawnCli } from '../cli/run-cli.js';

const built = existsSync(`${repoRoot}dist/cli-bundle/main.js`);

describe.skipIf(!built)('asl graph --format svg of a very long machine', () => {
  it('draws a 20,000-state chain (exit 0, every state in the SVG)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-svg-'));
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) states[`S${i}`] = i < 19_999 ? { Type: 'Pass', Next: `S${i + 1}` } : { Type: 'Succeed' };
    const file = join(dir, 'chain.asl.json');
    writeFileSync(file, JSON.stringify({ StartAt: 'S0', States: states }));
    const output = join(dir, 'chain.svg');
    const run = spawnCli(['graph', file, '--format', 'svg', '--output', output], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const svg = readFileSync(output, 'utf8');
    expect(svg).toContain('<svg');
    expect(svg).toContain('>S19999<');
  }, 180_000);
});
