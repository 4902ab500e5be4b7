/**
 * `asl graph --coverage`: the hand-counted coverage machine drawn with the hits `asl test` measured. Covered
 * states and edges in one colour, never-reached ones in another, hit counts in the labels, in Mermaid (parsed
 * by Mermaid itself), DOT (rendered by Graphviz) and SVG; and the command's refusals, each exit 2.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { graph, graphSvg } from '../../src/graph/index.js';
import { runTests } from '../../src/suite/index.js';
import { runCli } from '../cli/run-cli.js';
import { parseMermaid, renderDot } from './parsers.js';

const fixtures = fileURLToPath(new URL('../fixtures/suite/', import.meta.url));
const definition = JSON.parse(readFileSync(join(fixtures, 'coverage/machine.asl.json'), 'utf8')) as unknown;

describe('graph with coverage', async () => {
  const report = await runTests(['coverage/machine.asl-test.yaml'], { cwd: fixtures, coverage: true });
  const coverage = report.coverage!.machines[0]!.hits;

  it('mermaid: hit counts on states and edges, C and the edges around it never reached', async () => {
    const text = graph(definition, { format: 'mermaid', coverage });
    expect(text).toContain('s_C[/"C<br/>not reached"/]');
    expect(text).toContain('s_Loop[/"Loop<br/>✓ 3×"/]');
    expect(text).toMatch(/s_Route -->\|"\$\.kind == #quot;c#quot; 0×"\| s_C/);
    expect(text).toMatch(/s_Again -->\|"default 1×"\| s_Done/);
    const edges = text.split('\n').filter((l) => /^ {2}\S+ (-->|-\.->)/.test(l));
    const missed = /linkStyle ([\d,]+) stroke:#c62828/.exec(text)![1]!.split(',').map(Number);
    expect(missed.map((i) => edges[i]!.trim())).toEqual([expect.stringMatching(/^s_Route -->.* s_C$/), expect.stringMatching(/^s_C --> s_Done$|^s_C -->\|"0×"\| s_Done$/)]);
    expect(text).toMatch(/class s_C uncovered$/m);
    await expect(parseMermaid(text)).resolves.toBeTruthy();
  });

  it('dot and svg: covered green, never reached red and dashed', async () => {
    const dot = graph(definition, { format: 'dot', coverage });
    expect(dot).toMatch(/"s_C" \[label="C\\nnot reached", [^\]]*color="#c62828"[^\]]*style="filled,dashed"/);
    expect(dot).toMatch(/"s_Loop" \[label="Loop\\n✓ 3×", [^\]]*color="#2e7d32"/);
    await expect(renderDot(dot)).resolves.toBeTruthy();
    const svg = await graphSvg(definition, { coverage });
    expect(svg).toContain('not reached');
    expect(svg).toContain('#c62828');
  });

  it('without coverage nothing changes', () => {
    expect(graph(definition, { format: 'mermaid' })).not.toMatch(/reached|✓|covered|linkStyle/);
  });
});

describe('asl graph --coverage', () => {
  it('draws from the report asl test wrote, and refuses lcov, other machines and missing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-graph-cov-'));
    writeFileSync(join(dir, 'machine.asl.json'), readFileSync(join(fixtures, 'coverage/machine.asl.json')));
    writeFileSync(join(dir, 'machine.asl-test.yaml'), readFileSync(join(fixtures, 'coverage/machine.asl-test.yaml')));
    writeFileSync(join(dir, 'other.asl.json'), JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Succeed' } } }));
    expect((await runCli(['test', '.', '--coverage-report', 'cov.json'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['test', '.', '--coverage-report', 'cov.lcov'], { cwd: dir })).code).toBe(0);
    const drawn = await runCli(['graph', 'machine.asl.json', '--coverage', 'cov.json'], { cwd: dir });
    expect(drawn.code, drawn.stderr).toBe(0);
    expect(drawn.stdout).toContain('not reached');
    const lcov = await runCli(['graph', 'machine.asl.json', '--coverage', 'cov.lcov'], { cwd: dir });
    expect([lcov.code, lcov.stderr]).toEqual([2, expect.stringContaining('it looks like lcov; --coverage takes the JSON report')]);
    const other = await runCli(['graph', 'other.asl.json', '--coverage', 'cov.json'], { cwd: dir });
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('has no entry for other.asl.json; it covers machine.asl.json')]);
    const missing = await runCli(['graph', 'machine.asl.json', '--coverage', 'nope.json'], { cwd: dir });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read the coverage report nope.json: no such file or directory')]);
  });
});
