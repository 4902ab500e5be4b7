/**
 * The fixed results in a stub file or mock config, each with the `Resource` of every Task state it answers
 * and its JSON Pointer in the file: what `--validate-stubs` checks against the service's response shape.
 * Answers computed at run time (`expression`, `module`) and errors have no fixed result to check.
 */
import { joinPointer } from '../../asl/pointer.js';
import { buildModel, qualifiedName } from '../../asl/walker.js';
import { isObject } from '../../asl/is-object.js';
import { childPointer } from './problems.js';
import type { StubAnswer, StubFile } from '../types.js';

export interface ShapeTarget {
  /** The Task's `Resource` (a literal string; a computed one is skipped). */
  resource: string;
  /** Where the result sits in the file. */
  pointer: string;
  result: unknown;
}

/** Task states by bare and full name → their literal Resource. */
function taskResources(definition: unknown): { byName: Map<string, string>; all: string[] } {
  const byName = new Map<string, string>();
  const all = new Set<string>();
  for (const node of buildModel(definition).states) {
    const state = node.state;
    if (state.Type !== 'Task' || typeof state.Resource !== 'string') continue;
    const resource = state.Resource;
    byName.set(qualifiedName(node), resource);
    if (!byName.has(node.name)) byName.set(node.name, resource);
    all.add(resource);
  }
  return { byName, all: [...all] };
}

/** Every fixed `result` of an answer, sequences included, with its pointer. */
function fixedResults(answer: StubAnswer, pointer: string, out: Array<{ pointer: string; result: unknown }>): void {
  if ('sequence' in answer) answer.sequence.forEach((item, i) => fixedResults(item, childPointer(childPointer(pointer, 'sequence'), i), out));
  else if ('result' in answer) out.push({ pointer: childPointer(pointer, 'result'), result: answer.result });
}

function globToRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/** The results of a checked stub file, paired with the resources they answer. */
export function stubFileShapeTargets(definition: unknown, file: StubFile): ShapeTarget[] {
  const tasks = taskResources(definition);
  const targets: ShapeTarget[] = [];
  for (const [name, answer] of Object.entries(file.states ?? {})) {
    const resource = tasks.byName.get(name);
    if (resource === undefined) continue;
    const results: Array<{ pointer: string; result: unknown }> = [];
    fixedResults(answer, childPointer('/states', name), results);
    for (const r of results) targets.push({ resource, ...r });
  }
  for (const [pattern, answer] of Object.entries(file.resources ?? {})) {
    const regex = globToRegex(pattern);
    // A pattern without a wildcard is itself the resource, even when no state names it yet.
    const resources = pattern.includes('*') ? tasks.all.filter((r) => regex.test(r)) : [pattern];
    const results: Array<{ pointer: string; result: unknown }> = [];
    fixedResults(answer, childPointer('/resources', pattern), results);
    for (const resource of resources) for (const r of results) targets.push({ resource, ...r });
  }
  return targets;
}

/** The `Return` values of the mocked responses a mock config test case uses, paired with each state's resource. */
export function mockConfigShapeTargets(definition: unknown, config: unknown, machine: string, testCase: string): ShapeTarget[] {
  if (!isObject(config) || !isObject(config.StateMachines) || !isObject(config.MockedResponses)) return [];
  const cases = (config.StateMachines as Record<string, { TestCases?: Record<string, Record<string, string>> }>)[machine]?.TestCases;
  const states = cases?.[testCase] ?? {};
  const mocked = config.MockedResponses as Record<string, Record<string, Record<string, unknown>>>;
  const tasks = taskResources(definition);
  const targets: ShapeTarget[] = [];
  for (const [state, responseName] of Object.entries(states)) {
    const resource = tasks.byName.get(state);
    const responses = mocked[responseName];
    if (resource === undefined || !isObject(responses)) continue;
    for (const [key, entry] of Object.entries(responses)) {
      if (isObject(entry) && 'Return' in entry) targets.push({ resource, pointer: joinPointer('', 'MockedResponses', responseName, key, 'Return'), result: entry.Return });
    }
  }
  return targets;
}
