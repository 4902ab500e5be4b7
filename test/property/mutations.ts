/**
 * Mutations of a valid definition, each with the JSON Pointer where validate must report it: a dropped
 * `Next`, a `Next` to a missing state, a field of the wrong type, a broken path (a filter the grammar
 * refuses, or a JSONata expression that does not parse).
 */

type Json = Record<string, unknown>;

export interface Mutation {
  kind: 'drop-next' | 'missing-target' | 'wrong-type' | 'broken-path';
  /** Where validate must report an error. */
  pointer: string;
  definition: Json;
}

interface StateSite {
  pointer: string;
  state: Json;
  language: 'JSONPath' | 'JSONata';
  names: Set<string>;
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const escape = (name: string) => name.replaceAll('~', '~0').replaceAll('/', '~1');

/** Every state of the machine with its pointer and effective query language, nested scopes included. */
function statesOf(definition: Json): StateSite[] {
  const top = definition.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';
  const sites: StateSite[] = [];
  const scopes: Array<{ scope: Json; pointer: string }> = [{ scope: definition, pointer: '' }];
  while (scopes.length > 0) {
    const { scope, pointer } = scopes.pop()!;
    if (!isObject(scope.States)) continue;
    const names = new Set(Object.keys(scope.States));
    for (const [name, state] of Object.entries(scope.States)) {
      if (!isObject(state)) continue;
      const at = `${pointer}/States/${escape(name)}`;
      const own = state.QueryLanguage;
      sites.push({ pointer: at, state, language: own === 'JSONata' || own === 'JSONPath' ? own : top, names });
      if (Array.isArray(state.Branches)) state.Branches.forEach((branch, i) => isObject(branch) && scopes.push({ scope: branch, pointer: `${at}/Branches/${i}` }));
      for (const key of ['ItemProcessor', 'Iterator']) if (isObject(state[key])) scopes.push({ scope: state[key] as Json, pointer: `${at}/${key}` });
    }
  }
  return sites;
}

/** Sets `value` at `pointer` (ending in a field name) in a deep copy of `definition`; undefined deletes. */
function withValue(definition: Json, pointer: string, value: unknown): Json {
  const copy = structuredClone(definition);
  const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: Json = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Json;
  if (value === undefined) delete node[keys.at(-1)!];
  else node[keys.at(-1)!] = value;
  return copy;
}

const BROKEN_FILTER = '[?(@.id ==)]';
const PATH_FIELDS = ['InputPath', 'OutputPath', 'ItemsPath', 'ResultPath'];

function brokenPath(site: StateSite, definition: Json): Mutation {
  if (site.language === 'JSONata') {
    return { kind: 'broken-path', pointer: `${site.pointer}/Output`, definition: withValue(definition, `${site.pointer}/Output`, '{% $states.input.( %}') };
  }
  const field = PATH_FIELDS.find((f) => typeof site.state[f] === 'string' && (site.state[f] as string).startsWith('$') && !(site.state[f] as string).includes('${'));
  const pointer = `${site.pointer}/${field ?? 'InputPath'}`;
  const path = field ? (site.state[field] as string) : '$';
  return { kind: 'broken-path', pointer, definition: withValue(definition, pointer, `${path}${BROKEN_FILTER}`) };
}

/** The mutations of one definition: each kind on the first and the last state it applies to. */
export function mutationsOf(definition: Json): Mutation[] {
  const sites = statesOf(definition);
  const mutations: Mutation[] = [];
  const ends = <T>(list: T[]) => (list.length > 1 ? [list[0]!, list.at(-1)!] : list);
  const withNext = sites.filter((s) => s.state.Type !== 'Choice' && typeof s.state.Next === 'string' && s.names.has(s.state.Next));
  for (const site of ends(withNext)) {
    mutations.push({ kind: 'drop-next', pointer: site.pointer, definition: withValue(definition, `${site.pointer}/Next`, undefined) });
    mutations.push({ kind: 'missing-target', pointer: `${site.pointer}/Next`, definition: withValue(definition, `${site.pointer}/Next`, 'No Such State') });
    mutations.push({ kind: 'wrong-type', pointer: `${site.pointer}/Next`, definition: withValue(definition, `${site.pointer}/Next`, 42) });
  }
  for (const site of ends(sites.filter((s) => s.state.Type === 'Choice' && Array.isArray(s.state.Choices) && isObject(s.state.Choices[0]) && typeof s.state.Choices[0].Next === 'string'))) {
    mutations.push({ kind: 'missing-target', pointer: `${site.pointer}/Choices/0/Next`, definition: withValue(definition, `${site.pointer}/Choices/0/Next`, 'No Such State') });
    if (typeof site.state.Default === 'string') mutations.push({ kind: 'missing-target', pointer: `${site.pointer}/Default`, definition: withValue(definition, `${site.pointer}/Default`, 'No Such State') });
  }
  for (const site of ends(sites.filter((s) => s.state.End === true))) {
    mutations.push({ kind: 'wrong-type', pointer: `${site.pointer}/End`, definition: withValue(definition, `${site.pointer}/End`, 'yes') });
  }
  const pathStates = sites.filter((s) => ['Pass', 'Task', 'Map', 'Parallel'].includes(s.state.Type as string));
  for (const site of ends(pathStates)) mutations.push(brokenPath(site, definition));
  return mutations;
}
