/**
 * What the steps of building one picture share (layout.ts places nodes and clusters, edges.ts draws the
 * transitions): the id allocator, every node and edge so far, each state's qualified name and id, the join of
 * each container, and the missing targets already drawn.
 */
import type { Scope, StateNode } from '../asl/walker.js';
import { coverageLookup, type CoverageLookup } from './coverage.js';
import { IdAllocator } from './ids.js';
import type { GraphEdge, GraphItem, GraphModelOptions, GraphNode } from './graph-types.js';

export const START_ID = 'start_marker';
export const END_ID = 'end_marker';

/** Longer qualified names keep their last characters only; an id stem uses far fewer (see ids.ts). */
const MAX_PATH = 256;

export class GraphBuild {
  readonly ids = new IdAllocator([START_ID, END_ID]);
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  /** Join node id of each Parallel / Map drawn as a cluster: where its branches end and its Next leaves. */
  readonly joinIds = new Map<StateNode, string>();
  /** The item list each scope's states (and missing targets) go into. */
  readonly scopeItems = new Map<Scope, GraphItem[]>();
  /** Hit counts, when the picture shows coverage. */
  readonly hits: CoverageLookup | undefined;
  /** Whether any edge leads to the machine's end marker (which is only drawn then). */
  usesEnd = false;
  private readonly stateIds = new Map<StateNode, string>();
  /** Each state's qualified name (`Fan out/0/Charge`, as in qualifiedName), of which ids are made. */
  private readonly paths = new Map<StateNode, string>();
  /** Missing targets, one node per scope and name. */
  private readonly missing = new Map<Scope, Map<string, GraphNode>>();

  constructor(readonly options: GraphModelOptions) {
    this.hits = options.coverage ? coverageLookup(options.coverage) : undefined;
  }

  addNode(node: GraphNode): GraphNode {
    this.nodes.push(node);
    return node;
  }

  /** Gives a state its qualified name and id; an owner must be named before the states it holds. */
  name(state: StateNode): void {
    const scope = state.scope;
    const owner = scope.owner ? `${this.pathOf(scope.owner)}/${scope.kind === 'branch' ? `${scope.index}/` : ''}` : '';
    const path = owner + state.name;
    // Ids only use the end of the path: keeping the end alone keeps deep nesting linear.
    this.paths.set(state, path.length > MAX_PATH ? path.slice(-MAX_PATH) : path);
    this.stateIds.set(state, this.ids.allocate('s', this.pathOf(state)));
  }

  pathOf(state: StateNode): string {
    return this.paths.get(state)!;
  }

  idOf(state: StateNode): string {
    return this.stateIds.get(state)!;
  }

  /**
   * The node a transition leads to: the state the target names in this scope, else a "missing" node (one per
   * scope and name) placed with the scope's states. A target that is not a string is named by its JSON.
   */
  target(scope: Scope, target: unknown): string {
    if (typeof target === 'string') {
      const state = scope.byName.get(target);
      if (state) return this.idOf(state);
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
