/**
 * Workflow coverage as the graph takes it: plain hit counts per state (by full path, `Fan/0/Charge`) and
 * per transition, as `asl test --coverage-report` writes them (each machine's `hits`). The graph knows
 * nothing of tests; it only colours what it is given.
 */
export interface GraphCoverage {
  /** Visits per state, by full path. */
  states: Record<string, number>;
  /** Times each transition was taken: `kind` next, choice, default, catch or end; `index` for choice and catch. */
  transitions: Array<{ from: string; kind: string; index?: number; hits: number }>;
}

/** Colours shared by the emitters: covered green, never reached red. */
export const COVERED_COLOR = '#2e7d32';
export const UNCOVERED_COLOR = '#c62828';

export function transitionKey(from: string, kind: string, index?: number): string {
  return index === undefined ? `${from}#${kind}` : `${from}#${kind}:${index}`;
}

/** Hits by state path and by transition; an absent entry is 0 (never reached). */
export interface CoverageLookup {
  state(path: string): number;
  transition(from: string, kind: string, index?: number): number;
}

/** Looks up hits; an absent entry is 0 (never reached). */
export function coverageLookup(coverage: GraphCoverage): CoverageLookup {
  const transitions = new Map<string, number>();
  for (const t of coverage.transitions) transitions.set(transitionKey(t.from, t.kind, t.index), t.hits);
  return {
    state: (path) => coverage.states[path] ?? 0,
    transition: (from, kind, index) => transitions.get(transitionKey(from, kind, index)) ?? 0,
  };
}

/** The label line a node gets: how often it was entered. */
export function hitsLine(hits: number): string {
  return hits === 0 ? 'not reached' : `✓ ${hits}×`;
}
