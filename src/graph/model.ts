/**
 * The picture as data: nodes (start and end markers, states, joins, missing targets), clusters for
 * Parallel branches and Map processors, and labelled edges. Built from the shared walker; the emitters
 * (mermaid.ts, dot.ts) only decide how to spell it. Never throws: a machine that is invalid but parses
 * draws what it can, and a transition to a state that does not exist points at a "missing" node.
 */
import { buildModel, transitionsOf } from '../asl/walker.js';
import type { Scope, StateNode } from '../asl/walker.js';
import { describeCatch, describeCondition, describeResource, describeRetries, describeWait, shorten } from './labels.js';
import { IdAllocator } from './ids.js';
import { isObject } from '../asl/is-object.js';
import { coverageLookup, type GraphCoverage } from './coverage.js';

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

/** Longer qualified names keep their last characters only; an id stem uses far fewer (see ids.ts). */
const MAX_PATH = 256;

const START_ID = 'start_marker';
const END_ID = 'end_marker';

export function buildGraphModel(definition: unknown, options: GraphModelOptions = {}): GraphModel {
  return new GraphBuilder(options).build(definition);
}

class GraphBuilder {
  private readonly ids = new IdAllocator([START_ID, END_ID]);
  private readonly stateIds = new Map<StateNode, string>();
  /** Each state's qualified name (`Fan out/0/Charge`, as in qualifiedName), of which ids are made. */
  private readonly paths = new Map<StateNode, string>();
  /** Join node id of each Parallel / Map drawn as a cluster: where its branches end and its Next leaves. */
  private readonly joinIds = new Map<StateNode, string>();
  /** Missing targets, one node per scope and name. */
  private readonly missing = new Map<Scope, Map<string, GraphNode>>();
  private readonly scopeItems = new Map<Scope, GraphItem[]>();
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private usesEnd = false;
  private readonly hits: ReturnType<typeof coverageLookup> | undefined;

  constructor(private readonly options: GraphModelOptions) {
    this.hits = options.coverage ? coverageLookup(options.coverage) : undefined;
  }

  build(definition: unknown): GraphModel {
    const model = buildModel(definition);
    const items: GraphItem[] = [];
    items.push({ node: this.addNode({ id: START_ID, kind: 'start', name: 'Start', details: [] }) });
    this.scopeItems.set(model.root, items);
    // model.states lists containers before their nested states, so ids are allocated in source order.
    for (const state of model.states) {
      const scope = state.scope;
      const owner = scope.owner ? `${this.pathOf(scope.owner)}/${scope.kind === 'branch' ? `${scope.index}/` : ''}` : '';
      const path = owner + state.name;
      // Ids only use the end of the path: keeping the end alone keeps deep nesting linear.
      this.paths.set(state, path.length > MAX_PATH ? path.slice(-MAX_PATH) : path);
      this.stateIds.set(state, this.ids.allocate('s', this.pathOf(state)));
    }
    this.layoutScope(model.root, items);

    this.edgeToStart(START_ID, model.root, 'start');
    for (const state of model.states) this.stateEdges(state);
    if (this.usesEnd) items.push({ node: this.addNode({ id: END_ID, kind: 'end', name: 'End', details: [] }) });
    return { items, edges: this.edges, nodes: this.nodes, coverage: this.hits !== undefined };
  }

  private pathOf(state: StateNode): string {
    return this.paths.get(state)!;
  }

  private addNode(node: GraphNode): GraphNode {
    this.nodes.push(node);
    return node;
  }

