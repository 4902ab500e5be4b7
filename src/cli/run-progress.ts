/**
 * What the live view of `asl run` shows, kept at a size that does not grow with the run: the last few
 * trace lines, and one summary per Map or Parallel state in progress (items or branches done, running and
 * failed, of how many). Fed every history event; the view reads a snapshot a few times a second, so a
 * 100,000-item Map costs about what the plain output costs, not a redraw of its whole history per event.
 */
import type { HistoryEvent } from '../run/index.js';
import { buildModel, type StateNode } from '../asl/walker.js';
import { printable } from '../printable.js';
import { Trace, type TraceLine } from './run-plain.js';

/** A scope's states by name, from the walker's model. */
type States = ReadonlyMap<string, StateNode>;

const NO_STATES: States = new Map();

export interface GroupSummary {
  kind: 'Map' | 'Parallel';
  name: string;
  /** Nesting: 0 for a state of the machine itself, 1 inside one branch or iteration, … */
  depth: number;
  total: number;
  done: number;
  running: number;
  failed: number;
}

interface Group extends GroupSummary {
  /** The States of an iteration or of each branch, to know which states end a branch. */
  inner: States[];
}

/** A thread (a branch or an iteration) still running: its scope's states, and the group it belongs to. */
interface Lane {
  states: States;
  depth: number;
  group?: Group;
  /** For branches: counted as running once it has started. */
  started: boolean;
}

export interface ProgressSnapshot {
  lines: TraceLine[];
  groups: GroupSummary[];
  events: number;
  elapsedMs: number;
}

interface IterationDetails {
  name?: unknown;
  index?: unknown;
}

const ITERATION_DETAILS = {
  MapIterationStarted: 'mapIterationStartedEventDetails',
  MapIterationSucceeded: 'mapIterationSucceededEventDetails',
  MapIterationFailed: 'mapIterationFailedEventDetails',
  MapIterationAborted: 'mapIterationAbortedEventDetails',
} as const;

/** A state whose exit ends its branch: `"End": true`, or a Succeed state. */
function endsItsScope(node: StateNode): boolean {
  const state = node.state;
  return state.Type === 'Succeed' || ('End' in state && state.End === true);
}

function child(thread: string, suffix: string): string {
  return thread === '' ? suffix : `${thread}/${suffix}`;
}

export class RunProgress {
  private readonly trace = new Trace(false);
  /** The most recent trace lines, oldest first; at most `keep`. */
  private recent: TraceLine[] = [];
  private readonly groups = new Map<string, Group>();
  private readonly lanes = new Map<string, Lane>();
  /** The state each thread is in, by name. */
  private readonly current = new Map<string, string>();
  /** Threads whose state has failed since it was entered: its exit then is a catch, not a branch's end. */
  private readonly failing = new Set<string>();
  /** Bumped on every change, so a view redraws only when something happened. */
  version = 0;

  constructor(
    definition: unknown,
    private readonly keep = 40,
  ) {
    this.lanes.set('', { states: buildModel(definition).root.byName, depth: 0, started: true });
  }

  add(event: HistoryEvent, thread: string): void {
    this.version++;
    const added = this.trace.add(event, thread);
    if (added.length > 0) {
      this.recent.push(...added);
      // Trimmed in batches: the array never holds more than twice the window.
      if (this.recent.length > 2 * this.keep) this.recent = this.recent.slice(-this.keep);
    }
    this.follow(event, thread);
  }

  private follow(event: HistoryEvent, thread: string): void {
    const type = event.type;
    const lane = this.lanes.get(thread);
    if (lane?.group && !lane.started) {
      lane.started = true;
      lane.group.running++;
    }
    switch (type) {
      case 'MapStateStarted':
        return this.startGroup('Map', thread, Number((event.mapStateStartedEventDetails as { length?: unknown } | undefined)?.length ?? 0));
      case 'ParallelStateStarted':
        return this.startGroup('Parallel', thread, 0);
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
      case 'MapIterationAborted':
        return this.iteration(type, thread, event[ITERATION_DETAILS[type]] as IterationDetails | undefined);
    }
    if (type.endsWith('StateEntered')) {
      this.current.set(thread, String((event.stateEnteredEventDetails as { name?: unknown } | undefined)?.name));
      this.failing.delete(thread);
    } else if (type.endsWith('StateExited')) this.exited(thread, String((event.stateExitedEventDetails as { name?: unknown } | undefined)?.name));
    else if (type.endsWith('Failed') || type.endsWith('TimedOut')) this.failing.add(thread);
    else if (type.endsWith('Scheduled')) this.failing.delete(thread);
  }

