/**
 * Which variables may, or must, hold a value when a state starts, following Step Functions' scoping: every
 * reference in a state sees the values from before the state ran, so a state never reads its own assignments;
 * top-level states share one scope; a Parallel branch or an inline Map iteration sees the variables visible
 * where the Parallel/Map started and its own assignments stay inside; a Distributed Map's child executions see
 * no outer variable.
 */
import { variableReads, type VariableRead } from './variable-reads.js';
import { allWrites, variableWrites, type StateWrites } from './variable-writes.js';
import { buildTransitionGraph, type TransitionGraph } from './variable-graph.js';
import type { MachineModel, Scope, StateNode } from './walker.js';

export interface VariableFlow {
  /** Names assigned anywhere in the definition. */
  assigned: ReadonlySet<string>;
  reads: Map<StateNode, VariableRead[]>;
  writes: Map<StateNode, StateWrites>;
  /** The names that may hold a value when the state starts (assigned on at least one path to it). */
  visibleAt(node: StateNode): Set<string>;
  /** True when `name` may hold a value when the state starts. */
  isVisible(node: StateNode, name: string): boolean;
  /** True when `name` holds a value whichever path led to the state (every path assigns it first). */
  isAlwaysAssigned(node: StateNode, name: string): boolean;
  /** False for a state no path reaches from its scope's start (or whose enclosing Parallel/Map is unreached). */
  isReached(node: StateNode): boolean;
  /**
   * Names read in a scope or in any scope nested in it that can see its variables (Parallel branches,
   * inline Map processors; not Distributed Map children).
   */
  readsWithin(scope: Scope): ReadonlySet<string>;
}

/**
 * "May be assigned" over each scope's transitions: a variable is visible when a state starts if some path from
 * the scope's start reaches the state through an edge that assigns it, or if it was visible where the enclosing
 * Parallel or inline Map started. Answered on demand, per (state, name), by a backward search from the state
 * that stops at the first assigning edge; the states a failed search visited are remembered per name (none of
 * them can see it either), so all queries for one name together cost at most one pass over the graph. Reads
 * usually sit a few states after their assignment, so the total stays close to linear in the machine's size.
 * Cached per model, so several rules share one analysis.
 */
export function analyzeVariables(model: MachineModel): VariableFlow {
  let flow = flows.get(model);
  if (!flow) flows.set(model, (flow = analyze(model)));
  return flow;
}

const flows = new WeakMap<MachineModel, VariableFlow>();

/** A question about one state and one variable name. */
type NameQuery = (node: StateNode, name: string) => boolean;

function analyze(model: MachineModel): VariableFlow {
  const { reads, writes, assigned } = collectAccesses(model);
  // Built on the first question about visibility or reachability (most machines read no variable and never ask).
  let graph: TransitionGraph | undefined;
  const graphOf = (): TransitionGraph => (graph ??= buildTransitionGraph(model, writes));
  const isVisible = mayBeAssigned(graphOf, assigned);
  const readsBelow = readsByScope(model, reads);
  return {
    assigned,
    reads,
    writes,
    isVisible,
    isAlwaysAssigned: mustBeAssigned(graphOf, assigned),
    isReached: (node) => graphOf().reached.has(node),
    visibleAt: (node) => new Set([...assigned].filter((n) => isVisible(node, n))),
    readsWithin: (scope) => readsBelow.get(scope) ?? new Set(),
  };
}

/** What each state reads and writes, and every name assigned anywhere. */
function collectAccesses(model: MachineModel): { reads: Map<StateNode, VariableRead[]>; writes: Map<StateNode, StateWrites>; assigned: Set<string> } {
  const reads = new Map<StateNode, VariableRead[]>();
  const writes = new Map<StateNode, StateWrites>();
  const assigned = new Set<string>();
  for (const node of model.states) {
    reads.set(node, variableReads(node));
    const w = variableWrites(node);
    writes.set(node, w);
    for (const { name } of allWrites(w)) assigned.add(name);
  }
  return { reads, writes, assigned };
}

/** Per name, the states a search has settled: true or false, whatever the question's sense of them. */
type Memo = Map<StateNode, boolean>;

function memoFor(memos: Map<string, Memo>, name: string): Memo {
  let memo = memos.get(name);
  if (!memo) memos.set(name, (memo = new Map()));
  return memo;
}

/** `isVisible`: some path to the state assigns the name. Per name, states known to see it (true) or not (false). */
function mayBeAssigned(graphOf: () => TransitionGraph, assigned: ReadonlySet<string>): NameQuery {
  const memos = new Map<string, Memo>();
  const isVisible: NameQuery = (node, name) => {
    const graph = graphOf();
    if (!assigned.has(name) || !graph.reached.has(node)) return false;
    // The common case first, with nothing to remember: the state right before assigns it.
    for (const edge of graph.incoming.get(node) ?? []) if (edge.gen.includes(name) && graph.reached.has(edge.from)) return true;
    const memo = memoFor(memos, name);
    return memo.get(node) ?? searchAssigningPath(graph, node, name, memo, isVisible);
  };
  return isVisible;
}

