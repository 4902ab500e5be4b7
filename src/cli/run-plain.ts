/**
 * Plain-text rendering of a run (no escape codes): one line per step, with virtual time offsets,
 * nesting for Parallel branches and Map iterations (from the thread each event happened in, so
 * interleaved branches stay readable), retries and caught errors, then the result. Used when stdout is
 * not a terminal, in CI and under pre-commit; the live view (run-live.tsx) shows the same lines.
 */
import type { ExecutionResult, HistoryEvent } from '../run/index.js';
import { printable } from '../printable.js';
import { plainPainter, type Painter } from '../report/types.js';

import { formatVirtualTime as seconds } from './virtual-time.js';

export { seconds };

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
    const name = printable(match[1]!);
    levels.push({ label: match[2] !== undefined ? `branch ${Number(match[2]) + 1} of ${name}` : `item ${Number(match[3]) + 1} of ${name}` });
  }
  return levels;
}

/** A 0-based index from the history (`index` of MapIteration events) counted from 1, as the headers count. */
function ordinal(index: unknown): string {
  return typeof index === 'number' ? String(index + 1) : String(index);
}

/** A state name, error name or cause from the user's definition or stubs, safe to print. */
function text(value: unknown): string {
  return printable(String(value));
}

/** The events of a task attempt: service integrations (Task), Lambda function ARNs and activities. */
const TASK_EVENT = /^(Task|LambdaFunction|Activity)(Scheduled|Failed|TimedOut)$/;

/** Turns history events into trace lines as they come. */
export class Trace {
  /** Every line so far, unless constructed with keepLines false (the live view keeps only a window). */
  readonly lines: TraceLine[] = [];
  /** History events seen. */
  events = 0;
  private start: number | undefined;
  private last = 0;
  private lastThread = '';
  private lastStamp = '';
  /** The offset text of the last timestamp, reused by the events that share it. */
  private time = '';
  /** Threads whose last task attempt failed: the next TaskScheduled there is a retry, the next exit a catch. */
  private readonly failing = new Set<string>();
  /** When the running state of each thread was entered (a thread runs one state at a time), for durations. */
  private readonly entered = new Map<string, number>();

  /**
   * `keepLines` false: keep none (the live view keeps its own window). `sink`: hand each event's lines to it
   * instead of keeping them (plain output writes them as they come, so a long run keeps no lines in memory).
   */
  constructor(
    private readonly keepLines = true,
    private readonly sink?: (lines: TraceLine[]) => void,
  ) {}

  /** Virtual time from the first event to the last one seen. */
  get elapsedMs(): number {
    return this.start === undefined ? 0 : this.last - this.start;
  }

  add(event: HistoryEvent, thread = ''): TraceLine[] {
    // Most events share the previous one's timestamp (the same string): parse it only when it changes.
    const at = event.timestamp === this.lastStamp ? this.last : Date.parse(event.timestamp);
    this.lastStamp = event.timestamp;
    this.events++;
    this.start ??= at;
    if (at !== this.last || this.time === '') this.time = `+${seconds(at - this.start)}`;
    this.last = at;
    const time = this.time;
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
      push(`→ ${text(d('stateEnteredEventDetails').name)} (${type.slice(0, -'StateEntered'.length)})`);
    } else if (type.endsWith('StateExited')) {
      const details = d('stateExitedEventDetails');
      const assigned = details.assignedVariables ? ` assigned ${Object.keys(details.assignedVariables as object).map((k) => `$${text(k)}`).join(', ')}` : '';
      const caught = this.failing.delete(thread) ? ' (error caught)' : '';
      const took = at - (this.entered.get(thread) ?? at);
      push(`✓ ${text(details.name)}${took > 0 ? ` in ${seconds(took)}` : ''}${caught}${assigned}`, 'ok');
    } else if (TASK_EVENT.test(type)) {
      const [, family, step] = TASK_EVENT.exec(type)!;
      const f = d(`${family![0]!.toLowerCase()}${family!.slice(1)}${step}EventDetails`);
      if (step === 'Scheduled') {
        if (this.failing.delete(thread)) push('↻ retry');
      } else {
        this.failing.add(thread);
        const what = step === 'Failed' ? 'task failed' : 'task timed out';
        push(`✗ ${what}: ${text(f.error ?? '(no error)')}${f.cause ? ` — ${text(String(f.cause).slice(0, 200))}` : ''}`, 'error');
      }
    } else if (type === 'MapIterationFailed') push(`✗ item ${ordinal(d('mapIterationFailedEventDetails').index)} failed`, 'error');
    else if (type === 'MapIterationAborted') push(`item ${ordinal(d('mapIterationAbortedEventDetails').index)} stopped`);
    else if (type === 'ParallelStateFailed' || type === 'MapStateFailed') {
      this.failing.add(thread);
      push(`✗ ${type === 'ParallelStateFailed' ? 'a branch' : 'an item'} failed`, 'error');
    }
    if (this.sink) {
      if (added.length > 0) this.sink(added);
    } else if (this.keepLines) this.lines.push(...added);
    return added;
  }
}

