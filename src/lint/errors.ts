import type { Catcher, MapState, ParallelState, Retrier, StateView, TaskState } from '../asl/types.js';
import { docsUrl, type Rule } from './rule.js';

/** The state types that have Retry and Catch: only their failures can be retried or caught. */
export function handlesErrors(state: StateView): state is TaskState | ParallelState | MapState {
  return state.Type === 'Task' || state.Type === 'Parallel' || state.Type === 'Map';
}

/** A state's retriers, in order (none on a state type that cannot retry). */
export function retriersOf(state: StateView): readonly Retrier[] {
  return handlesErrors(state) ? (state.Retry ?? []) : [];
}

/** A state's catchers, in order (none on a state type that cannot catch). */
export function catchersOf(state: StateView): readonly Catcher[] {
  return handlesErrors(state) ? (state.Catch ?? []) : [];
}

/** Error-name coverage shared by the Retry/Catch rules (AWS: States.ALL covers all; States.TaskFailed all but States.Timeout). */
export function errorNames(entry: Retrier | Catcher): readonly string[] {
  return entry.ErrorEquals ?? [];
}

export function covers(caught: readonly string[], error: string): boolean {
  if (caught.includes('States.ALL') || caught.includes(error)) return true;
  return caught.includes('States.TaskFailed') && error !== 'States.Timeout' && error !== 'States.ALL';
}

/** The rule for `field` (Retry or Catch): entries are tried in order, so one whose errors an earlier entry already covers can never match. */
export function shadowedEntryRule(field: 'Retry' | 'Catch'): Rule {
  const id = `${field.toLowerCase()}-shadowed`;
  return {
    meta: { id, description: `A ${field.toLowerCase()} entry that earlier entries already cover can never match.`, defaultSeverity: 'warning', docsUrl: docsUrl(id) },
    check(ctx) {
      for (const node of ctx.model.states) {
        const earlier: string[] = [];
        for (const [i, entry] of (field === 'Retry' ? retriersOf(node.state) : catchersOf(node.state)).entries()) {
          // Entries after a States.ALL one are validate's states-all-position error already: one diagnostic per mistake.
          if (earlier.includes('States.ALL')) break;
          const names = errorNames(entry);
          if (i > 0 && names.length > 0 && names.every((n) => covers(earlier, n)))
            ctx.report({ path: `${node.pointer}/${field}/${i}`, message: `${field} entry ${i} of "${node.name}" can never match: earlier entries already cover ${names.join(', ')}. Remove it or move it before them.` });
          earlier.push(...names);
        }
      }
    },
  };
}
