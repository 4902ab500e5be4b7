/**
 * History events in the shape of AWS GetExecutionHistory: ids, previous ids, timestamps on the
 * virtual clock, and the documented `<type>EventDetails` objects with JSON text payloads.
 */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: string;
  type: string;
  [details: string]: unknown;
}

export class HistoryLimitError extends Error {
  constructor(readonly limit: number) {
    super(`The execution reached ${limit} history events and was stopped. AWS allows at most 25,000; a loop that never ends would run forever. Raise the limit with --max-events if the machine really needs more.`);
    this.name = 'HistoryLimitError';
  }
}

const detailsKeys = new Map<string, string>();

export class History {
  readonly events: HistoryEvent[] = [];
  // Most events share the previous event's virtual time: format it once.
  private lastTime = NaN;
  private lastStamp = '';

  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly listener?: (event: HistoryEvent, thread: string) => void,
    /** False when nobody will read the events: they are then only counted, for the guard. */
    private readonly keep = true,
  ) {}

  /** False when events are only counted: callers can then skip building their details. */
  get detailed(): boolean {
    return this.keep || this.listener !== undefined;
  }

  /** Adds an event; returns its id so later events can point back to it. */
  add(type: string, previousEventId: number, timeMs: number, details?: Record<string, unknown>, thread = ''): number {
    if (this.count >= this.limit) throw new HistoryLimitError(this.limit);
    const id = ++this.count;
    if (!this.keep && !this.listener) return id;
    if (timeMs !== this.lastTime) {
      this.lastTime = timeMs;
      this.lastStamp = new Date(timeMs).toISOString();
    }
    const event: HistoryEvent = { id, previousEventId, timestamp: this.lastStamp, type };
    if (details) {
      let key = detailsKeys.get(type);
      if (key === undefined) detailsKeys.set(type, (key = detailsKey(type)));
      event[key] = details;
    }
    if (this.keep) this.events.push(event);
    this.listener?.(event, thread);
    return id;
  }
}

/** "TaskStateEntered" → "stateEnteredEventDetails", as AWS names the detail fields. */
function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`;
}

export function payloadText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
