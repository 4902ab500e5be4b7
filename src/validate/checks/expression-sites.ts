/**
 * Where a JSONPath state holds path expressions, intrinsic calls and payload templates, collected in
 * one walk per model and shared by the path, intrinsic and payload checks.
 *
 * Field roles follow the Step Functions developer guide: InputPath and OutputPath take any path;
 * ResultPath and the `*Path` fields that pick one value (ItemsPath, SecondsPath, Choice Variable …)
 * take reference paths; ErrorPath and CausePath take a reference path or a string-returning intrinsic;
 * a `.$` key of a payload template takes a path, a context path, a variable or an intrinsic.
 * JSONata states are not visited (their expressions are JSONata, checked elsewhere).
 */
import { joinPointer } from '../../asl/pointer.js';
import { asWritten } from '../../asl/state-view.js';
import type { ChoiceRule, StateView } from '../../asl/types.js';
import type { MachineModel, StateNode } from '../../asl/walker.js';
import { hasPlaceholder } from '../../asl/unresolved.js';
import { isDeployTime, isObject } from './util.js';

export type SiteRole =
  /** any path (InputPath, OutputPath) */
  | 'path'
  /** a reference path that may read variables and the context object */
  | 'reference'
  /** ResultPath: a reference path into the state output, no variables, no context object */
  | 'result-path'
  /** ErrorPath / CausePath: a reference path or a string-returning intrinsic */
  | 'error-path'
  /** the value of a `key.$` entry in a payload template */
  | 'payload';

/** One path-or-intrinsic value. Its pointer is built only when asked for (findings are rare). */
export class Site {
  constructor(
    readonly node: StateNode,
    /** Pointer of the object that holds the value. */
    readonly parent: string,
    /** The field name as written (`ResultPath`, `Variable`, `orderId.$` …). */
    readonly field: string,
    readonly value: unknown,
    readonly role: SiteRole,
  ) {}

  /** Pointer of the value. */
  get pointer(): string {
    return joinPointer(this.parent, this.field);
  }
}

export interface Template {
  node: StateNode;
  /** Pointer of the template object. */
  pointer: string;
  /** `Parameters`, `ResultSelector`, `ItemSelector`, `Credentials`, `Assign`, `BatchInput` … */
  field: string;
  value: unknown;
}

export interface ExpressionSites {
  sites: Site[];
  templates: Template[];
}

/** Fields of a state object and what they hold. */
const STATE_FIELDS: ReadonlyMap<string, SiteRole> = new Map<string, SiteRole>([
  ['InputPath', 'path'],
  ['OutputPath', 'path'],
  ['ResultPath', 'result-path'],
  ['ItemsPath', 'reference'],
  ['SecondsPath', 'reference'],
  ['TimestampPath', 'reference'],
  ['TimeoutSecondsPath', 'reference'],
  ['HeartbeatSecondsPath', 'reference'],
  ['MaxConcurrencyPath', 'reference'],
  ['ToleratedFailurePercentagePath', 'reference'],
  ['ToleratedFailureCountPath', 'reference'],
]);
const STATE_TEMPLATES = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Credentials', 'Assign']);

const cache = new WeakMap<MachineModel, ExpressionSites>();

/** The sites of every JSONPath state of the model (computed once per model). */
export function expressionSites(model: MachineModel): ExpressionSites {
  let found = cache.get(model);
  if (!found) {
    found = collect(model);
    cache.set(model, found);
  }
  return found;
}

function collect(model: MachineModel): ExpressionSites {
  const out: ExpressionSites = { sites: [], templates: [] };
  for (const node of model.states) {
    if (node.queryLanguage !== 'JSONPath') continue;
    stateSites(node, out);
    nestedSites(node, node.state, out);
  }
  for (const t of out.templates) templateSites(t, out);
  return out;
}

/**
 * The fields of the state itself. Path fields are read through the view: one on a state type that does not
 * have it is the schema's unknown field. Payload templates are handed over as the JSON written, on any
 * state type, so a `key.$` entry is judged wherever it is written (a Pass state's stray ResultSelector too),
 * and Credentials with every key, not only the two its view keeps.
 */
function stateSites(node: StateNode, out: ExpressionSites): void {
  const state = node.state;
  const view = state as Readonly<Record<string, unknown>>;
  // One pass over the keys as written (for nearly every state, the view itself): a path field takes the view's
  // value, so one the state type does not have, or of the wrong kind, is not judged; a template is judged as written.
  const written = asWritten(state) ?? view;
  for (const field of Object.keys(written)) {
    if (STATE_TEMPLATES.has(field)) {
      out.templates.push({ node, pointer: joinPointer(node.pointer, field), field, value: written[field] });
      continue;
    }
    const value = view[field];
    if (value === undefined) continue;
    const role = STATE_FIELDS.get(field) ?? (state.Type === 'Fail' && (field === 'ErrorPath' || field === 'CausePath') ? 'error-path' : undefined);
    if (role) out.sites.push(new Site(node, node.pointer, field, value, role));
  }
}

