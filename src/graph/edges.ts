/**
 * The picture's edges: the way into each scope, every transition a state declares (labelled from its typed
 * view), and the way out of each state that ends its scope. Runs after layout.ts, which records the joins.
 */
import { transitionsOf, type MachineModel, type Scope, type StateNode, type Transition } from '../asl/walker.js';
import { endsAsWritten } from './as-written.js';
import { END_ID, START_ID, type GraphBuild } from './build-state.js';
import { describeCatch, describeCondition } from './labels.js';
import type { EdgeKind, GraphEdge } from './graph-types.js';

export function drawEdges(build: GraphBuild, machine: MachineModel): void {
  edgeToStart(build, START_ID, machine.root, 'start');
  for (const state of machine.states) stateEdges(build, state);
}

function stateEdges(build: GraphBuild, state: StateNode): void {
  const id = build.idOf(state);
  const joinId = build.joinIds.get(state);
  for (const transition of transitionsOf(state)) {
    if (transition.kind === 'catch' && build.options.catches === false) continue;
    build.edges.push(transitionEdge(build, state, transition, joinId ?? id));
  }
  for (const child of state.children) edgeToStart(build, id, child, 'branch');
  const terminal = endsAsWritten(state) || state.state.Type === 'Succeed' || (state.state.Type === 'Fail' && !state.scope.owner);
  // A Fail state's edge to the end is drawn but not counted: coverage counts no transition out of a failure.
  const endHits = state.state.Type === 'Fail' ? undefined : build.hits?.transition(build.pathOf(state), 'end');
  if (terminal) edgeToExit(build, joinId ?? id, state.scope, endHits);
}

/** One transition's edge; a container's Next leaves from `nextFrom`, its join, after every branch has finished. */
function transitionEdge(build: GraphBuild, state: StateNode, transition: Transition, nextFrom: string): GraphEdge {
  const from = build.idOf(state);
  const to = build.target(state.scope, transition.target);
  const index = entryIndex(transition.pointer);
  const hits = build.hits?.transition(build.pathOf(state), transition.kind, transition.kind === 'choice' || transition.kind === 'catch' ? index : undefined);
  const counted = hits === undefined ? {} : { hits };
  const view = state.state;
  switch (transition.kind) {
    case 'next':
      return { from: nextFrom, to, kind: 'next', ...counted };
    case 'choice':
      return { from, to, kind: 'choice', label: describeCondition(view.Type === 'Choice' ? view.Choices?.[index] : undefined), ...counted };
    case 'default':
      return { from, to, kind: 'default', label: 'default', ...counted };
    case 'catch':
      return { from, to, kind: 'catch', label: describeCatch('Catch' in view ? view.Catch?.[index] : undefined), ...counted };
  }
}

/**
 * The Choice rule's or catcher's index: the last token but one of the transition's pointer (`…/Choices/3/Next`).
 * Reading just that keeps the cost independent of how deep the state sits (its pointer grows with the depth).
 */
function entryIndex(pointer: string): number {
  const last = pointer.lastIndexOf('/');
  return Number(pointer.slice(pointer.lastIndexOf('/', last - 1) + 1, last));
}

function edgeToStart(build: GraphBuild, from: string, scope: Scope, kind: EdgeKind): void {
  if (scope.startAt === undefined && scope.states.length === 0) return;
  // With coverage, the way in is taken as often as the state it leads to was entered.
  const target = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
  const hits = build.hits && target ? { hits: build.hits.state(build.pathOf(target)) } : {};
  build.edges.push({ from, to: build.target(scope, scope.startAt), kind, ...hits });
}

/** Where a scope's execution ends: the machine's end marker, or the join of the enclosing Parallel / Map. */
function edgeToExit(build: GraphBuild, from: string, scope: Scope, hits: number | undefined): void {
  const join = scope.owner ? build.joinIds.get(scope.owner) : undefined;
  const counted = hits === undefined ? {} : { hits };
  if (join) {
    build.edges.push({ from, to: join, kind: 'end', ...counted });
  } else {
    build.usesEnd = true;
    build.edges.push({ from, to: END_ID, kind: 'end', ...counted });
  }
}
