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
import { joinPointer, splitPointer } from './pointer.js';
import type { MachineModel, Scope, StateNode } from './walker.js';
import { transitionsOf } from './walker.js';

export interface VariableRead {
  name: string;
  /** Pointer of the string that holds the reference. */
  pointer: string;
  /** True when the name is also a JSONata built-in function used as a value (`$map($xs, $string)`). */
  builtinName?: boolean;
}

export interface VariableWrite {
  name: string;
  /** Pointer of the `Assign` member. */
  pointer: string;
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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

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
  const add = (text: string, pointer: string) => {
    for (const name of jsonPathVariables(text)) out.push({ name, pointer });
  };
  const walk = (value: unknown, pointer: string, payload: boolean, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${pointer}/${i}`, payload, depth + 1));
      return;
    }
    if (!isObject(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (depth === 0 && SKIPPED.has(key)) continue;
      const at = joinPointer(pointer, key);
      if (typeof v === 'string') {
        if (key.endsWith('.$') || (!payload && ((key.endsWith('Path') && key !== 'ResultPath') || key === 'Variable'))) add(v, at);
      } else walk(v, at, payload || PAYLOADS.has(key), depth + 1);
    }
  };
  walk(node.raw, node.pointer, false, 0);
  return out;
}

/** Calls `visit` for every string in a state's own fields (nested scopes and Comment excluded). */
function visitStrings(raw: Record<string, unknown>, pointer: string, visit: (text: string, pointer: string) => void): void {
  const stack: Array<[unknown, string, number]> = [];
  for (const [key, value] of Object.entries(raw)) if (!SKIPPED.has(key)) stack.push([value, joinPointer(pointer, key), 1]);
  while (stack.length > 0) {
    const [value, at, depth] = stack.pop()!;
    if (typeof value === 'string') visit(value, at);
    else if (depth > 200) continue;
    else if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, `${at}/${i}`, depth + 1]));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) stack.push([v, joinPointer(at, k), depth + 1]);
  }
}

function writesOf(assign: unknown, pointer: string, jsonata: boolean): VariableWrite[] {
  if (!isObject(assign)) return [];
  return Object.keys(assign).map((key) => ({ name: !jsonata && key.endsWith('.$') ? key.slice(0, -2) : key, pointer: joinPointer(pointer, key) }));
}

/** What a state assigns, by the outcome that applies it. */
export function variableWrites(node: StateNode): StateWrites {
  const jsonata = node.queryLanguage === 'JSONata';
  const raw = node.raw;
  const choices = new Map<number, VariableWrite[]>();
  const catches = new Map<number, VariableWrite[]>();
  if (node.type === 'Choice' && Array.isArray(raw.Choices))
    raw.Choices.forEach((rule, i) => {
      if (isObject(rule) && 'Assign' in rule) choices.set(i, writesOf(rule.Assign, joinPointer(node.pointer, 'Choices', i, 'Assign'), jsonata));
    });
  if (Array.isArray(raw.Catch))
    raw.Catch.forEach((catcher, i) => {
      if (isObject(catcher) && 'Assign' in catcher) catches.set(i, writesOf(catcher.Assign, joinPointer(node.pointer, 'Catch', i, 'Assign'), jsonata));
    });
  return { success: writesOf(raw.Assign, joinPointer(node.pointer, 'Assign'), jsonata), choices, catches };
}

/** Every write of a state, whatever outcome applies it. */
export function allWrites(writes: StateWrites): VariableWrite[] {
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
  /** False for a state no path reaches from its scope's start (or whose enclosing Parallel/Map is unreached). */
  isReached(node: StateNode): boolean;
  /**
   * Names read in a scope or in any scope nested in it that can see its variables (Parallel branches,
   * inline Map processors; not Distributed Map children).
   */
  readsWithin(scope: Scope): ReadonlySet<string>;
}

/**
 * A forward dataflow over each scope's transitions ("may be assigned"): the variables visible when a state
 * starts are those some path from the scope's start assigns, plus what the enclosing scope could see when the
 * Parallel or inline Map started. Bit sets over the assigned names; work is about states × names / 32 per pass,
 * and passes end when nothing changes (usually two or three). Cached per model, so several rules share one analysis.
 */
export function analyzeVariables(model: MachineModel): VariableFlow {
  let flow = flows.get(model);
  if (!flow) flows.set(model, (flow = analyze(model)));
  return flow;
}

const flows = new WeakMap<MachineModel, VariableFlow>();

function analyze(model: MachineModel): VariableFlow {
  const reads = new Map<StateNode, VariableRead[]>();
  const writes = new Map<StateNode, StateWrites>();
  const index = new Map<string, number>();
  for (const node of model.states) {
    reads.set(node, variableReads(node));
    const w = variableWrites(node);
    writes.set(node, w);
    for (const { name } of allWrites(w)) if (!index.has(name)) index.set(name, index.size);
  }
  const words = Math.max(1, Math.ceil(index.size / 32));
  const bitsOf = (list: VariableWrite[]) => {
    const bits = new Uint32Array(words);
    for (const { name } of list) {
      const i = index.get(name)!;
      bits[i >>> 5]! |= 1 << (i & 31);
    }
    return bits;
  };
  const inSets = new Map<StateNode, Uint32Array>();
  const reached = new Set<StateNode>();

  {
    // model.scopes lists a scope before the scopes nested in it, so an owner's entry set is ready first.
    for (const scope of model.scopes) {
      const entry = new Uint32Array(words);
      if (scope.owner && !reached.has(scope.owner)) continue;
      if (scope.owner && !scope.distributed) {
        const outer = inSets.get(scope.owner);
        if (outer) entry.set(outer);
      }
      solveScope(scope, entry, writes, bitsOf, inSets, reached, words);
    }
  }

  const readsBelow = new Map<Scope, Set<string>>();
  for (let s = model.scopes.length - 1; s >= 0; s--) {
    const scope = model.scopes[s]!;
    const names = new Set<string>();
    for (const node of scope.states) {
      for (const r of reads.get(node) ?? []) names.add(r.name);
      for (const child of node.children) if (!child.distributed) for (const n of readsBelow.get(child) ?? []) names.add(n);
    }
    readsBelow.set(scope, names);
  }

  const names = [...index.keys()];
  const isVisible = (node: StateNode, name: string) => {
    const i = index.get(name);
    const bits = inSets.get(node);
    return i !== undefined && bits !== undefined && (bits[i >>> 5]! & (1 << (i & 31))) !== 0;
  };
  return {
    assigned: new Set(names),
    reads,
    writes,
    isVisible,
    isReached: (node) => reached.has(node),
    visibleAt: (node) => new Set(names.filter((n) => isVisible(node, n))),
    readsWithin: (scope) => readsBelow.get(scope) ?? new Set(),
  };
}

function solveScope(
  scope: Scope,
  entry: Uint32Array,
  writes: Map<StateNode, StateWrites>,
  bitsOf: (list: VariableWrite[]) => Uint32Array,
  inSets: Map<StateNode, Uint32Array>,
  reached: Set<StateNode>,
  words: number,
): void {
  const start = typeof scope.startAt === 'string' ? scope.byName.get(scope.startAt) : undefined;
  for (const node of scope.states) inSets.set(node, new Uint32Array(words));
  if (!start) return;
  // Outgoing edges: target plus the bits that travel along it (the state's own writes for that outcome).
  const edges = new Map<StateNode, Array<{ to: StateNode; gen: Uint32Array }>>();
  for (const node of scope.states) {
    const w = writes.get(node)!;
    const list: Array<{ to: StateNode; gen: Uint32Array }> = [];
    for (const t of transitionsOf(node)) {
      const to = typeof t.target === 'string' ? scope.byName.get(t.target) : undefined;
      if (!to) continue;
      let gen: VariableWrite[];
      if (t.kind === 'catch') gen = w.catches.get(indexIn(t.pointer)) ?? [];
      else if (t.kind === 'choice') gen = w.choices.get(indexIn(t.pointer)) ?? [];
      else gen = w.success; // Next, and a Choice's Default (its own Assign goes with Default)
      list.push({ to, gen: bitsOf(gen) });
    }
    edges.set(node, list);
  }
  const startBits = inSets.get(start)!;
  startBits.set(entry);
  const queued = new Set<StateNode>([start]);
  const queue: StateNode[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    queued.delete(node);
    reached.add(node);
    const from = inSets.get(node)!;
    for (const { to, gen } of edges.get(node) ?? []) {
      const target = inSets.get(to)!;
      let changed = false;
      for (let i = 0; i < words; i++) {
        const merged = (target[i]! | from[i]! | gen[i]!) >>> 0;
        if (merged !== target[i]) {
          target[i] = merged;
          changed = true;
        }
      }
      // A state is queued when its set grows, and once on first reaching it even when nothing flows in.
      if ((changed || !reached.has(to)) && !queued.has(to)) {
        queued.add(to);
        queue.push(to);
      }
    }
    // Keep the queue array from growing without bound on long loops.
    if (head > 4096 && head * 2 > queue.length) {
      queue.splice(0, head + 1);
      head = -1;
    }
  }
}

/** The entry index in a transition pointer such as ".../Catch/2/Next". */
function indexIn(pointer: string): number {
  const tokens = splitPointer(pointer);
  return Number(tokens[tokens.length - 2]);
}
