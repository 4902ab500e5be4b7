/**
 * `graph(definition, options)`: a state machine as Mermaid, Markdown (a fenced Mermaid block) or DOT text.
 * `renderSvg(dot)` / `graphSvg(definition, options)` turn it into an SVG with Graphviz in WebAssembly.
 */
import { toDot } from './dot.js';
import { toMermaid } from './mermaid.js';
import type { Direction } from './mermaid.js';
import { buildGraphModel } from './model.js';
import { renderSvg } from './svg.js';
import type { GraphCoverage } from './coverage.js';

export type { GraphCoverage } from './coverage.js';

export type { Direction } from './mermaid.js';
export type { GraphModel, GraphNode, GraphEdge, GraphCluster, GraphItem, EdgeKind, NodeKind } from './model.js';
export { buildGraphModel } from './model.js';
export { escapeMermaid, mermaidLimitProblem, MERMAID_LIMITS } from './mermaid.js';
export { quoteDot } from './dot.js';
export { renderSvg, GraphRenderError } from './svg.js';

export type GraphTextFormat = 'mermaid' | 'dot' | 'markdown';
const GRAPH_FORMATS = ['mermaid', 'dot', 'svg', 'markdown'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphOptions {
  format: GraphTextFormat;
  /** TB (top to bottom, the default) or LR. */
  direction?: Direction;
  /** Show Retry summaries on states (default true). */
  retries?: boolean;
  /** Draw Catch edges (default true). */
  catches?: boolean;
  /** DOT graph name (default "state machine"). */
  title?: string;
  /** Hit counts to draw, as `asl test --coverage-report` writes them per machine (`hits`). */
  coverage?: GraphCoverage;
}

/** Draws a definition as text. Never throws on a definition that parsed, however odd or invalid. */
export function graph(definition: unknown, options: GraphOptions): string {
  const model = buildGraphModel(definition, { retries: options.retries, catches: options.catches, coverage: options.coverage });
  const direction = options.direction ?? 'TB';
  switch (options.format) {
    case 'dot':
      return toDot(model, direction, options.title);
    case 'markdown':
      return '```mermaid\n' + toMermaid(model, direction) + '```\n';
    case 'mermaid':
      return toMermaid(model, direction);
    default:
      throw new TypeError(`unknown graph format "${String(options.format)}"; use mermaid, dot or markdown`);
  }
}

/** Draws a definition as an SVG document (Graphviz layout). */
export async function graphSvg(definition: unknown, options: Omit<GraphOptions, 'format'> = {}): Promise<string> {
  return renderSvg(graph(definition, { ...options, format: 'dot' }));
}