  private startGroup(kind: Group['kind'], thread: string, length: number): void {
    const name = this.current.get(thread) ?? '';
    const node = this.lanes.get(thread)?.states.get(name);
    const depth = this.lanes.get(thread)?.depth ?? 0;
    // The walker's nested scopes: the Parallel's branches in order, or the Map's processor.
    const inner = node?.children.map((scope) => scope.byName) ?? [];
    const branches = kind === 'Parallel' ? inner : [];
    const key = `${thread}\u0000${name}`;
    this.dropGroup(key);
    const group: Group = { kind, name: printable(name), depth, total: kind === 'Map' ? length : branches.length, done: 0, running: 0, failed: 0, inner };
    this.groups.set(key, group);
    if (kind === 'Parallel') {
      inner.forEach((states, i) => this.lanes.set(child(thread, `${name}/${i}`), { states, depth: depth + 1, group, started: false }));
    }
  }

  private iteration(type: keyof typeof ITERATION_DETAILS, thread: string, details: IterationDetails = {}): void {
    const suffix = `${String(details.name)}[${String(details.index)}]`;
    // Started, Succeeded and Failed happen in the iteration's thread; Aborted in the Map's own.
    const itemThread = type === 'MapIterationAborted' ? child(thread, suffix) : thread;
    const parent = itemThread === suffix ? '' : itemThread.slice(0, -suffix.length - 1);
    const group = this.groups.get(`${parent}\u0000${String(details.name)}`);
    if (!group) return;
    if (type === 'MapIterationStarted') {
      this.lanes.set(itemThread, { states: group.inner[0] ?? NO_STATES, depth: group.depth + 1, started: true });
      group.running++;
      return;
    }
    group.running = Math.max(0, group.running - 1);
    if (type === 'MapIterationSucceeded') group.done++;
    else if (type === 'MapIterationFailed') group.failed++;
    this.forget(itemThread);
  }

  private exited(thread: string, name: string): void {
    const lane = this.lanes.get(thread);
    const node = lane?.states.get(name);
    // A branch ends with the exit of a state that ends it (not one whose error a Catch took elsewhere).
    if (lane?.group?.kind === 'Parallel' && node && endsItsScope(node) && !this.failing.has(thread)) {
      lane.group.done++;
      lane.group.running = Math.max(0, lane.group.running - 1);
      lane.group = undefined;
    }
    this.failing.delete(thread);
    this.dropGroup(`${thread}\u0000${name}`);
  }

  /** The Map or Parallel state is over: its summary and the lanes of its branches go. */
  private dropGroup(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    this.groups.delete(key);
    if (group.kind === 'Parallel') {
      const [thread, name] = key.split('\u0000') as [string, string];
      group.inner.forEach((_, i) => this.forget(child(thread, `${name}/${i}`)));
    }
  }

  private forget(thread: string): void {
    this.lanes.delete(thread);
    this.current.delete(thread);
    this.failing.delete(thread);
  }

  /** The picture now: at most `lines` trace lines and `maxGroups` summaries (the outermost first). */
  snapshot(lines: number, maxGroups: number): ProgressSnapshot & { hiddenGroups: number } {
    const all = [...this.groups.values()];
    const groups = all.slice(0, maxGroups).map(({ kind, name, depth, total, done, running, failed }) => ({ kind, name, depth, total, done, running, failed }));
    return {
      lines: this.recent.slice(-lines),
      groups,
      hiddenGroups: all.length - groups.length,
      events: this.trace.events,
      elapsedMs: this.trace.elapsedMs,
    };
  }
}

/** "Each (Map): 4,211 of 10,000 items done · 40 running · 2 failed" */
export function describeGroup(group: GroupSummary): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const what = group.kind === 'Map' ? (group.total === 1 ? 'item' : 'items') : group.total === 1 ? 'branch' : 'branches';
  const parts = [`${group.name} (${group.kind}): ${n(group.done)} of ${n(group.total)} ${what} done`, `${n(group.running)} running`];
  if (group.failed > 0) parts.push(`${n(group.failed)} failed`);
  return parts.join(' · ');
}
