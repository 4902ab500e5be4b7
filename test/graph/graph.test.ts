import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { graph, graphSvg, mermaidLimitProblem } from '../../src/graph/index.js';
import { expectedPicture } from './expected-transitions.js';
import { expectEverythingDrawn, mermaidName, seenInDot, seenInMermaid } from './drawn.js';
import { parseMermaid, renderDot } from './parsers.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/graph/${name}`, import.meta.url), 'utf8'));

const FIXTURES = ['awkward-names.asl.json', 'nested.asl.json', 'jsonata.asl.json', 'dangling.asl.json'];

describe.each(FIXTURES)('%s', (name) => {
  test('Mermaid parses it and shows every state and every transition', async () => {
    const definition = fixture(name);
    expectEverythingDrawn(definition, await seenInMermaid(definition));
  });

  test('Graphviz renders it and shows every state and every transition', async () => {
    const definition = fixture(name);
    expectEverythingDrawn(definition, await seenInDot(definition));
  });

  test('the same definition gives the same text twice', () => {
    const definition = fixture(name);
    expect(graph(definition, { format: 'mermaid' })).toBe(graph(structuredClone(definition), { format: 'mermaid' }));
    expect(graph(definition, { format: 'dot' })).toBe(graph(structuredClone(definition), { format: 'dot' }));
  });
});

describe('awkward names', () => {
  test('come out of Mermaid exactly as written, keywords and syntax characters included', async () => {
    const definition = fixture('awkward-names.asl.json') as { States: Record<string, unknown> };
    const { vertices } = await seenInMermaid(definition);
    const names = new Set(vertices.values());
    for (const state of Object.keys(definition.States)) expect(names).toContain(state.replace(/\r\n|[\r\n]/g, ' '));
  });

  test('come out of Graphviz exactly as written, including DOT keywords in any case', async () => {
    const definition = fixture('awkward-names.asl.json') as { States: Record<string, unknown> };
    const { vertices } = await seenInDot(definition);
    const names = new Set(vertices.values());
    for (const state of Object.keys(definition.States)) expect(names).toContain(state.replace(/\r\n|[\r\n]/g, ' '));
  });
});

describe('SVG', () => {
  test('awkward names come out of the SVG as well-formed XML text, exactly as written', async () => {
    const definition = fixture('awkward-names.asl.json');
    const svg = await graphSvg(definition);
    const { JSDOM } = await import('jsdom');
    const { window } = new JSDOM('');
    const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const texts = new Set([...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''));
    for (const state of expectedPicture(definition).states) expect(texts, JSON.stringify(state)).toContain(state.replace(/\r\n|[\r\n]/g, ' '));
    window.close();
  });
});

