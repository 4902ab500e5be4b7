/**
 * Errors that carry their exit code. Anything thrown from cli/ that is one of these becomes one clean
 * line on stderr; anything else escaping is a bug and is reported as such (stack only with --debug).
 * Messages hold file names and text from the user's files as they are: main.ts escapes control characters
 * when it prints them (printable), so a message is never written to a terminal raw.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = new.target.name;
  }
}

/** Wrong flags, bad option values, bad configuration: exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}

/** Unreadable paths, missing files, bad stub files or inputs: exit 2. */
export class InputError extends CliError {
  constructor(message: string) {
    super(message, EXIT_USAGE);
  }
}
