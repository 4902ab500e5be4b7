/**
 * Places the states into the picture's items: a plain state is a node; a Parallel or Map is a cluster holding
 * its own node, a cluster per branch (a Map's processor sits directly inside), and the join its branches end in.
 */
import type { Scope, StateNode } from '../asl/walker.js';
import type { GraphBuild } from './build-state.js';
import type { GraphCluster, GraphItem, GraphNode } from './graph-types.js';
import { stateDetails } from './state-details.js';

type Task = () => void;

/**
 * Places a scope's states (and, at any depth, their branches) into `rootItems`, depth-first in source order.
 * An explicit work stack rather than recursion: a definition built in code can nest deeper than the call
 * stack allows. Tasks are pushed in reverse so they run in order, each one's sub-tasks before its next sibling.
 */
export function layOut(build: GraphBuild, root: Scope, rootItems: GraphItem[]): void {
  const work: Task[] = [];
  const inOrder = (tasks: Task[]): void => {
    for (let i = tasks.length - 1; i >= 0; i--) work.push(tasks[i]!);
  };
  const placeScope = (scope: Scope, items: GraphItem[]): Task => () => {
    build.scopeItems.set(scope, items);
    inOrder(scope.states.map((state) => () => placeState(state, items)));
  };
  const placeState = (state: StateNode, items: GraphItem[]): void => {
    const node = build.addNode(stateNode(build, state));
    if (state.children.length === 0) items.push({ node });
    else inOrder(containerTasks(build, state, node, items, (scope, into) => inOrder([placeScope(scope, into)])));
  };
  work.push(placeScope(root, rootItems));
  while (work.length > 0) work.pop()!();
}

function stateNode(build: GraphBuild, state: StateNode): GraphNode {
  const details = stateDetails(state, build.options.retries !== false);
  const node: GraphNode = { id: build.idOf(state), kind: 'state', name: state.name, stateType: state.type, details };
  if (build.hits) node.hits = build.hits.state(build.pathOf(state));
  return node;
}

/**
 * Opens the cluster of a Parallel or Map in `items` and returns the tasks that fill it, in order: each
 * branch (its cluster opened when its turn comes, its states placed by `placeScope`), then the join.
 */
function containerTasks(build: GraphBuild, state: StateNode, node: GraphNode, items: GraphItem[], placeScope: (scope: Scope, into: GraphItem[]) => void): Task[] {
  const distributed = state.children.some((c) => c.distributed);
  const type = state.state.Type;
  const kind = type === 'Map' ? (distributed ? 'Distributed Map' : 'Map') : (type ?? 'state');
  const cluster: GraphCluster = { id: build.ids.allocate('c', build.pathOf(state)), label: `${state.name} · ${kind}`, distributed, items: [{ node }] };
  items.push({ cluster });
  const tasks = state.children.map((child) => (): void => {
    if (child.kind !== 'branch') {
      placeScope(child, cluster.items);
      return;
    }
    const branch: GraphCluster = {
      id: build.ids.allocate('c', `${build.pathOf(state)}/${child.index}`),
      label: `branch ${(child.index ?? 0) + 1}`,
      distributed: false,
      items: [],
    };
    cluster.items.push({ cluster: branch });
    placeScope(child, branch.items);
  });
  tasks.push(() => {
    const joinId = build.ids.allocate('j', build.pathOf(state));
    build.joinIds.set(state, joinId);
    cluster.items.push({ node: build.addNode({ id: joinId, kind: 'join', name: '', details: [] }) });
  });
  return tasks;
}