  /**
   * Places a scope's states (and, at any depth, their branches) into `items`, depth-first in source order.
   * An explicit work stack rather than recursion: a definition built in code can nest deeper than the call
   * stack allows. Tasks are pushed in reverse so they run in order, each one's sub-tasks before its next sibling.
   */
  private layoutScope(root: Scope, rootItems: GraphItem[]): void {
    const work: Array<() => void> = [];
    const inOrder = (tasks: Array<() => void>): void => {
      for (let i = tasks.length - 1; i >= 0; i--) work.push(tasks[i]!);
    };
    const scopeTask = (scope: Scope, items: GraphItem[]) => (): void => {
      this.scopeItems.set(scope, items);
      inOrder(scope.states.map((state) => () => placeState(state, items)));
    };
    const placeState = (state: StateNode, items: GraphItem[]): void => {
      const node = this.addNode(this.stateNode(state));
      if (state.children.length === 0) {
        items.push({ node });
        return;
      }
      const distributed = state.children.some((c) => c.distributed);
      const kind = state.type === 'Map' ? (distributed ? 'Distributed Map' : 'Map') : (state.type ?? 'state');
      const cluster: GraphCluster = { id: this.ids.allocate('c', this.pathOf(state)), label: `${state.name} · ${kind}`, distributed, items: [{ node }] };
      items.push({ cluster });
      const tasks = state.children.map((child) => (): void => {
        if (child.kind !== 'branch') {
          inOrder([scopeTask(child, cluster.items)]);
          return;
        }
        const branch: GraphCluster = {
          id: this.ids.allocate('c', `${this.pathOf(state)}/${child.index}`),
          label: `branch ${(child.index ?? 0) + 1}`,
          distributed: false,
          items: [],
        };
        cluster.items.push({ cluster: branch });
        inOrder([scopeTask(child, branch.items)]);
      });
      tasks.push(() => {
        const joinId = this.ids.allocate('j', this.pathOf(state));
        this.joinIds.set(state, joinId);
        cluster.items.push({ node: this.addNode({ id: joinId, kind: 'join', name: '', details: [] }) });
      });
      inOrder(tasks);
    };
    work.push(scopeTask(root, rootItems));
    while (work.length > 0) work.pop()!();
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
    const node: GraphNode = { id: this.stateIds.get(state)!, kind: 'state', name: state.name, stateType: state.type, details };
    if (this.hits) node.hits = this.hits.state(this.pathOf(state));
    return node;
  }

  private stateEdges(state: StateNode): void {
    const id = this.stateIds.get(state)!;
    const joinId = this.joinIds.get(state);
    for (const transition of transitionsOf(state)) {
      if (transition.kind === 'catch' && this.options.catches === false) continue;
      const to = this.resolve(state.scope, transition.target);
      // The rule's or catcher's index is the last token but one (`…/Choices/3/Next`); reading just that keeps
      // the cost independent of how deep the state sits (its pointer grows with the depth).
      const pointer = transition.pointer;
      const last = pointer.lastIndexOf('/');
      const index = Number(pointer.slice(pointer.lastIndexOf('/', last - 1) + 1, last));
      const hits = this.hits?.transition(this.pathOf(state), transition.kind, transition.kind === 'choice' || transition.kind === 'catch' ? index : undefined);
      const counted = hits === undefined ? {} : { hits };
      switch (transition.kind) {
        case 'next':
          // A container's Next leaves from its join, after every branch has finished.
          this.edges.push({ from: joinId ?? id, to, kind: 'next', ...counted });
          break;
        case 'choice': {
          const rules = state.raw.Choices as unknown[];
          this.edges.push({ from: id, to, kind: 'choice', label: describeCondition(rules[index]), ...counted });
          break;
        }
        case 'default':
          this.edges.push({ from: id, to, kind: 'default', label: 'default', ...counted });
          break;
        case 'catch': {
          const catchers = state.raw.Catch as unknown[];
          this.edges.push({ from: id, to, kind: 'catch', label: describeCatch(catchers[index]), ...counted });
          break;
        }
      }
    }
    for (const child of state.children) this.edgeToStart(id, child, 'branch');
    const terminal = state.raw.End === true || state.type === 'Succeed' || (state.type === 'Fail' && !state.scope.owner);
    // A Fail state's edge to the end is drawn but not counted: coverage counts no transition out of a failure.
    const endHits = state.type === 'Fail' ? undefined : this.hits?.transition(this.pathOf(state), 'end');
    if (terminal) this.edgeToExit(joinId ?? id, state.scope, endHits);
  }

  private edgeToStart(from: string, scope: Scope, kind: EdgeKind): void {
    if (scope.startAt === undefined && scope.states.length === 0) return;
    // With coverage, the way in is taken as often as the state it leads to was entered.
    const target = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
    const hits = this.hits && target ? { hits: this.hits.state(this.pathOf(target)) } : {};
    this.edges.push({ from, to: this.resolve(scope, scope.startAt), kind, ...hits });
  }

  /** Where a scope's execution ends: the machine's end marker, or the join of the enclosing Parallel / Map. */
  private edgeToExit(from: string, scope: Scope, hits: number | undefined): void {
    const join = scope.owner ? this.joinIds.get(scope.owner) : undefined;
    const counted = hits === undefined ? {} : { hits };
    if (join) {
      this.edges.push({ from, to: join, kind: 'end', ...counted });
    } else {
      this.usesEnd = true;
      this.edges.push({ from, to: END_ID, kind: 'end', ...counted });
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
      const where = scope.owner ? `${this.pathOf(scope.owner)}/${name}` : name;
      node = this.addNode({ id: this.ids.allocate('m', where), kind: 'missing', name, details: ['missing'] });
      byName.set(name, node);
      this.scopeItems.get(scope)!.push({ node });
    }
    return node.id;
  }
}

const KNOWN_TYPES = new Set(['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']);
