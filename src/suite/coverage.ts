/**
 * Workflow coverage over every scenario that ran: per state machine, the states entered, the transitions
 * taken and the retriers that fired, as totals, misses and hit counts. `asl graph --coverage` reads the
 * JSON form (its `hits`) as plain data; lcov.ts writes the same figures for Codecov and Coveralls.
 */
import type { SourcePosition } from '../source/types.js';
import { coverageModel, type CoverageModel, type TransitionKind } from './coverage-model.js';

export interface MachineCoverage {
  /** The definition file, as reports show it. */
  file: string;
  /** The logical id in a template; absent for a bare definition. */
  machine?: string;
  states: { total: number; covered: number; missed: string[] };
  transitions: { total: number; covered: number; missed: Array<{ from: string; to: string; kind: TransitionKind; index?: number }> };
  retriers: { total: number; covered: number; missed: Array<{ state: string; index: number }> };
  /** Line of each state's name in the definition file, by full path (lcov and annotations use it). */
  lines: Record<string, number>;
  /** Hit counts: states by full path, transitions by "from → to" with their kind and index. */
  hits: {
    states: Record<string, number>;
    transitions: Array<{ from: string; to: string; kind: TransitionKind; index?: number; hits: number }>;
  };
}

export interface CoverageReport {
  machines: MachineCoverage[];
}

/** One machine being measured: its model, where its states are written, and the hits so far. */
export interface CoverageTarget {
  file: string;
  machine?: string;
  model: CoverageModel;
  locate(pointer: string): SourcePosition;
  hits: Map<string, number>;
}

export class CoverageCollector {
  private readonly targets = new Map<string, CoverageTarget>();

  /** The target for a machine, created on first use; `id` tells machines apart (file and logical id). */
  target(id: string, file: string, machine: string | undefined, definition: unknown, locate: (pointer: string) => SourcePosition): CoverageTarget {
    let target = this.targets.get(id);
    if (!target) this.targets.set(id, (target = { file, machine, model: coverageModel(definition), locate, hits: new Map() }));
    return target;
  }

  add(target: CoverageTarget, hits: Map<string, number>): void {
    for (const [key, count] of hits) target.hits.set(key, (target.hits.get(key) ?? 0) + count);
  }

  all(): CoverageTarget[] {
    return [...this.targets.values()];
  }

  report(): CoverageReport {
    return { machines: this.all().map(summarise) };
  }
}

function summarise(target: CoverageTarget): MachineCoverage {
  const { model, hits } = target;
  const hit = (key: string) => hits.get(key) ?? 0;
  const missedStates = model.states.filter((s) => hit(s.name) === 0).map((s) => s.name);
  const missedTransitions = model.transitions.filter((t) => hit(t.key) === 0).map(({ from, to, kind, index }) => (index === undefined ? { from, to, kind } : { from, to, kind, index }));
  const missedRetriers = model.retriers.filter((r) => hit(r.key) === 0).map(({ state, index }) => ({ state, index }));
  const out: MachineCoverage = {
    file: target.file,
    states: { total: model.states.length, covered: model.states.length - missedStates.length, missed: missedStates },
    transitions: { total: model.transitions.length, covered: model.transitions.length - missedTransitions.length, missed: missedTransitions },
    retriers: { total: model.retriers.length, covered: model.retriers.length - missedRetriers.length, missed: missedRetriers },
    lines: Object.fromEntries(model.states.map((s) => [s.name, target.locate(s.pointer).line])),
    hits: {
      states: Object.fromEntries(model.states.map((s) => [s.name, hit(s.name)])),
      transitions: model.transitions.map(({ key, from, to, kind, index }) => ({ from, to, kind, ...(index === undefined ? {} : { index }), hits: hit(key) })),
    },
  };
  if (target.machine !== undefined) out.machine = target.machine;
  return out;
}

/** Percentage covered, 100 for a machine with nothing of that kind. */
export function percent(part: { total: number; covered: number }): number {
  return part.total === 0 ? 100 : (part.covered / part.total) * 100;
}

export interface CoverageThresholds {
  states?: number;
  transitions?: number;
}

/** "states=100,transitions=90" → thresholds; undefined and a message for anything else. */
export function parseThresholds(text: string): CoverageThresholds | string {
  const out: CoverageThresholds = {};
  for (const part of text.split(',')) {
    const match = /^\s*(states|transitions)\s*=\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!match || Number(match[2]) > 100) return `"${part.trim()}" is not KIND=PERCENT with KIND states or transitions and PERCENT 0 to 100, as in states=100,transitions=90`;
    out[match[1] as 'states' | 'transitions'] = Number(match[2]);
  }
  return out;
}

/** Each machine and measure below its threshold, as sentences. */
export function thresholdMisses(report: CoverageReport, thresholds: CoverageThresholds): string[] {
  const misses: string[] = [];
  for (const m of report.machines) {
    for (const kind of ['states', 'transitions'] as const) {
      const want = thresholds[kind];
      if (want === undefined) continue;
      const have = percent(m[kind]);
      if (have < want) misses.push(`${m.file}${m.machine ? ` (${m.machine})` : ''}: ${kind} ${have.toFixed(1)}% is below the threshold of ${want}%`);
    }
  }
  return misses;
}