/** The Distributed Map objects, the catchers and the Choice rules of a state. */
function nestedSites(node: StateNode, state: StateView, out: ExpressionSites): void {
  if (state.Type === 'Map') {
    const { ItemReader: reader, ItemBatcher: batcher, ResultWriter: writer } = state;
    if (reader) {
      const pointer = joinPointer(node.pointer, 'ItemReader');
      addTemplate(out, node, pointer, 'Parameters', reader.Parameters);
      const maxItemsPath = reader.ReaderConfig?.MaxItemsPath;
      if (maxItemsPath !== undefined) out.sites.push(new Site(node, joinPointer(pointer, 'ReaderConfig'), 'MaxItemsPath', maxItemsPath, 'reference'));
    }
    if (batcher) {
      const pointer = joinPointer(node.pointer, 'ItemBatcher');
      if (batcher.MaxItemsPerBatchPath !== undefined) out.sites.push(new Site(node, pointer, 'MaxItemsPerBatchPath', batcher.MaxItemsPerBatchPath, 'reference'));
      if (batcher.MaxInputBytesPerBatchPath !== undefined) out.sites.push(new Site(node, pointer, 'MaxInputBytesPerBatchPath', batcher.MaxInputBytesPerBatchPath, 'reference'));
      addTemplate(out, node, pointer, 'BatchInput', batcher.BatchInput);
    }
    if (writer) addTemplate(out, node, joinPointer(node.pointer, 'ResultWriter'), 'Parameters', writer.Parameters);
  }
  if ('Catch' in state) {
    state.Catch?.forEach((catcher, i) => {
      const pointer = joinPointer(node.pointer, 'Catch', i);
      if (catcher.ResultPath !== undefined) out.sites.push(new Site(node, pointer, 'ResultPath', catcher.ResultPath, 'result-path'));
      addTemplate(out, node, pointer, 'Assign', catcher.Assign);
    });
  }
  if (state.Type === 'Choice') {
    state.Choices?.forEach((rule, i) => {
      const pointer = joinPointer(node.pointer, 'Choices', i);
      addTemplate(out, node, pointer, 'Assign', rule.Assign);
      choiceRule(rule, pointer, node, out);
    });
  }
}

function addTemplate(out: ExpressionSites, node: StateNode, ownerPointer: string, field: string, value: unknown): void {
  if (value !== undefined) out.templates.push({ node, pointer: joinPointer(ownerPointer, field), field, value });
}

/** Variable and the `…Path` comparison operators of a rule and its nested And / Or / Not rules, in the order written. */
function choiceRule(rule: ChoiceRule, pointer: string, node: StateNode, out: ExpressionSites): void {
  const stack: Array<{ rule: ChoiceRule; pointer: string }> = [{ rule, pointer }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    for (const [key, value] of Object.entries(item.rule)) {
      if (key === 'Variable' || key.endsWith('Path')) {
        out.sites.push(new Site(node, item.pointer, key, value, 'reference'));
      } else if (key === 'And' || key === 'Or') {
        item.rule[key]?.forEach((nested, i) => stack.push({ rule: nested, pointer: joinPointer(item.pointer, key, i) }));
      } else if (key === 'Not' && item.rule.Not) {
        stack.push({ rule: item.rule.Not, pointer: joinPointer(item.pointer, key) });
      }
    }
  }
}

/** Every `key.$` entry of a template, at any depth (iterative: deep templates cannot overflow the stack). */
function templateSites(t: Template, out: ExpressionSites): void {
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: t.value, pointer: t.pointer }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, pointer: joinPointer(pointer, i) });
      }
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      for (let k = keys.length - 1; k >= 0; k--) {
        const key = keys[k]!;
        const child = value[key];
        if (key.endsWith('.$')) out.sites.push(new Site(t.node, pointer, key, child, 'payload'));
        else if (child !== null && typeof child === 'object') stack.push({ value: child, pointer: joinPointer(pointer, key) });
      }
    }
  }
}

/**
 * A value the checks must not judge: a CloudFormation intrinsic, a `${Placeholder}` substitution,
 * or a whole-string `%NAME%` token that a test harness or build script replaces before deployment.
 */
export function isPlaceholderValue(value: unknown): boolean {
  if (isDeployTime(value)) return true;
  return typeof value === 'string' && (hasPlaceholder(value) || /^%[A-Za-z0-9_]+%$/.test(value));
}
