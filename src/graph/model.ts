/**
 * The picture as data: nodes (start and end markers, states, joins, missing targets), clusters for
 * Parallel branches and Map processors, and labelled edges. Built from the shared walker; the emitters
 * (mermaid.ts, dot.ts) only decide how to spell it. Never throws: a machine that is invalid but parses
 * draws what it can, and a transition to a state that does not exist points at a "missing" node.
 */
import { splitPointer } from '../asl/pointer.js';
import { buildModel, qualifiedName, transitionsOf } from '../asl/walker.js';
import type { Scope, StateNode } from '../asl/walker.js';
import { describeCatch, describeCondition, describeResource, describeRetries, describeWait, shorten } from './labels.js';
import { IdAllocator } from './ids.js';

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
}

export type EdgeKind = 'start' | 'next' | 'choice' | 'default' | 'catch' | 'end' | 'branch';

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
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
}

export interface GraphModelOptions {
  /** Show Retry summaries on states (default true). */
  retries?: boolean;
  /** Draw Catch edges (default true). */
  catches?: boolean;
}

export const START_ID = 'start_marker';
export const END_ID = 'end_marker';

export function buildGraphModel(definition: unknown, options: GraphModelOptions = {}): GraphModel {
  return new GraphBuilder(options).build(definition);
}

class GraphBuilder {
  private readonly ids = new IdAllocator([START_ID, END_ID]);
  private readonly stateIds = new Map<StateNode, string>();
  /** Join node id of each Parallel / Map drawn as a cluster: where its branches end and its Next leaves. */
  private readonly joinIds = new Map<StateNode, string>();
  /** Missing targets, one node per scope and name. */
  private readonly missing = new Map<Scope, Map<string, GraphNode>>();
  private readonly scopeItems = new Map<Scope, GraphItem[]>();
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private usesEnd = false;

  constructor(private readonly options: GraphModelOptions) {}

  build(definition: unknown): GraphModel {
    const model = buildModel(definition);
    const items: GraphItem[] = [];
    items.push({ node: this.addNode({ id: START_ID, kind: 'start', name: 'Start', details: [] }) });
    this.scopeItems.set(model.root, items);
    // model.states lists containers before their nested states, so ids are allocated in source order.
    for (const state of model.states) this.stateIds.set(state, this.ids.allocate('s', qualifiedName(state)));
    this.layoutScope(model.root, items);

    this.edgeToStart(START_ID, model.root, 'start');
    for (const state of model.states) this.stateEdges(state);
    if (this.usesEnd) items.push({ node: this.addNode({ id: END_ID, kind: 'end', name: 'End', details: [] }) });
    return { items, edges: this.edges, nodes: this.nodes };
  }

  private addNode(node: GraphNode): GraphNode {
    this.nodes.push(node);
    return node;
  }

  /** Places a scope's states (and, recursively, their branches) into `items`. */
  private layoutScope(scope: Scope, items: GraphItem[]): void {
    this.scopeItems.set(scope, items);
    for (const state of scope.states) {
      const node = this.addNode(this.stateNode(state));
      if (state.children.length === 0) {
        items.push({ node });
        continue;
      }
      const distributed = state.children.some((c) => c.distributed);
      const kind = state.type === 'Map' ? (distributed ? 'Distributed Map' : 'Map') : (state.type ?? 'state');
      const cluster: GraphCluster = { id: this.ids.allocate('c', qualifiedName(state)), label: `${state.name} · ${kind}`, distributed, items: [{ node }] };
      items.push({ cluster });
      for (const child of state.children) {
        if (child.kind === 'branch') {
          const branch: GraphCluster = {
            id: this.ids.allocate('c', `${qualifiedName(state)}/${child.index}`),
            label: `branch ${(child.index ?? 0) + 1}`,
            distributed: false,
            items: [],
          };
          cluster.items.push({ cluster: branch });
          this.layoutScope(child, branch.items);
        } else {
          this.layoutScope(child, cluster.items);
        }
      }
      const joinId = this.ids.allocate('j', qualifiedName(state));
      this.joinIds.set(state, joinId);
      cluster.items.push({ node: this.addNode({ id: joinId, kind: 'join', name: '', details: [] }) });
    }
  }