describe('what the picture shows', () => {
  test('Choice rules are labelled with short readable conditions and Default with "default"', async () => {
    const parsed = await parseMermaid(graph(fixture('nested.asl.json'), { format: 'mermaid' }));
    const labels = parsed.edges.map((e) => e.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        '$.total > 1000',
        '$.status == "rush"',
        '$.country is present and ($.country == "DE" or …',
        'not $.paid == true',
        '$.limit <= $.total',
        'default',
      ]),
    );
  });

  test('JSONata conditions keep their {% %} and long ones are shortened', async () => {
    const parsed = await parseMermaid(graph(fixture('jsonata.asl.json'), { format: 'mermaid' }));
    const labels = parsed.edges.map((e) => e.label);
    expect(labels).toContain('{% $states.input.total > 1000 %}');
    const long = labels.find((l) => l.includes('gold'))!;
    expect(long).toMatch(/^\{% \$states\.input\.customer\.tier = "gold" .*… %\}$/);
    expect(labels).toContain('true');
  });

  test('Catch edges are dashed and labelled with their error names', async () => {
    const parsed = await parseMermaid(graph(fixture('nested.asl.json'), { format: 'mermaid' }));
    const catches = parsed.edges.filter((e) => e.dashed).map((e) => e.label);
    expect(catches.sort()).toEqual(['States.ALL', 'States.TaskFailed, States.Timeout']);
  });

  test('Retry is summarised on the state, unless retries are turned off', () => {
    const text = graph(fixture('nested.asl.json'), { format: 'mermaid' });
    expect(text).toContain('Charge card<br/>lambda:invoke<br/>retry ×6 Lambda.ServiceException …');
    expect(text).toContain('<br/>retry ×3 States.Timeout');
    const without = graph(fixture('nested.asl.json'), { format: 'mermaid', retries: false });
    expect(without).not.toContain('retry');
  });

  test('Catch edges disappear with catches turned off', async () => {
    const parsed = await parseMermaid(graph(fixture('nested.asl.json'), { format: 'mermaid', catches: false }));
    expect(parsed.edges.filter((e) => e.dashed)).toEqual([]);
  });

  test('a Task shows its service briefly', () => {
    const text = graph(fixture('nested.asl.json'), { format: 'dot' });
    for (const service of [
      'lambda:invoke',
      'sqs:sendMessage.waitForTaskToken',
      'dynamodb:updateItem',
      'cloudwatchlogs:putLogEvents',
      'states:startExecution.sync',
      'activity OrderApproval',
      'lambda:invoke ShipOrder',
    ]) {
      expect(text).toMatch(new RegExp(`\\\\n${service.replace(/[.]/g, '\\.')}[\\\\"]`));
    }
  });

  test('Parallel branches and Map processors are nested subgraphs, and a Distributed Map says so', async () => {
    const parsed = await parseMermaid(graph(fixture('nested.asl.json'), { format: 'mermaid' }));
    const byTitle = new Map(parsed.subgraphs.map((s) => [s.title, s]));
    expect([...byTitle.keys()]).toEqual(
      expect.arrayContaining(['Fan out · Parallel', 'Each item · Map', 'Reserve and log · Parallel', 'Archive · Distributed Map', 'branch 1', 'branch 2']),
    );
    const fanOut = byTitle.get('Fan out · Parallel')!;
    const eachItem = byTitle.get('Each item · Map')!;
    const branchWithMap = parsed.subgraphs.find((s) => s.title === 'branch 2' && s.nodes.includes(eachItem.id))!;
    expect(fanOut.nodes).toContain(branchWithMap.id);
    expect(eachItem.nodes).toContain(byTitle.get('Reserve and log · Parallel')!.id);
  });

  test('Graphviz draws the nested scopes as clusters', async () => {
    const rendered = await renderDot(graph(fixture('nested.asl.json'), { format: 'dot' }));
    expect(rendered.clusters.filter((c) => c.startsWith('cluster_'))).toHaveLength(8);
  });

  test('start and end markers frame the machine', async () => {
    const parsed = await parseMermaid(graph(fixture('nested.asl.json'), { format: 'mermaid' }));
    expect(parsed.vertices.get('start_marker')).toBe('Start');
    expect(parsed.vertices.get('end_marker')).toBe('End');
    expect(parsed.edges).toContainEqual(expect.objectContaining({ from: 'start_marker', to: 's_Check_order' }));
    expect(parsed.edges).toContainEqual(expect.objectContaining({ from: 's_Done', to: 'end_marker' }));
  });

  test('a transition to a state that does not exist points at a node marked missing', async () => {
    const parsed = await parseMermaid(graph(fixture('dangling.asl.json'), { format: 'mermaid' }));
    const missing = [...parsed.vertices].filter(([, label]) => /<br\/?>missing$/.test(label)).map(([, label]) => mermaidName(label));
    expect(missing.sort()).toEqual(['42', 'Ghost', 'Gone', 'Nowhere', 'Secnd', '["x"]']);
  });

  test('direction LR and the markdown fence', () => {
    const definition = fixture('jsonata.asl.json');
    expect(graph(definition, { format: 'mermaid', direction: 'LR' })).toMatch(/^flowchart LR\n/);
    expect(graph(definition, { format: 'dot', direction: 'LR' })).toContain('rankdir="LR";');
    const md = graph(definition, { format: 'markdown' });
    expect(md).toBe('```mermaid\n' + graph(definition, { format: 'mermaid' }) + '```\n');
  });
});

