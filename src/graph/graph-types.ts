/**
 * The picture as data, the types every step of the graph builder and every emitter share: nodes (start and
 * end markers, states, joins, missing targets), clusters for Parallel branches and Map processors, and
 * labelled edges. Kept apart from model.ts, which builds them, so the builder's steps import no builder.
 */
import type { GraphCoverage } from './coverage.js';

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