  private stateNode(state: StateNode): GraphNode {
    const raw = state.raw;
    const details: string[] = [];
    if (state.type === 'Task') {
      const service = describeResource(raw.Resource);
      if (service) details.push(service);
    } else if (state.type === 'Wait') {
      const wait = describeWait(raw);
      if (wait) details.push(wait);
    } else if (state.type === 'Map' && isObject(raw.ItemReader)) {
      // A Distributed Map reading its items from S3 (or elsewhere) says where they come from.
      const reader = describeResource(raw.ItemReader.Resource);
      if (reader) details.push(shorten(`items from ${reader}`));
    } else if (state.type === undefined) {
      details.push('no Type');
    } else if (!KNOWN_TYPES.has(state.type)) {
      details.push(shorten(`Type ${state.type}`));
    }
    if (this.options.retries !== false) details.push(...describeRetries(raw.Retry));
    return { id: this.stateIds.get(state)!, kind: 'state', name: state.name, stateType: state.type, details };
  }

  private stateEdges(state: StateNode): void {
    const id = this.stateIds.get(state)!;
    const joinId = this.joinIds.get(state);
    for (const transition of transitionsOf(state)) {
      if (transition.kind === 'catch' && this.options.catches === false) continue;
      const to = this.resolve(state.scope, transition.target);
      const tokens = splitPointer(transition.pointer);
      const index = Number(tokens[tokens.length - 2]);
      switch (transition.kind) {
        case 'next':
          // A container's Next leaves from its join, after every branch has finished.
          this.edges.push({ from: joinId ?? id, to, kind: 'next' });
          break;
        case 'choice': {
          const rules = state.raw.Choices as unknown[];
          this.edges.push({ from: id, to, kind: 'choice', label: describeCondition(rules[index]) });
          break;
        }
        case 'default':
          this.edges.push({ from: id, to, kind: 'default', label: 'default' });
          break;
        case 'catch': {
          const catchers = state.raw.Catch as unknown[];
          this.edges.push({ from: id, to, kind: 'catch', label: describeCatch(catchers[index]) });
          break;
        }
      }
    }
    for (const child of state.children) this.edgeToStart(id, child, 'branch');
    const terminal = state.raw.End === true || state.type === 'Succeed' || (state.type === 'Fail' && !state.scope.owner);
    if (terminal) this.edgeToExit(joinId ?? id, state.scope);
  }

  private edgeToStart(from: string, scope: Scope, kind: EdgeKind): void {
    if (scope.startAt === undefined && scope.states.length === 0) return;
    this.edges.push({ from, to: this.resolve(scope, scope.startAt), kind });
  }

  /** Where a scope's execution ends: the machine's end marker, or the join of the enclosing Parallel / Map. */
  private edgeToExit(from: string, scope: Scope): void {
    const join = scope.owner ? this.joinIds.get(scope.owner) : undefined;
    if (join) {
      this.edges.push({ from, to: join, kind: 'end' });
    } else {
      this.usesEnd = true;
      this.edges.push({ from, to: END_ID, kind: 'end' });
    }
  }

  private resolve(scope: Scope, target: unknown): string {
    if (typeof target === 'string') {
      const state = scope.byName.get(target);
      if (state) return this.stateIds.get(state)!;
    }
    const name = typeof target === 'string' ? target : (JSON.stringify(target) ?? 'undefined');
    let byName = this.missing.get(scope);
    if (!byName) this.missing.set(scope, (byName = new Map()));
    let node = byName.get(name);
    if (!node) {
      const where = scope.owner ? `${qualifiedName(scope.owner)}/${name}` : name;
      node = this.addNode({ id: this.ids.allocate('m', where), kind: 'missing', name, details: ['missing'] });
      byName.set(name, node);
      this.scopeItems.get(scope)!.push({ node });
    }
    return node.id;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const KNOWN_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
