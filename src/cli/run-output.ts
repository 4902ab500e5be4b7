/**
 * Runs a whole execution for `asl run` and shows it: JSON, plain text, or (on a terminal, outside CI)
 * the ink live view; in the colours decided once for stdout, stopped cleanly by Ctrl-C or SIGTERM
 * (exit 130 or 143, with a one-line note). The options come ready from run-action.ts.
 */
import type { ExecuteOptions, ExecutionResult } from '../run/index.js';
import { decideColorLevel, makePainter } from './color.js';
import type { CommandContext } from './context.js';
import { EXIT_FINDINGS, EXIT_OK, InputError } from './errors.js';
import { listenForInterrupts, realSleep } from './interrupt.js';
import { loadInkView } from './load-ink.js';
import { renderPlain, streamingTrace, Trace } from './run-plain.js';

export interface OutputChoice {
  format?: 'pretty' | 'json';
  history?: boolean;
  /** --color / --no-color; undefined: NO_COLOR, FORCE_COLOR and the terminal decide. */
  color?: boolean;
  /** --real-time: really sleep through virtual waits. */
  realTime?: boolean;
  /** Told the run's abort signal, for what runs outside the interpreter's options (the stubs' JSONata). */
  onSignal?: (signal: AbortSignal) => void;
  /** Words a definition problem found while running (a RunSetupError) with its place in the file. */
  describeSetupError?: (error: Error & { pointer?: string }) => Promise<string>;
}

/** A stub file or mock config problem met during the run (an invocation with no answer); by name, so the stub modules need not load. */
export function isStubError(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'MockConfigError' || error.name === 'StubFileError');
}

/** The live view only on a real terminal outside CI and pre-commit: ink writes cursor codes even when piped. */
function useLiveView(ctx: CommandContext, format: OutputChoice['format']): boolean {
  if (format === 'json') return false;
  return Boolean(ctx.io.stdout.isTTY) && !ctx.env.CI && !ctx.env.PRE_COMMIT;
}

function jsonResult(result: ExecutionResult, withHistory: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { status: result.status };
  if (result.status === 'SUCCEEDED') out.output = result.output;
  else {
    if (result.error !== undefined) out.error = result.error;
    if (result.cause !== undefined) out.cause = result.cause;
  }
  if (withHistory) out.history = result.history;
  return out;
}

export async function executeAndShow(ctx: CommandContext, definition: unknown, input: unknown, options: ExecuteOptions, choice: OutputChoice): Promise<number> {
  const [{ execute }, { RunSetupError }] = await Promise.all([import('../run/execute.js'), import('../run/errors.js')]);
  const live = useLiveView(ctx, choice.format);
  // The plain view is for logs (CI, pre-commit, pipes): colour there only when asked for (--color, FORCE_COLOR).
  const painter = await makePainter(decideColorLevel(choice.color, ctx.env, live ? ctx.io.stdout : { isTTY: false }));
  // The history is kept only to be printed; the views count what they need as the events come.
  options.keepHistory = Boolean(choice.history);
  // Plain output is written as it comes (nothing kept); the live view keeps its own window.
  const plain = !live && choice.format !== 'json' ? streamingTrace((text) => ctx.io.stdout.write(text), painter) : undefined;
  const trace = plain?.trace ?? new Trace(false);
  const interrupt = listenForInterrupts(ctx.io.signal, (stop) => ctx.io.stderr.write(`asl: interrupted by ${stop}: stopped at once\n`));
  options.signal = interrupt.signal;
  choice.onSignal?.(interrupt.signal);
  if (choice.realTime) options.onDelay = realSleep(interrupt.signal);
  const view = live ? await (await loadInkView(() => import('./run-live.js'))).startLiveView(ctx.io.stdout, definition, painter) : undefined;
  if (view) options.onEvent = (event, thread) => view.onEvent(event, thread);
  else if (choice.format !== 'json') options.onEvent = (event, thread) => void trace.add(event, thread);
  let result: ExecutionResult;
  try {
    result = await execute(definition, input, options);
  } catch (error) {
    await view?.stop();
    if (error instanceof RunSetupError) throw new InputError(choice.describeSetupError ? await choice.describeSetupError(error) : error.message);
    if (isStubError(error)) throw new InputError(error.message);
    throw error;
  } finally {
    interrupt.dispose();
  }
  if (view) await view.finish(result);
  if (choice.format === 'json') ctx.io.stdout.write(`${JSON.stringify(jsonResult(result, Boolean(choice.history)), null, 2)}\n`);
  else if (plain) {
    plain.flush();
    ctx.io.stdout.write(renderPlain(result, trace, Boolean(choice.history), painter));
  }
  else if (choice.history) ctx.io.stdout.write(`${JSON.stringify(result.history, null, 2)}\n`);
  if (interrupt.received !== undefined && result.status === 'ABORTED') {
    ctx.io.stderr.write(`asl: interrupted by ${interrupt.received}: the execution was stopped (ABORTED)\n`);
    return interrupt.exitCode!;
  }
  return result.status === 'SUCCEEDED' ? EXIT_OK : EXIT_FINDINGS;
}
