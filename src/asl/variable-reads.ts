/**
 * Which workflow variables a state reads, and where: `$name` in a JSONPath path field (`…Path` but not
 * `ResultPath`, a Choice rule's `Variable`), in a payload `.$` value or intrinsic argument; any free `$name` in a
 * JSONata expression. Read from the state's typed view: a field the state type does not have is validate's to
 * report, not a read.
 */
import { jsonataBody } from './jsonata-syntax.js';
import { visitLeaves } from './path-like.js';
import { joinPointer } from './pointer.js';
import type { ChoiceRule, StateView, StateFieldName } from './types.js';
import { writes } from './as-written.js';
import { jsonataVariables, jsonPathVariables } from './variable-names.js';
import type { StateNode } from './walker.js';
import { isObject } from './is-object.js';

export interface VariableRead {
  name: string;
  /** Pointer of the string that holds the reference. */
  pointer: string;
  /** True when the name is also a JSONata built-in function used as a value (`$map($xs, $string)`). */
  builtinName?: boolean;
  /**
   * True for the `Variable` of a Choice rule that writes `IsPresent` (whatever its value's kind): the way a
   * workflow asks whether a path assigned the variable, so the read is the guard, not a use.
   */
  presenceTest?: boolean;
}

/** The Choice rule key that makes its `Variable` a presence test. */
const PRESENCE_TEST: keyof ChoiceRule = 'IsPresent';

/** Fields that hold nested scopes (walked as their own states) or never-evaluated text. */
const SKIPPED: ReadonlySet<string> = new Set<StateFieldName>(['Comment', 'Branches', 'ItemProcessor', 'Iterator', 'Result']);
/** JSONPath fields whose members are payload templates: only `.$` keys are evaluated there. */
const PAYLOADS: ReadonlySet<string> = new Set<StateFieldName>(['Parameters', 'ItemSelector', 'ResultSelector', 'Assign', 'Arguments', 'Credentials', 'Output']);
/** Deeper payloads are passed over (a definition object handed to the library may nest without bound). */
const MAX_DEPTH = 200;

/** Every variable reference a state makes, in its own fields (nested scopes excluded). */
export function variableReads(node: StateNode): VariableRead[] {
  return node.queryLanguage === 'JSONata' ? jsonataReads(node) : jsonPathReads(node);
}

/** In JSONata any string of any field is an expression when written `{% … %}`. */
function jsonataReads(node: StateNode): VariableRead[] {
  const out: VariableRead[] = [];
  visitStrings(node.state, node.pointer, (text, pointer) => {
    const body = jsonataBody(text);
    if (body === undefined || !body.includes('$')) return;
    for (const v of jsonataVariables(body) ?? []) out.push(v.builtinName ? { name: v.name, pointer, builtinName: true } : { name: v.name, pointer });
  });
  return out;
}

/** Calls `visit` for every string in a state's own fields (nested scopes and Comment excluded). */
function visitStrings(state: StateView, pointer: string, visit: (text: string, pointer: string) => void): void {
  for (const [key, value] of Object.entries(state) as Array<[string, unknown]>) {
    if (SKIPPED.has(key)) continue;
    visitLeaves(value, joinPointer(pointer, key), (_key, leaf, at) => typeof leaf === 'string' && visit(leaf, at), key, MAX_DEPTH);
  }
}

/** Whether a JSONPath string under this key is evaluated (a path field, or a `.$` key in a payload template). */
function isEvaluated(key: string, payload: boolean): boolean {
  return key.endsWith('.$') || (!payload && ((key.endsWith('Path') && key !== 'ResultPath') || key === 'Variable'));
}

/**
 * In JSONPath only path fields and `.$` keys are evaluated. The keys from the state down to the current value
 * are kept on a stack, and a pointer is built only for a string that holds a reference.
 */
function jsonPathReads(node: StateNode): VariableRead[] {
  const out: VariableRead[] = [];
  const keys: string[] = [];
  const walk = (value: unknown, payload: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
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
        if (!v.includes('$') || !isEvaluated(key, payload)) continue;
        const names = jsonPathVariables(v);
        if (names.length === 0) continue;
        const pointer = joinPointer(node.pointer, ...keys, key);
        const presenceTest = key === 'Variable' && !payload && writes(value, PRESENCE_TEST);
        for (const name of names) out.push(presenceTest ? { name, pointer, presenceTest } : { name, pointer });
      } else if (v !== null && typeof v === 'object') {
        keys.push(key);
        walk(v, payload || PAYLOADS.has(key), depth + 1);
        keys.pop();
      }
    }
  };
  walk(node.state, false, 0);
  return out;
}
