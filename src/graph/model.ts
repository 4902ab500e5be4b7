/**
 * The picture as data: nodes (start and end markers, states, joins, missing targets), clusters for
 * Parallel branches and Map processors, and labelled edges. Built from the shared walker, reading each
 * state through its typed view (layout.ts places the nodes, edges.ts draws the transitions); the emitters
 * (mermaid.ts, dot.ts) only decide how to spell it. Never throws: a machine that is invalid but parses
 * draws what it can, and a transition to a state that does not exist points at a "missing" node.
 */
import { buildModel } from '../asl/walker.js';
import { END_ID, GraphBuild, START_ID } from './build-state.js';
import type { GraphItem, GraphModel, GraphModelOptions } from './graph-types.js';
import { drawEdges } from './edges.js';
import { layOut } from './layout.js';

export type { EdgeKind, GraphCluster, GraphEdge, GraphItem, GraphModel, GraphModelOptions, GraphNode, NodeKind } from './graph-types.js';

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
