/**
 * What a picture must show, read straight from the definition (independently of src/graph): every state's
 * name and every transition as (from, to, kind). Tests compare this with what the real parsers understood.
 */
export interface ExpectedTransition {
  from: string;
  to: string;
  kind: 'next' | 'choice' | 'default' | 'catch';
  /** True when `from` is a Parallel or Map drawn as a cluster: its Next leaves from the cluster's join. */
  fromContainer: boolean;
}

export interface Expected {
  states: string[];
  transitions: ExpectedTransition[];
  containers: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function expectedPicture(definition: unknown): Expected {
  const out: Expected = { states: [], transitions: [], containers: 0 };
  const visit = (scope: unknown): void => {
    if (!isObj(scope) || !isObj(scope.States)) return;
    for (const [name, state] of Object.entries(scope.States)) {
      if (!isObj(state)) continue;
      out.states.push(name);
      const nested: unknown[] = [];
      if (state.Type === 'Parallel' && Array.isArray(state.Branches)) nested.push(...state.Branches.filter(isObj));
      if (state.Type === 'Map') {
        const processor = isObj(state.ItemProcessor) ? state.ItemProcessor : isObj(state.Iterator) ? state.Iterator : undefined;
        if (processor) nested.push(processor);
      }
      const container = nested.length > 0;
      if (container) out.containers++;
      const add = (to: unknown, kind: ExpectedTransition['kind']) => {
        if (typeof to === 'string') out.transitions.push({ from: name, to, kind, fromContainer: container && kind === 'next' });
      };
      if ('Next' in state) add(state.Next, 'next');
      if (state.Type === 'Choice') {
        if (Array.isArray(state.Choices)) for (const rule of state.Choices) if (isObj(rule)) add(rule.Next, 'choice');
        add(state.Default, 'default');
      }
      if (Array.isArray(state.Catch)) for (const c of state.Catch) if (isObj(c)) add(c.Next, 'catch');
      nested.forEach(visit);
    }
  };
  visit(definition);
  return out;
}
