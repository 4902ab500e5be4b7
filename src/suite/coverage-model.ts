/**
 * What there is to cover in one state machine, read from the shared model: every state (nested ones by
 * their full path), every transition (each Next, each Choice rule and the Default, each Catch, and the end
 * of a scope: the execution, a Parallel branch or a Map iteration), and every retrier.
 */
import { buildModel, qualifiedName, transitionsOf, type StateNode } from '../asl/walker.js';

export type TransitionKind = 'next' | 'choice' | 'default' | 'catch' | 'end';

export interface Transition {
  key: string;
  /** Full path of the state it leaves. */
  from: string;
  /** Full path of the state it enters; "(end)" for the end of a scope. */
  to: string;
  kind: TransitionKind;
  /** The rule or catcher index, for choice and catch. */
  index?: number;
  /** The state's JSON Pointer (for positions) and the field's, where the transition is written. */
  statePointer: string;
  pointer: string;
}

export interface Retrier {
  key: string;
  state: string;
  index: number;
  pointer: string;
}

export interface CoverageModel {
  states: Array<{ name: string; pointer: string }>;
  transitions: Transition[];
  retriers: Retrier[];
}

export function transitionKey(from: string, kind: string, index?: number): string {
  return index === undefined ? `${from}#${kind}` : `${from}#${kind}:${index}`;
}

function sibling(node: StateNode, name: unknown): string {
  const target = typeof name === 'string' ? node.scope.byName.get(name) : undefined;
  return target ? qualifiedName(target) : String(name);
}

/** The walker's transitions of a state, each with its rule or catcher index, plus the end of its scope. */
function coverableTransitions(node: StateNode): Transition[] {
  const from = qualifiedName(node);
  const out: Transition[] = transitionsOf(node).map((t) => {
    // The pointer ends in /Choices/<i>/Next or /Catch/<i>/Next for the kinds that have an index.
    const index = t.kind === 'choice' || t.kind === 'catch' ? Number(t.pointer.split('/').at(-2)) : undefined;
    const field = t.pointer.slice(0, t.pointer.lastIndexOf('/'));
    return { key: transitionKey(from, t.kind, index), from, to: sibling(node, t.target), kind: t.kind, index, statePointer: node.pointer, pointer: t.kind === 'next' || t.kind === 'default' ? t.pointer : field };
  });
  const state = node.state;
  if (('End' in state && state.End === true) || state.Type === 'Succeed') out.push({ key: transitionKey(from, 'end'), from, to: '(end)', kind: 'end', statePointer: node.pointer, pointer: node.pointer });
  return out;
}

export function coverageModel(definition: unknown): CoverageModel {
  const model = buildModel(definition);
  const states = model.states.map((node) => ({ name: qualifiedName(node), pointer: node.pointer }));
  const transitions = model.states.flatMap(coverableTransitions);
  const retriers: Retrier[] = [];
  for (const node of model.states) {
    const retry = 'Retry' in node.state ? node.state.Retry : undefined;
    if (!retry) continue;
    const state = qualifiedName(node);
    retry.forEach((_, index) => retriers.push({ key: `${state}#retry:${index}`, state, index, pointer: `${node.pointer}/Retry/${index}` }));
  }
  return { states, transitions, retriers };
}
