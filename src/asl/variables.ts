/**
 * Workflow variables (`Assign`, `$name`) as Step Functions scopes them, read from the definition without
 * evaluating it. Shared by lint (undefined/unused variables) and anything else that needs to know which
 * variables a state reads or writes.
 *
 * - Writes: a state's `Assign` (applied when it succeeds), a Choice rule's `Assign` (when that rule matches;
 *   the Choice state's own `Assign` goes with `Default`), a catcher's `Assign` (when it catches). In JSONPath a
 *   key `name.$` assigns `name` from a path or intrinsic; in JSONata the key is the name.
 * - Reads: `$name` in a JSONPath path, a payload `.$` value or an intrinsic argument; a free `$name` in a
 *   JSONata expression (`$states`, built-in functions, `:=` bindings, lambda parameters and `@`/`#` bindings
 *   are not workflow variables).
 * - Visibility: every reference in a state sees the values from before the state ran, so a state never reads
 *   its own assignments. Top-level states share one scope; a Parallel branch or an inline Map iteration sees
 *   the variables visible where the Parallel/Map started and its own assignments stay inside; a Distributed
 *   Map's child executions see no outer variable.
 */
import { jsonataBody, parseJsonata, type JsonataNode } from './jsonata-syntax.js';
import { visitLeaves } from './path-like.js';
import { joinPointer, splitPointer } from './pointer.js';
import type { MachineModel, Scope, StateNode } from './walker.js';
import { transitionsOf } from './walker.js';
import { isObject } from './is-object.js';

export interface VariableRead {
  name: string;
  /** Pointer of the string that holds the reference. */
  pointer: string;
  /** True when the name is also a JSONata built-in function used as a value (`$map($xs, $string)`). */
  builtinName?: boolean;
}

export interface VariableWrite {
  name: string;
  /** Pointer of the `Assign` object; the member is `writePointer(write)` (built on demand: most are never reported). */
  assign: string;
  /** The member's key as written (`name` or `name.$`). */
  key: string;
}

/** Pointer of the `Assign` member that makes a write. */
export function writePointer(write: VariableWrite): string {
  return joinPointer(write.assign, write.key);
}

/** Where a state's writes apply: on success, on one Choice rule, on Default, or on one catcher. */
export interface StateWrites {
  success: VariableWrite[];
  /** Choice rule index → its writes. */
  choices: Map<number, VariableWrite[]>;
  /** Catcher index → its writes. */
  catches: Map<number, VariableWrite[]>;
}

/** JSONata's built-in functions and the ones Step Functions adds; as a call target they are never variables. */
const BUILTINS = new Set(
  (
    'sum count max min average string substring substringBefore substringAfter lowercase uppercase length trim pad contains ' +
    'split join match replace eval base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl number ' +
    'abs floor ceil round power sqrt random formatNumber formatBase formatInteger parseInteger boolean not exists append sort ' +
    'reverse shuffle distinct zip keys lookup spread merge sift each error assert type single filter reduce map now millis ' +
    'fromMillis toMillis clone partition range hash uuid parse'
  ).split(' '),
);
const RESERVED = new Set(['states', '', '$']);

const NONE: VariableWrite[] = [];

/** Fields that hold nested scopes (walked as their own states) or never-evaluated text. */
const SKIPPED = new Set(['Comment', 'Branches', 'ItemProcessor', 'Iterator', 'Result']);
/** JSONPath fields whose members are payload templates: only `.$` keys are evaluated there. */
const PAYLOADS = new Set(['Parameters', 'ItemSelector', 'ResultSelector', 'Assign', 'Arguments', 'Credentials', 'Output']);

const NAME = /(?<![\p{L}\p{N}_$@.\]])\$([\p{L}_][\p{L}\p{N}_]*)/gu;

/** `$name` references in a JSONPath path or intrinsic call (string literals inside intrinsics are skipped). */
export function jsonPathVariables(text: string): string[] {
  if (!text.includes('$')) return [];
  const code = text.includes("'") ? text.replace(/'(?:[^'\\]|\\.)*'/g, "''") : text;
  const out: string[] = [];
  NAME.lastIndex = 0;
  for (let m = NAME.exec(code); m; m = NAME.exec(code)) if (!RESERVED.has(m[1]!)) out.push(m[1]!);
  return out;
}