/**
 * Backward from the state until an edge that assigns the name, a state known to see it, or the start of a
 * branch or inline iteration whose Parallel/Map sees it. A failed search marks every state it visited.
 */
function searchAssigningPath(graph: TransitionGraph, node: StateNode, name: string, memo: Memo, isVisible: NameQuery): boolean {
  const visited = new Set<StateNode>([node]);
  const stack = [node];
  let found = false;
  search: while (stack.length > 0) {
    const state = stack.pop()!;
    if (graph.starts.has(state)) {
      // Entering the scope: what the enclosing Parallel / inline Map could see when it started.
      const scope = state.scope;
      if (scope.owner && !scope.distributed && isVisible(scope.owner, name)) {
        found = true;
        break;
      }
    }
    for (const edge of graph.incoming.get(state) ?? []) {
      if (!graph.reached.has(edge.from)) continue;
      if (edge.gen.includes(name) || memo.get(edge.from) === true) {
        found = true;
        break search;
      }
      if (memo.get(edge.from) === false || visited.has(edge.from)) continue;
      visited.add(edge.from);
      stack.push(edge.from);
    }
  }
  if (found) memo.set(node, true);
  else for (const state of visited) memo.set(state, false);
  return found;
}

/**
 * `isAlwaysAssigned`, "must be assigned": no path from a scope start reaches the state without passing an edge
 * that assigns the name. Per name, states known to be exposed (some unassigned path reaches them: true) or
 * covered (false) are remembered.
 */
function mustBeAssigned(graphOf: () => TransitionGraph, assigned: ReadonlySet<string>): NameQuery {
  const memos = new Map<string, Memo>();
  const isAlwaysAssigned: NameQuery = (node, name) => {
    const graph = graphOf();
    if (!assigned.has(name) || !graph.reached.has(node)) return false;
    // The common case first, with nothing to remember: every way into the state assigns it (the search below
    // would stop at once, having found no unassigned way in).
    if (!graph.starts.has(node) && (graph.incoming.get(node) ?? []).every((edge) => !graph.reached.has(edge.from) || edge.gen.includes(name))) return true;
    const memo = memoFor(memos, name);
    const exposed = memo.get(node) ?? searchUnassignedPath(graph, node, name, memo, isAlwaysAssigned);
    return !exposed;
  };
  return isAlwaysAssigned;
}

/**
 * The same backward search, inverted: through edges that do not assign the name, until a start the name cannot
 * come through (the top level, a Distributed Map's children, or a branch whose Parallel/Map may start without
 * it) or a state known to be exposed. A search that finds none marks every state it visited as covered.
 */
function searchUnassignedPath(graph: TransitionGraph, node: StateNode, name: string, memo: Memo, isAlwaysAssigned: NameQuery): boolean {
  const visited = new Set<StateNode>([node]);
  const stack = [node];
  let exposed = false;
  search: while (stack.length > 0) {
    const state = stack.pop()!;
    if (graph.starts.has(state)) {
      const scope = state.scope;
      if (!scope.owner || scope.distributed || !isAlwaysAssigned(scope.owner, name)) {
        exposed = true;
        break;
      }
    }
    for (const edge of graph.incoming.get(state) ?? []) {
      if (!graph.reached.has(edge.from) || edge.gen.includes(name)) continue;
      const known = memo.get(edge.from);
      if (known === true) {
        exposed = true;
        break search;
      }
      if (known === false || visited.has(edge.from)) continue;
      visited.add(edge.from);
      stack.push(edge.from);
    }
  }
  if (exposed) memo.set(node, true);
  else for (const state of visited) memo.set(state, false);
  return exposed;
}

/** Names read in each scope or in the scopes nested in it that see its variables; innermost scopes first. */
function readsByScope(model: MachineModel, reads: ReadonlyMap<StateNode, VariableRead[]>): Map<Scope, Set<string>> {
  const readsBelow = new Map<Scope, Set<string>>();
  for (let s = model.scopes.length - 1; s >= 0; s--) {
    const scope = model.scopes[s]!;
    const below = new Set<string>();
    for (const node of scope.states) {
      for (const r of reads.get(node) ?? []) below.add(r.name);
      for (const child of node.children) if (!child.distributed) for (const n of readsBelow.get(child) ?? []) below.add(n);
    }
    readsBelow.set(scope, below);
  }
  return readsBelow;
}
