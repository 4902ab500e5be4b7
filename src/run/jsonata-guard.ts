/**
 * Bounds on one JSONata evaluation: wall time, nesting depth and the items of the sequences it builds.
 * JSONata is a full language (recursion, ranges, higher-order functions), so an expression in a
 * definition or a stub can run forever or allocate gigabytes; each bound ends it with
 * States.QueryEvaluationError instead, with a cause that names the bound and how to raise it.
 * The checks run in jsonata's per-node entry and exit hooks, which also yield to the event loop every
 * ~20 ms so that Ctrl-C, an abort signal and a live view's redraws still get their turn.
 */
export interface JsonataBounds {
  /** Wall-clock milliseconds one evaluation may take. */
  timeoutMs: number;
  /** How deeply evaluation may nest (each function call takes a few levels). */
  maxDepth: number;
  /** How many items all the large sequences (arrays) one evaluation builds may hold together; also the longest string. */
  maxItems: number;
  signal?: AbortSignal;
}

/** Defaults, with the reasons in docs/run.md ("JSONata bounds"). */
export const DEFAULT_JSONATA_BOUNDS: Readonly<JsonataBounds> = { timeoutMs: 10_000, maxDepth: 10_000, maxItems: 10_000_000 };

/** Bounds from ExecuteOptions-style fields, defaults filled in. */
export function jsonataBounds(options: { jsonataTimeout?: number; jsonataMaxDepth?: number; jsonataMaxItems?: number; signal?: AbortSignal }): JsonataBounds {
  return {
    timeoutMs: options.jsonataTimeout ?? DEFAULT_JSONATA_BOUNDS.timeoutMs,
    maxDepth: options.jsonataMaxDepth ?? DEFAULT_JSONATA_BOUNDS.maxDepth,
    maxItems: options.jsonataMaxItems ?? DEFAULT_JSONATA_BOUNDS.maxItems,
    signal: options.signal,
  };
}

/** How often (in evaluated nodes) the clock is read: a node takes about half a microsecond. */
const CLOCK_EVERY = 256;
const YIELD_AFTER_MS = 20;
/** Arrays shorter than this are not counted: small ones cannot add up to much before the time bound. */
const COUNTED_LENGTH = 1024;

/** Which bound was crossed; turned into the cause by the caller, who knows the expression and field. */
export class BoundExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BoundExceeded';
  }
}

/** The per-evaluation state the hooks keep (one per `evaluate` call, found through jsonata's base frame). */
export class EvaluationGuard {
  private depth = 0;
  private nodes = 0;
  private items = 0;
  /** Arrays already counted (a variable read twice is one array); made on the first large one. */
  private counted: WeakSet<object> | undefined;
  private readonly start = Date.now();
  private lastYield = this.start;

  constructor(readonly bounds: JsonataBounds) {}

  /** A string of `length` characters, over the size bound. */
  tooLong(length: number): BoundExceeded {
    return new BoundExceeded(`a string of ${length} characters is over the bound of ${this.bounds.maxItems}; raise it with --jsonata-max-items or the jsonataMaxItems option`);
  }

  /** Synchronous unless it yields: jsonata awaits the hook on every node, and a bare value costs least. */
  enter(): Promise<void> | undefined {
    if (++this.depth > this.bounds.maxDepth) {
      throw new BoundExceeded(`it nested deeper than ${this.bounds.maxDepth} levels (endless recursion?); raise the bound with --jsonata-max-depth or the jsonataMaxDepth option`);
    }
    if (++this.nodes % CLOCK_EVERY !== 0) return undefined;
    this.bounds.signal?.throwIfAborted();
    const now = Date.now();
    if (now - this.start > this.bounds.timeoutMs) {
      throw new BoundExceeded(`it ran longer than ${this.bounds.timeoutMs} ms (an endless loop?); raise the bound with --jsonata-timeout or the jsonataTimeout option`);
    }
    return now - this.lastYield >= YIELD_AFTER_MS ? this.yieldNow() : undefined;
  }

  private async yieldNow(): Promise<void> {
    await new Promise((done) => setImmediate(done));
    this.lastYield = Date.now();
    this.bounds.signal?.throwIfAborted();
  }

  exit(result: unknown): void {
    this.depth--;
    // A string that doubles in a loop reaches hundreds of megabytes in a few steps.
    if (typeof result === 'string' && result.length > this.bounds.maxItems) throw this.tooLong(result.length);
    if (!Array.isArray(result) || result.length < COUNTED_LENGTH) return;
    this.counted ??= new WeakSet();
    if (this.counted.has(result)) return;
    this.counted.add(result);
    this.items += result.length;
    if (this.items > this.bounds.maxItems) {
      throw new BoundExceeded(`its sequences grew past ${this.bounds.maxItems} items; raise the bound with --jsonata-max-items or the jsonataMaxItems option`);
    }
  }
}

/** The binding a guard travels in: a name no JSONata `$variable` can spell (it has a space). */
export const GUARD_BINDING = 'asl guard';
const GUARD = Symbol('asl-toolkit evaluation guard');

interface Frame {
  base?: Frame & { [GUARD]?: EvaluationGuard };
  lookup(name: string): unknown;
}

/** The guard of the evaluation an environment belongs to, cached on jsonata's per-evaluation base frame. */
function guardOf(environment: Frame): EvaluationGuard | undefined {
  const base = environment.base;
  if (!base) return environment.lookup(GUARD_BINDING) as EvaluationGuard | undefined;
  return (base[GUARD] ??= base.lookup(GUARD_BINDING) as EvaluationGuard | undefined);
}

interface GuardedExpression {
  assign(name: string | symbol, value: unknown): void;
  // As jsonata declares it (its functions are called with a focus object as `this`).
  registerFunction(name: string, implementation: (this: any, ...args: any[]) => any, signature?: string): void;
}

type Pad = (this: unknown, text: string, width: number, char?: string) => string | undefined;

/**
 * Installs the hooks on a compiled expression, once: they find each evaluation's own guard. `$pad`
 * builds its whole padding in one call, where no hook can see it (`$pad("", 1e9)` takes gigabytes),
 * so it is checked against the size bound before jsonata's own `pad` (`originalPad`) runs.
 */
export function installGuardHooks(expression: GuardedExpression, originalPad: Pad): void {
  expression.assign(Symbol.for('jsonata.__evaluate_entry'), (_expr: unknown, _input: unknown, environment: Frame) => guardOf(environment)?.enter());
  expression.assign(Symbol.for('jsonata.__evaluate_exit'), (_expr: unknown, _input: unknown, environment: Frame, result: unknown) => guardOf(environment)?.exit(result));
  expression.registerFunction(
    'pad',
    function (this: { environment: Frame }, text: string, width: number, char?: string) {
      const guard = guardOf(this.environment);
      if (guard && Math.abs(width) > guard.bounds.maxItems) throw guard.tooLong(Math.abs(width));
      return originalPad.call(this, text, width, char);
    },
    '<s-ns?:s>',
  );
}

/** jsonata's own `$pad`, taken from the library once so the guarded one can call it. */
export async function jsonataPad(factory: (text: string) => { evaluate(input: unknown): Promise<unknown> }): Promise<Pad> {
  const fn = (await factory('$pad').evaluate({})) as { implementation: Pad };
  return fn.implementation;
}
