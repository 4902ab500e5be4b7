/**
 * Mermaid `flowchart` text. Ids are generated (see ids.ts); every label is a quoted string whose awkward
 * characters are written as Mermaid entities, so no state name can end a label, open a shape or be read
 * as a keyword.
 */
import { printable } from '../printable.js';
import type { GraphEdge, GraphModel, GraphNode } from './graph-types.js';
import { indentFor, visitItems } from './visit.js';
import { COVERED_COLOR, UNCOVERED_COLOR, hitsLine } from './coverage.js';

export type Direction = 'TB' | 'LR';

/** Characters Mermaid would read as syntax (or as the start of an entity) inside a quoted label. */
const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
};

export function escapeMermaid(raw: string): string {
  // A line break would end the statement: names with one are drawn on one line. Other control characters
  // (an ESC sequence in a state name) are shown as escapes, never written raw into the diagram text.
  const text = printable(raw.replace(/\r\n|[\r\n]/g, ' '));
  // `%%` starts a comment or, as `%%{…}%%`, a directive that Mermaid reads anywhere in the text, even inside
  // a label: written as entities.
  if (!/[#"<>&`%]/.test(text)) return text;
  return text
    .replace(/[#"<>&`]/g, (ch) => ENTITIES[ch]!)
    .replace(/%%+/g, (run) => '#37;'.repeat(run.length));
}

const SHAPES: Record<string, [open: string, close: string]> = {
  Task: ['[', ']'],
  Pass: ['[/', '/]'],
  Choice: ['{', '}'],
  Wait: ['{{', '}}'],
  Succeed: ['([', '])'],
  Fail: ['([', '])'],
  Parallel: ['[[', ']]'],
  Map: ['[[', ']]'],
};

function shapeOf(node: GraphNode): [string, string] {
  switch (node.kind) {
    case 'start':
      return ['((', '))'];
    case 'end':
      return ['(((', ')))'];
    case 'join':
      return ['((', '))'];
    case 'missing':
      return ['[', ']'];
    case 'state':
      // Own keys only: a state whose Type is "toString" must not find Object.prototype's.
      return node.stateType !== undefined && Object.hasOwn(SHAPES, node.stateType) ? SHAPES[node.stateType]! : ['[', ']'];
  }
}

/** The class a node is styled with, if any. */
function classOf(node: GraphNode): string | undefined {
  if (node.kind === 'start' || node.kind === 'end' || node.kind === 'join') return 'marker';
  if (node.kind === 'missing') return 'missing';
  if (node.stateType === 'Succeed') return 'succeed';
  if (node.stateType === 'Fail') return 'fail';
  return undefined;
}

const CLASS_DEFS = [
  'classDef marker fill:#333,stroke:#333,color:#fff',
  'classDef succeed fill:#e3f4e6,stroke:#2e7d32',
  'classDef fail fill:#fdecea,stroke:#c62828',
  'classDef missing fill:#fff,stroke:#c62828,stroke-dasharray:5 5',
];

function nodeLine(node: GraphNode): string {
  const [open, close] = shapeOf(node);
  const lines = node.hits === undefined ? [node.name, ...node.details] : [node.name, ...node.details, hitsLine(node.hits)];
  const text = node.kind === 'join' ? ' ' : lines.map(escapeMermaid).join('<br/>');
  // Mermaid refuses an empty label ("" is a valid JSON key, so a state can have an empty name).
  return `${node.id}${open}"${text || ' '}"${close}`;
}

function edgeLine(edge: GraphEdge): string {
  const arrow = edge.kind === 'catch' ? '-.->' : '-->';
  const text = edge.hits === undefined ? edge.label : `${edge.label ? `${edge.label} ` : ''}${edge.hits}×`;
  const label = text ? `|"${escapeMermaid(text)}"|` : '';
  return `${edge.from} ${arrow}${label} ${edge.to}`;
}

export function toMermaid(model: GraphModel, direction: Direction = 'TB'): string {
  const lines: string[] = [`flowchart ${direction}`];
  visitItems(model.items, {
    node: (node, depth) => void lines.push(indentFor(depth) + nodeLine(node)),
    open: (cluster, depth) => void lines.push(`${indentFor(depth)}subgraph ${cluster.id} ["${escapeMermaid(cluster.label)}"]`),
    close: (_, depth) => void lines.push(`${indentFor(depth)}end`),
  });
  for (const edge of model.edges) lines.push('  ' + edgeLine(edge));
  for (const def of CLASS_DEFS) lines.push('  ' + def);
  const byClass = new Map<string, string[]>();
  for (const node of model.nodes) {
    const cls = classOf(node);
    if (!cls) continue;
    let ids = byClass.get(cls);
    if (!ids) byClass.set(cls, (ids = []));
    ids.push(node.id);
  }
  for (const [cls, ids] of byClass) lines.push(`  class ${ids.join(',')} ${cls}`);
  if (model.coverage) lines.push(...coverageStyles(model));
  return lines.join('\n') + '\n';
}

/** Covered states and edges in green, never-reached ones in red (after the type classes, so these win). */
function coverageStyles(model: GraphModel): string[] {
  const lines = [`  classDef covered fill:#e3f4e6,stroke:${COVERED_COLOR},stroke-width:2px`, `  classDef uncovered fill:#fdecea,stroke:${UNCOVERED_COLOR},stroke-dasharray:4 3`];
  const covered = model.nodes.filter((n) => n.hits !== undefined && n.hits > 0).map((n) => n.id);
  const uncovered = model.nodes.filter((n) => n.hits === 0).map((n) => n.id);
  if (covered.length > 0) lines.push(`  class ${covered.join(',')} covered`);
  if (uncovered.length > 0) lines.push(`  class ${uncovered.join(',')} uncovered`);
  // linkStyle addresses edges by their position in the text, which is model.edges' order.
  const taken = model.edges.flatMap((e, i) => (e.hits !== undefined && e.hits > 0 ? [i] : []));
  const missed = model.edges.flatMap((e, i) => (e.hits === 0 ? [i] : []));
  if (taken.length > 0) lines.push(`  linkStyle ${taken.join(',')} stroke:${COVERED_COLOR},stroke-width:2px`);
  if (missed.length > 0) lines.push(`  linkStyle ${missed.join(',')} stroke:${UNCOVERED_COLOR},stroke-dasharray:4 3`);
  return lines;
}

/** Mermaid's own defaults (GitHub uses them too); a diagram beyond them is valid text that Mermaid refuses to draw. */
export const MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 50_000 } as const;

/** Why Mermaid with its default settings would refuse this text, or undefined when it fits. */
export function mermaidLimitProblem(text: string): string | undefined {
  const edges = text.match(/^ {2}\S+ (?:-->|-\.->)/gm)?.length ?? 0;
  const problems: string[] = [];
  if (edges > MERMAID_LIMITS.maxEdges) problems.push(`${edges} edges (Mermaid draws at most ${MERMAID_LIMITS.maxEdges})`);
  if (text.length > MERMAID_LIMITS.maxTextSize) {
    problems.push(`${text.length.toLocaleString('en')} characters (Mermaid draws at most ${MERMAID_LIMITS.maxTextSize.toLocaleString('en')})`);
  }
  return problems.length > 0
    ? `the diagram has ${problems.join(' and ')}; use --format svg or --format dot for a machine this large`
    : undefined;
}
