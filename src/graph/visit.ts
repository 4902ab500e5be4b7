/** How the emitters (mermaid.ts, dot.ts) walk a picture's items: in document order, at any nesting depth. */
import type { GraphCluster, GraphItem, GraphNode } from './graph-types.js';

/** What an emitter does with each item, in document order; `depth` is 0 at the top level. */
export interface ItemVisitor {
  node(node: GraphNode, depth: number): void;
  open(cluster: GraphCluster, depth: number): void;
  close(cluster: GraphCluster, depth: number): void;
}

/** Visits nodes and clusters in document order without recursion, so any nesting depth is safe. */
export function visitItems(items: GraphItem[], visitor: ItemVisitor): void {
  type Step = { item: GraphItem; depth: number } | { closes: GraphCluster; depth: number };
  const steps: Step[] = [];
  const pushItems = (list: GraphItem[], depth: number): void => {
    for (let i = list.length - 1; i >= 0; i--) steps.push({ item: list[i]!, depth });
  };
  pushItems(items, 0);
  while (steps.length > 0) {
    const step = steps.pop()!;
    if ('closes' in step) {
      visitor.close(step.closes, step.depth);
    } else if ('node' in step.item) {
      visitor.node(step.item.node, step.depth);
    } else {
      const { cluster } = step.item;
      visitor.open(cluster, step.depth);
      steps.push({ closes: cluster, depth: step.depth });
      pushItems(cluster.items, step.depth + 1);
    }
  }
}

/** Indentation for a depth, capped so that a very deep machine's text stays linear in its size. */
export function indentFor(depth: number): string {
  return '  '.repeat(Math.min(depth, MAX_INDENT_DEPTH) + 1);
}

const MAX_INDENT_DEPTH = 12;
