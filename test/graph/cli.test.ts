import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { parseMermaid, renderDot } from './parsers.js';
import { graph } from '../../src/graph/index.js';
import { dotName, expectEverythingDrawn, mermaidName } from './drawn.js';

const fixtures = new URL('../fixtures/graph/', import.meta.url).pathname;
const graphCli = (argv: string[], options: { stdin?: string; cwd?: string } = {}) => runCli(['graph', ...argv], { cwd: fixtures, ...options });

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'asl-graph-'));
  temps.push(dir);
  return dir;
}

describe('asl graph', () => {
  test('prints a Mermaid flowchart by default, and exits 0', async () => {
    const { code, stdout, stderr } = await graphCli(['nested.asl.json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(fixtures, 'nested.expected.mmd'), 'utf8'));
  });

  test('--format dot prints a digraph Graphviz renders', async () => {
    const { code, stdout } = await graphCli(['nested.asl.json', '--format', 'dot']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(fixtures, 'nested.expected.dot'), 'utf8'));
    await renderDot(stdout);
  });

  test('--format markdown fences the Mermaid text, and --direction LR turns it sideways', async () => {
    const { code, stdout } = await graphCli(['jsonata.asl.json', '--format', 'markdown', '--direction', 'lr']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(fixtures, 'jsonata.expected.md'), 'utf8'));
  });

  test('--format svg renders an SVG in-process', async () => {
    const { code, stdout } = await graphCli(['nested.asl.json', '--format', 'svg']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*Charge card[\s\S]*<\/svg>\s*$/);
  });

  test('--no-retries and --no-catches leave those out', async () => {
    const { code, stdout } = await graphCli(['nested.asl.json', '--no-retries', '--no-catches']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(fixtures, 'nested.no-retries-no-catches.expected.mmd'), 'utf8'));
  });

  test('--output writes the file and prints nothing', async () => {
    const dir = tempDir();
    // cwd is the temp dir, so name the fixture absolutely.
    const run = await runCli(['graph', join(fixtures, 'nested.asl.json'), '--output', 'diagram.mmd'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'diagram.mmd'), 'utf8')).toBe(readFileSync(join(fixtures, 'nested.expected.mmd'), 'utf8'));
  });

  test('--output into a folder that does not exist is an error (exit 2) and creates nothing', async () => {
    const dir = tempDir();
    const run = await runCli(['graph', join(fixtures, 'nested.asl.json'), '--output', 'no/such/dir/diagram.mmd'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^asl: cannot write the diagram to no\/such\/dir\/diagram\.mmd: the folder it goes in does not exist\n$/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('--output naming the input file is refused (exit 2) and the definition is left alone', async () => {
    const dir = tempDir();
    copyFileSync(join(fixtures, 'nested.asl.json'), join(dir, 'machine.asl.json'));
    symlinkSync(join(dir, 'machine.asl.json'), join(dir, 'link.asl.json'));
    const before = readFileSync(join(dir, 'machine.asl.json'), 'utf8');
    for (const output of ['machine.asl.json', './machine.asl.json', join(dir, 'machine.asl.json'), 'link.asl.json']) {
      const run = await runCli(['graph', 'machine.asl.json', '--output', output], { cwd: dir });
      expect(run.code, output).toBe(2);
      expect(run.stdout).toBe('');
      const which = output === 'link.asl.json' ? 'is the same file as the input file machine.asl.json (a link to it, or another name for it)' : 'is the input file machine.asl.json';
      expect(run.stderr).toBe(`asl: --output ${output} ${which}: writing the diagram there would replace it. Name another file for --output.\n`);
    }
    expect(readFileSync(join(dir, 'machine.asl.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['link.asl.json', 'machine.asl.json']);
  });

  test("a template's DefinitionUri is read relative to the template, wherever asl runs", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'app', 'statemachine'), { recursive: true });
    copyFileSync(join(fixtures, 'jsonata.asl.json'), join(dir, 'app', 'statemachine', 'flow.asl.json'));
    writeFileSync(
      join(dir, 'app', 'template.yaml'),
      ['Transform: AWS::Serverless-2016-10-31', 'Resources:', '  Flow:', '    Type: AWS::Serverless::StateMachine', '    Properties:', '      DefinitionUri: statemachine/flow.asl.json', ''].join('\n'),
    );
    const run = await runCli(['graph', 'app/template.yaml'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(graph(JSON.parse(readFileSync(join(fixtures, 'jsonata.asl.json'), 'utf8')), { format: 'mermaid' }));
  });

  test('reads the definition from stdin with -', async () => {
    const { code, stdout } = await graphCli(['-'], { stdin: readFileSync(join(fixtures, 'jsonata.asl.json'), 'utf8') });
    expect(code).toBe(0);
    await parseMermaid(stdout);
  });

  test('a template with several machines draws all of them, one after another', async () => {
    const { code, stdout } = await graphCli(['template.yaml', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('### OrderMachine\n\n```mermaid\nflowchart TB\n');
    expect(stdout).toContain('### RefundMachine\n\n```mermaid\nflowchart TB\n');
    expect(stdout).toContain('Charge<br/>Fn::GetAtt OrderFunction.Arn');
    expect(stdout).toContain('Save<br/>dynamodb:putItem');
    expect(stdout).toContain('Refund<br/>${RefundFunctionArn}');
    expect(stdout).toContain('Tell<br/>Ref NotifyTopic');
  });

  test('each drawing of a multi-machine template parses on its own and shows that machine in full', async () => {
    const { loadText } = await import('../../src/source/index.js');
    const machines = loadText(readFileSync(join(fixtures, 'template.yaml'), 'utf8'), 'template.yaml').machines;
    expect(machines.map((m) => m.name)).toEqual(['OrderMachine', 'RefundMachine']);
    const markdown = (await graphCli(['template.yaml', '--format', 'markdown'])).stdout;
    const fences = [...markdown.matchAll(/^### (\w+)\n\n```mermaid\n([\s\S]*?)```$/gm)];
    expect(fences.map((f) => f[1])).toEqual(['OrderMachine', 'RefundMachine']);
    const dot = (await graphCli(['template.yaml', '--format', 'dot'])).stdout;
    const digraphs = dot.split(/\n(?=digraph )/);
    expect(digraphs.map((d) => /^digraph "(\w+)"/.exec(d)?.[1])).toEqual(['OrderMachine', 'RefundMachine']);
    for (const [i, machine] of machines.entries()) {
      const parsed = await parseMermaid(fences[i]![2]!);
      expectEverythingDrawn(machine.definition, { vertices: new Map([...parsed.vertices].map(([id, l]) => [id, mermaidName(l)])), edges: parsed.edges });
      const rendered = await renderDot(digraphs[i]!);
      expectEverythingDrawn(machine.definition, {
        vertices: new Map([...rendered.nodes].map(([id, l]) => [id, dotName(l)])),
        edges: rendered.edges.map((e) => ({ from: e.from, to: e.to, dashed: e.style === 'dashed' })),
      });
    }
  });

  test('--state-machine draws only the named machine', async () => {
    const { code, stdout } = await graphCli(['template.yaml', '--state-machine', 'RefundMachine']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^flowchart TB\n/);
    expect(stdout).toContain('Refund');
    expect(stdout).not.toContain('Charge');
    const parsed = await parseMermaid(stdout);
    expect([...parsed.vertices.keys()]).toEqual(['start_marker', 's_Refund', 's_Tell', 'end_marker']);
  });

  test('an unknown --state-machine name is a usage error that lists the names', async () => {
    const { code, stderr } = await graphCli(['template.yaml', '--state-machine', 'Nope']);
    expect(code).toBe(2);
    expect(stderr).toBe('asl: no state machine named "Nope" in template.yaml; its state machines are: OrderMachine, RefundMachine\n');
  });

  test('an SVG of a template with several machines asks which one', async () => {
    const { code, stderr } = await graphCli(['template.yaml', '--format', 'svg']);
    expect(code).toBe(2);
    expect(stderr).toContain('pick one with --state-machine: OrderMachine, RefundMachine');
  });

  test('an unknown format is a usage error (exit 2) naming the valid ones', async () => {
    const { code, stderr } = await graphCli(['nested.asl.json', '--format', 'png']);
    expect(code).toBe(2);
    expect(stderr).toBe('asl: unknown format "png"; valid formats: mermaid, dot, svg, markdown\n');
  });

  test('an unknown direction is a usage error', async () => {
    const { code, stderr } = await graphCli(['nested.asl.json', '--direction', 'up']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown direction "up"');
  });

  test('a missing file is an input error (exit 2) without a stack trace', async () => {
    const { code, stderr } = await graphCli(['nope.asl.json']);
    expect(code).toBe(2);
    expect(stderr).toBe('asl: cannot read nope.asl.json: no such file or directory\n');
  });

  test('a definition that does not parse exits 1 with file:line:column', async () => {
    const { code, stdout, stderr } = await graphCli(['syntax-error.asl.json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^syntax-error\.asl\.json:\d+:\d+: error: /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('a template whose DefinitionString does not parse draws the other machines and exits 1', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'template.json'),
      JSON.stringify(
        {
          Resources: {
            Good: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Succeed' } } } } },
            Broken: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: '{"StartAt": "A", "States": {' } },
          },
        },
        null,
        2,
      ),
    );
    const { code, stdout, stderr } = await runCli(['graph', 'template.json', '--format', 'markdown'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^```mermaid\nflowchart TB\n[\s\S]*s_A\(\["A"\]\)/);
    expect(stderr).toMatch(/^template\.json:\d+:\d+: error: State machine Broken: its DefinitionString: /);
    expect(stderr).not.toMatch(/\n\s+at /);
    // Asking for the broken one by name: its problem, and exit 1 (the definition cannot be drawn).
    const named = await runCli(['graph', 'template.json', '--state-machine', 'Broken'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toBe('');
    expect(named.stderr).toMatch(/^template\.json:\d+:\d+: error: State machine Broken: [^\n]*\nasl: no drawable state machine named "Broken" in template\.json; the drawable ones are: Good\n$/);
    // Asking for the good one: drawn, exit 0.
    const good = await runCli(['graph', 'template.json', '--state-machine', 'Good'], { cwd: dir });
    expect([good.code, good.stderr]).toEqual([0, '']);
  });

  test('a file that is not a state machine exits 1 and says so', async () => {
    const { code, stdout, stderr } = await graphCli(['-'], { stdin: '{"foo": 1}' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^<stdin>:1:1: error: .*\n$/);
  });

  test("a machine too large for Mermaid's defaults is drawn with a warning (exit 0)", async () => {
    // @ts-expect-error: a plain ES module without types
    const { generateMachine } = await import('../../bench/graph.bench.mjs');
    const { code, stdout, stderr } = await graphCli(['-'], { stdin: JSON.stringify(generateMachine(1000)) });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^flowchart TB\n/);
    expect(stderr).toMatch(/^asl: warning: the definition: the diagram has \d+ edges \(Mermaid draws at most 500\).*use --format svg or --format dot/);
    const dot = await graphCli(['-', '--format', 'dot'], { stdin: JSON.stringify(generateMachine(1000)) });
    expect(dot.stderr).toBe('');
  });

  test('an invalid machine that still parses is drawn anyway (exit 0)', async () => {
    const { code, stdout } = await graphCli(['dangling.asl.json']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(fixtures, 'dangling.expected.mmd'), 'utf8'));
  });
});
