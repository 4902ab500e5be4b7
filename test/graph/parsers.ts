/**
 * The real parsers the pictures must satisfy: Mermaid's own parser (under jsdom) and Graphviz (viz.js).
 * Both return what they understood, so tests can check that every state and every transition survived.
 */
import { JSDOM } from 'jsdom';

export interface ParsedMermaid {
  /** Vertex id → label text, entities decoded. */
  vertices: Map<string, string>;
  edges: Array<{ from: string; to: string; label: string; dashed: boolean }>;
  subgraphs: Array<{ id: string; title: string; nodes: string[] }>;
}

type MermaidModule = typeof import('mermaid').default;
let mermaidPromise: Promise<MermaidModule> | undefined;

async function loadMermaid(): Promise<MermaidModule> {
  mermaidPromise ??= (async () => {
    // Mermaid expects a browser; a jsdom window is enough for parsing.
    const dom = new JSDOM('<!doctype html><html><body></body></html>');
    const g = globalThis as Record<string, unknown>;
    g.window ??= dom.window;
    g.document ??= dom.window.document;
    const mermaid = (await import('mermaid')).default;
    // Mermaid refuses more than 500 edges by default, a size limit rather than a syntax rule (the CLI warns about
    // it); raising it lets the tests check the syntax of large machines too.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', maxEdges: 1_000_000 });
    // The first parse registers Mermaid's diagram types; after that one parse per drawing is enough.
    await mermaid.parse('flowchart TB\n  a --> b');
    return mermaid;
  })();
  return mermaidPromise;
}

/** Mermaid stores `#quot;` as `ﬂ°quot¶ß` until render; turn its placeholders back into readable characters. */
function decodeMermaid(text: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, name: string) => (/^\d+$/.test(name) ? String.fromCodePoint(Number(name)) : (named[name] ?? whole)));
}

export async function parseMermaid(text: string): Promise<ParsedMermaid> {
  const mermaid = await loadMermaid();
  // Mermaid's own pipeline (directives and comments removed, then the flowchart grammar); throws on a syntax error.
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = diagram.db as any;
  const vertices = new Map<string, string>();
  for (const v of db.getVertices().values()) vertices.set(v.id, decodeMermaid(String(v.text ?? '')));
  const edges = db.getEdges().map((e: { start: string; end: string; text?: string; stroke?: string }) => ({
    from: e.start,
    to: e.end,
    label: decodeMermaid(e.text ?? ''),
    dashed: e.stroke === 'dotted',
  }));
  const subgraphs = db.getSubGraphs().map((s: { id: string; title: string; nodes: string[] }) => ({
    id: s.id,
    title: decodeMermaid(s.title),
    nodes: s.nodes,
  }));
  return { vertices, edges, subgraphs };
}

export interface RenderedDot {
  /** Node name → label. */
  nodes: Map<string, string>;
  edges: Array<{ from: string; to: string; label: string; style: string }>;
  clusters: string[];
}

type Viz = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;
let vizPromise: Promise<Viz> | undefined;

export async function renderDot(dot: string): Promise<RenderedDot> {
  vizPromise ??= import('@viz-js/viz').then((m) => m.instance());
  const viz = await vizPromise;
  const result = viz.render(dot, { format: 'json' });
  if (result.status !== 'success') throw new Error(`Graphviz rejected the DOT: ${result.errors.map((e) => e.message).join('; ')}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = JSON.parse(result.output) as any;
  const objects: Array<{ name: string; label?: string; nodes?: number[] }> = json.objects ?? [];
  const nodes = new Map<string, string>();
  const clusters: string[] = [];
  for (const o of objects) {
    if (o.nodes) clusters.push(o.name);
    else nodes.set(o.name, o.label ?? '');
  }
  const edges = (json.edges ?? []).map((e: { tail: number; head: number; label?: string; style?: string }) => ({
    from: objects[e.tail]!.name,
    to: objects[e.head]!.name,
    label: e.label ?? '',
    style: e.style ?? '',
  }));
  return { nodes, edges, clusters };
}
