/**
 * The one walker over a state machine's states, nested Parallel branches and Map processors included.
 * validate, lint, run and graph all build on it. It reads the raw parsed value and never throws on
 * malformed input: anything that is not shaped like a state is skipped here and reported by the validator.
 */
import { joinPointer } from './pointer.js';
import type { Catcher, ChoiceRule, QueryLanguage, StateFieldName, StateMachineDefinition, StateView } from './types.js';
import { definitionView, stateView } from './state-view.js';
import { isObject } from './is-object.js';

export type ScopeKind = 'machine' | 'branch' | 'processor';

export interface Scope {
  kind: ScopeKind;
  /** Pointer of the object that holds `StartAt` and `States` ("" for the machine itself). */
  pointer: string;
  /** The object as written. */
  raw: Record<string, unknown>;
  /** The Parallel or Map state this scope belongs to (undefined for the machine). */
  owner?: StateNode;
  /** Branch index for Parallel branches. */
  index?: number;
  /** True for the processor of a Distributed Map (its own child executions). */
  distributed: boolean;
  /** States declared directly in this scope, in source order. */
  states: StateNode[];
  byName: Map<string, StateNode>;
  /** The raw `StartAt` value (validated elsewhere). */
  startAt: unknown;
  /** 0 for the machine, +1 per nesting level. */
  depth: number;
}

export interface StateNode {
  name: string;
  /** Pointer of the state object, e.g. "/States/Fan out/Branches/0/States/Charge". */
  pointer: string;
  /** The state object as written: for diagnostics (which keys are written, where); read fields through `state`. */
  raw: Record<string, unknown>;
  /** The typed view of the state (`state-view.ts`): every field a check, rule, executor or graph reads. */
  state: StateView;
  /** The raw `Type` value when it is a string. */
  type: string | undefined;
  scope: Scope;
  /** The effective query language: the state's own, else the machine's top-level one, else JSONPath. */
  queryLanguage: QueryLanguage;
  /** Nested scopes: Parallel branches in order, or the Map's processor. */
  children: Scope[];
}

export interface MachineModel {
  definition: unknown;
  /** The typed view of the definition's top level (Comment, TimeoutSeconds, QueryLanguage …). */
  topLevel: StateMachineDefinition;
  /** The top-level query language (JSONPath unless the definition says JSONata). */
  queryLanguage: QueryLanguage;
  root: Scope;
  /** Every scope, machine first, in depth-first source order. */
  scopes: Scope[];
  /** Every state, depth-first in source order (a Parallel before its branches' states). */
  states: StateNode[];
}

function asQueryLanguage(value: unknown): QueryLanguage | undefined {
  return value === 'JSONata' || value === 'JSONPath' ? value : undefined;
}

/** The Map field that holds its processor: `ItemProcessor`, or the legacy `Iterator`. */
function mapProcessorKey(raw: Record<string, unknown>): 'ItemProcessor' | 'Iterator' | undefined {
  if (isObject(raw.ItemProcessor)) return 'ItemProcessor';
  if (isObject(raw.Iterator)) return 'Iterator';
  return undefined;
}

/**
 * Builds the model of a definition. Cost is linear in the number of states; the walk is iterative
 * over scopes, so deep nesting cannot overflow the stack.
 */
export function buildModel(definition: unknown): MachineModel {
  const top = isObject(definition) ? definition : {};
  const machineLanguage = asQueryLanguage(top.QueryLanguage) ?? 'JSONPath';
  const root = makeScope('machine', '', top, undefined, undefined, false, 0);
  const scopes: Scope[] = [];

  // Explicit stack keeps depth-first source order without recursion.
  const stack: Scope[] = [root];
  while (stack.length > 0) {
    const scope = stack.pop()!;
    scopes.push(scope);
    const rawStates = scope.raw.States;
    if (!isObject(rawStates)) continue;
    const nested: Scope[] = [];
    for (const [name, rawState] of Object.entries(rawStates)) {
      if (!isObject(rawState)) continue;
      const node: StateNode = {
        name,
        pointer: joinPointer(scope.pointer, 'States', name),
        raw: rawState,
        state: stateView(rawState),
        type: typeof rawState.Type === 'string' ? rawState.Type : undefined,
        scope,
        queryLanguage: asQueryLanguage(rawState.QueryLanguage) ?? machineLanguage,
        children: [],
      };
      scope.states.push(node);
      if (!scope.byName.has(name)) scope.byName.set(name, node);
      collectChildren(node, scope.depth + 1);
      nested.push(...node.children);
    }
    // Push in reverse so the first child scope is walked first.
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
  }
  // Scopes were visited breadth-first within a level; list states so a container precedes its nested states.
  return { definition, topLevel: definitionView(top), queryLanguage: machineLanguage, root, scopes, states: orderDepthFirst(root) };
}

