import type { CliIO } from './io.js';

/** What every command action gets: the streams, and a place to put its exit code. */
export interface CommandContext {
  io: CliIO;
  env: Record<string, string | undefined>;
  cwd: string;
  exitCode: number;
  debug: boolean;
}
