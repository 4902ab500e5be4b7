/**
 * `asl lint dir | head -2`: the reader goes away while asl is still writing. Node ignores SIGPIPE, so the next
 * write fails with EPIPE, which the stream emits as an 'error' event; unhandled, that is a crash with a stack
 * trace. A closed reader is not a failure of the command: the output is dropped, the command ends with its own
 * exit code, and a long-running one (`--watch`) stops as it would on Ctrl-C.
 */
import type { CliIO, OutputStream } from './io.js';

/**
 * The abort reason of a closed reader. A run does not stop for it (it finishes, its output dropped, so its exit
 * code is the workflow's own); a watch loop does, as nothing reads what it would print next.
 */
export const CLOSED_PIPE = 'closed-pipe';

type EventSource = OutputStream & {
  on?(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
};

/**
 * Watches stdout and stderr for a closed reader. Returns the streams with a `signal` that aborts when either is
 * closed (or when the caller's own signal does). The listeners stay for the life of the process: a write that
 * was queued while the pipe was full can fail after the command has returned.
 */
export function watchForClosedPipe(io: CliIO): CliIO {
  const closed = new AbortController();
  if (io.signal?.aborted) closed.abort(io.signal.reason);
  io.signal?.addEventListener('abort', () => closed.abort(io.signal!.reason), { once: true });
  const onError = (error: NodeJS.ErrnoException): void => {
    // Anything else is a real failure (a full disk behind a redirect): left to crash loudly, as before.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    closed.abort(CLOSED_PIPE);
  };
  for (const stream of [io.stdout, io.stderr] as EventSource[]) stream.on?.('error', onError);
  return { ...io, signal: closed.signal };
}