describe('robustness', () => {
  test.each([
    ['null', null],
    ['a number', 42],
    ['an array', [1, 2]],
    ['an empty object', {}],
    ['States as an array', { StartAt: 'A', States: [{ Type: 'Pass' }] }],
    ['StartAt as an object', { StartAt: { a: 1 }, States: { A: { Type: 'Pass', End: true } } }],
    ['a state with an empty name', { StartAt: '', States: { '': { Type: 'Pass', Next: ' ' }, ' ': { Type: 'Succeed' } } }],
    ['states whose Type names an object method', { StartAt: 'A', States: { A: { Type: 'toString', Next: 'B' }, B: { Type: 'constructor', End: true } } }],
  ])('draws %s without throwing, in a form both parsers accept', async (_, definition) => {
    await parseMermaid(graph(definition, { format: 'mermaid' }));
    await renderDot(graph(definition, { format: 'dot' }));
  });

  test('CloudFormation intrinsics and placeholders as Resource show briefly instead of crashing', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: { 'Fn::GetAtt': ['OrderFunction', 'Arn'] }, Next: 'B' },
        B: { Type: 'Task', Resource: { Ref: 'NotifyTopic' }, Next: 'C' },
        C: { Type: 'Task', Resource: '${RefundFunctionArn}', Next: 'D' },
        D: { Type: 'Task', Resource: 'arn:${AWS::Partition}:states:::dynamodb:putItem', Next: 'E' },
        E: { Type: 'Task', Resource: { 'Fn::Sub': ['arn:aws:lambda:${R}:fn', { R: 'x' }] }, End: true },
      },
    };
    const text = graph(definition, { format: 'dot' });
    expect(text).toContain('"A\\nFn::GetAtt OrderFunction.Arn"');
    expect(text).toContain('"B\\nRef NotifyTopic"');
    expect(text).toContain('"C\\n${RefundFunctionArn}"');
    expect(text).toContain('"D\\ndynamodb:putItem"');
    expect(text).toContain('"E\\nFn::Sub arn:aws:lambda:${R}:fn"');
  });

  test('deep nesting (40 Parallel levels) draws and parses', async () => {
    let inner: Record<string, unknown> = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
    for (let level = 40; level > 0; level--) {
      inner = { StartAt: `Level ${level}`, States: { [`Level ${level}`]: { Type: 'Parallel', Branches: [inner], End: true } } };
    }
    const parsed = await parseMermaid(graph(inner, { format: 'mermaid' }));
    expect(parsed.subgraphs).toHaveLength(80);
    expectEverythingDrawn(inner, await seenInDot(inner));
  });

  test('nesting deeper than the call stack allows draws without throwing, in text that grows linearly', () => {
    const nest = (depth: number): unknown => {
      let inner: Record<string, unknown> = { StartAt: 'Leaf', States: { Leaf: { Type: 'Pass', End: true } } };
      for (let level = depth; level > 0; level--) {
        const container = level % 2 ? { Type: 'Parallel', Branches: [inner] } : { Type: 'Map', ItemProcessor: inner };
        inner = { StartAt: `L${level}`, States: { [`L${level}`]: { ...container, End: true } } };
      }
      return inner;
    };
    // 5,000 levels: a recursive layout would run out of stack here.
    const deepest = graph(nest(5000), { format: 'mermaid' });
    expect(deepest).toMatch(/\n +s_\w+_L5000_Leaf\[\/"Leaf"\/\]\n/);
    expect(Math.max(...deepest.split('\n').map((line) => /^ */.exec(line)![0].length))).toBeLessThanOrEqual(28);
    for (const format of ['mermaid', 'dot'] as const) {
      // 4 times the states, about 4 times the text: indentation stops growing after a dozen levels.
      expect(graph(nest(1200), { format }).length / graph(nest(300), { format }).length).toBeLessThan(4.5);
    }
  }, 120_000);

  test('states with the same name in different branches get different ids', () => {
    const branch = { StartAt: 'Same', States: { Same: { Type: 'Pass', End: true } } };
    const definition = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [branch, branch], End: true } } };
    const text = graph(definition, { format: 'mermaid' });
    expect(text).toContain('s_P_0_Same[/"Same"/]');
    expect(text).toContain('s_P_1_Same[/"Same"/]');
  });

  test('an unknown format is a TypeError that names the valid ones', () => {
    expect(() => graph({}, { format: 'png' as 'dot' })).toThrow(/unknown graph format "png"; use mermaid, dot or markdown/);
  });
});

test("a diagram beyond Mermaid's default limits is reported as such, a small one is not", () => {
  const states: Record<string, unknown> = {};
  for (let i = 0; i < 600; i++) states[`S${i}`] = i === 599 ? { Type: 'Succeed' } : { Type: 'Pass', Next: `S${i + 1}` };
  expect(mermaidLimitProblem(graph({ StartAt: 'S0', States: states }, { format: 'mermaid' }))).toMatch(
    /^the diagram has 601 edges \(Mermaid draws at most 500\); use --format svg or --format dot for a machine this large$/,
  );
  expect(mermaidLimitProblem(graph(fixture('nested.asl.json'), { format: 'mermaid' }))).toBeUndefined();
});