/** One trace line as text: the time offset, indentation for its thread, the words in their tone. */
export function renderLine(line: TraceLine, painter: Painter = plainPainter): string {
  const words = line.tone === 'ok' ? painter.green(line.text) : line.tone === 'error' ? painter.red(line.text) : line.text;
  return `${painter.dim(line.time.padStart(9))}  ${'  '.repeat(line.depth)}${words}`;
}

function renderLines(lines: TraceLine[], painter: Painter): string {
  if (lines.length === 0) return '';
  return lines.map((line) => renderLine(line, painter)).join('\n') + '\n';
}

/** How much of the run there was: from the trace when one was kept, else from the history. */
export interface RunSpan {
  events: number;
  elapsedMs: number;
}

function spanOf(result: ExecutionResult): RunSpan {
  const history = result.history;
  const elapsedMs = history.length > 1 ? Date.parse(history[history.length - 1]!.timestamp) - Date.parse(history[0]!.timestamp) : 0;
  return { events: history.length, elapsedMs };
}

export function renderResult(result: ExecutionResult, span: RunSpan = spanOf(result), painter: Painter = plainPainter): string {
  const lines: string[] = [];
  const status = `${result.status} after ${seconds(span.elapsedMs)} of virtual time, ${span.events} history events`;
  lines.push(result.status === 'SUCCEEDED' ? painter.green(status) : painter.red(status));
  if (result.status === 'SUCCEEDED') {
    lines.push(`output: ${JSON.stringify(result.output, null, 2)}`);
  } else if (result.status === 'ABORTED' && result.error === undefined) {
    lines.push('stopped before it finished');
  } else {
    lines.push(`error: ${text(result.error ?? '(none)')}`);
    if (result.cause !== undefined) lines.push(`cause: ${printable(result.cause, { keepNewlines: true })}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Plain output written as the run goes, in blocks of about 64 KB, so a long run keeps no lines in memory.
 * `flush` writes the rest; the lines of a run that ends in a usage error are not flushed.
 */
export function streamingTrace(write: (text: string) => void, painter: Painter = plainPainter): { trace: Trace; flush(): void } {
  let pending = '';
  const trace = new Trace(false, (lines) => {
    pending += renderLines(lines, painter);
    if (pending.length >= 64 * 1024) {
      write(pending);
      pending = '';
    }
  });
  return {
    trace,
    flush() {
      if (pending) write(pending);
      pending = '';
    },
  };
}

/** The trace (collected from onEvent, with threads, unless it was streamed), the result, and the history with --history. */
export function renderPlain(result: ExecutionResult, trace: Trace, withHistory: boolean, painter: Painter = plainPainter): string {
  let out = renderLines(trace.lines, painter) + '\n' + renderResult(result, trace, painter);
  if (withHistory) out += `history: ${JSON.stringify(result.history, null, 2)}\n`;
  return out;
}
