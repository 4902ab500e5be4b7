/**
 * Graphviz DOT text. Every id and every attribute value is a quoted string with backslashes and quotes
 * escaped, so no state name can break the syntax or be read as a keyword (DOT keywords such as `node`,
 * `edge`, `graph`, `subgraph` match case-insensitively, so `Node` and `EDGE` are keywords too).
 */
import { printable } from '../printable.js';
import type { Direction } from './mermaid.js';
import type { GraphEdge, GraphModel, GraphNode } from './graph-types.js';
import { indentFor, visitItems } from './visit.js';
import { COVERED_COLOR, UNCOVERED_COLOR, hitsLine } from './coverage.js';

export function quoteDot(text: string): string {
  // Line breaks in names would end the line in the picture's text; a label's own breaks are `\n` escapes.
  // Other control characters are shown as escapes (whose backslash is then escaped for DOT like any other).
  return `"${printable(text.replace(/\r\n|[\r\n]/g, ' ')).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function attrs(values: Record<string, string | undefined>): string {
  const parts = Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${quoteDot(value)}`);
  return parts.length > 0 ? ` [${parts.join(', ')}]` : '';
}

/** Lines joined with Graphviz's centred line break; each line escaped on its own. */
function label(lines: string[]): string {
  return `"${lines.map((line) => quoteDot(line).slice(1, -1)).join('\\n')}"`;
}

const STATE_STYLE: Record<string, Record<string, string>> = {
  Task: { shape: 'box', style: 'rounded' },
  Pass: { shape: 'box' },
  Choice: { shape: 'diamond' },
  Wait: { shape: 'hexagon' },
  Succeed: { shape: 'box', style: 'rounded,filled', fillcolor: '#e3f4e6', color: '#2e7d32' },
  Fail: { shape: 'box', style: 'rounded,filled', fillcolor: '#fdecea', color: '#c62828' },
  Parallel: { shape: 'box3d' },
  Map: { shape: 'box3d' },
};

function styleOf(node: GraphNode): Record<string, string> {
  switch (node.kind) {
    case 'start':
      return { shape: 'circle', style: 'filled', fillcolor: '#333333', fontcolor: 'white' };
    case 'end':
      return { shape: 'doublecircle', style: 'filled', fillcolor: '#333333', fontcolor: 'white' };
    case 'join':
      return { shape: 'point', width: '0.12' };
    case 'missing':
      return { shape: 'box', style: 'dashed', color: '#c62828' };
    case 'state':
      // Own keys only: a state whose Type is "toString" must not find Object.prototype's.
      return node.stateType !== undefined && Object.hasOwn(STATE_STYLE, node.stateType) ? STATE_STYLE[node.stateType]! : { shape: 'box' };
  }
}

/** With coverage: covered states outlined in green, never-reached ones in red and dashed. */
function coverageStyle(node: GraphNode): Record<string, string> {
  if (node.hits === undefined) return {};
  const base = styleOf(node);
  const style = [...new Set([...(base.style ?? '').split(',').filter(Boolean), 'filled', ...(node.hits === 0 ? ['dashed'] : [])])].join(',');
  return node.hits > 0 ? { color: COVERED_COLOR, fillcolor: '#e3f4e6', style, penwidth: '2' } : { color: UNCOVERED_COLOR, fillcolor: '#fdecea', style };
}

function nodeLine(node: GraphNode): string {
  const lines = node.hits === undefined ? [node.name, ...node.details] : [node.name, ...node.details, hitsLine(node.hits)];
  const text = node.kind === 'join' ? '""' : label(lines);
  const rest = attrs({ ...styleOf(node), ...coverageStyle(node) }).slice(2, -1);
  return `${quoteDot(node.id)} [label=${text}${rest ? ', ' + rest : ''}];`;
}

function edgeLine(edge: GraphEdge): string {
  const style = edge.kind === 'catch' || edge.hits === 0 ? 'dashed' : undefined;
  if (edge.hits === undefined) return `${quoteDot(edge.from)} -> ${quoteDot(edge.to)}${attrs({ label: edge.label, style })};`;
  const text = `${edge.label ? `${edge.label} ` : ''}${edge.hits}×`;
  const color = edge.hits > 0 ? COVERED_COLOR : UNCOVERED_COLOR;
  return `${quoteDot(edge.from)} -> ${quoteDot(edge.to)}${attrs({ label: text, style, color, fontcolor: color, penwidth: edge.hits > 0 ? '2' : undefined })};`;
}

export function toDot(model: GraphModel, direction: Direction = 'TB', title = 'state machine'): string {
  const lines: string[] = [
    `digraph ${quoteDot(title)} {`,
    `  rankdir=${quoteDot(direction)};`,
    '  node [fontname="Helvetica", fontsize="11"];',
    '  edge [fontname="Helvetica", fontsize="10"];',
  ];
  visitItems(model.items, {
    node: (node, depth) => void lines.push(indentFor(depth) + nodeLine(node)),
    open: (cluster, depth) => {
      // Graphviz draws a subgraph as a box only when its name starts with "cluster".
      const indent = indentFor(depth);
      lines.push(`${indent}subgraph ${quoteDot('cluster_' + cluster.id)} {`);
      lines.push(`${indent}  label=${quoteDot(cluster.label)};`);
      lines.push(`${indent}  style=${quoteDot(cluster.distributed ? 'rounded,dashed' : 'rounded')};`);
    },
    close: (_, depth) => void lines.push(`${indentFor(depth)}}`),
  });
  for (const edge of model.edges) lines.push('  ' + edgeLine(edge));
  lines.push('}');
  return lines.join('\n') + '\n';
}
