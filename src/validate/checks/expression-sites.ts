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

export interface Site {
  node: StateNode;
  /** Pointer of the value. */
  pointer: string;
  /** The field name as written (`ResultPath`, `Variable`, `orderId.$` …). */
  field: string;
  value: unknown;
  role: SiteRole;
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

const PLAIN_PATHS = ['InputPath', 'OutputPath'];
const STATE_REFERENCE_PATHS = ['ItemsPath', 'SecondsPath', 'TimestampPath', 'TimeoutSecondsPath', 'HeartbeatSecondsPath', 'MaxConcurrencyPath', 'ToleratedFailurePercentagePath', 'ToleratedFailureCountPath'];
const STATE_TEMPLATES = ['Parameters', 'ResultSelector', 'ItemSelector', 'Credentials', 'Assign'];

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
    const raw = node.raw;
    const add = (owner: Record<string, unknown>, ownerPointer: string, field: string, role: SiteRole): void => {
      if (Object.prototype.hasOwnProperty.call(owner, field)) {
        out.sites.push({ node, pointer: joinPointer(ownerPointer, field), field, value: owner[field], role });
      }
    };
    const template = (owner: Record<string, unknown>, ownerPointer: string, field: string): void => {
      if (Object.prototype.hasOwnProperty.call(owner, field)) {
        out.templates.push({ node, pointer: joinPointer(ownerPointer, field), field, value: owner[field] });
      }
    };
    for (const field of PLAIN_PATHS) add(raw, node.pointer, field, 'path');
    add(raw, node.pointer, 'ResultPath', 'result-path');
    for (const field of STATE_REFERENCE_PATHS) add(raw, node.pointer, field, 'reference');
    if (node.type === 'Fail') {
      add(raw, node.pointer, 'ErrorPath', 'error-path');
      add(raw, node.pointer, 'CausePath', 'error-path');
    }
    for (const field of STATE_TEMPLATES) template(raw, node.pointer, field);
    if (isObject(raw.ItemReader)) {
      const pointer = joinPointer(node.pointer, 'ItemReader');
      template(raw.ItemReader, pointer, 'Parameters');
      if (isObject(raw.ItemReader.ReaderConfig)) add(raw.ItemReader.ReaderConfig, joinPointer(pointer, 'ReaderConfig'), 'MaxItemsPath', 'reference');
    }
    if (isObject(raw.ItemBatcher)) {
      const pointer = joinPointer(node.pointer, 'ItemBatcher');
      add(raw.ItemBatcher, pointer, 'MaxItemsPerBatchPath', 'reference');
      add(raw.ItemBatcher, pointer, 'MaxInputBytesPerBatchPath', 'reference');
      template(raw.ItemBatcher, pointer, 'BatchInput');
    }
    if (isObject(raw.ResultWriter)) template(raw.ResultWriter, joinPointer(node.pointer, 'ResultWriter'), 'Parameters');
    if (Array.isArray(raw.Catch)) {
      raw.Catch.forEach((catcher, i) => {
        if (!isObject(catcher)) return;
        const pointer = joinPointer(node.pointer, 'Catch', i);
        add(catcher, pointer, 'ResultPath', 'result-path');
        template(catcher, pointer, 'Assign');
      });
    }
    if (node.type === 'Choice' && Array.isArray(raw.Choices)) {
      raw.Choices.forEach((rule, i) => {
        if (!isObject(rule)) return;
        const pointer = joinPointer(node.pointer, 'Choices', i);
        template(rule, pointer, 'Assign');
        choiceRule(rule, pointer, node, out);
      });
    }
  }
  for (const t of out.templates) templateSites(t, out);
  return out;
}

/** Variable and the `…Path` comparison operators of a rule and its nested And / Or / Not rules. */
function choiceRule(rule: Record<string, unknown>, pointer: string, node: StateNode, out: ExpressionSites): void {
  const stack: Array<{ rule: Record<string, unknown>; pointer: string }> = [{ rule, pointer }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    for (const [key, value] of Object.entries(item.rule)) {
      if (key === 'Variable' || (key.endsWith('Path') && key !== 'Variable')) {
        out.sites.push({ node, pointer: joinPointer(item.pointer, key), field: key, value, role: 'reference' });
      } else if ((key === 'And' || key === 'Or') && Array.isArray(value)) {
        value.forEach((nested, i) => {
          if (isObject(nested)) stack.push({ rule: nested, pointer: joinPointer(item.pointer, key, i) });
        });
      } else if (key === 'Not' && isObject(value)) {
        stack.push({ rule: value, pointer: joinPointer(item.pointer, key) });
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
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], pointer: joinPointer(pointer, i) });
    } else if (isObject(value)) {
      const entries = Object.entries(value);
      for (let e = entries.length - 1; e >= 0; e--) {
        const [key, child] = entries[e]!;
        const childPointer = joinPointer(pointer, key);
        if (key.endsWith('.$')) out.sites.push({ node: t.node, pointer: childPointer, field: key, value: child, role: 'payload' });
        else stack.push({ value: child, pointer: childPointer });
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
