/**
 * The picture as data: nodes (start and end markers, states, joins, missing targets), clusters for
 * Parallel branches and Map processors, and labelled edges. Built from the shared walker, reading each
 * state through its typed view (layout.ts places the nodes, edges.ts draws the transitions); the emitters
 * (mermaid.ts, dot.ts) only decide how to spell it. Never throws: a machine that is invalid but parses
 * draws what it can, and a transition to a state that does not exist points at a "missing" node.
 */
import { buildModel } from '../asl/walker.js';
import { END_ID, GraphBuild, START_ID } from './build-state.js';
import type { GraphCoverage } from './coverage.js';
import { drawEdges } from './edges.js';
import { layOut } from './layout.js';

export type NodeKind = 'start' | 'end' | 'state' | 'join' | 'missing';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** The state's name (or the missing target's), shown as the first line of the label. */
  name: string;
  /** The raw `Type` of a state, when it is a string. */
  stateType?: string;
  /** Further label lines: the Task's service, the Wait, retries. */
  details: string[];
  /** With coverage: how often the state was entered (0: never). */
  hits?: number;
}

export type EdgeKind = 'start' | 'next' | 'choice' | 'default' | 'catch' | 'end' | 'branch';

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
  /** With coverage: how often the transition was taken (0: never); absent for edges coverage does not count. */
  hits?: number;
}

export interface GraphCluster {
  id: string;
  label: string;
  distributed: boolean;
  items: GraphItem[];
}

export type GraphItem = { node: GraphNode } | { cluster: GraphCluster };

export interface GraphModel {
  items: GraphItem[];
  edges: GraphEdge[];
  /** Every node, for tests and emitters that want a flat list. */
  nodes: GraphNode[];
  /** True when the model carries coverage hits (nodes' and edges' `hits`). */
  coverage: boolean;
}

export interface GraphModelOptions {
  /** Show Retry summaries on states (default true). */
  retries?: boolean;
  /** Draw Catch edges (default true). */
  catches?: boolean;
  /** Hit counts to draw (asl test --coverage-report): covered and never-reached states and transitions. */
  coverage?: GraphCoverage;
}

export function buildGraphModel(definition: unknown, options: GraphModelOptions = {}): GraphModel {
  const machine = buildModel(definition);
  const build = new GraphBuild(options);
  const items: GraphItem[] = [{ node: build.addNode({ id: START_ID, kind: 'start', name: 'Start', details: [] }) }];
  // machine.states lists containers before their nested states, so ids are allocated in source order.
  for (const state of machine.states) build.name(state);
  layOut(build, machine.root, items);
  drawEdges(build, machine);
  if (build.usesEnd) items.push({ node: build.addNode({ id: END_ID, kind: 'end', name: 'End', details: [] }) });
  return { items, edges: build.edges, nodes: build.nodes, coverage: build.hits !== undefined };
}
