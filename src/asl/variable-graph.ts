/**
 * The transition graph the variable flow analysis searches: within each scope, an edge per transition from a
 * state to a sibling, labelled with the names that transition assigns, and which states a path from their
 * scope's start reaches (a nested scope counts only when the Parallel or Map that owns it is reached).
 */
import { splitPointer } from './pointer.js';
import type { StateWrites, VariableWrite } from './variable-writes.js';
import { transitionsOf, type MachineModel, type Scope, type StateNode } from './walker.js';

export interface Edge {
  from: StateNode;
  /** Names the transition assigns (the state's writes for that outcome); usually zero or one. */
  gen: readonly string[];
}

export interface TransitionGraph {
  /** The edges into each state. */
  incoming: Map<StateNode, Edge[]>;
  /** The first state of each reached scope. */
  starts: Set<StateNode>;
  /** The states some path from their scope's start reaches. */
  reached: Set<StateNode>;
}

/** One pass over the transitions, one over the scopes: linear in the machine's size. */
export function buildTransitionGraph(model: MachineModel, writes: ReadonlyMap<StateNode, StateWrites>): TransitionGraph {
  const incoming = new Map<StateNode, Edge[]>();
  const successors = new Map<StateNode, StateNode[]>();
  for (const scope of model.scopes) for (const node of scope.states) addTransitions(node, scope, writes.get(node)!, incoming, successors);
  const { starts, reached } = reachable(model, successors);
  return { incoming, starts, reached };
}

const NO_NAMES: readonly string[] = [];
const names = (list: VariableWrite[] | undefined): readonly string[] => (list?.length ? list.map((x) => x.name) : NO_NAMES);

function addTransitions(node: StateNode, scope: Scope, writes: StateWrites, incoming: Map<StateNode, Edge[]>, successors: Map<StateNode, StateNode[]>): void {
  for (const t of transitionsOf(node)) {
    const to = typeof t.target === 'string' ? scope.byName.get(t.target) : undefined;
    if (!to) continue;
    // A catcher's or a Choice rule's own Assign; Next, and a Choice's Default, carry the state's Assign.
    const gen = t.kind === 'catch' ? names(writes.catches.get(indexIn(t.pointer))) : t.kind === 'choice' ? names(writes.choices.get(indexIn(t.pointer))) : names(writes.success);
    let list = incoming.get(to);
    if (!list) incoming.set(to, (list = []));
    list.push({ from: node, gen });
    let out = successors.get(node);
    if (!out) successors.set(node, (out = []));
    out.push(to);
  }
}

/** Breadth-first from each scope's start; model.scopes lists a scope before the scopes nested in it, so an owner's reachability is known first. */
function reachable(model: MachineModel, successors: ReadonlyMap<StateNode, StateNode[]>): { starts: Set<StateNode>; reached: Set<StateNode> } {
  const starts = new Set<StateNode>();
  const reached = new Set<StateNode>();
  for (const scope of model.scopes) {
    if (scope.owner && !reached.has(scope.owner)) continue;
    const start = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
    if (!start) continue;
    starts.add(start);
    const queue = [start];
    reached.add(start);
    for (let head = 0; head < queue.length; head++)
      for (const to of successors.get(queue[head]!) ?? []) {
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
  }
  return { starts, reached };
}

/** The entry index in a transition pointer such as ".../Catch/2/Next". */
function indexIn(pointer: string): number {
  const tokens = splitPointer(pointer);
  return Number(tokens[tokens.length - 2]);
}
