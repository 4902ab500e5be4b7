/** Checks that a drawing, as the real parser understood it, shows every state and every transition. */
import { expect } from 'vitest';
import { graph } from '../../src/graph/index.js';
import { expectedPicture } from './expected-transitions.js';
import { parseMermaid, renderDot } from './parsers.js';

/** Label lines → the first one, which is the state's name. */
export const mermaidName = (label: string) => label.split(/<br\/?>/)[0]!;
export const dotName = (label: string) => label.split('\\n')[0]!.replace(/\\(["\\])/g, '$1');

export interface Seen {
  vertices: Map<string, string>;
  edges: Array<{ from: string; to: string; dashed: boolean }>;
}

/** Every state is a vertex, every transition an edge between the right vertices (and Catch edges are dashed). */
export function expectEverythingDrawn(definition: unknown, seen: Seen): void {
  const expected = expectedPicture(definition);
  const idsByName = new Map<string, string[]>();
  for (const [id, name] of seen.vertices) idsByName.set(name, [...(idsByName.get(name) ?? []), id]);
  // Line breaks inside a name are drawn as spaces.
  const drawn = (name: string) => name.replace(/\r\n|[\r\n]/g, ' ');
  for (const state of expected.states) expect(idsByName.has(drawn(state)), `state ${JSON.stringify(state)} is drawn`).toBe(true);
  const joins = new Set(idsByName.get('') ?? []);
  expect(joins.size).toBe(expected.containers);
  for (const t of expected.transitions) {
    const from = t.fromContainer ? joins : new Set(idsByName.get(drawn(t.from)) ?? []);
    const to = new Set(idsByName.get(drawn(t.to)) ?? []);
    const edge = seen.edges.find((e) => from.has(e.from) && to.has(e.to) && e.dashed === (t.kind === 'catch'));
    expect(edge, `${t.kind} edge ${JSON.stringify(t.from)} → ${JSON.stringify(t.to)}`).toBeDefined();
  }
}

export async function seenInMermaid(definition: unknown): Promise<Seen> {
  const parsed = await parseMermaid(graph(definition, { format: 'mermaid' }));
  const vertices = new Map([...parsed.vertices].map(([id, label]) => [id, mermaidName(label).trim()]));
  return { vertices, edges: parsed.edges };
}

export async function seenInDot(definition: unknown): Promise<Seen> {
  const rendered = await renderDot(graph(definition, { format: 'dot' }));
  const vertices = new Map([...rendered.nodes].map(([id, label]) => [id, dotName(label)]));
  return { vertices, edges: rendered.edges.map((e) => ({ from: e.from, to: e.to, dashed: e.style === 'dashed' })) };
}