/**
 * Free variables of a JSONata expression body (the text between `{%` and `%}`), each with whether the
 * name is a built-in function used as a value. Undefined when the expression does not parse.
 */
export function jsonataVariables(body: string): Array<{ name: string; builtinName: boolean }> | undefined {
  const parsed = parseJsonata(body);
  if (!parsed.ok) return undefined;
  const out: Array<{ name: string; builtinName: boolean }> = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, locals: ReadonlySet<string>): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, locals);
      return;
    }
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    const n = node as JsonataNode;
    switch (n.type) {
      case 'variable': {
        const name = String(n.value ?? '');
        if (!RESERVED.has(name) && !locals.has(name)) out.push({ name, builtinName: BUILTINS.has(name) });
        break;
      }
      case 'function':
      case 'partial': {
        const proc = n.procedure as JsonataNode | undefined;
        // A built-in called by name is a function, not a variable; any other callee is a reference.
        if (!(proc?.type === 'variable' && BUILTINS.has(String(proc.value)) && !locals.has(String(proc.value)))) visit(proc, locals);
        visit(n.arguments, locals);
        break;
      }
      case 'lambda': {
        const inner = new Set(locals);
        for (const a of (n.arguments as JsonataNode[] | undefined) ?? []) if (a?.type === 'variable') inner.add(String(a.value));
        visit(n.body, withBindings(n.body, inner));
        break;
      }
      case 'block':
        visitChildren(n, withBindings(n.expressions, new Set(locals)));
        break;
      case 'bind':
        visit(n.rhs, locals);
        break;
      default:
        visitChildren(n, locals);
    }
  };
  const visitChildren = (n: JsonataNode, locals: ReadonlySet<string>) => {
    for (const [key, value] of Object.entries(n)) if (key !== 'value' && key !== 'position' && value !== null && typeof value === 'object') visit(value, locals);
  };
  const ast = parsed.ast;
  visit(ast, withBindings(ast, new Set()));
  return out;
}

/** Adds the names bound by `:=`, `@$x` and `#$i` within a block (not inside nested blocks or lambdas). */
function withBindings(root: unknown, locals: Set<string>): Set<string> {
  const stack: unknown[] = [root];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (!isObject(node) || seen.has(node)) continue;
    seen.add(node);
    const n = node as JsonataNode;
    if (n.type === 'bind' && (n.lhs as JsonataNode | undefined)?.type === 'variable') locals.add(String((n.lhs as JsonataNode).value));
    if (typeof n.focus === 'string') locals.add(n.focus);
    if (typeof n.index === 'string') locals.add(n.index);
    if (n !== root && (n.type === 'block' || n.type === 'lambda')) continue;
    for (const [key, value] of Object.entries(n)) if (key !== 'value' && key !== 'position' && value !== null && typeof value === 'object') stack.push(value);
  }
  return locals;
}

/** Every variable reference a state makes, in its own fields (nested scopes excluded). */
export function variableReads(node: StateNode): VariableRead[] {
  const out: VariableRead[] = [];
  if (node.queryLanguage === 'JSONata') {
    visitStrings(node.raw, node.pointer, (text, pointer) => {
      const body = jsonataBody(text);
      if (body === undefined || !body.includes('$')) return;
      for (const v of jsonataVariables(body) ?? []) out.push(v.builtinName ? { name: v.name, pointer, builtinName: true } : { name: v.name, pointer });
    });
    return out;
  }
  // The keys from the state down to the current value; a pointer is built only for a string holding a reference.
  const keys: string[] = [];
  const add = (text: string) => {
    const names = jsonPathVariables(text);
    if (names.length === 0) return;
    const pointer = joinPointer(node.pointer, ...keys);
    for (const name of names) out.push({ name, pointer });
  };
  const walk = (value: unknown, payload: boolean, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v === null || typeof v !== 'object') continue;
        keys.push(String(i));
        walk(v, payload, depth + 1);
        keys.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    for (const key in value) {
      if (depth === 0 && SKIPPED.has(key)) continue;
      const v = value[key];
      if (typeof v === 'string') {
        if (!v.includes('$') || !(key.endsWith('.$') || (!payload && ((key.endsWith('Path') && key !== 'ResultPath') || key === 'Variable')))) continue;
        keys.push(key);
        add(v);
        keys.pop();
      } else if (v !== null && typeof v === 'object') {
        keys.push(key);
        walk(v, payload || PAYLOADS.has(key), depth + 1);
        keys.pop();
      }
    }
  };
  walk(node.raw, false, 0);
  return out;
}