function collectChildren(node: StateNode, depth: number): void {
  const raw = node.raw;
  if (node.type === 'Parallel' && Array.isArray(raw.Branches)) {
    raw.Branches.forEach((branch, index) => {
      if (isObject(branch)) {
        node.children.push(makeScope('branch', joinPointer(node.pointer, 'Branches', index), branch, node, index, false, depth));
      }
    });
  } else if (node.type === 'Map') {
    const key = mapProcessorKey(raw);
    if (key) {
      const processor = raw[key] as Record<string, unknown>;
      const config = isObject(processor.ProcessorConfig) ? processor.ProcessorConfig : {};
      const distributed = config.Mode === 'DISTRIBUTED';
      node.children.push(makeScope('processor', joinPointer(node.pointer, key), processor, node, undefined, distributed, depth));
    }
  }
}

function makeScope(
  kind: ScopeKind,
  pointer: string,
  raw: Record<string, unknown>,
  owner: StateNode | undefined,
  index: number | undefined,
  distributed: boolean,
  depth: number,
): Scope {
  return { kind, pointer, raw, owner, index, distributed, states: [], byName: new Map(), startAt: raw.StartAt, depth };
}

function orderDepthFirst(root: Scope): StateNode[] {
  const out: StateNode[] = [];
  const stack: StateNode[] = [...root.states].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    for (let c = node.children.length - 1; c >= 0; c--) {
      const child = node.children[c]!;
      for (let i = child.states.length - 1; i >= 0; i--) stack.push(child.states[i]!);
    }
  }
  return out;
}

/** The chain of enclosing Parallel/Map states, innermost first. */
export function ancestors(node: StateNode): StateNode[] {
  const out: StateNode[] = [];
  let owner = node.scope.owner;
  while (owner) {
    out.push(owner);
    owner = owner.scope.owner;
  }
  return out;
}

const qualifiedNames = new WeakMap<StateNode, string>();

/**
 * A readable, unique name for nested states: "Fan out/0/Charge" (branch index) or "Each order/Charge".
 * Each name is its owner's name plus a step, and is kept per node, so naming every state costs time linear
 * in the number of states, however deep they nest (rebuilding each name from the top was quadratic).
 */
export function qualifiedName(node: StateNode): string {
  const cached = qualifiedNames.get(node);
  if (cached !== undefined) return cached;
  // The nodes from this one up to the nearest one already named (or the top), named top-down; no recursion,
  // so any depth fits on the stack.
  const chain: StateNode[] = [];
  let prefix = '';
  for (let at: StateNode | undefined = node; at; at = at.scope.owner) {
    const known = qualifiedNames.get(at);
    if (known !== undefined) {
      prefix = known;
      break;
    }
    chain.push(at);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const current = chain[i]!;
    const scope = current.scope;
    const name = scope.owner ? `${prefix}/${scope.kind === 'branch' ? `${scope.index}/` : ''}${current.name}` : current.name;
    qualifiedNames.set(current, name);
    prefix = name;
  }
  return prefix;
}

/** The transitions a state declares, each with the pointer of the field that names the target. */
export interface Transition {
  target: unknown;
  pointer: string;
  kind: 'next' | 'default' | 'choice' | 'catch';
}

/**
 * The transitions a state declares as written, each with the pointer of the field that names the target, in
 * the order a picture draws them (Next, each Choice rule, Default, each catcher). Like the scopes, this is the
 * machine's structure, which the walker reads from the JSON as written rather than from the typed view: a
 * target of any kind counts, and so does a Next or Catch on a state type that has none, so that references,
 * reachability and the picture of a broken machine show what a person wrote (`"Next": 42` is a dangling
 * reference, not a missing transition). Field names are the typed ones, so a misspelt name does not compile.
 */
export function transitionsOf(node: StateNode): Transition[] {
  const out: Transition[] = [];
  if (writes(node.raw, 'Next')) out.push({ target: node.raw.Next, pointer: joinPointer(node.pointer, 'Next'), kind: 'next' });
  if (node.type === 'Choice') {
    const rules = node.raw.Choices;
    if (Array.isArray(rules)) {
      rules.forEach((rule: unknown, i) => {
        if (isObject(rule) && writes(rule, 'Next')) out.push({ target: rule.Next, pointer: joinPointer(node.pointer, 'Choices', i, 'Next'), kind: 'choice' });
      });
    }
    if (writes(node.raw, 'Default')) out.push({ target: node.raw.Default, pointer: joinPointer(node.pointer, 'Default'), kind: 'default' });
  }
  const catchers = node.raw.Catch;
  if (Array.isArray(catchers)) {
    catchers.forEach((catcher: unknown, i) => {
      if (isObject(catcher) && writes(catcher, 'Next')) out.push({ target: catcher.Next, pointer: joinPointer(node.pointer, 'Catch', i, 'Next'), kind: 'catch' });
    });
  }
  return out;
}

/** Whether an object as written has the key (even with the value `undefined`, as a definition built in code may). */
function writes(entry: Record<string, unknown>, key: StateFieldName | keyof ChoiceRule | keyof Catcher): boolean {
  return Object.hasOwn(entry, key);
}
