/**
 * Plain-text rendering of a run (no escape codes): one line per step, with virtual time offsets,
 * nesting for Parallel branches and Map iterations (from the thread each event happened in, so
 * interleaved branches stay readable), retries and caught errors, then the result. Used when stdout is
 * not a terminal, in CI and under pre-commit; the live view (run-live.tsx) shows the same lines.
 */
import type { ExecutionResult, HistoryEvent } from '../run/index.js';

function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 3600 ? `${(s / 3600).toFixed(2)}h` : s >= 60 ? `${(s / 60).toFixed(1)}m` : `${Number(s.toFixed(3))}s`;
}

export interface TraceLine {
  key: string;
  /** "+1.5s": virtual time since the execution started. */
  time: string;
  depth: number;
  text: string;
  tone?: 'ok' | 'error';
}

/**
 * "Fan/1/Each[3]" → 2 levels: "branch 2 of Fan", then "item 4 of Each". Thread names hold 0-based indexes
 * (as qualified state names do); people count from 1, as `asl graph` labels branches.
 */
function threadLevels(thread: string): Array<{ label: string }> {
  const levels: Array<{ label: string }> = [];
  const pattern = /(?:^|\/)(.+?)(?:\/(\d+)|\[(\d+)\])(?=\/|$)/g;
  for (let match = pattern.exec(thread); match; match = pattern.exec(thread)) {
    levels.push({ label: match[2] !== undefined ? `branch ${Number(match[2]) + 1} of ${match[1]}` : `item ${Number(match[3]) + 1} of ${match[1]}` });
  }
  return levels;
}

/** A 0-based index from the history (`index` of MapIteration events) counted from 1, as the headers count. */
function ordinal(index: unknown): string {
  return typeof index === 'number' ? String(index + 1) : String(index);
}

/** The events of a task attempt: service integrations (Task), Lambda function ARNs and activities. */
const TASK_EVENT = /^(Task|LambdaFunction|Activity)(Scheduled|Failed|TimedOut)$/;

export interface TraceOptions {
  /** Keep only the last this many lines (a live view shows a window): memory stays flat however long the run. */
  keep?: number;
  /** Hand each event's lines to this instead of keeping them (plain output writes them as they come). */
  sink?: (lines: TraceLine[]) => void;
}

/** Turns history events into trace lines as they come. */
export class Trace {
  readonly lines: TraceLine[] = [];
  /** Events seen, and virtual milliseconds from the first to the last: the summary, without keeping the history. */
  events = 0;
  elapsedMs = 0;
  private start: number | undefined;
  private lastThread = '';
  /** Threads whose last task attempt failed: the next TaskScheduled there is a retry, the next exit a catch. */
  private readonly failing = new Set<string>();
  /** When the running state of each thread was entered (a thread runs one state at a time), for durations. */
  private readonly entered = new Map<string, number>();

  constructor(private readonly options: TraceOptions = {}) {}