/** Calls `visit` for every string in a state's own fields (nested scopes and Comment excluded). */
function visitStrings(raw: Record<string, unknown>, pointer: string, visit: (text: string, pointer: string) => void): void {
  for (const [key, value] of Object.entries(raw)) {
    if (SKIPPED.has(key)) continue;
    visitLeaves(value, joinPointer(pointer, key), (_key, leaf, at) => typeof leaf === 'string' && visit(leaf, at), key, 200);
  }
}

function writesOf(assign: unknown, pointer: string, jsonata: boolean): VariableWrite[] {
  if (!isObject(assign)) return NONE;
  return Object.keys(assign).map((key) => ({ name: !jsonata && key.endsWith('.$') ? key.slice(0, -2) : key, assign: pointer, key }));
}

/** Shared by every state without Choice-rule or catcher writes (never written to). */
const NO_WRITES: Map<number, VariableWrite[]> = new Map();

/** What a state assigns, by the outcome that applies it. */
export function variableWrites(node: StateNode): StateWrites {
  const jsonata = node.queryLanguage === 'JSONata';
  const raw = node.raw;
  let choices: Map<number, VariableWrite[]> = NO_WRITES;
  let catches: Map<number, VariableWrite[]> = NO_WRITES;
  if (node.type === 'Choice' && Array.isArray(raw.Choices))
    raw.Choices.forEach((rule, i) => {
      if (!isObject(rule) || !('Assign' in rule)) return;
      if (choices === NO_WRITES) choices = new Map();
      choices.set(i, writesOf(rule.Assign, joinPointer(node.pointer, 'Choices', i, 'Assign'), jsonata));
    });
  if (Array.isArray(raw.Catch))
    raw.Catch.forEach((catcher, i) => {
      if (!isObject(catcher) || !('Assign' in catcher)) return;
      if (catches === NO_WRITES) catches = new Map();
      catches.set(i, writesOf(catcher.Assign, joinPointer(node.pointer, 'Catch', i, 'Assign'), jsonata));
    });
  return { success: writesOf(raw.Assign, joinPointer(node.pointer, 'Assign'), jsonata), choices, catches };
}

/** Every write of a state, whatever outcome applies it. */
export function allWrites(writes: StateWrites): VariableWrite[] {
  if (writes.choices.size === 0 && writes.catches.size === 0) return writes.success;
  return [...writes.success, ...[...writes.choices.values()].flat(), ...[...writes.catches.values()].flat()];
}

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

interface Edge {
  from: StateNode;
  /** Names the transition assigns (the state's writes for that outcome); usually zero or one. */
  gen: readonly string[];
}

