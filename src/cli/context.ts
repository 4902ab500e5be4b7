import type { CliIO } from './io.js';

/** What every command action gets: the streams, and a place to put its exit code. */
export interface CommandContext {
  io: CliIO;
  env: Record<string, string | undefined>;
  cwd: string;
  exitCode: number;
  debug: boolean;
}

/**
 * Each command module registers its flags and a lazy action; the heavy work it does
 * (the validator, the interpreter, ink) is imported only when that command runs.
 */
export type RegisterCommand = (program: import('commander').Command, ctx: CommandContext) => void;