  add(event: HistoryEvent, thread = ''): TraceLine[] {
    const at = Date.parse(event.timestamp);
    this.start ??= at;
    this.events++;
    this.elapsedMs = at - this.start;
    const time = `+${seconds(at - this.start)}`;
    const levels = threadLevels(thread);
    const added: TraceLine[] = [];
    const push = (text: string, tone?: TraceLine['tone']) => {
      if (thread !== this.lastThread && levels.length > 0) {
        added.push({ key: `${event.id}h`, time, depth: levels.length - 1, text: `┌ ${levels[levels.length - 1]!.label}` });
      }
      this.lastThread = thread;
      added.push({ key: String(event.id), time, depth: levels.length, text, tone });
    };
    const d = (key: string) => (event[key] ?? {}) as Record<string, unknown>;
    const type = event.type;
    if (type.endsWith('StateEntered')) {
      this.entered.set(thread, at);
      push(`→ ${String(d('stateEnteredEventDetails').name)} (${type.slice(0, -'StateEntered'.length)})`);
    } else if (type.endsWith('StateExited')) {
      const details = d('stateExitedEventDetails');
      const assigned = details.assignedVariables ? ` assigned ${Object.keys(details.assignedVariables as object).map((k) => `$${k}`).join(', ')}` : '';
      const caught = this.failing.delete(thread) ? ' (error caught)' : '';
      const took = at - (this.entered.get(thread) ?? at);
      push(`✓ ${String(details.name)}${took > 0 ? ` in ${seconds(took)}` : ''}${caught}${assigned}`, 'ok');
    } else if (TASK_EVENT.test(type)) {
      const [, family, step] = TASK_EVENT.exec(type)!;
      const f = d(`${family![0]!.toLowerCase()}${family!.slice(1)}${step}EventDetails`);
      if (step === 'Scheduled') {
        if (this.failing.delete(thread)) push('↻ retry');
      } else {
        this.failing.add(thread);
        const what = step === 'Failed' ? 'task failed' : 'task timed out';
        push(`✗ ${what}: ${String(f.error ?? '(no error)')}${f.cause ? ` — ${String(f.cause).slice(0, 200)}` : ''}`, 'error');
      }
    } else if (type === 'MapIterationFailed') push(`✗ item ${ordinal(d('mapIterationFailedEventDetails').index)} failed`, 'error');
    else if (type === 'MapIterationAborted') push(`item ${ordinal(d('mapIterationAbortedEventDetails').index)} stopped`);
    else if (type === 'ParallelStateFailed' || type === 'MapStateFailed') {
      this.failing.add(thread);
      push(`✗ ${type === 'ParallelStateFailed' ? 'a branch' : 'an item'} failed`, 'error');
    }
    this.keepLines(added);
    return added;
  }

  private keepLines(added: TraceLine[]): void {
    if (added.length === 0) return;
    if (this.options.sink) return this.options.sink(added);
    this.lines.push(...added);
    const keep = this.options.keep;
    // Trimmed in batches, so the copying stays linear in the number of events.
    if (keep !== undefined && this.lines.length > 2 * keep) this.lines.splice(0, this.lines.length - keep);
  }
}

/**
 * Plain output written as the run goes, in blocks of about 64 KB, so a long run keeps no lines in memory.
 * `flush` writes the rest; lines of a run that ends in a usage error are never flushed.
 */
export function streamingTrace(write: (text: string) => void): { trace: Trace; flush(): void } {
  let pending = '';
  const trace = new Trace({
    sink: (lines) => {
      pending += renderLines(lines);
      if (pending.length >= 64 * 1024) {
        write(pending);
        pending = '';
      }
    },
  });
  return {
    trace,
    flush() {
      if (pending) write(pending);
      pending = '';
    },
  };
}

function renderLines(lines: TraceLine[]): string {
  if (lines.length === 0) return '';
  return lines.map((line) => `${line.time.padStart(9)}  ${'  '.repeat(line.depth)}${line.text}`).join('\n') + '\n';
}

/** The summary; `trace` gives the counts when the history was not kept (a run without --history keeps none). */
export function renderResult(result: ExecutionResult, trace?: Pick<Trace, 'events' | 'elapsedMs'>): string {
  const lines: string[] = [];
  const history = result.history;
  const kept = history.length > 0 || !trace;
  const elapsed = !kept ? trace.elapsedMs : history.length > 1 ? Date.parse(history[history.length - 1]!.timestamp) - Date.parse(history[0]!.timestamp) : 0;
  const eventCount = kept ? history.length : trace.events;
  lines.push(`${result.status} after ${seconds(elapsed)} of virtual time, ${eventCount} history events`);
  if (result.status === 'SUCCEEDED') {
    lines.push(`output: ${JSON.stringify(result.output, null, 2)}`);
  } else {
    lines.push(`error: ${result.error ?? '(none)'}`);
    if (result.cause !== undefined) lines.push(`cause: ${result.cause}`);
  }
  return lines.join('\n') + '\n';
}

/** What follows the trace (already written by streamingTrace): the result, and the history with --history. */
export function renderPlain(result: ExecutionResult, trace: Trace, withHistory: boolean): string {
  let text = '\n' + renderResult(result, trace);
  if (withHistory) text += `history: ${JSON.stringify(result.history, null, 2)}\n`;
  return text;
}
