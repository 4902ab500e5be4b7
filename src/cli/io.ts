/** The streams a command talks to. Injected so tests can run commands in-process with buffers. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Environment to read NO_COLOR, FORCE_COLOR, CI … from; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Working directory for relative paths; defaults to process.cwd(). */
  cwd?: string;
  /** Stops a long-running command (`--watch`) when aborted, as Ctrl-C does; exit code 0. */
  signal?: AbortSignal;
}

/** Collects output in memory: for tests. */
export class BufferStream implements OutputStream {
  text = '';
  isTTY = false;
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}