function analyze(model: MachineModel): VariableFlow {
  const reads = new Map<StateNode, VariableRead[]>();
  const writes = new Map<StateNode, StateWrites>();
  const assigned = new Set<string>();
  for (const node of model.states) {
    reads.set(node, variableReads(node));
    const w = variableWrites(node);
    writes.set(node, w);
    for (const { name } of allWrites(w)) assigned.add(name);
  }

  // Incoming edges per state, and which states a path from their scope's start reaches: built on the first
  // question about visibility or reachability (most machines read no variable and never ask).
  const incoming = new Map<StateNode, Edge[]>();
  const successors = new Map<StateNode, StateNode[]>();
  const starts = new Set<StateNode>();
  const reached = new Set<StateNode>();
  let graphBuilt = false;
  const buildGraph = (): void => {
    graphBuilt = true;
    const none: readonly string[] = [];
    const names = (list: VariableWrite[] | undefined) => (list?.length ? list.map((x) => x.name) : none);
    for (const scope of model.scopes) {
      for (const node of scope.states) {
        const w = writes.get(node)!;
        for (const t of transitionsOf(node)) {
          const to = typeof t.target === 'string' ? scope.byName.get(t.target) : undefined;
          if (!to) continue;
          // A catcher's or a Choice rule's own Assign; Next, and a Choice's Default, carry the state's Assign.
          const gen = t.kind === 'catch' ? names(w.catches.get(indexIn(t.pointer))) : t.kind === 'choice' ? names(w.choices.get(indexIn(t.pointer))) : names(w.success);
          let list = incoming.get(to);
          if (!list) incoming.set(to, (list = []));
          list.push({ from: node, gen });
          let out = successors.get(node);
          if (!out) successors.set(node, (out = []));
          out.push(to);
        }
      }
    }
    // model.scopes lists a scope before the scopes nested in it, so an owner's reachability is known first.
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
  };

  // Per name: states known to see it (true) or known not to (false).
  const known = new Map<string, Map<StateNode, boolean>>();
  const isVisible = (node: StateNode, name: string): boolean => {
    if (!graphBuilt) buildGraph();
    if (!assigned.has(name) || !reached.has(node)) return false;
    // The common case first, with nothing to remember: the state right before assigns it.
    for (const edge of incoming.get(node) ?? []) if (edge.gen.includes(name) && reached.has(edge.from)) return true;
    let memo = known.get(name);
    if (!memo) known.set(name, (memo = new Map()));
    const hit = memo.get(node);
    if (hit !== undefined) return hit;
    const visited = new Set<StateNode>([node]);
    const stack = [node];
    let found = false;
    search: while (stack.length > 0) {
      const state = stack.pop()!;
      if (starts.has(state)) {
        // Entering the scope: what the enclosing Parallel / inline Map could see when it started.
        const scope = state.scope;
        if (scope.owner && !scope.distributed && isVisible(scope.owner, name)) {
          found = true;
          break;
        }
      }
      for (const edge of incoming.get(state) ?? []) {
        if (!reached.has(edge.from)) continue;
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
  };

  // "Must be assigned": no path from a scope start reaches the state without passing an edge that assigns the
  // name. The same backward search, inverted: it fails at a start the name cannot come through (the top level,
  // a Distributed Map's children, or a branch whose Parallel/Map may start without it). Per name, states known
  // to be exposed (some unassigned path reaches them) or covered are remembered.
  const exposedKnown = new Map<string, Map<StateNode, boolean>>();
  const isAlwaysAssigned = (node: StateNode, name: string): boolean => {
    if (!graphBuilt) buildGraph();
    if (!assigned.has(name) || !reached.has(node)) return false;
    // The common case first, with nothing to remember: every way into the state assigns it (the search below
    // would stop at once, having found no unassigned way in).
    if (!starts.has(node) && (incoming.get(node) ?? []).every((edge) => !reached.has(edge.from) || edge.gen.includes(name))) return true;
    let memo = exposedKnown.get(name);
    if (!memo) exposedKnown.set(name, (memo = new Map()));
    const hit = memo.get(node);
    if (hit !== undefined) return !hit;
    const visited = new Set<StateNode>([node]);
    const stack = [node];
    let exposed = false;
    search: while (stack.length > 0) {
      const state = stack.pop()!;
      if (starts.has(state)) {
        const scope = state.scope;
        if (!scope.owner || scope.distributed || !isAlwaysAssigned(scope.owner, name)) {
          exposed = true;
          break;
        }
      }
      for (const edge of incoming.get(state) ?? []) {
        if (!reached.has(edge.from) || edge.gen.includes(name)) continue;
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
    return !exposed;
  };

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

  return {
    assigned,
    reads,
    writes,
    isVisible,
    isAlwaysAssigned,
    isReached: (node) => {
      if (!graphBuilt) buildGraph();
      return reached.has(node);
    },
    visibleAt: (node) => new Set([...assigned].filter((n) => isVisible(node, n))),
    readsWithin: (scope) => readsBelow.get(scope) ?? new Set(),
  };
}

/** The entry index in a transition pointer such as ".../Catch/2/Next". */
function indexIn(pointer: string): number {
  const tokens = splitPointer(pointer);
  return Number(tokens[tokens.length - 2]);
}
